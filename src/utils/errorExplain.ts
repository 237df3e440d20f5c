// Error explainer: turns a token-request failure into a friendly card — what happened, likely causes, what to try.
import { HttpResponseError, isPlaygroundError, NetworkFailureError, OAuthResponseError, RelayError } from './errors';
import { RELAY_EXPLAINERS } from './relayExplain';

/** The failure to explain, as plain data safe to render and log (the flow's `FlowError` is this shape). */
export interface ExplainableError {
  /** the playground's stable error code (`OAUTH_ERROR`, `NETWORK`, …) */
  code: string;
  message: string;
  /** HTTP status; absent when there was none (network error, a browser's opaque redirect) */
  status?: number;
  /** OAuth `error` (RFC 6749 §5.2) */
  error?: string;
  error_description?: string;
  /** the flow form's field at fault (core errors use the form's field names) */
  field?: string;
  /** the start of the response body, masked */
  bodySnippet?: string;
  /** what the server's Retry-After asked for, in ms */
  retryAfterMs?: number;
  /** after a network failure's probe: CORS or nothing there */
  reachability?: 'cors_blocked' | 'unreachable';
  /** the origin that was called (network failures) */
  origin?: string;
  /** the local relay's URL (relay failures) */
  relayUrl?: string;
  /** the relay's reason, written for a person */
  reason?: string;
  /** relay_upstream_error: unreachable | tls | timeout | too_large */
  kind?: string;
  /** relay_upstream_error: the Node/OpenSSL code, e.g. ECONNREFUSED */
  upstreamCode?: string;
}

/** Failures where no server answer arrived (or the relay's own): their card explains, an API alert cannot. */
export const NO_ANSWER_CODES: ReadonlySet<string> = new Set(['CORS_BLOCKED', 'NETWORK', 'RELAY_UNAVAILABLE', 'RELAY_REFUSED', 'RELAY_UPSTREAM_ERROR']);

/** Codes whose card offers `Send through the local relay` (or, for the relay's own failures, how to fix it). */
export const RELAY_HELPS: ReadonlySet<string> = new Set(['CORS_BLOCKED', 'NETWORK', 'RELAY_UNAVAILABLE']);

/**
 * Any thrown value as an {@link ExplainableError}, read from the error family's typed fields. A foreign error's
 * message may hold anything (a URL, a body), so it is replaced by a generic one.
 */
export function explainableErrorOf(error: unknown): ExplainableError {
  if (!isPlaygroundError(error)) {
    return { code: 'UNEXPECTED', message: 'Something unexpected went wrong; see the log drawer for details.' };
  }
  const out: ExplainableError = { code: error.code, message: error.message, status: error.status, field: error.field };
  if (error instanceof HttpResponseError) {
    out.bodySnippet = error.bodySnippet;
    out.retryAfterMs = error.retryAfterMs;
  }
  if (error instanceof OAuthResponseError) {
    out.error = error.error;
    out.error_description = error.error_description;
  }
  if (error instanceof NetworkFailureError) {
    out.reachability = error.reachability;
    out.origin = error.origin;
  }
  if (error instanceof RelayError) {
    out.relayUrl = error.relayUrl;
    out.reason = error.reason;
    out.kind = error.kind;
    out.upstreamCode = error.upstreamCode;
  }
  return out;
}

/** What the error card shows. Plain strings: the card renders them as text, never as HTML. */
export interface ErrorExplanation {
  heading: 'We hit an issue';
  /** the code a person searches for: the OAuth `error`, `HTTP 503`, or the playground's error code */
  label: string;
  summary: string;
  likelyCauses: string[];
  fixHint: string;
}

export type Explainer = (error: ExplainableError) => Omit<ErrorExplanation, 'heading' | 'label'>;

const REJECTED = 'The server rejected the client credentials.';

/** RFC 6749 §5.2 error codes (plus RFC 8707 `invalid_target`). */
const OAUTH: Record<string, Explainer> = {
  invalid_client: () => ({
    summary: `${REJECTED} Client authentication failed (invalid_client).`,
    likelyCauses: [
      'The client secret is wrong, or was rotated on the server.',
      'The authentication method sent is not the one registered for this client (e.g. client_secret_post for a client_secret_basic client).',
      'The client ID is unknown in this environment.',
      'private_key_jwt: the public key (or its kid) is not registered with the provider, or the registered JWKS is stale.',
      'Client assertion: aud is not the token endpoint (or issuer) the server expects, it has expired (exp ≤ 60 s, clock skew), or its jti was already used (replay).',
    ],
    fixHint:
      'Compare the client ID, secret and authentication method with the client registration; for JWT methods, check the assertion lint in step 2 and the registered key.',
  }),
  invalid_scope: () => ({
    summary: 'The server refused one or more of the requested scopes (invalid_scope).',
    likelyCauses: [
      'A requested scope is not granted to this client, or does not exist in this environment.',
      'PingOne: p1:* platform scopes are not issued to client_credentials; the worker app’s role assignments decide access.',
      'A typo or a scope from another resource mixed into the request.',
    ],
    fixHint: 'Request fewer scopes (use the least-privilege preset), or grant the scopes to the client on the server.',
  }),
  unauthorized_client: () => ({
    summary: 'This client is not allowed to use the client_credentials grant (unauthorized_client).',
    likelyCauses: [
      'The client_credentials grant type is not enabled for this application.',
      'The application type cannot use machine-to-machine grants (e.g. not a PingOne worker app).',
    ],
    fixHint: 'Enable the client_credentials grant for the application on the server, or use a worker/service client.',
  }),
  unsupported_grant_type: () => ({
    summary: 'The server does not support the client_credentials grant at this endpoint (unsupported_grant_type).',
    likelyCauses: [
      'The token endpoint URL points at a different server or path.',
      'The authorization server has the client_credentials grant disabled.',
    ],
    fixHint: 'Check the token endpoint from the discovery document and the server’s grant_types_supported.',
  }),
  invalid_request: () => ({
    summary: 'The server found the request malformed (invalid_request).',
    likelyCauses: [
      'A required parameter is missing or sent twice (e.g. credentials both in the Authorization header and in the body).',
      'The client assertion is malformed, or client_assertion_type is wrong.',
      'The resource or audience value is not an absolute URI the server accepts.',
    ],
    fixHint: 'Look at the exact request in step 2: one authentication method, no duplicate parameters.',
  }),
  // RFC 7009 §2.2.1 (revocation) and RFC 9449 §5, §8 (DPoP).
  unsupported_token_type: () => ({
    summary: 'The server cannot revoke or introspect this kind of token (unsupported_token_type, RFC 7009 §2.2.1).',
    likelyCauses: [
      'The token is a JWT access token: servers such as oidc-provider do not store them, so they cannot revoke them; it stays valid until it expires.',
      'The token_type_hint names a type the server does not handle.',
    ],
    fixHint: 'Use a client whose tokens are opaque (the sandbox’s sandbox-opaque), or rely on short token lifetimes.',
  }),
  invalid_dpop_proof: () => ({
    summary: 'The server rejected the DPoP proof (invalid_dpop_proof, RFC 9449).',
    likelyCauses: [
      'htu or htm does not match the request (a proxy or the relay changed the URL the server sees).',
      'iat is outside the server’s window: this computer’s clock is off.',
      'The proof was reused (jti replay), or ath does not match the access token.',
    ],
    fixHint: 'Check the decoded proof and its lint in step 2, and the system clock; every request needs a new proof.',
  }),
  use_dpop_nonce: () => ({
    summary: 'The server keeps asking for a DPoP nonce (use_dpop_nonce, RFC 9449 §8): one retry with its nonce did not satisfy it.',
    likelyCauses: [
      'The server rotates nonces faster than a request takes, or hands out a nonce it does not accept.',
      'The server asked for a nonce without sending a DPoP-Nonce header (or CORS hides it: Access-Control-Expose-Headers must list DPoP-Nonce).',
    ],
    fixHint: 'The playground retries once and stops, never loops; look at the DPoP-Nonce header in the server’s answers.',
  }),
  invalid_target: () => ({
    summary: 'The server does not know the requested resource (invalid_target).',
    likelyCauses: ['The resource indicator is not registered on the server, or not allowed for this client.'],
    fixHint: 'Use a resource URI the server registers, or leave Resource empty.',
  }),
  invalid_grant: () => ({
    summary: 'The server refused the grant (invalid_grant).',
    likelyCauses: ['The server expects another grant for this client, or the client is disabled.'],
    fixHint: 'Check that the client is enabled and allowed to use client_credentials.',
  }),
  temporarily_unavailable: () => serverDown(),
  server_error: () => serverDown(),
};

function serverDown(): Omit<ErrorExplanation, 'heading' | 'label'> {
  return {
    summary: 'The authorization server had a problem and could not answer.',
    likelyCauses: ['The server is overloaded, restarting, or failing internally.', 'A gateway in front of it is failing.'],
    fixHint: 'The playground already retried with backoff; wait a moment and press Get token again.',
  };
}

function byStatus(status: number): Omit<ErrorExplanation, 'heading' | 'label'> {
  if (status === 429) {
    return {
      summary: 'The server is rate-limiting this client (HTTP 429 Too Many Requests).',
      likelyCauses: ['Too many token requests in a short time.', 'A shared client used by other callers too.'],
      fixHint: 'Wait for the Retry-After time shown in the attempts timeline, then try again; cache tokens instead of requesting one per call.',
    };
  }
  if (status >= 500) {
    return { ...serverDown(), summary: `The authorization server failed (HTTP ${status}).` };
  }
  if (status === 401 || status === 403) {
    return {
      summary: `${REJECTED} (HTTP ${status})`,
      likelyCauses: ['Wrong client secret or key.', 'The authentication method does not match the client registration.'],
      fixHint: 'Check the client ID, credentials and authentication method.',
    };
  }
  if (status === 404 || status === 405) {
    return {
      summary: `The token endpoint URL does not accept this request (HTTP ${status}).`,
      likelyCauses: ['The token endpoint URL is wrong (environment ID, region, or path).'],
      fixHint: 'Use the token_endpoint from the discovery document.',
    };
  }
  return {
    summary: `The server answered HTTP ${status} without an OAuth error.`,
    likelyCauses: ['A proxy or gateway answered instead of the authorization server.'],
    fixHint: 'Look at the raw response below and at the token endpoint URL.',
  };
}

const BY_CODE: Record<string, Explainer> = {
  ...RELAY_EXPLAINERS,
  CLIENT_AUTH_REJECTED: (e) => ({
    summary: `${REJECTED} It answered${e.status ? ` HTTP ${e.status}` : ''} with an empty body, without saying why.`,
    likelyCauses: [
      'The client secret or key is wrong.',
      'The authentication method does not match the client registration.',
      'The client is disabled, or belongs to another environment.',
    ],
    fixHint: 'Check the client ID, credentials, authentication method and environment ID; some servers (PingOne) return 403 with no body.',
  }),
  NETWORK: (e) =>
    e.reachability === 'unreachable'
      ? {
          summary: `Nothing answered at ${e.origin ?? 'the server'}: it is unreachable from this browser (not blocked by CORS — a probe got no answer either).`,
          likelyCauses: [
            'The server is not running — for the local sandbox, start it with `npm run sandbox` (or `npm start`).',
            'The host or port is wrong, or a firewall or VPN is in the way.',
          ],
          fixHint: 'Check the URL and that the server is running. The local relay only helps when the relay machine can reach the server.',
        }
      : {
          summary: 'The request never got an answer: the browser could not reach the token endpoint.',
          likelyCauses: [
            'The server is not running — for the local sandbox, start it with `npm run sandbox` (or `npm start`).',
            'CORS: the server does not allow this page’s origin, so the browser blocks the response.',
            'The host or port in the token endpoint is wrong, or the connection was dropped.',
          ],
          fixHint: 'Open the token endpoint’s origin in a new tab, check the browser console for a CORS message, and start the sandbox if you use it.',
        },
  TIMEOUT: () => ({
    summary: 'The token endpoint did not answer in time.',
    likelyCauses: ['The server is slow or stuck.', 'A firewall drops the connection silently.'],
    fixHint: 'Try again; if it persists, check the server’s health and the network path.',
  }),
  REDIRECTED: () => ({
    summary: 'The token endpoint answered with a redirect instead of a token; token requests never follow one.',
    likelyCauses: [
      'The URL is an old address, or http:// where the server redirects to https://.',
      'The URL points at a login page or a gateway that sends unauthenticated requests elsewhere.',
    ],
    fixHint: 'Use the token_endpoint exactly as the discovery document gives it.',
  }),
  INVALID_RESPONSE: () => ({
    summary: 'The server answered, but not with a valid token response.',
    likelyCauses: [
      'An HTML page (login page, proxy error) instead of JSON — the URL may point at the wrong thing.',
      'An empty body, or malformed JSON.',
      'A 200 response without an access_token or with an unknown token_type.',
    ],
    fixHint: 'Check the token endpoint URL and look at the raw response below.',
  }),
  ABORTED: () => ({
    summary: 'The request was cancelled.',
    likelyCauses: ['The page or a newer request cancelled it.'],
    fixHint: 'Press Get token again.',
  }),
  INVALID_INPUT: (e) => ({
    summary: e.message,
    likelyCauses: [e.field ? `The field “${e.field}” needs fixing.` : 'A configuration value is invalid.'],
    fixHint: 'Go back to step 1 and fix the highlighted field.',
  }),
  KEY_ERROR: (e) => ({
    summary: e.message,
    likelyCauses: ['The private key cannot sign with the selected algorithm, or could not be loaded.'],
    fixHint: 'Generate a new key pair or import a key that fits the algorithm (RSA ≥ 2048 bits for RS256/PS256, P-256 for ES256).',
  }),
  DISCOVERY_ERROR: (e) => ({
    summary: e.message,
    likelyCauses: ['The discovery URL is wrong or the server does not publish one.'],
    fixHint: 'Enter the token endpoint directly.',
  }),
};

/** The searchable code: the HTTP status when there is one, the relay's failure kind and code, else the error code. */
function labelOf(error: ExplainableError): string {
  if (error.status) return `HTTP ${error.status}`;
  if (error.code === 'RELAY_UPSTREAM_ERROR') return [error.kind, error.upstreamCode].filter(Boolean).join(' ') || error.code;
  return error.code;
}

/**
 * Explains a token-request failure for a person: a summary, likely causes and one fix hint. The OAuth `error`
 * wins over the HTTP status; an unknown error falls back to the status, then to the message.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
export function explainError(error: ExplainableError): ErrorExplanation {
  const heading = 'We hit an issue' as const;
  if (error.error) {
    const label = error.error;
    const known = OAUTH[error.error];
    if (known) return { heading, label, ...known(error) };
    if (error.status) return { heading, label, ...byStatus(error.status) };
    return { heading, label, summary: error.message, likelyCauses: [], fixHint: 'Look at the error_description from the server.' };
  }
  const byCode = BY_CODE[error.code];
  if (byCode) return { heading, label: labelOf(error), ...byCode(error) };
  if (error.status) return { heading, label: `HTTP ${error.status}`, ...byStatus(error.status) };
  return { heading, label: error.code, summary: error.message, likelyCauses: [], fixHint: 'Try again; if it persists, check the log drawer.' };
}
