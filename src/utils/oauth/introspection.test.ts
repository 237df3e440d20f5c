// Introspection and revocation: the same client authentication as the token request, answers field by field.
import { decodeJwt } from 'jose';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { setupTestEffects } from '../../../tests/support/effects';
import { setupMswServer } from '../../../tests/support/msw';
import { VirtualClock } from '../../../tests/support/virtualClock';
import { InputError, OAuthResponseError, TokenEndpointError } from '../errors';
import { generateSigningKeyPair } from '../keys';
import { clientSecretBasic, clientSecretPost, privateKeyJwt, type ClientAuth } from './clientAuth';
import { describeIntrospectionRequest, processIntrospectionResponse } from './introspection';
import { describeRevocationRequest, processRevocationResponse } from './revocation';
import { toCurl } from './curl';
import { toFetchSnippet } from './fetchSnippet';
import { maskRequestDescription } from './requestMask';
import { sendTokenRequest } from './send';

const INTROSPECT = 'https://as.example.com/env/as/introspect';
const REVOKE = 'https://as.example.com/env/as/revoke';
const TOKEN = 'opaque-ACCESS-token';

const server = setupMswServer();
const fx = setupTestEffects(() => ({ clock: new VirtualClock() }));

const base = (auth: ClientAuth) => ({ endpoint: INTROSPECT, clientId: 'client-1', auth, token: TOKEN });

async function introspect(answer: () => Response) {
  server.use(http.post(INTROSPECT, answer));
  const description = await describeIntrospectionRequest(base(clientSecretBasic('s3cret')));
  return fx.clock.run(sendTokenRequest(description).then(processIntrospectionResponse));
}

describe('describeIntrospectionRequest / describeRevocationRequest', () => {
  it.each([
    ['client_secret_basic', () => clientSecretBasic('s3cret'), (h: Record<string, string>, b: URLSearchParams) => {
      expect(h.Authorization).toMatch(/^Basic /);
      expect(b.has('client_secret')).toBe(false);
    }],
    ['client_secret_post', () => clientSecretPost('s3cret'), (_h: Record<string, string>, b: URLSearchParams) => {
      expect([b.get('client_id'), b.get('client_secret')]).toEqual(['client-1', 's3cret']);
    }],
  ])('sends token and token_type_hint with %s', async (_name, auth, check) => {
    for (const [describeFor, url] of [[describeIntrospectionRequest, INTROSPECT], [describeRevocationRequest, REVOKE]] as const) {
      const desc = await describeFor({ ...base(auth()), endpoint: url });
      const body = new URLSearchParams(desc.body);
      expect(desc).toMatchObject({ url, method: 'POST' });
      expect([body.get('token'), body.get('token_type_hint'), body.has('grant_type')]).toEqual([TOKEN, 'access_token', false]);
      check(desc.headers, body);
    }
  });

  it('never shows the token it carries: masked in the preview, a placeholder in cURL and fetch (unless revealed)', async () => {
    for (const describeFor of [describeIntrospectionRequest, describeRevocationRequest]) {
      const desc = await describeFor(base(clientSecretPost('s3cret')));
      for (const shown of [JSON.stringify(maskRequestDescription(desc)), toCurl(desc), toFetchSnippet(desc)]) {
        expect(shown).not.toContain(TOKEN);
        expect(shown).not.toContain('s3cret');
      }
      expect(toCurl(desc)).toContain('token=${ACCESS_TOKEN}');
      expect(toCurl(desc, { reveal: true })).toContain(TOKEN);
    }
  });

  it('signs a private_key_jwt assertion whose aud is the endpoint called, in the endpoint audience mode', async () => {
    const key = await generateSigningKeyPair('ES256');
    const desc = await describeRevocationRequest({ ...base(privateKeyJwt(key.privateKey, { alg: 'ES256', kid: key.kid, audience: 'endpoint' })), endpoint: REVOKE });
    const assertion = new URLSearchParams(desc.body).get('client_assertion') ?? '';
    expect(decodeJwt(assertion)).toMatchObject({ iss: 'client-1', sub: 'client-1', aud: REVOKE });
  });

  it('names the field for a bad endpoint or a missing token', async () => {
    await expect(describeIntrospectionRequest({ ...base(clientSecretBasic('s')), endpoint: 'http://evil.example.com/i' })).rejects.toMatchObject({ field: 'introspectionEndpoint' });
    await expect(describeRevocationRequest({ ...base(clientSecretBasic('s')), endpoint: '/revoke' })).rejects.toMatchObject({ field: 'revocationEndpoint' });
    await expect(describeIntrospectionRequest({ ...base(clientSecretBasic('s')), token: '' })).rejects.toBeInstanceOf(InputError);
  });
});

describe('processIntrospectionResponse', () => {
  it('returns active and passes every other claim through', async () => {
    const claims = { client_id: 'client-1', scope: 'a b', exp: 2_000_000_000, token_type: 'DPoP', cnf: { jkt: 'abc' } };
    expect(await introspect(() => HttpResponse.json({ active: true, ...claims }))).toEqual({ active: true, claims });
  });

  it('reads active: false for a revoked or unknown token', async () => {
    expect(await introspect(() => HttpResponse.json({ active: false }))).toEqual({ active: false, claims: {} });
  });

  it.each([
    ['no active', () => HttpResponse.json({ scope: 'a' }), /active is missing/],
    ['active as a string', () => HttpResponse.json({ active: 'true' }), /active is a string, not a boolean/],
    ['an array', () => HttpResponse.json([{ active: true }]), /not a JSON object/],
    ['an HTML page', () => new HttpResponse('<html>hi</html>', { status: 200 }), /not JSON/],
  ])('refuses %s as INVALID_RESPONSE', async (_name, answer, message) => {
    const error = await introspect(answer).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenEndpointError);
    expect(error).toMatchObject({ code: 'INVALID_RESPONSE', status: 200, message: expect.stringMatching(message) });
  });

  it('throws the RFC error for unsupported_token_type and invalid_client', async () => {
    const unsupported = await introspect(() => HttpResponse.json({ error: 'unsupported_token_type' }, { status: 400 })).catch((e: unknown) => e);
    expect(unsupported).toBeInstanceOf(OAuthResponseError);
    expect(unsupported).toMatchObject({ error: 'unsupported_token_type', status: 400 });
    const client = await introspect(() => HttpResponse.json({ error: 'invalid_client' }, { status: 401 })).catch((e: unknown) => e);
    expect(client).toMatchObject({ code: 'OAUTH_ERROR', error: 'invalid_client', status: 401 });
    const broken = await introspect(() => new HttpResponse('oops', { status: 500 })).catch((e: unknown) => e);
    expect((broken as Error).message).toBe('The introspection endpoint answered HTTP 500.');
  });
});

describe('processRevocationResponse', () => {
  async function revoke(answer: () => Response) {
    server.use(http.post(REVOKE, answer));
    const description = await describeRevocationRequest({ ...base(clientSecretBasic('s3cret')), endpoint: REVOKE });
    return fx.clock.run(sendTokenRequest(description).then(processRevocationResponse));
  }

  it.each([
    ['an empty 200', () => new HttpResponse(null, { status: 200 })],
    ['a 200 with a body', () => HttpResponse.json({ whatever: true })],
  ])('treats %s as revoked', async (_name, answer) => {
    expect(await revoke(answer)).toEqual({ revoked: true });
  });

  it('refuses unsupported_token_type, and a 503 carries its Retry-After', async () => {
    const unsupported = await revoke(() => HttpResponse.json({ error: 'unsupported_token_type' }, { status: 400 })).catch((e: unknown) => e);
    expect(unsupported).toMatchObject({ code: 'OAUTH_ERROR', error: 'unsupported_token_type' });
    const busy = await revoke(() => new HttpResponse('busy', { status: 503, headers: { 'Retry-After': '7' } })).catch((e: unknown) => e);
    expect(busy).toMatchObject({ code: 'HTTP_STATUS', status: 503, retryAfterMs: 7000 });
    // The message names the endpoint that answered, not the token endpoint.
    expect((busy as Error).message).toBe('The revocation endpoint answered HTTP 503.');
  });
});
