// processTokenResponse / parseTokenResponse: validation, error classes, caps, and property tests.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { setupTestEffects } from '../../../tests/support/effects';
import { VirtualClock } from '../../../tests/support/virtualClock';
import { OAuthResponseError, PlaygroundError, TokenEndpointError } from '../errors';
import { MAX_EXPIRES_IN_SECONDS } from './expiry';
import { parseTokenResponse, processTokenResponse } from './response';
import { contentTypeWarnings } from './responseWarnings';
import { toTokenRecord } from './tokenRecord';

const fx = setupTestEffects(() => ({ clock: new VirtualClock() }));
/** The typed details every token endpoint error carries. */
const details = (error: PlaygroundError) => error as TokenEndpointError;

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

async function failure(response: Response): Promise<PlaygroundError> {
  try {
    await processTokenResponse(response);
  } catch (error) {
    return error as PlaygroundError;
  }
  throw new PlaygroundError('INVALID_RESPONSE', 'expected processTokenResponse to throw');
}

describe('success', () => {
  it('lower-cases token_type, coerces expires_in and keeps other members in extra', async () => {
    const token = await processTokenResponse(
      json({ access_token: 'at', token_type: 'BEARER', expires_in: '3600', scope: 'a b', jti: 'j1', aud: 'api' }),
    );
    expect(token).toEqual({ access_token: 'at', token_type: 'bearer', expires_in: 3600, scope: 'a b', extra: { jti: 'j1', aud: 'api' } });
  });

  it.each([
    ['application/json', undefined],
    ['application/json; charset=UTF-8', undefined],
    ['Application/JSON;charset="utf-8"', undefined],
    ['text/html; charset=utf-7', ['content-type', 'charset']],
    ['text/plain', ['content-type']],
    ['application/json; charset=iso-8859-1', ['charset']],
  ])('parses a JSON token labelled %j, with warnings %j (RFC 6749 §5.1, RFC 8259 §8.1)', async (contentType, codes) => {
    const body = JSON.stringify({ access_token: 'at', token_type: 'Bearer', expires_in: 60 });
    const token = await processTokenResponse(new Response(body, { headers: { 'content-type': contentType } }));
    expect(token).toMatchObject({ access_token: 'at', token_type: 'bearer', expires_in: 60 });
    expect(token.warnings?.map((w) => w.code)).toEqual(codes);
  });

  it('says what the label was, and that the body was read as JSON anyway', async () => {
    const body = JSON.stringify({ access_token: 'at', token_type: 'Bearer' });
    const token = await processTokenResponse(new Response(body, { headers: { 'content-type': 'text/html; charset=utf-7' } }));
    expect(token.warnings).toEqual([
      { code: 'content-type', message: 'Content-Type "text/html; charset=utf-7" is not application/json (RFC 6749 §5.1); the body was read as JSON because it is JSON.' },
      { code: 'charset', message: 'The response declares charset "utf-7"; JSON is UTF-8 (RFC 8259 §8.1), so it was read as UTF-8.' },
    ]);
    expect(toTokenRecord(token, 0).warnings).toBe(token.warnings);
  });

  it('warns when there is no Content-Type at all', async () => {
    const bytes = new TextEncoder().encode(JSON.stringify({ access_token: 'at', token_type: 'Bearer' }));
    const token = await processTokenResponse(new Response(bytes));
    expect(token.warnings).toEqual([expect.objectContaining({ code: 'content-type', message: expect.stringMatching(/no Content-Type/) })]);
  });

  it('quotes a hostile Content-Type cleaned and cut, never whole', () => {
    const [warning] = contentTypeWarnings(`text/html\u202E\u0085${'x'.repeat(10_000)}`);
    expect(warning?.message).not.toMatch(/[\u202E\u0085]/);
    expect(warning?.message.length).toBeLessThan(250);
  });

  it('still refuses an HTML page as a token, whatever its label', async () => {
    const error = await failure(new Response('<html>login</html>', { headers: { 'content-type': 'application/json' } }));
    expect(error).toMatchObject({ code: 'INVALID_RESPONSE' });
  });

  it('accepts DPoP tokens and a missing or null expires_in/scope', () => {
    expect(parseTokenResponse({ access_token: 'at', token_type: 'DPoP', expires_in: null, scope: null })).toEqual({
      access_token: 'at',
      token_type: 'dpop',
      extra: {},
    });
  });

  it.each([
    [{ token_type: 'Bearer' }, /access_token is missing/],
    [{ access_token: '', token_type: 'Bearer' }, /access_token must be a non-empty string/],
    [{ access_token: 42, token_type: 'Bearer' }, /access_token/],
    [{ access_token: 'at', token_type: 'mac' }, /token_type must be Bearer or DPoP/],
    [{ access_token: 'at' }, /token_type is missing/],
    [{ access_token: 'at', token_type: 'Bearer', expires_in: -1 }, /expires_in must not be negative/],
    [{ access_token: 'at', token_type: 'Bearer', expires_in: 'soon' }, /expires_in must be a number of seconds/],
    [{ access_token: 'at', token_type: 'Bearer', expires_in: '1e400' }, /expires_in/],
    [{ access_token: 'at', token_type: 'Bearer', scope: ['a'] }, /scope/],
    [['not', 'an', 'object'], /not a JSON object/],
  ])('rejects %j as INVALID_RESPONSE', (body, message) => {
    expect(() => parseTokenResponse(body)).toThrow(expect.objectContaining({ code: 'INVALID_RESPONSE', message: expect.stringMatching(message) }));
  });

  it('never puts the access token value into an error message', () => {
    expect(() => parseTokenResponse({ access_token: 'SECRET-TOKEN', token_type: 'mac' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('SECRET-TOKEN') }),
    );
  });
});

describe('errors', () => {
  it('gives every failure the typed fields of one family: TokenEndpointError', async () => {
    const error = await failure(new Response('busy', { status: 503, headers: { 'retry-after': '2' } }));
    expect(error).toBeInstanceOf(TokenEndpointError);
    expect(details(error)).toMatchObject({ status: 503, bodySnippet: 'busy', retryAfterMs: 2000 });
    expect(Object.keys(error)).not.toContain('response');
  });

  it('maps an RFC 6749 §5.2 body to OAuthResponseError with a non-enumerable Response', async () => {
    const response = json({ error: 'invalid_client', error_description: 'client authentication failed' }, 401);
    const error = await failure(response);
    expect(error).toBeInstanceOf(OAuthResponseError);
    expect(error).toMatchObject({ code: 'OAUTH_ERROR', status: 401, error: 'invalid_client', error_description: 'client authentication failed' });
    expect((error as OAuthResponseError).response).toBe(response);
    expect(Object.keys(error)).not.toContain('response');
    expect(JSON.stringify(error)).not.toMatch(/"response"|"headers"|"body"/);
    expect({ ...error }).not.toHaveProperty('response');
  });

  it.each([401, 403])('%i with an empty body is CLIENT_AUTH_REJECTED', async (status) => {
    const error = await failure(new Response(null, { status }));
    expect(error).toMatchObject({ code: 'CLIENT_AUTH_REJECTED', status, message: 'The server rejected the client credentials' });
    expect(Object.keys(error)).not.toContain('response');
  });

  it('other non-2xx: HTTP_STATUS with a capped snippet', async () => {
    const error = await failure(new Response(`<h1>${'x'.repeat(2000)}</h1>`, { status: 500 }));
    expect(error).toMatchObject({ code: 'HTTP_STATUS', status: 500 });
    const { bodySnippet: snippet } = details(error);
    expect(snippet?.startsWith('<h1>xxx')).toBe(true);
    expect(snippet?.length).toBe(500);
  });

  it('masks secrets in the snippet, even one that would straddle the cap', async () => {
    const body = `${'y'.repeat(480)}{"client_secret":"s3cret-value-that-crosses-the-cap-at-500-characters","refresh_token":"rt-secret"}`;
    const { bodySnippet: snippet } = details(await failure(new Response(body, { status: 500 })));
    expect(snippet).not.toContain('"client_secret":"s3');
    expect(snippet).not.toContain('rt-secret');
  });

  it('401 with a non-JSON body is HTTP_STATUS, not a silent success', async () => {
    expect(await failure(new Response('denied', { status: 401 }))).toMatchObject({ code: 'HTTP_STATUS', status: 401 });
  });

  it('a redirect is not followed and says so', async () => {
    const error = await failure(new Response(null, { status: 302, headers: { location: 'https://elsewhere.example' } }));
    expect(error).toMatchObject({ code: 'REDIRECTED', status: 302, message: expect.stringMatching(/redirect/) });
  });

  it.each([
    ['HTML', new Response('<!doctype html><p>login</p>', { status: 200, headers: { 'content-type': 'text/html' } }), /HTML page/],
    ['malformed JSON', new Response('{"access_token": "SECRET-TOKEN-VALUE", ', { status: 200 }), /malformed JSON/],
    ['no access_token', json({ token_type: 'Bearer' }), /access_token is missing/],
  ])('2xx with %s is INVALID_RESPONSE', async (_name, response, message) => {
    const error = await failure(response);
    expect(error).toMatchObject({ code: 'INVALID_RESPONSE', status: 200, message: expect.stringMatching(message) });
    expect(details(error).bodySnippet ?? '').not.toContain('SECRET-TOKEN-VALUE');
  });

  it('refuses a body over 1 MB without buffering it', async () => {
    const error = await failure(new Response('x'.repeat(1024 * 1024 + 1), { status: 200 }));
    expect(error).toMatchObject({ code: 'INVALID_RESPONSE', message: expect.stringMatching(/larger than 1 MB/) });
  });

  it('a body that breaks off is NETWORK', async () => {
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(new TypeError('socket hang up'));
      },
    });
    expect(await failure(new Response(stream, { status: 200 }))).toMatchObject({ code: 'NETWORK', status: 200 });
  });

  it('carries Retry-After (seconds and HTTP-date) as retryAfterMs', async () => {
    const { clock } = fx;
    const seconds = await failure(new Response(null, { status: 429, headers: { 'retry-after': '12' } }));
    expect(details(seconds).retryAfterMs).toBe(12_000);
    const date = new Date(clock.now() + 30_000).toUTCString();
    const dated = await failure(json({ error: 'slow_down' }, 503, { 'retry-after': date }));
    expect(details(dated).retryAfterMs).toBe(30_000);
  });

  it('masks token members in snippets', async () => {
    const error = await failure(new Response('{"access_token":"abc","refresh_token": "def","x":1}', { status: 500 }));
    expect(details(error).bodySnippet).toBe(
      '{"access_token":"••••••","refresh_token": "••••••","x":1}',
    );
  });
});

describe('properties', () => {
  const tokenChars = fc.string({ minLength: 1, maxLength: 200 });
  const caseVariant = (word: string) =>
    fc.array(fc.boolean(), { minLength: word.length, maxLength: word.length }).map((upper) =>
      [...word].map((ch, i) => (upper[i] ? ch.toUpperCase() : ch)).join(''),
    );

  it('any valid response parses, with token_type in any letter case lower-cased', () => {
    fc.assert(
      fc.property(
        tokenChars,
        fc.oneof(caseVariant('bearer'), caseVariant('dpop')),
        fc.option(fc.oneof(fc.nat({ max: MAX_EXPIRES_IN_SECONDS }), fc.nat({ max: MAX_EXPIRES_IN_SECONDS }).map(String)), { nil: undefined }),
        fc.option(fc.string(), { nil: undefined }),
        fc.dictionary(fc.string().filter((k) => !['access_token', 'token_type', 'expires_in', 'scope', '__proto__'].includes(k)), fc.jsonValue()),
        (accessToken, tokenType, expiresIn, scope, extra) => {
          const body = { ...extra, access_token: accessToken, token_type: tokenType, expires_in: expiresIn, scope };
          const parsed = parseTokenResponse(JSON.parse(JSON.stringify(body)));
          expect(parsed.access_token).toBe(accessToken);
          expect(parsed.token_type).toBe(tokenType.toLowerCase());
          expect(parsed.expires_in).toBe(expiresIn === undefined ? undefined : Number(expiresIn));
          expect(parsed.scope).toBe(scope);
          expect(parsed.extra).toEqual(JSON.parse(JSON.stringify(extra)));
          expect(Object.keys(parsed.extra)).not.toContain('access_token');
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a token_type other than bearer/dpop never parses', () => {
    fc.assert(
      fc.property(
        fc.string().filter((t) => !['bearer', 'dpop'].includes(t.toLowerCase())),
        (tokenType) => {
          expect(() => parseTokenResponse({ access_token: 'at', token_type: tokenType })).toThrow(PlaygroundError);
        },
      ),
    );
  });
});

describe('what the server sent, in words', () => {
  /** What fetch with `redirect: 'manual'` hands a browser for a 302: an opaque redirect, status 0. */
  function opaqueRedirect(): Response {
    const response = new Response(null, { status: 200 });
    Object.defineProperty(response, 'type', { value: 'opaqueredirect' });
    Object.defineProperty(response, 'status', { value: 0 });
    return response;
  }

  it('calls a browser opaque redirect a redirect, without an HTTP status of 0', async () => {
    const error = await failure(opaqueRedirect());
    expect(error.code).toBe('REDIRECTED');
    expect(error.status).toBeUndefined();
    expect(error.message).toMatch(/redirected/);
    expect(error.message).not.toMatch(/HTTP 0/);
  });

  it('calls a 302 (outside a browser) a redirect too', async () => {
    const error = await failure(new Response(null, { status: 302, headers: { location: 'https://login.example.com/' } }));
    expect(error).toMatchObject({ code: 'REDIRECTED', status: 302 });
  });

  it.each([200, 204])('calls an empty %d body empty, not malformed JSON', async (status) => {
    const error = await failure(new Response(status === 204 ? null : '', { status }));
    expect(error.code).toBe('INVALID_RESPONSE');
    expect(error.message).toMatch(/empty body/);
    expect(error.message).not.toMatch(/malformed/);
  });
});
