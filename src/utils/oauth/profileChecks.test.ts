// Profile checks: each FAPI 2.0 / OAuth 2.1 line met, not met, or not applicable (with the reason), never guessed.
import { generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { generateSigningKeyPair } from '../keys';
import { buildClientCredentialsBody } from './body';
import { clientSecretBasic, clientSecretJwt, clientSecretPost, privateKeyJwt, tlsClientAuth, type ClientAuth } from './clientAuth';
import { describeClientCredentialsRequest } from './description';
import { clientAuthMethodsIn, keyStrengthOf, profileChecks, type ProfileInput, type ProfileStatus } from './profileChecks';

const FAPI_READY: ProfileInput = {
  authMethod: 'private_key_jwt',
  dpop: true,
  mtls: false,
  assertionAudience: 'issuer',
  signingAlg: 'ES256',
  dpopAlg: 'ES256',
  signingKey: { kty: 'EC', bits: 256 },
  dpopKey: { kty: 'EC', bits: 256 },
  assertionLifetimeSeconds: 60,
  methodsInRequest: ['private_key_jwt'],
};

const statusOf = (input: ProfileInput, id: string): ProfileStatus | undefined => profileChecks(input).find((c) => c.id === id)?.status;

describe('profileChecks', () => {
  it('lists every line with spec, clause, requirement, link and a reason', () => {
    const lines = profileChecks(FAPI_READY);
    expect(lines.map((l) => [l.id, l.clause])).toEqual([
      ['fapi2.client-auth', '5.3.3.1'],
      ['fapi2.sender-constrained', '5.3.3.1'],
      ['fapi2.assertion-aud', '5.3.3.1'],
      ['fapi2.algorithms', '5.4.1'],
      ['fapi2.key-size', '5.4.1'],
      ['fapi2.jwt-timestamps', '5.3.2.1'],
      ['oauth21.assertion-aud', '2.4'],
      ['oauth21.client-secret', '2.4.1'],
      ['oauth21.one-method', '2.4'],
    ]);
    for (const line of lines) {
      expect(line.spec).toMatch(/^(FAPI 2\.0 Security Profile \(final\)|OAuth 2\.1 \(draft-ietf-oauth-v2-1-16\))$/);
      expect(line.link).toMatch(/^https:\/\/(openid\.net\/specs\/fapi-security-profile-2_0-final\.html|datatracker\.ietf\.org\/doc\/draft-ietf-oauth-v2-1\/)$/);
      expect(line.requirement.length).toBeGreaterThan(20);
      expect(line.reason.length).toBeGreaterThan(5);
    }
  });

  it('a FAPI-ready private_key_jwt + DPoP client meets every FAPI 2.0 line', () => {
    expect(Object.fromEntries(profileChecks(FAPI_READY).map((l) => [l.id, l.status]))).toEqual({
      'fapi2.client-auth': 'met',
      'fapi2.sender-constrained': 'met',
      'fapi2.assertion-aud': 'met',
      'fapi2.algorithms': 'met',
      'fapi2.key-size': 'met',
      'fapi2.jwt-timestamps': 'met',
      'oauth21.assertion-aud': 'met',
      'oauth21.client-secret': 'not applicable',
      'oauth21.one-method': 'met',
    });
  });

  it.each<[string, Partial<ProfileInput>, string, ProfileStatus]>([
    ['client_secret_basic', { authMethod: 'client_secret_basic' }, 'fapi2.client-auth', 'not met'],
    ['client_secret_jwt', { authMethod: 'client_secret_jwt' }, 'fapi2.client-auth', 'not met'],
    ['tls_client_auth', { authMethod: 'tls_client_auth', mtls: true }, 'fapi2.client-auth', 'met'],
    ['self_signed_tls_client_auth', { authMethod: 'self_signed_tls_client_auth', mtls: true }, 'fapi2.client-auth', 'met'],
    ['bearer token', { dpop: false, mtls: false }, 'fapi2.sender-constrained', 'not met'],
    ['mTLS certificate', { dpop: false, mtls: true }, 'fapi2.sender-constrained', 'met'],
    ['aud token endpoint', { assertionAudience: 'token_endpoint' }, 'fapi2.assertion-aud', 'not met'],
    ['aud endpoint called', { assertionAudience: 'endpoint' }, 'fapi2.assertion-aud', 'not met'],
    ['aud mode unknown', { assertionAudience: undefined }, 'fapi2.assertion-aud', 'not applicable'],
    ['aud line for a secret method', { authMethod: 'client_secret_post' }, 'fapi2.assertion-aud', 'not applicable'],
    ['RS256 assertion', { signingAlg: 'RS256' }, 'fapi2.algorithms', 'not met'],
    ['PS256 assertion', { signingAlg: 'PS256', signingKey: { kty: 'RSA', bits: 2048 } }, 'fapi2.algorithms', 'met'],
    ['HS256 of client_secret_jwt', { authMethod: 'client_secret_jwt' }, 'fapi2.algorithms', 'not met'],
    ['RS256 DPoP proofs', { dpopAlg: 'RS256' }, 'fapi2.algorithms', 'not met'],
    ['no JWT of known alg', { authMethod: 'client_secret_post', dpop: false }, 'fapi2.algorithms', 'not applicable'],
    ['RSA 1024', { signingAlg: 'PS256', signingKey: { kty: 'RSA', bits: 1024 } }, 'fapi2.key-size', 'not met'],
    ['RSA 2048', { signingAlg: 'PS256', signingKey: { kty: 'RSA', bits: 2048 } }, 'fapi2.key-size', 'met'],
    ['EC 192', { signingKey: { kty: 'EC', bits: 192 } }, 'fapi2.key-size', 'not met'],
    ['EC 224', { signingKey: { kty: 'EC', bits: 224 }, dpop: false }, 'fapi2.key-size', 'met'],
    ['key size unknown', { signingKey: undefined, dpopKey: undefined }, 'fapi2.key-size', 'not applicable'],
    ['lifetime of a secret method', { authMethod: 'client_secret_basic' }, 'fapi2.jwt-timestamps', 'not applicable'],
    ['OAuth 2.1 aud: issuer with client_secret_jwt', { authMethod: 'client_secret_jwt' }, 'oauth21.assertion-aud', 'met'],
    ['OAuth 2.1 aud: token endpoint', { assertionAudience: 'token_endpoint' }, 'oauth21.assertion-aud', 'not met'],
    ['OAuth 2.1 aud: no JWT', { authMethod: 'tls_client_auth' }, 'oauth21.assertion-aud', 'not applicable'],
    ['client_secret_post', { authMethod: 'client_secret_post' }, 'oauth21.client-secret', 'met'],
    ['client_secret_basic', { authMethod: 'client_secret_basic' }, 'oauth21.client-secret', 'not met'],
    ['two methods in one request', { methodsInRequest: ['client_secret_basic', 'private_key_jwt'] }, 'oauth21.one-method', 'not met'],
    ['request not described', { methodsInRequest: undefined }, 'oauth21.one-method', 'not applicable'],
    ['no client authentication', { methodsInRequest: [] }, 'oauth21.one-method', 'not applicable'],
  ])('%s → %s %s', (_name, change, id, status) => {
    expect(statusOf({ ...FAPI_READY, ...change }, id)).toBe(status);
  });

  it('says what FAPI 2.0 does and does not say about assertion lifetime', () => {
    const line = profileChecks(FAPI_READY).find((l) => l.id === 'fapi2.jwt-timestamps')!;
    expect(line.requirement).toMatch(/10 seconds in the future .* 60 seconds.*no lifetime is set for client assertions/);
    expect(line.status).toBe('met');
    expect(line.reason).toMatch(/exp = iat \+ 60 s/);
  });
});

describe('clientAuthMethodsIn', () => {
  const describeWith = (auth: ClientAuth) =>
    describeClientCredentialsRequest({ tokenEndpoint: 'https://as.example.com/token', clientId: 'c', auth, params: buildClientCredentialsBody() });

  it('reads each method from the described request, and counts two when two are combined', async () => {
    const key = await generateSigningKeyPair('ES256');
    expect(clientAuthMethodsIn(await describeWith(clientSecretBasic('s')))).toEqual(['client_secret_basic']);
    expect(clientAuthMethodsIn(await describeWith(clientSecretPost('s')))).toEqual(['client_secret_post']);
    expect(clientAuthMethodsIn(await describeWith(clientSecretJwt('s')))).toEqual(['client_secret_jwt']);
    expect(clientAuthMethodsIn(await describeWith(privateKeyJwt(key.privateKey, { alg: 'ES256' })))).toEqual(['private_key_jwt']);
    expect(clientAuthMethodsIn(await describeWith(tlsClientAuth()), 'tls_client_auth')).toEqual(['tls_client_auth']);
    const both: ClientAuth = async (ctx) => {
      await clientSecretBasic('s')(ctx);
      await privateKeyJwt(key.privateKey, { alg: 'ES256' })(ctx);
    };
    expect(clientAuthMethodsIn(await describeWith(both))).toEqual(['client_secret_basic', 'private_key_jwt']);
  });
});

describe('keyStrengthOf', () => {
  it('reads RSA modulus and EC curve sizes from WebCrypto keys', async () => {
    expect(keyStrengthOf((await generateSigningKeyPair('ES256')).privateKey)).toEqual({ kty: 'EC', bits: 256 });
    expect(keyStrengthOf((await generateSigningKeyPair('RS256')).privateKey)).toEqual({ kty: 'RSA', bits: 2048 });
    expect(keyStrengthOf((await generateKeyPair('ES384')).privateKey)).toEqual({ kty: 'EC', bits: 384 });
    expect(keyStrengthOf((await generateKeyPair('EdDSA', { crv: 'Ed25519' })).privateKey)).toBeUndefined();
  });
});
