// Sending a described token request with fetch: a timeout on the injected clock, and typed network errors.
import { systemClock, type Clock } from '../clock';
import { PlaygroundError } from '../errors';
import type { RequestDescription } from './description';

export const DEFAULT_TIMEOUT_MS = 15_000;

export interface SendTokenRequestOptions {
  fetch?: typeof fetch;
  /** Time allowed until response headers arrive; default 15 000 ms. */
  timeoutMs?: number;
  signal?: AbortSignal;
  clock?: Clock;
}

/** The error for a caller's abort. */
export function abortedError(cause?: unknown): PlaygroundError {
  return new PlaygroundError('ABORTED', 'The token request was cancelled.', { cause });
}

/**
 * Sends the request exactly as described and returns the raw Response (any status). Redirects are not followed
 * (a token request must not carry credentials to another URL) and cookies are not sent.
 * The timeout runs on `clock`, so fake clocks and fake timers drive it; it is raced against fetch, so a fetch
 * that ignores its signal still times out.
 * @throws PlaygroundError `NETWORK` (fetch rejected), `TIMEOUT` or `ABORTED`
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.2
 */
export async function sendTokenRequest(desc: RequestDescription, opts: SendTokenRequestOptions = {}): Promise<Response> {
  const clock = opts.clock ?? systemClock;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const doFetch = opts.fetch ?? globalThis.fetch;
  if (opts.signal?.aborted) throw abortedError(opts.signal.reason);

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
  const timer = clock.setTimeout(() => {
    timedOut = true;
    stop(new PlaygroundError('TIMEOUT', `The token endpoint did not answer within ${timeoutMs} ms.`));
  }, timeoutMs);
  const onAbort = () => stop(abortedError(opts.signal?.reason));
  opts.signal?.addEventListener('abort', onAbort, { once: true });

  try {
    return await Promise.race([
      doFetch(desc.url, {
        method: desc.method,
        headers: desc.headers,
        body: desc.body,
        redirect: 'manual',
        credentials: 'omit',
        signal: controller.signal,
      }),
      stopped,
    ]);
  } catch (error) {
    if (error instanceof PlaygroundError) throw error;
    if (timedOut) throw new PlaygroundError('TIMEOUT', `The token endpoint did not answer within ${timeoutMs} ms.`, { cause: error });
    if (opts.signal?.aborted) throw abortedError(error);
    // fetch says little on purpose (CORS, DNS, refused and reset all look alike in a browser).
    throw new PlaygroundError(
      'NETWORK',
      'Could not reach the token endpoint (network error, connection dropped, or blocked by CORS).',
      { cause: error },
    );
  } finally {
    clock.clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onAbort);
    // The race's loser must not surface as an unhandled rejection.
    stopped.catch(() => undefined);
  }
}
