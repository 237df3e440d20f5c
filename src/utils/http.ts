// fetch with a timeout on the effects' clock and typed failures: the one way the playground talks HTTP.
import { DEFAULT_TIMEOUT_MS } from '../config/defaults';
import { effects } from './effects';
import { PlaygroundError } from './errors';
import type { RelayRoute } from './relay';

/**
 * Extra time allowed through the relay: it has its own 15 s upstream timeout, and its 504 (which says the target
 * was slow, not the relay) should arrive before the page gives up.
 */
export const RELAY_TIMEOUT_MARGIN_MS = 2_000;

export interface FetchWithTimeoutOptions {
  /** Time allowed until response headers arrive; default {@link DEFAULT_TIMEOUT_MS}. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Who is being called, for messages: "the token endpoint", "PingOne", "microauthd". */
  peer: string;
  /**
   * Send through the local relay instead of from the page (CORS, mTLS). The caller still sees the upstream's
   * Response, so validation, retries and error cards do not know the difference; only the relay's own failures
   * differ (RELAY_UNAVAILABLE, RELAY_REFUSED, RELAY_UPSTREAM_ERROR).
   */
  relay?: RelayRoute | undefined;
}

/** The error for a caller's abort. */
export function abortedError(peer: string, cause?: unknown): PlaygroundError {
  return new PlaygroundError('ABORTED', `The request to ${peer} was cancelled.`, { cause });
}

/**
 * Calls `effects().fetch` and returns the raw Response (any status). The timeout runs on `effects().clock`, so
 * fake clocks and fake timers drive it, and it is raced against fetch, so a fetch that ignores its signal still
 * times out.
 * @throws PlaygroundError `NETWORK` (fetch rejected), `TIMEOUT` or `ABORTED`; through the relay, RelayError
 */
export async function fetchWithTimeout(url: string, init: RequestInit, opts: FetchWithTimeoutOptions): Promise<Response> {
  const { clock } = effects();
  const doFetch = opts.relay ? (await import('./relay')).relayFetch(opts.relay) : effects().fetch;
  const timeoutMs = (opts.timeoutMs ?? DEFAULT_TIMEOUT_MS) + (opts.relay ? RELAY_TIMEOUT_MARGIN_MS : 0);
  const { peer, signal } = opts;
  if (signal?.aborted) throw abortedError(peer, signal.reason);

  const controller = new AbortController();
  let timedOut = false;
  let onStop: (reason: PlaygroundError) => void = () => undefined;
  const stopped = new Promise<never>((_, reject) => {
    onStop = reject;
  });
  const stop = (reason: PlaygroundError) => {
    onStop(reason);
    controller.abort(reason);
  };
  const timeout = () => new PlaygroundError('TIMEOUT', `${capitalise(peer)} did not answer within ${timeoutMs} ms.`);
  const timer = clock.setTimeout(() => {
    timedOut = true;
    stop(timeout());
  }, timeoutMs);
  const onAbort = () => stop(abortedError(peer, signal?.reason));
  signal?.addEventListener('abort', onAbort, { once: true });

  try {
    return await Promise.race([doFetch(url, { ...init, signal: controller.signal }), stopped]);
  } catch (error) {
    if (error instanceof PlaygroundError) throw error;
    if (timedOut) throw timeout();
    if (signal?.aborted) throw abortedError(peer, error);
    // fetch says little on purpose (CORS, DNS, refused and reset all look alike in a browser).
    throw new PlaygroundError('NETWORK', `Could not reach ${peer} (network error, connection dropped, or blocked by CORS).`, {
      cause: error,
    });
  } finally {
    clock.clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
    // The race's loser must not surface as an unhandled rejection.
    stopped.catch(() => undefined);
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
