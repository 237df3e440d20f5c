// Processing a token endpoint Response: validated success (RFC 6749 §5.1) or a typed error (§5.2 and the rest).
import { z } from 'zod';
import type { TokenResponse } from '../../types/token';
import { systemClock, type Clock } from '../clock';
import { OAuthResponseError, PlaygroundError, type ErrorCode } from '../errors';
import { maskedSnippet } from '../mask';
import { DEFAULT_MAX_JSON_BYTES, parseJsonSafely, readTextCapped } from '../secureJson';
import { parseRetryAfter } from './retry';

/** Longest body excerpt an error carries for display. */
export const BODY_SNIPPET_CHARS = 500;

/** Extra, display-only details on errors from {@link processTokenResponse}. */
export interface TokenEndpointErrorDetails {
  /** The start of the body (≤ 500 chars, token-like members masked), for HTTP_STATUS / INVALID_RESPONSE. */
  bodySnippet?: string;
  /** Retry-After as ms from when the response was processed. */
  retryAfterMs?: number;
}

const numberLike = z.union(
  [
    z.number(),
    z
      .string()
      .trim()
      .regex(/^\d+(\.\d+)?$/)
      .transform(Number),
  ],
  'must be a number of seconds',
);

const successSchema = z.looseObject({
  access_token: z.string().min(1, 'must be a non-empty string'),
  token_type: z
    .string()
    .transform((s) => s.toLowerCase())
    .pipe(z.enum(['bearer', 'dpop'], 'must be Bearer or DPoP')),
  expires_in: numberLike.pipe(z.number().nonnegative('must not be negative')).nullish(),
  scope: z.string().nullish(),
});

function describeIssue(issue: z.core.$ZodIssue): string {
  const member = issue.path.join('.') || 'body';
  if (issue.code === 'invalid_type' && issue.input === undefined) return `${member} is missing`;
  return `${member} ${issue.message}`;
}

/**
 * Validates a parsed success body, oauth4webapi-style: `access_token` non-empty string, `token_type` lower-cased
 * `bearer` or `dpop`, `expires_in` number-like → finite number ≥ 0, `scope` string; other members go to `extra`.
 * @throws PlaygroundError `INVALID_RESPONSE` naming the member (never its value)
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.1
 */
export function parseTokenResponse(json: unknown): TokenResponse {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new PlaygroundError('INVALID_RESPONSE', 'The token response is not a JSON object.');
  }
  const result = successSchema.safeParse(json);
  if (!result.success) {
    const detail = result.error.issues.map(describeIssue).join('; ');
    throw new PlaygroundError('INVALID_RESPONSE', `The token response is not valid: ${detail}.`);
  }
  const { access_token, token_type, expires_in, scope, ...extra } = result.data;
  return {
    access_token,
    token_type,
    ...(expires_in !== undefined && expires_in !== null ? { expires_in } : {}),
    ...(scope !== undefined && scope !== null ? { scope } : {}),
    extra,
  };
}

/** Masks secret-like JSON members and JWTs, then cuts to {@link BODY_SNIPPET_CHARS} (masking first, so no secret straddles the cut). */
export function bodySnippet(text: string): string {
  return maskedSnippet(text, { max: BODY_SNIPPET_CHARS, personalData: false });
}

/** The details an error from {@link processTokenResponse} carries, if any. */
export function tokenEndpointDetails(error: unknown): TokenEndpointErrorDetails {
  const e = error as TokenEndpointErrorDetails | null;
  return {
    ...(typeof e?.bodySnippet === 'string' ? { bodySnippet: e.bodySnippet } : {}),
    ...(typeof e?.retryAfterMs === 'number' ? { retryAfterMs: e.retryAfterMs } : {}),
  };
}

function fail(code: ErrorCode, message: string, response: Response, details: TokenEndpointErrorDetails & { now: number }): PlaygroundError {
  const error = new PlaygroundError(code, message, { status: response.status });
  return decorate(error, response, details);
}

function decorate<E extends PlaygroundError>(error: E, response: Response, details: TokenEndpointErrorDetails & { now: number }): E {
  // Non-enumerable: logging or spreading an error must never serialise the Response.
  if (!('response' in error)) Object.defineProperty(error, 'response', { value: response, enumerable: false });
  if (details.bodySnippet !== undefined) Object.assign(error, { bodySnippet: details.bodySnippet });
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), details.now);
  if (retryAfterMs !== undefined) Object.assign(error, { retryAfterMs });
  return error;
}

function looksLikeHtml(text: string, contentType: string): boolean {
  return /html/i.test(contentType) || /^\s*</.test(text);
}

/**
 * Turns a token endpoint Response into a validated {@link TokenResponse} or throws:
 * - JSON body with `error` → {@link OAuthResponseError} (status, error, error_description), any status
 * - 401/403 with an empty body → `CLIENT_AUTH_REJECTED` ("The server rejected the client credentials")
 * - other non-2xx → `HTTP_STATUS` with a body snippet
 * - 2xx with HTML, malformed JSON, a non-object or no `access_token` → `INVALID_RESPONSE`
 * - a body over 1 MB → `INVALID_RESPONSE`; a body that breaks off → `NETWORK`
 * Errors keep the Response as a non-enumerable `response` and carry `retryAfterMs` when the server sent one.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
export async function processTokenResponse(response: Response, opts: { clock?: Clock } = {}): Promise<TokenResponse> {
  const now = (opts.clock ?? systemClock).now();
  const contentType = response.headers.get('content-type') ?? '';

  let read: Awaited<ReturnType<typeof readTextCapped>>;
  try {
    read = await readTextCapped(response, DEFAULT_MAX_JSON_BYTES);
  } catch (cause) {
    const error = new PlaygroundError('NETWORK', 'The connection broke while reading the token response.', {
      cause,
      status: response.status,
    });
    throw decorate(error, response, { now });
  }
  if (!read.ok) {
    throw fail('INVALID_RESPONSE', 'The token response is larger than 1 MB; refusing to read it.', response, { now });
  }
  const text = read.text;
  const parsed = parseJsonSafely(text);
  const json = parsed.ok ? parsed.value : undefined;

  if (response.status >= 200 && response.status < 300) {
    if (!parsed.ok) {
      const what = looksLikeHtml(text, contentType) ? 'an HTML page' : 'malformed JSON';
      throw fail('INVALID_RESPONSE', `The token endpoint answered ${response.status} with ${what}, not a token response.`, response, {
        now,
        bodySnippet: bodySnippet(text),
      });
    }
    try {
      return parseTokenResponse(json);
    } catch (error) {
      const message = error instanceof Error ? error.message : 'The token response is not valid.';
      throw fail('INVALID_RESPONSE', message, response, { now, bodySnippet: bodySnippet(text) });
    }
  }

  const body = json as { error?: unknown; error_description?: unknown; error_uri?: unknown } | undefined;
  if (body && typeof body === 'object' && typeof body.error === 'string' && body.error !== '') {
    const error = new OAuthResponseError(
      {
        error: body.error,
        error_description: typeof body.error_description === 'string' ? body.error_description : undefined,
        error_uri: typeof body.error_uri === 'string' ? body.error_uri : undefined,
      },
      response.status,
      response,
    );
    throw decorate(error, response, { now });
  }
  if ((response.status === 401 || response.status === 403) && text.trim() === '') {
    throw fail('CLIENT_AUTH_REJECTED', 'The server rejected the client credentials', response, { now });
  }
  const why =
    response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)
      ? 'redirected the request; token requests do not follow redirects'
      : `answered HTTP ${response.status}`;
  throw fail('HTTP_STATUS', `The token endpoint ${why}.`, response, { now, bodySnippet: bodySnippet(text) });
}
