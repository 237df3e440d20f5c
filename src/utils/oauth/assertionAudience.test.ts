// The audience modes end to end through the one request description: 3 modes × both JWT methods × token,
// introspection and revocation → the `aud` and `typ` actually signed (decoded and verified).
import { decodeProtectedHeader, importJWK, jwtVerify } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestEffects } from '../../../tests/support/effects';
import { VirtualClock } from '../../../tests/support/virtualClock';
import { generateSigningKeyPair, type SigningKey } from '../keys';
import { ASSERTION_AUDIENCES, assertionTypHeader, resolveAssertionAudience, type AssertionAudience, type AssertionTyp } from './assertionAudience';
import { buildClientCredentialsBody } from './body';
import { clientSecretJwt, privateKeyJwt, type ClientAuth, type JwtAuthOptions } from './clientAuth';
import { describeClientCredentialsRequest, type RequestDescription } from './description';
import { describeIntrospectionRequest } from './introspection';
import { describeRevocationRequest } from './revocation';

const fx = setupTestEffects(() => ({ clock: new VirtualClock() }));

const ISSUER = 'https://as.example.com/env-1/as';
const TOKEN = 'https://as.example.com/env-1/as/token';
const INTROSPECT = 'https://as.example.com/env-1/as/introspect';
const REVOKE = 'https://as.example.com/env-1/as/revoke';
const SECRET = 'a-shared-secret-of-decent-length';

let key: SigningKey;
beforeAll(async () => {
  key = await generateSigningKeyPair('ES256');
});

type Method = 'client_secret_jwt' | 'private_key_jwt';
const METHODS: readonly Method[] = ['client_secret_jwt', 'private_key_jwt'];
const authFor = (method: Method, opts: JwtAuthOptions): ClientAuth =>
  method === 'client_secret_jwt' ? clientSecretJwt(SECRET, opts) : privateKeyJwt(key.privateKey, { alg: 'ES256', ...opts });

type Endpoint = 'token' | 'introspection' | 'revocation';
const ENDPOINTS: Readonly<Record<Endpoint, string>> = { token: TOKEN, introspection: INTROSPECT, revocation: REVOKE };

function describeAt(at: Endpoint, auth: ClientAuth, urls: { issuer?: string; tokenEndpoint?: string } = { issuer: ISSUER, tokenEndpoint: TOKEN }): Promise<RequestDescription> {
  const common = { clientId: 'client-1', issuer: urls.issuer, auth };
  if (at === 'token') return describeClientCredentialsRequest({ ...common, tokenEndpoint: TOKEN, params: buildClientCredentialsBody() });
  const management = { ...common, tokenEndpoint: urls.tokenEndpoint, token: 'opaque-token' };
  return at === 'introspection' ? describeIntrospectionRequest({ ...management, endpoint: INTROSPECT }) : describeRevocationRequest({ ...management, endpoint: REVOKE });
}

/** The assertion of a description, verified with the method's key: header and claims as the server would see them. */
async function signedAssertion(desc: RequestDescription, method: Method) {
  const jwt = new URLSearchParams(desc.body).get('client_assertion') ?? '';
  const verifyKey = method === 'client_secret_jwt' ? new TextEncoder().encode(SECRET) : await importJWK(key.publicJwk, 'ES256');
  const { payload } = await jwtVerify(jwt, verifyKey, { currentDate: new Date(fx.clock.now()) });
  return { header: decodeProtectedHeader(jwt), payload };
}

const EXPECTED_AUD: Readonly<Record<AssertionAudience, (at: Endpoint) => string>> = {
  issuer: () => ISSUER,
  token_endpoint: () => TOKEN,
  endpoint: (at) => ENDPOINTS[at],
};
const EXPECTED_TYP: Readonly<Record<AssertionAudience, string>> = { issuer: 'client-authentication+jwt', token_endpoint: 'JWT', endpoint: 'JWT' };

const table = ASSERTION_AUDIENCES.flatMap((mode) =>
  METHODS.flatMap((method) => (['token', 'introspection', 'revocation'] as const).map((at) => ({ mode, method, at, aud: EXPECTED_AUD[mode](at), typ: EXPECTED_TYP[mode] }))),
);

describe('assertion audience modes', () => {
  it.each(table)('$mode × $method at the $at endpoint signs aud $aud with typ $typ', async ({ mode, method, at, aud, typ }) => {
    const desc = await describeAt(at, authFor(method, { audience: mode }));
    expect(desc.url).toBe(ENDPOINTS[at]);
    const { header, payload } = await signedAssertion(desc, method);
    expect(payload.aud).toBe(aud);
    expect(typeof payload.aud).toBe('string');
    expect(header.typ).toBe(typ);
    expect(header.alg).toBe(method === 'client_secret_jwt' ? 'HS256' : 'ES256');
    expect([payload.iss, payload.sub]).toEqual(['client-1', 'client-1']);
  });

  it('defaults to the token endpoint, also at introspection and revocation (RFC 7523, seed 001)', async () => {
    for (const at of ['token', 'introspection', 'revocation'] as const) {
      const { header, payload } = await signedAssertion(await describeAt(at, authFor('private_key_jwt', {})), 'private_key_jwt');
      expect([payload.aud, header.typ]).toEqual([TOKEN, 'JWT']);
    }
  });

  it.each([
    ['issuer', { tokenEndpoint: TOKEN }, 'issuerOrDiscoveryUrl'],
    ['token_endpoint', { issuer: ISSUER }, 'tokenEndpoint'],
  ] as const)('%s mode without its URL is refused with field %s', async (mode, urls, field) => {
    for (const method of METHODS) {
      await expect(describeAt('introspection', authFor(method, { audience: mode }), urls)).rejects.toMatchObject({ code: 'INVALID_INPUT', field });
    }
  });

  it('the endpoint mode needs neither the issuer nor the token endpoint', async () => {
    const { payload } = await signedAssertion(await describeAt('revocation', authFor('client_secret_jwt', { audience: 'endpoint' }), {}), 'client_secret_jwt');
    expect(payload.aud).toBe(REVOKE);
  });
});

describe('typ option', () => {
  const typTable: [AssertionTyp, AssertionAudience, string | undefined][] = [
    ['auto', 'issuer', 'client-authentication+jwt'],
    ['auto', 'token_endpoint', 'JWT'],
    ['auto', 'endpoint', 'JWT'],
    ['send', 'issuer', 'client-authentication+jwt'],
    ['send', 'token_endpoint', 'client-authentication+jwt'],
    ['send', 'endpoint', 'client-authentication+jwt'],
    ['omit', 'issuer', undefined],
    ['omit', 'token_endpoint', undefined],
    ['omit', 'endpoint', undefined],
  ];

  it.each(typTable)('typ %s with the %s audience signs typ %s', async (typ, mode, expected) => {
    expect(assertionTypHeader(typ, mode)).toBe(expected ?? null);
    for (const method of METHODS) {
      const { header } = await signedAssertion(await describeAt('token', authFor(method, { audience: mode, typ })), method);
      expect(header.typ).toBe(expected);
      expect('typ' in header).toBe(expected !== undefined);
    }
  });
});

describe('resolveAssertionAudience', () => {
  it('an explicit setting wins over the provider row, which wins over token_endpoint', () => {
    expect(resolveAssertionAudience(undefined)).toBe('token_endpoint');
    expect(resolveAssertionAudience(undefined, 'issuer')).toBe('issuer');
    expect(resolveAssertionAudience('endpoint', 'issuer')).toBe('endpoint');
  });
});
