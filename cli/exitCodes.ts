// Exit codes and failure text of the runner: what the server said and the likely cause, as the error card says it.
import { escapeForLog } from '../lib/logText.js';
import { isPlaygroundError, NetworkFailureError, OAuthResponseError } from '../src/utils/errors';
import { explainableErrorOf, explainError } from '../src/utils/errorExplain';
import { UsageError } from './runnerOptions';

export const EXIT = { token: 0, usage: 2, clientAuth: 3, oauth: 4, network: 5 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Codes where no HTTP answer arrived: the network or TLS failed (or the server was too slow). */
const NO_ANSWER = new Set(['NETWORK', 'TIMEOUT', 'CORS_BLOCKED', 'ABORTED']);
const BAD_INPUT = new Set(['INVALID_INPUT', 'KEY_ERROR']);

/**
 * 2 usage or bad input · 3 client authentication refused (`invalid_client`, or 401/403 without an OAuth error)
 * · 4 any other OAuth or HTTP error · 5 network or TLS failure.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
export function exitCodeFor(error: unknown): ExitCode {
  if (error instanceof UsageError) return EXIT.usage;
  if (!isPlaygroundError(error)) return EXIT.oauth;
  if (BAD_INPUT.has(error.code)) return EXIT.usage;
  if (NO_ANSWER.has(error.code)) return EXIT.network;
  if (error instanceof OAuthResponseError) return error.error === 'invalid_client' ? EXIT.clientAuth : EXIT.oauth;
  if (error.code === 'CLIENT_AUTH_REJECTED' || error.status === 401 || error.status === 403) return EXIT.clientAuth;
  return EXIT.oauth;
}

/** The code Node gave under the core's wrapping (ECONNREFUSED, CERT_HAS_EXPIRED…): a code, never a request detail. */
function nodeCodeOf(error: unknown): string | undefined {
  let cause: unknown = error;
  for (let depth = 0; cause && depth < 5; depth++) {
    const code = (cause as { code?: unknown }).code;
    if (!isPlaygroundError(cause) && typeof code === 'string') return code;
    cause = (cause as { cause?: unknown }).cause;
  }
  return undefined;
}

/** OpenSSL and Node TLS failure codes (certificate chain, handshake): a wrong --ca, --cert or --key, not a down server. */
const TLS_CODE = /^(CERT_|SELF_SIGNED|UNABLE_TO_|DEPTH_ZERO|ERR_TLS|ERR_SSL|EPROTO|HOSTNAME_MISMATCH|ERR_OSSL)/;

/**
 * A failure where nothing answered, in the runner's words: the error card's text speaks of a browser, CORS and the
 * relay, none of which a Node process has.
 */
function noAnswerText(error: unknown, networkCause: string | undefined): string[] {
  const origin = error instanceof NetworkFailureError ? error.origin : 'the server';
  if (networkCause && TLS_CODE.test(networkCause)) {
    return [
      `TLS: the connection to ${origin} failed in the handshake (${networkCause}).`,
      '  - The server certificate is issued by a CA Node does not trust: pass --ca FILE.',
      '  - The server refused the client certificate, or --cert and --key do not belong together.',
      'Fix: Check --ca, --cert and --key against the server.',
    ];
  }
  return [
    `NETWORK: nothing answered at ${origin}${networkCause ? ` (${networkCause})` : ''}.`,
    '  - The server is not running, or the host or port is wrong (for the local sandbox: npm run sandbox).',
    '  - A firewall, proxy or VPN is in the way, or the server took longer than the timeout.',
    'Fix: Check the URL and that the server is running.',
  ];
}

/**
 * The lines printed on stderr for a failure: the server's error, description and status, then the likely causes
 * and the fix hint from the error card's explainer; control characters escaped (lib/logText). Built from typed fields only (never a request or a secret).
 */
export function failureText(error: unknown): string {
  if (error instanceof UsageError) return error.message;
  if (exitCodeFor(error) === EXIT.network) return noAnswerText(error, nodeCodeOf(error)).map(escapeForLog).join('\n');
  const explainable = explainableErrorOf(error);
  const explained = explainError(explainable);
  const said = [
    explainable.error ? `error=${explainable.error}` : undefined,
    explainable.error_description ? `error_description=${JSON.stringify(explainable.error_description)}` : undefined,
    explainable.status ? `status=${explainable.status}` : undefined,
  ].filter(Boolean);
  const networkCause = nodeCodeOf(error);
  const lines = [
    `${explained.label}: ${explained.summary}`,
    ...(said.length > 0 ? [`Server said: ${said.join(' ')}`] : []),
    ...(networkCause ? [`Network cause: ${networkCause}`] : []),
    ...(explainable.message !== explained.summary ? [explainable.message] : []),
    ...explained.likelyCauses.map((cause) => `  - ${cause}`),
    `Fix: ${explained.fixHint}`,
  ];
  // A server's words are data: one escaped line each, so an ANSI sequence or a line break cannot forge output.
  return lines.map(escapeForLog).join('\n');
}
