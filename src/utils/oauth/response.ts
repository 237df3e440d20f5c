// Processing a token endpoint Response: validated success (RFC 6749 §5.1) or a typed error (§5.2 and the rest).
import * as z from '../zod';
import type { TokenResponse } from '../../types/token';
import { effects } from '../effects';
import { OAuthResponseError, TokenEndpointError, type ErrorCode } from '../errors';
import { bodySnippet } from '../mask';
import { DEFAULT_MAX_JSON_BYTES, parseJsonSafely, readTextCapped } from '../secureJson';
import { MAX_EXPIRES_IN_SECONDS } from './expiry';
import { TOKEN_ENDPOINT_PEER } from './peers';
import { parseRetryAfter } from './retry';
import { contentTypeWarnings } from './responseWarnings';

const numberLike = () => z.union(
  [z.number(), z.pipe(z.string().check(z.trim(), z.regex(/^\d+(\.\d+)?$/)), z.transform(Number))],
  'must be a number of seconds',
);

// The value is a number the server sent, safe to repeat: saying it is what lets a person spot ms-for-s mix-ups.
const expiresIn = () => z.pipe(
  numberLike(),
  z.number().check(
    z.nonnegative('must not be negative'),
    z.maximum(MAX_EXPIRES_IN_SECONDS, {
      error: (issue) => `is ${String(issue.input)} seconds; the playground accepts at most ${MAX_EXPIRES_IN_SECONDS} (ten years)`,
    }),
  ),
);

// Built on the first token response, not at import (issue 24: page-load main thread; see lazySchema).
const successSchema = z.lazySchema(() => z.looseObject({
  access_token: z.string().check(z.minLength(1, 'must be a non-empty string')),
  token_type: z.pipe(
    z.pipe(z.string(), z.transform((s: string) => s.toLowerCase())),
    z.enum(['bearer', 'dpop'], 'must be Bearer or DPoP'),
  ),
  expires_in: z.nullish(expiresIn()),
  scope: z.nullish(z.string()),
}));

function describeIssue(issue: z.core.$ZodIssue): string {
  const member = issue.path.join('.') || 'body';
  if (issue.code === 'invalid_type' && issue.input === undefined) return `${member} is missing`;
  return `${member} ${issue.message}`;
}

/**
 * Validates a parsed success body, oauth4webapi-style: `access_token` non-empty string, `token_type` lower-cased
 * `bearer` or `dpop`, `expires_in` number-like → finite number from 0 to {@link MAX_EXPIRES_IN_SECONDS}, `scope`
 * string; other members go to `extra`.
 * @throws TokenEndpointError `INVALID_RESPONSE` naming the member (never its value, except expires_in's number)
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.1
 */
export function parseTokenResponse(json: unknown): TokenResponse {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new TokenEndpointError('INVALID_RESPONSE', 'The token response is not a JSON object.');
  }
  const result = successSchema().safeParse(json);
  if (!result.success) {
    const detail = result.error.issues.map(describeIssue).join('; ');
    throw new TokenEndpointError('INVALID_RESPONSE', `The token response is not valid: ${detail}.`);
  }
  const { access_token, token_type, expires_in, scope, ...extra } = result.data;
  return { access_token, token_type, expires_in: expires_in ?? undefined, scope: scope ?? undefined, extra };
}

/** What every error about this response carries: the Response (non-enumerable), status and Retry-After. */
interface ResponseFacts {
  response: Response;
  status: number | undefined;
  retryAfterMs: number | undefined;
}

function factsOf(response: Response, now: number): ResponseFacts {
  // A browser hands back an opaque redirect with status 0: that 0 is not an HTTP status anyone sent.
  const status = response.type === 'opaqueredirect' ? undefined : response.status;
  return { response, status, retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), now) };
}

function fail(code: ErrorCode, message: string, facts: ResponseFacts, text?: string): TokenEndpointError {
  return new TokenEndpointError(code, message, { ...facts, bodySnippet: text === undefined ? undefined : bodySnippet(text, { personalData: false }) });
}

function isRedirect(response: Response): boolean {
  return response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400);
}

/** What a 2xx body that is not JSON looks like, in words. */
function notJsonWhat(text: string, contentType: string): string {
  if (text.trim() === '') return 'an empty body';
  return /html/i.test(contentType) || /^\s*</.test(text) ? 'an HTML page' : 'malformed JSON';
}

function oauthErrorOf(json: unknown, facts: ResponseFacts): OAuthResponseError | undefined {
  const body = json as { error?: unknown; error_description?: unknown; error_uri?: unknown } | undefined;
  if (!body || typeof body !== 'object' || typeof body.error !== 'string' || body.error === '') return undefined;
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return new OAuthResponseError(
    { error: body.error, error_description: text(body.error_description), error_uri: text(body.error_uri) },
    facts.response.status,
    { response: facts.response, retryAfterMs: facts.retryAfterMs },
  );
}

function successOf(status: number, text: string, contentType: string | null, facts: ResponseFacts): TokenResponse {
  const parsed = parseJsonSafely(text);
  if (!parsed.ok) {
    throw fail('INVALID_RESPONSE', `The token endpoint answered ${status} with ${notJsonWhat(text, contentType ?? '')}, not a token response.`, facts, text);
  }
  let token: TokenResponse;
  try {
    token = parseTokenResponse(parsed.value);
  } catch (error) {
    const message = error instanceof Error ? error.message : 'The token response is not valid.';
    throw fail('INVALID_RESPONSE', message, facts, text);
  }
  // A JSON body under another label is still a token (servers mislabel), but the Token step says so.
  const warnings = contentTypeWarnings(contentType);
  return warnings.length > 0 ? { ...token, warnings } : token;
}

/**
 * Turns a token endpoint Response into a validated {@link TokenResponse} or throws:
 * - JSON body with `error` → {@link OAuthResponseError} (status, error, error_description), any status
 * - 401/403 with an empty body → `CLIENT_AUTH_REJECTED` ("The server rejected the client credentials")
 * - a redirect (3xx, or the browser's opaque redirect with status 0) → `REDIRECTED`, no status
 * - other non-2xx → `HTTP_STATUS` with a body snippet
 * - 2xx with an empty body, HTML, malformed JSON, a non-object or no `access_token` → `INVALID_RESPONSE`
 * - 2xx JSON labelled other than application/json (or with a non-UTF-8 charset) → the token, with `warnings`
 * - a body over 1 MB → `INVALID_RESPONSE`; a body that breaks off → `NETWORK`
 * Every error is a {@link TokenEndpointError}: typed `status`, `bodySnippet`, `retryAfterMs`, non-enumerable `response`.
 * `endpoint` names the server in messages (introspection and revocation reuse this error family).
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
export async function processTokenResponse(response: Response, endpoint: string = TOKEN_ENDPOINT_PEER): Promise<TokenResponse> {
  const Endpoint = endpoint.charAt(0).toUpperCase() + endpoint.slice(1);
  const facts = factsOf(response, effects().clock.now());
  let read: Awaited<ReturnType<typeof readTextCapped>>;
  try {
    read = await readTextCapped(response, DEFAULT_MAX_JSON_BYTES);
  } catch (cause) {
    throw new TokenEndpointError('NETWORK', 'The connection broke while reading the token response.', { ...facts, cause });
  }
  if (!read.ok) throw fail('INVALID_RESPONSE', 'The token response is larger than 1 MB; refusing to read it.', facts);
  const { text } = read;
  if (response.status >= 200 && response.status < 300) {
    return successOf(response.status, text, response.headers.get('content-type'), facts);
  }
  const parsed = parseJsonSafely(text);
  const oauthError = oauthErrorOf(parsed.ok ? parsed.value : undefined, facts);
  if (oauthError) throw oauthError;
  if ((response.status === 401 || response.status === 403) && text.trim() === '') {
    throw fail('CLIENT_AUTH_REJECTED', 'The server rejected the client credentials', facts);
  }
  if (isRedirect(response)) {
    throw fail('REDIRECTED', `${Endpoint} redirected the request; token requests do not follow redirects (the URL may be an old or a login address).`, facts, text);
  }
  throw fail('HTTP_STATUS', `${Endpoint} answered HTTP ${response.status}.`, facts, text);
}
