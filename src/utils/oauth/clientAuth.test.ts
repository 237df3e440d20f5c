// One table over all four client authentication methods, through msw: exact header, body and assertion checks.
import { decodeProtectedHeader, importJWK, jwtVerify } from 'jose';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKeyPair, type SigningKey } from '../keys';
import { buildClientCredentialsBody } from './body';
import {
  basicAuthorization,
  CLIENT_ASSERTION_TYPE,
  clientSecretBasic,
  clientSecretJwt,
  clientSecretPost,
  formUrlEncode,
  privateKeyJwt,
  type ClientAuth,
} from './clientAuth';
import { describeClientCredentialsRequest } from './description';
import { setupTestEffects } from '../../../tests/support/effects';
import { setupMswServer } from '../../../tests/support/msw';
import { VirtualClock } from '../../../tests/support/virtualClock';
import { requestClientCredentialsToken } from './token';

const TOKEN_ENDPOINT = 'https://as.example.com/env-1/as/token';
const ISSUER = 'https://as.example.com/env-1/as';

interface Captured {
  headers: Headers;
  body: URLSearchParams;
}
let captured: Captured[] = [];

setupMswServer(
  http.post(TOKEN_ENDPOINT, async ({ request }) => {
    captured.push({ headers: request.headers, body: new URLSearchParams(await request.text()) });
    return HttpResponse.json({ access_token: 'at-123', token_type: 'Bearer', expires_in: 3600, scope: 'read' });
  }),
);
afterEach(() => {
  captured = [];
});
const fx = setupTestEffects(() => ({ clock: new VirtualClock() }));

let es256: SigningKey;
beforeAll(async () => {
  es256 = await generateSigningKeyPair('ES256');
});

const SECRET_WITH_SPECIALS = 'ü s3cr:et+/=%';
const ID_WITH_SPECIALS = 'a:b+c';

async function decodeBasic(value: string | null): Promise<[string, string]> {
  expect(value).toMatch(/^Basic [A-Za-z0-9+/=]+$/);
  const decoded = atob((value ?? '').slice('Basic '.length));
  const [id, secret] = decoded.split(':');
  const dec = (s: string | undefined) => decodeURIComponent((s ?? '').replace(/\+/g, ' '));
  return [dec(id), dec(secret)];
}

type Case = {
  method: string;
  auth: (clock: VirtualClock) => ClientAuth;
  check: (c: Captured, clock: VirtualClock) => Promise<void>;
};

const cases: Case[] = [
  {
    method: 'client_secret_basic',
    auth: () => clientSecretBasic(SECRET_WITH_SPECIALS),
    async check(c) {
      // RFC 6749 §2.3.1: form-urlencode id and secret, then base64 — ':' in the id must not split it.
      expect(c.headers.get('authorization')).toBe(
        `Basic ${btoa('a%3Ab%2Bc:%C3%BC+s3cr%3Aet%2B%2F%3D%25')}`,
      );
      expect(await decodeBasic(c.headers.get('authorization'))).toEqual([ID_WITH_SPECIALS, SECRET_WITH_SPECIALS]);
      expect(c.body.has('client_secret')).toBe(false);
      expect(c.body.has('client_id')).toBe(false);
    },
  },
  {
    method: 'client_secret_post',
    auth: () => clientSecretPost(SECRET_WITH_SPECIALS),
    async check(c) {
      expect(c.headers.get('authorization')).toBeNull();
      expect(c.body.get('client_id')).toBe(ID_WITH_SPECIALS);
      expect(c.body.get('client_secret')).toBe(SECRET_WITH_SPECIALS);
      expect(c.body.has('client_assertion')).toBe(false);
    },
  },
  {
    method: 'client_secret_jwt',
    auth: () => clientSecretJwt(SECRET_WITH_SPECIALS),
    async check(c, clock) {
      expect(c.headers.get('authorization')).toBeNull();
      expect(c.body.has('client_secret')).toBe(false);
      expect(c.body.get('client_id')).toBe(ID_WITH_SPECIALS);
      expect(c.body.get('client_assertion_type')).toBe(CLIENT_ASSERTION_TYPE);
      const jwt = c.body.get('client_assertion') ?? '';
      expect(decodeProtectedHeader(jwt)).toEqual({ alg: 'HS256', typ: 'JWT' });
      const { payload } = await jwtVerify(jwt, new TextEncoder().encode(SECRET_WITH_SPECIALS), {
        currentDate: new Date(clock.now()),
        audience: TOKEN_ENDPOINT,
        issuer: ID_WITH_SPECIALS,
        subject: ID_WITH_SPECIALS,
      });
      expect(payload.exp! - payload.iat!).toBe(60);
      expect(payload.iat).toBe(Math.floor(clock.now() / 1000));
      expect(payload.jti).toMatch(/^[0-9a-f-]{36}$/);
    },
  },
  {
    method: 'private_key_jwt',
    auth: () => privateKeyJwt(es256.privateKey, { alg: 'ES256' }),
    async check(c, clock) {
      expect(c.headers.get('authorization')).toBeNull();
      expect(c.body.has('client_secret')).toBe(false);
      expect(c.body.get('client_id')).toBe(ID_WITH_SPECIALS);
      expect(c.body.get('client_assertion_type')).toBe(CLIENT_ASSERTION_TYPE);
      const jwt = c.body.get('client_assertion') ?? '';
      expect(decodeProtectedHeader(jwt)).toEqual({ alg: 'ES256', kid: es256.kid, typ: 'JWT' });
      const publicKey = await importJWK(es256.publicJwk, 'ES256');
      const { payload } = await jwtVerify(jwt, publicKey, {
        currentDate: new Date(clock.now()),
        audience: TOKEN_ENDPOINT,
        issuer: ID_WITH_SPECIALS,
        subject: ID_WITH_SPECIALS,
      });
      expect(payload.exp! - payload.iat!).toBe(60);
      expect(payload.jti).toMatch(/^[0-9a-f-]{36}$/);
    },
  },
];

describe.each(cases)('$method', ({ auth, check }) => {
  it('sends exactly the expected credentials and common form parameters', async () => {
    const { clock } = fx;
    const describeRequest = () =>
      describeClientCredentialsRequest({
        tokenEndpoint: TOKEN_ENDPOINT,
        clientId: ID_WITH_SPECIALS,
        auth: auth(clock),
        params: buildClientCredentialsBody({ scope: ['read', 'write'], audience: 'https://api.example.com' }),
      });
    const { response: token } = await clock.run(requestClientCredentialsToken({ describe: describeRequest }));

    expect(token).toEqual({ access_token: 'at-123', token_type: 'bearer', expires_in: 3600, scope: 'read', extra: {} });
    expect(captured).toHaveLength(1);
    const c = captured[0]!;
    expect(c.headers.get('content-type')).toBe('application/x-www-form-urlencoded;charset=UTF-8');
    expect(c.headers.get('accept')).toBe('application/json');
    expect(c.body.get('grant_type')).toBe('client_credentials');
    expect(c.body.get('scope')).toBe('read write');
    expect(c.body.get('audience')).toBe('https://api.example.com');
    await check(c, clock);
  });
});

describe('assertion audience', () => {
  it.each([
    ['client_secret_jwt', (aud: 'issuer') => clientSecretJwt('s', { audience: aud })],
    ['private_key_jwt', (aud: 'issuer') => privateKeyJwt(es256.privateKey, { alg: 'ES256', audience: aud })],
  ])('%s can target the issuer, and says so when no issuer is configured', async (_name, make) => {
    const params = buildClientCredentialsBody();
    const desc = await describeClientCredentialsRequest({
      tokenEndpoint: TOKEN_ENDPOINT,
      clientId: 'c1',
      issuer: ISSUER,
      auth: make('issuer'),
      params,
    });
    const jwt = new URLSearchParams(desc.body).get('client_assertion') ?? '';
    expect(JSON.parse(atob(jwt.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))).aud).toBe(ISSUER);
    await expect(
      describeClientCredentialsRequest({ tokenEndpoint: TOKEN_ENDPOINT, clientId: 'c1', auth: make('issuer'), params }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'issuerOrDiscoveryUrl' });
  });
});

describe('secret handling', () => {
  it.each([
    ['client_secret_basic', () => clientSecretBasic('')],
    ['client_secret_post', () => clientSecretPost('')],
    ['client_secret_jwt', () => clientSecretJwt('')],
  ])('%s refuses an empty secret with field clientSecret', (_name, make) => {
    expect(make).toThrow(expect.objectContaining({ field: 'clientSecret' }));
  });

  it('form-urlencodes with + for space and escapes every reserved character', () => {
    expect(formUrlEncode('a b:c+d/é')).toBe('a+b%3Ac%2Bd%2F%C3%A9');
    expect(basicAuthorization('id', 'x y')).toBe(`Basic ${btoa('id:x+y')}`);
  });
});

describe('private_key_jwt factory', () => {
  it('refuses a key that does not fit the alg as soon as the method is chosen', async () => {
    const rsa = await generateSigningKeyPair('RS256');
    expect(() => privateKeyJwt(rsa.privateKey, { alg: 'ES256' })).toThrow(expect.objectContaining({ field: 'signingAlg' }));
    expect(() => privateKeyJwt(es256.privateKey, { alg: 'PS256' })).toThrow(expect.objectContaining({ field: 'signingAlg' }));
  });
});
