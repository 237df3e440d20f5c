// Retry policy for token requests: exponential backoff with full jitter, Retry-After, never on client errors.
import { sleep } from '../clock';
import { effects } from '../effects';
import { HttpResponseError, isPlaygroundError, OAuthResponseError, RelayError, type ErrorCode } from '../errors';
import { abortedError } from '../http';

/** One attempt, as the attempts timeline shows it. */
export interface AttemptInfo {
  /** 1-based */
  attempt: number;
  /** epoch ms (clock.now) */
  startedAt: number;
  durationMs: number;
  outcome: 'success' | 'retry' | 'failed';
  status?: number;
  code?: ErrorCode;
  /** the OAuth `error` (RFC 6749 §5.2) when the server answered with one, e.g. `invalid_client` */
  oauthError?: string;
  /** wait before the next attempt (outcome 'retry') */
  delayMs?: number;
  /** what the server's Retry-After asked for, before capping */
  retryAfterMs?: number;
}

/** Time comes from `effects().clock`. */
export interface RetryOptions {
  /** Who is being called, for the cancellation message ("The request to the PingOne API was cancelled."). */
  peer: string;
  /** [0, 1); injectable so tests get fixed delays */
  random?: () => number;
  /** retries after the first attempt; default 3 */
  maxRetries?: number;
  /** default 250 */
  baseDelayMs?: number;
  /** cap of the exponential delay; default 8000 */
  maxDelayMs?: number;
  /** cap of a server's Retry-After; default 60 000 */
  maxRetryAfterMs?: number;
  onAttempt?: (info: AttemptInfo) => void;
  signal?: AbortSignal;
}

/** Statuses worth another try: overload and gateway trouble. Every other 4xx is the client's problem. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);
/** Statuses whose Retry-After is honoured. */
const RETRY_AFTER_STATUSES: ReadonlySet<number> = new Set([429, 503]);
export const DEFAULT_MAX_RETRY_AFTER_MS = 60_000;

/**
 * Whether an error is transient: NETWORK, TIMEOUT (direct or the relay's upstream `unreachable`/`timeout`), or an
 * HTTP 429/500/502/503/504 (with or without an OAuth error body). Never a caller abort, never input errors, never
 * `invalid_client` & co, never the relay refusing or missing.
 */
export function isRetryable(error: unknown): boolean {
  if (!isPlaygroundError(error)) return false;
  if (error.code === 'NETWORK' || error.code === 'TIMEOUT') return true;
  // Through the relay, the same transient failures arrive as the relay's upstream kinds; TLS and size never heal.
  if (error instanceof RelayError) return error.kind === 'unreachable' || error.kind === 'timeout';
  if (error.code === 'ABORTED' || error.code === 'INVALID_INPUT' || error.code === 'KEY_ERROR') return false;
  return error.status !== undefined && RETRYABLE_STATUSES.has(error.status);
}

/**
 * Parses a Retry-After value (delta-seconds or an HTTP-date) into milliseconds from `now`.
 * Undefined when absent or unreadable; a date in the past gives 0.
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  const raw = value?.trim();
  if (!raw) return undefined;
  if (/^\d+$/.test(raw)) return Number(raw) * 1000;
  // HTTP-date always names a weekday or month; Date.parse alone accepts far too much ("1.5", "2024").
  if (!/[A-Za-z]{3}/.test(raw)) return undefined;
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The Retry-After an HTTP error carries, honoured only where RFC 9110 gives it meaning here (429, 503). */
function honouredRetryAfterMs(error: unknown): number | undefined {
  if (!(error instanceof HttpResponseError) || error.status === undefined || !RETRY_AFTER_STATUSES.has(error.status)) return undefined;
  const value = error.retryAfterMs;
  return value !== undefined && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** One failed attempt, as reported: status, code and OAuth error when the error has them. */
function failedAttempt(n: number, startedAt: number, now: number, error: unknown): AttemptInfo {
  return {
    attempt: n,
    startedAt,
    durationMs: now - startedAt,
    outcome: 'failed',
    status: isPlaygroundError(error) ? error.status : undefined,
    code: isPlaygroundError(error) ? error.code : undefined,
    oauthError: error instanceof OAuthResponseError ? error.error : undefined,
    retryAfterMs: honouredRetryAfterMs(error),
  };
}

/** The HTTP status of the response an attempt got: withRetry sees only the processed value, so a success would be reported without one. */
export interface AttemptStatus {
  /** Call as an attempt starts. */
  reset(): void;
  /** The response the attempt got (a browser's opaque redirect has status 0, which is no HTTP status). */
  note(response: Response): void;
  /** The attempt report with the noted status, where the error did not carry one. */
  attach(info: AttemptInfo): AttemptInfo;
}

export function createAttemptStatus(): AttemptStatus {
  let last: number | undefined;
  return {
    reset: () => (last = undefined),
    note: (response) => (last = response.type === 'opaqueredirect' ? undefined : response.status),
    attach: (info) => (info.status === undefined && last !== undefined ? { ...info, status: last } : info),
  };
}

/** Full jitter: uniform in [0, min(max, base·2^(retry−1))]. @see https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/ */
export function backoffDelay(retry: number, random: () => number, baseDelayMs: number, maxDelayMs: number): number {
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(random() * ceiling);
}

function report(listener: RetryOptions['onAttempt'], info: AttemptInfo): void {
  try {
    listener?.(info);
  } catch {
    // A broken listener (UI) must not change the outcome of the request.
  }
}

/**
 * Runs `attempt(n)` (n = 1, 2, …) until it succeeds, fails with a non-retryable error, or retries run out; then
 * rethrows the last error unchanged, so the caller sees the real status and code. Every attempt is reported.
 */
export async function withRetry<T>(attempt: (n: number) => Promise<T>, opts: RetryOptions): Promise<T> {
  const { clock } = effects();
  const random = opts.random ?? Math.random;
  const maxRetries = opts.maxRetries ?? 3;
  const baseDelayMs = opts.baseDelayMs ?? 250;
  const maxDelayMs = opts.maxDelayMs ?? 8000;
  const maxRetryAfterMs = opts.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS;

  for (let n = 1; ; n++) {
    if (opts.signal?.aborted) throw abortedError(opts.peer, opts.signal.reason);
    const startedAt = clock.now();
    try {
      const value = await attempt(n);
      report(opts.onAttempt, { attempt: n, startedAt, durationMs: clock.now() - startedAt, outcome: 'success' });
      return value;
    } catch (error) {
      const base = failedAttempt(n, startedAt, clock.now(), error);
      const { retryAfterMs } = base;
      if (n > maxRetries || !isRetryable(error)) {
        report(opts.onAttempt, base);
        throw error;
      }
      const delayMs =
        retryAfterMs !== undefined ? Math.min(retryAfterMs, maxRetryAfterMs) : backoffDelay(n, random, baseDelayMs, maxDelayMs);
      report(opts.onAttempt, { ...base, outcome: 'retry', delayMs });
      try {
        await sleep(clock, delayMs, opts.signal);
      } catch (reason) {
        throw abortedError(opts.peer, reason);
      }
    }
  }
}
