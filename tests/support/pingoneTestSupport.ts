// Test-only helpers for the PingOne client tests (imported by *.test.ts only): a recording clock, a capturing logger, and unsigned JWTs.
import type { Clock } from '../../src/utils/clock';
import type { Logger } from '../../src/utils/logger';

/**
 * A clock for retry tests: short waits (backoff, Retry-After) fire on the next macrotask and advance `now`; waits
 * of `neverFireFromMs` or more (request timeouts) never fire. Every requested delay is recorded.
 */
export function createRecordingClock(neverFireFromMs = 15_000): Clock & { delays: number[] } {
  let now = 1_700_000_000_000;
  const delays: number[] = [];
  return {
    delays,
    now: () => now,
    setTimeout(callback, ms) {
      delays.push(ms);
      if (ms >= neverFireFromMs) return undefined;
      return globalThis.setTimeout(() => {
        now += ms;
        callback();
      }, 0);
    },
    clearTimeout(handle) {
      if (handle !== undefined) globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>);
    },
  };
}

export interface CapturedLine {
  level: string;
  module: string;
  message: string;
  data?: unknown;
}

/** A Logger that keeps every line (unredacted: the tests prove the client masked before logging). */
export function createCapturingLogger(): Logger & { lines: CapturedLine[]; text(): string } {
  const lines: CapturedLine[] = [];
  const make = (module: string): Logger => ({
    debug: (message, data) => void lines.push({ level: 'debug', module, message, data }),
    info: (message, data) => void lines.push({ level: 'info', module, message, data }),
    warn: (message, data) => void lines.push({ level: 'warn', module, message, data }),
    error: (message, data) => void lines.push({ level: 'error', module, message, data }),
    child: (name) => make(name),
  });
  return { ...make('root'), lines, text: () => JSON.stringify(lines) };
}

/** base64url of a JSON value, without Node's Buffer so this file type-checks with the app. */
function b64url(value: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A JWT-shaped access token (unsigned; the client only reads its `scope` claim for diagnostics). */
export function fakeAccessToken(claims: Record<string, unknown>): string {
  return `${b64url({ alg: 'RS256', kid: 'k1' })}.${b64url({ client_id: 'worker', ...claims })}.c2lnbmF0dXJlLW5vdC1jaGVja2Vk`;
}
