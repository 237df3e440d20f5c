// Sending a described token request: fetch through the one HTTP seam, redirects not followed, no cookies.
import type { PlaygroundError } from '../errors';
import { abortedError as abortedErrorFor, fetchWithTimeout } from '../http';
import type { RelayRoute } from '../relay';
import type { RequestDescription } from './description';

export interface SendTokenRequestOptions {
  /** Time allowed until response headers arrive; default `DEFAULT_TIMEOUT_MS` (config/defaults). */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Through the local relay (CORS, mTLS): the description is sent unchanged, by Node instead of the page. */
  relay?: RelayRoute | undefined;
}

export const TOKEN_ENDPOINT_PEER = 'the token endpoint';
const PEER = TOKEN_ENDPOINT_PEER;

/** The error for a caller's abort. */
export function abortedError(cause?: unknown): PlaygroundError {
  return abortedErrorFor(PEER, cause);
}

/**
 * Sends the request exactly as described and returns the raw Response (any status). Redirects are not followed
 * (a token request must not carry credentials to another URL) and cookies are not sent.
 * @throws PlaygroundError `NETWORK` (fetch rejected), `TIMEOUT` or `ABORTED`
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.2
 */
export function sendTokenRequest(desc: RequestDescription, opts: SendTokenRequestOptions = {}): Promise<Response> {
  return fetchWithTimeout(
    desc.url,
    { method: desc.method, headers: desc.headers, body: desc.body, redirect: 'manual', credentials: 'omit' },
    { ...opts, peer: PEER },
  );
}
