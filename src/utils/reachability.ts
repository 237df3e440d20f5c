// CORS vs unreachable: after a request failed at the network level, a `no-cors` probe of the same URL tells which.
import { effects } from './effects';
import { NetworkFailureError, PlaygroundError, type Reachability } from './errors';
import { originOf } from './urlValidation';

/** How long the probe may take: a server that is there answers a GET quickly; silence reads as unreachable. */
export const PROBE_TIMEOUT_MS = 5_000;

/**
 * A `mode: 'no-cors'` GET of `url`, without credentials or a body. A browser resolves it with an opaque response
 * whenever the server answers at all (whatever its CORS headers), and rejects it only when nothing answers: so a
 * resolved probe after a failed CORS request means *blocked by CORS*, a rejected one *unreachable*. The probe's
 * answer is unreadable by design and is never read.
 * @see https://fetch.spec.whatwg.org/#concept-filtered-response-opaque
 */
export async function probeReachability(url: string): Promise<Reachability> {
  const { clock, fetch: doFetch } = effects();
  const controller = new AbortController();
  let timer: unknown;
  const timedOut = new Promise<'unreachable'>((resolve) => {
    timer = clock.setTimeout(() => {
      controller.abort();
      resolve('unreachable');
    }, PROBE_TIMEOUT_MS);
  });
  const probe = doFetch(url, { method: 'GET', mode: 'no-cors', credentials: 'omit', cache: 'no-store', signal: controller.signal }).then(
    () => 'cors_blocked' as const,
    () => 'unreachable' as const,
  );
  try {
    return await Promise.race([probe, timedOut]);
  } finally {
    clock.clearTimeout(timer);
  }
}

/**
 * Turns a direct request's `NETWORK` failure into a {@link NetworkFailureError} that says which (CORS or
 * unreachable); every other error, and a failure through the relay, is returned unchanged.
 * @param peer who was called, for the message: "the token endpoint", "the PingOne API"
 */
export async function diagnoseNetworkFailure(error: unknown, url: string, peer: string): Promise<unknown> {
  if (!(error instanceof PlaygroundError) || error.code !== 'NETWORK' || error instanceof NetworkFailureError) return error;
  const origin = originOf(url);
  const reachability = await probeReachability(url);
  const message =
    reachability === 'cors_blocked'
      ? `${origin} answers, but does not let this page read ${peer}'s answer (blocked by CORS).`
      : `Nothing answered at ${origin}: ${peer} is unreachable from this browser.`;
  return new NetworkFailureError(reachability, origin, message, error);
}
