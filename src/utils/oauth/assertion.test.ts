// signClientAssertion / signClientSecretJwt: claims, header, kid default, lifetime and key checks.
import { calculateJwkThumbprint, decodeJwt, decodeProtectedHeader, generateKeyPair, importJWK, jwtVerify } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKeyPair, type SigningKey } from '../keys';
import { signClientAssertion, signClientSecretJwt } from './assertion';
import { setupTestEffects } from '../../../tests/support/effects';
import { VirtualClock } from '../../../tests/support/virtualClock';

const fx = setupTestEffects(() => ({ clock: new VirtualClock() }));

const ENDPOINT = 'https://as.example.com/env/as/token';
let es256: SigningKey;
let rs256: SigningKey;
beforeAll(async () => {
  [es256, rs256] = await Promise.all([generateSigningKeyPair('ES256'), generateSigningKeyPair('RS256')]);
});

describe('signClientAssertion', () => {
  it.each(['ES256', 'RS256'] as const)('%s: iss = sub = client_id, aud = token endpoint, 60 s, UUID jti, verifiable', async (alg) => {
    const key = alg === 'ES256' ? es256 : rs256;
    const clock = fx.clock;
    const jwt = await signClientAssertion({ clientId: 'client-1', tokenEndpoint: ENDPOINT, privateKey: key.privateKey, alg });
    expect(decodeProtectedHeader(jwt)).toEqual({ alg, kid: key.thumbprint, typ: 'JWT' });
    const { payload } = await jwtVerify(jwt, await importJWK(key.publicJwk, alg), { currentDate: new Date(clock.now()) });
    const iat = Math.floor(clock.now() / 1000);
    expect(payload).toEqual({ iss: 'client-1', sub: 'client-1', aud: ENDPOINT, iat, exp: iat + 60, jti: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/) });
  });

  it('uses a fresh jti every time', async () => {
    const jtis = new Set<unknown>();
    for (let i = 0; i < 5; i++) {
      jtis.add(decodeJwt(await signClientAssertion({ clientId: 'c', tokenEndpoint: ENDPOINT, privateKey: es256.privateKey, alg: 'ES256' })).jti);
    }
    expect(jtis.size).toBe(5);
  });

  it('takes an explicit kid, audience (e.g. the issuer) and a shorter lifetime', async () => {
    const jwt = await signClientAssertion({
      clientId: 'c',
      tokenEndpoint: ENDPOINT,
      kid: 'my-kid',
      audience: 'https://as.example.com/env/as',
      lifetimeSeconds: 30,
      privateKey: es256.privateKey,
      alg: 'ES256',
    });
    expect(decodeProtectedHeader(jwt).kid).toBe('my-kid');
    const claims = decodeJwt(jwt);
    expect(claims.aud).toBe('https://as.example.com/env/as');
    expect(claims.exp! - claims.iat!).toBe(30);
  });

  it('types the header as asked: JWT by default, client-authentication+jwt for RFC 7523bis, or no typ at all', async () => {
    const sign = (typ?: string | null) => signClientAssertion({ clientId: 'c', audience: 'https://as.example.com/env/as', privateKey: es256.privateKey, alg: 'ES256', typ });
    expect(decodeProtectedHeader(await sign()).typ).toBe('JWT');
    expect(decodeProtectedHeader(await sign('client-authentication+jwt')).typ).toBe('client-authentication+jwt');
    expect(decodeProtectedHeader(await sign(null))).toEqual({ alg: 'ES256', kid: es256.thumbprint });
  });

  it('needs an audience or a token endpoint, and takes the audience alone', async () => {
    const alone = await signClientAssertion({ clientId: 'c', audience: 'https://as.example.com/env/as', privateKey: es256.privateKey, alg: 'ES256' });
    expect(decodeJwt(alone).aud).toBe('https://as.example.com/env/as');
    await expect(signClientAssertion({ clientId: 'c', privateKey: es256.privateKey, alg: 'ES256' })).rejects.toMatchObject({ field: 'tokenEndpoint' });
  });

  it('derives the thumbprint kid from an extractable key it did not create, and omits kid when it cannot know it', async () => {
    const extractable = await generateKeyPair('ES256', { extractable: true });
    const jwt = await signClientAssertion({ clientId: 'c', tokenEndpoint: ENDPOINT, privateKey: extractable.privateKey, alg: 'ES256' });
    expect(decodeProtectedHeader(jwt).kid).toBe(await calculateJwkThumbprint(extractable.publicKey));

    const foreign = await generateKeyPair('ES256', { extractable: false });
    const bare = await signClientAssertion({ clientId: 'c', tokenEndpoint: ENDPOINT, privateKey: foreign.privateKey, alg: 'ES256' });
    expect(decodeProtectedHeader(bare)).toEqual({ alg: 'ES256', typ: 'JWT' });
  });

  it.each([61, 3600, 0, -1, 1.5])('refuses lifetimeSeconds %s with field assertionLifetimeSeconds', async (lifetimeSeconds) => {
    await expect(
      signClientAssertion({ clientId: 'c', tokenEndpoint: ENDPOINT, privateKey: es256.privateKey, alg: 'ES256', lifetimeSeconds }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'assertionLifetimeSeconds' });
  });

  it.each([
    ['ES256 key with RS256', () => es256, 'RS256'],
    ['RSA key with ES256', () => rs256, 'ES256'],
    ['RS256 key with PS256', () => rs256, 'PS256'],
  ] as const)('refuses an alg that does not fit the key (%s) with field signingAlg', async (_name, key, alg) => {
    await expect(
      signClientAssertion({ clientId: 'c', tokenEndpoint: ENDPOINT, privateKey: key().privateKey, alg }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'signingAlg' });
  });

  it('refuses a public key and missing client id', async () => {
    const pair = await generateKeyPair('ES256');
    await expect(signClientAssertion({ clientId: 'c', tokenEndpoint: ENDPOINT, privateKey: pair.publicKey, alg: 'ES256' })).rejects.toMatchObject({
      field: 'privateKey',
    });
    await expect(signClientAssertion({ clientId: '', tokenEndpoint: ENDPOINT, privateKey: pair.privateKey, alg: 'ES256' })).rejects.toMatchObject({
      field: 'clientId',
    });
  });
});

describe('signClientSecretJwt', () => {
  it('signs HS256 with the secret bytes and the same claims', async () => {
    const clock = fx.clock;
    const jwt = await signClientSecretJwt({ clientId: 'c', tokenEndpoint: ENDPOINT, secret: 'ü-secret' });
    expect(decodeProtectedHeader(jwt)).toEqual({ alg: 'HS256', typ: 'JWT' });
    const { payload } = await jwtVerify(jwt, new TextEncoder().encode('ü-secret'), { currentDate: new Date(clock.now()), audience: ENDPOINT });
    expect(payload).toMatchObject({ iss: 'c', sub: 'c', exp: payload.iat! + 60 });
  });

  it('drops typ when asked and signs the audience given', async () => {
    const jwt = await signClientSecretJwt({ clientId: 'c', audience: 'https://as.example.com/env/as', secret: 's', typ: null });
    expect(decodeProtectedHeader(jwt)).toEqual({ alg: 'HS256' });
    expect(decodeJwt(jwt).aud).toBe('https://as.example.com/env/as');
  });

  it('refuses an empty secret and a long lifetime', async () => {
    await expect(signClientSecretJwt({ clientId: 'c', tokenEndpoint: ENDPOINT, secret: '' })).rejects.toMatchObject({ field: 'clientSecret' });
    await expect(signClientSecretJwt({ clientId: 'c', tokenEndpoint: ENDPOINT, secret: 's', lifetimeSeconds: 120 })).rejects.toMatchObject({
      field: 'assertionLifetimeSeconds',
    });
  });
});
