// One resource-API exchange (PingOne, microauthd): send with a timeout, read the capped body, time it, report it.
import { effects } from '../utils/effects';
import { PlaygroundError } from '../utils/errors';
import { fetchWithTimeout } from '../utils/http';
import type { Logger } from '../utils/logger';
import type { RelayRoute } from '../utils/relay';
import type { DpopKey } from '../utils/dpopKey';
import { maskAuthorization } from '../utils/mask';
import { sendWithDpopNonce, type DpopNonceMemory } from '../utils/oauth/dpopNonce';
import { dpopResourceHeaders } from '../utils/oauth/dpopRequest';
import { readTextCapped } from '../utils/secureJson';

/**
 * One call as step 4 shows it: the request (Authorization masked, OTPs, TOTP secrets and passwords masked) and
 * the response (a text snippet). `status` is 0 when no response arrived (network error, timeout). The PingOne
 * and microauthd consoles share this record so one view renders both.
 */
export interface ApiExchange {
  method: string;
  url: string;
  requestHeaders: Record<string, string>;
  requestBody?: string;
  status: number;
  responseBody: string;
  durationMs: number;
  /** 1 for the first try; higher for retries (429/5xx/network) and the retry after a 401 refresh. */
  attempt: number;
  /** Set when no response arrived. */
  error?: string;
}

/** The request half of an exchange, already masked: known before anything is sent. */
export type ExchangeRequest = Omit<ApiExchange, 'status' | 'responseBody' | 'durationMs' | 'error'>;

/** Fetch and clock come from `effects()`; the logger is the service's named child. */
export interface ExchangeDeps {
  logger: Logger;
  timeoutMs: number;
  signal?: AbortSignal;
  onExchange?: (exchange: ApiExchange) => void;
  /** Send through the local relay (CORS, mTLS with a certificate-bound token). */
  relay?: RelayRoute | undefined;
}

export interface ExchangePeer {
  /** Who is called, as fetchWithTimeout words it: "the PingOne API", "microauthd". */
  peer: string;
  /** The service's name in "The … response" messages. */
  label: string;
  /** The request path as it may be logged (ids only, secrets masked). */
  logPath: string;
}

/** Hands an exchange to the UI listener, if any. */
export function reportExchange(deps: Pick<ExchangeDeps, 'onExchange'>, exchange: ApiExchange): void {
  try {
    deps.onExchange?.(exchange);
  } catch {
    // A broken UI listener must not change the outcome of the call.
  }
}

/**
 * Sends the request and reads the whole body (capped), returning any status. A call that gets no complete
 * response is reported (status 0), logged without its body, and thrown.
 * @throws PlaygroundError NETWORK / TIMEOUT / ABORTED, or INVALID_RESPONSE for an oversized body
 */
export async function sendExchange(
  request: ExchangeRequest,
  init: Pick<RequestInit, 'headers' | 'body'>,
  deps: ExchangeDeps,
  peer: ExchangePeer,
): Promise<{ response: Response; text: string; durationMs: number }> {
  const { clock } = effects();
  const started = clock.now();
  try {
    const response = await fetchWithTimeout(
      request.url,
      { method: request.method, headers: init.headers, body: init.body, credentials: 'omit' },
      { timeoutMs: deps.timeoutMs, signal: deps.signal, peer: peer.peer, relay: deps.relay },
    );
    const read = await readTextCapped(response);
    if (!read.ok) {
      throw new PlaygroundError('INVALID_RESPONSE', `The ${peer.label} response body is too large.`, { status: response.status });
    }
    return { response, text: read.text, durationMs: clock.now() - started };
  } catch (error) {
    const durationMs = clock.now() - started;
    const e = error instanceof PlaygroundError
      ? error
      : new PlaygroundError('NETWORK', `The ${peer.label} response was cut off.`, { cause: error });
    reportExchange(deps, { ...request, status: e.status ?? 0, responseBody: '', durationMs, error: e.message });
    deps.logger.warn(`${request.method} ${peer.logPath} failed: ${e.code} (${durationMs} ms)`, {
      method: request.method, path: peer.logPath, code: e.code, durationMs,
    });
    throw e;
  }
}

/** What a DPoP-bound token needs on each call: the key that signs proofs and the per-origin nonces (RFC 9449 §7, §9). */
export interface ResourceDpop {
  key: DpopKey;
  nonces: DpopNonceMemory;
}

/**
 * {@link sendExchange} for a resource call; with a DPoP-bound token, `Authorization: DPoP <token>` and a fresh proof
 * (with `ath` and the origin's nonce), once more after a `WWW-Authenticate: DPoP error="use_dpop_nonce"` (§9), never
 * a third time (a second one is a DpopNonceError). Returns the request as actually sent (masked), for the caller's
 * report; the answers that asked for a nonce are reported here.
 */
export async function sendResourceExchange(
  request: ExchangeRequest,
  init: { headers: Record<string, string>; body: string | undefined },
  deps: ExchangeDeps,
  peer: ExchangePeer,
  token: { accessToken: string; dpop?: ResourceDpop | undefined },
): Promise<{ response: Response; text: string; durationMs: number; request: ExchangeRequest }> {
  const { dpop } = token;
  if (!dpop) return { ...(await sendExchange(request, init, deps, peer)), request };
  const attempts: Array<{ shown: ExchangeRequest; result: Awaited<ReturnType<typeof sendExchange>> }> = [];
  // The answers that asked for a nonce are exchanges too: the diagram shows the round trip.
  const reportNonceAnswers = (list: typeof attempts) => {
    for (const { shown, result } of list) reportExchange(deps, { ...shown, status: result.response.status, responseBody: '', durationMs: result.durationMs });
  };
  try {
    await sendWithDpopNonce(
      request.url,
      async (nonce) => {
        const bound = await dpopResourceHeaders({ key: dpop.key, method: request.method, url: request.url, accessToken: token.accessToken, nonce });
        const shown = { ...request, requestHeaders: { ...request.requestHeaders, Authorization: maskAuthorization(bound.Authorization), DPoP: '(a fresh DPoP proof for this request)' } };
        const result = await sendExchange(shown, { headers: { ...init.headers, ...bound }, body: init.body }, deps, peer);
        attempts.push({ shown, result });
        return result.response;
      },
      dpop.nonces,
    );
  } catch (error) {
    reportNonceAnswers(attempts);
    throw error;
  }
  const last = attempts.at(-1);
  if (!last) throw new PlaygroundError('UNEXPECTED', 'No response was recorded for the DPoP request.');
  reportNonceAnswers(attempts.slice(0, -1));
  // The caller reports this one, as it was sent: the DPoP scheme and the proof, not the Bearer it started from.
  return { ...last.result, request: last.shown };
}
