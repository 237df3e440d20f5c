// Sending a described token request: fetch through the one HTTP seam, redirects not followed, no cookies.
import type { PlaygroundError } from '../errors';
import { abortedError as abortedErrorFor, fetchWithTimeout } from '../http';
import type { RelayRoute } from '../relay';
import type { RequestDescription } from './description';
import { TOKEN_ENDPOINT_PEER } from './peers';

export interface SendTokenRequestOptions {
  /** Time allowed until response headers arrive; default `DEFAULT_TIMEOUT_MS` (config/defaults). */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Through the local relay (CORS, mTLS): the description is sent unchanged, by Node instead of the page. */
  relay?: RelayRoute | undefined;
  /** Who is called, for messages; default the token endpoint (introspection and revocation name theirs). */
  peer?: string;
}

/** The error for a caller's abort. */
export function abortedError(cause?: unknown, peer: string = TOKEN_ENDPOINT_PEER): PlaygroundError {
  return abortedErrorFor(peer, cause);
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
    { ...opts, peer: opts.peer ?? TOKEN_ENDPOINT_PEER },
  );
}
