// Error explainer: turns a token-request failure into a friendly card — what happened, likely causes, what to try.
import { HttpResponseError, isPlaygroundError, NetworkFailureError, OAuthResponseError, RelayError } from './errors';
import type { ErrorExplanation, ExplainableError, Explainer } from './explain/explainTypes';
import { byStatus, OAUTH_EXPLAINERS, REJECTED } from './explain/oauthExplainers';
import { RELAY_EXPLAINERS } from './explain/relayExplainers';

export type { ErrorExplanation, ExplainableError, Explainer };

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
    const known = OAUTH_EXPLAINERS[error.error];
    if (known) return { heading, label, ...known(error) };
    if (error.status) return { heading, label, ...byStatus(error.status) };
    return { heading, label, summary: error.message, likelyCauses: [], fixHint: 'Look at the error_description from the server.' };
  }
  const byCode = BY_CODE[error.code];
  if (byCode) return { heading, label: labelOf(error), ...byCode(error) };
  if (error.status) return { heading, label: `HTTP ${error.status}`, ...byStatus(error.status) };
  return { heading, label: error.code, summary: error.message, likelyCauses: [], fixHint: 'Try again; if it persists, check the log drawer.' };
}
