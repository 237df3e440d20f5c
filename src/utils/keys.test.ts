// keys.ts: generation and import (PEM, JWK) as non-extractable keys, thumbprint kids, and every refusal.
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { calculateJwkThumbprint, importJWK, jwtVerify } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  algFitsKey,
  generateSigningKeyPair,
  importPrivateJwk,
  importPrivateKeyPem,
  MIN_RSA_BITS,
  publicJwkFrom,
  rsaModulusBits,
  toJwks,
  type SigningKey,
} from './keys';
import { signClientAssertion } from './oauth/assertion';
import { SIGNING_ALGS, type SigningAlg } from '../types/token';

const pkcs8 = (key: KeyObject, passphrase?: string) =>
  key.export(passphrase ? { type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase } : { type: 'pkcs8', format: 'pem' }) as string;

let rsa2048: { pem: string; jwk: Record<string, unknown> };
let rsa1024: { pem: string; pkcs1: string; jwk: Record<string, unknown> };
let p256: { pem: string; sec1: string; jwk: Record<string, unknown>; spki: string };
let p384: string;
let ed25519: string;
let encrypted: string;

beforeAll(() => {
  const r2 = generateKeyPairSync('rsa', { modulusLength: 2048 });
  rsa2048 = { pem: pkcs8(r2.privateKey), jwk: r2.privateKey.export({ format: 'jwk' }) as Record<string, unknown> };
  const r1 = generateKeyPairSync('rsa', { modulusLength: 1024 });
  rsa1024 = {
    pem: pkcs8(r1.privateKey),
    pkcs1: r1.privateKey.export({ type: 'pkcs1', format: 'pem' }) as string,
    jwk: r1.privateKey.export({ format: 'jwk' }) as Record<string, unknown>,
  };
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  p256 = {
    pem: pkcs8(ec.privateKey),
    sec1: ec.privateKey.export({ type: 'sec1', format: 'pem' }) as string,
    jwk: ec.privateKey.export({ format: 'jwk' }) as Record<string, unknown>,
    spki: ec.publicKey.export({ type: 'spki', format: 'pem' }) as string,
  };
  p384 = pkcs8(generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey);
  ed25519 = pkcs8(generateKeyPairSync('ed25519').privateKey);
  encrypted = pkcs8(ec.privateKey, 'pw');
});

async function expectUsable(key: SigningKey) {
  expect(key.privateKey.extractable).toBe(false);
  expect(key.privateKey.type).toBe('private');
  expect(key.publicJwk).not.toHaveProperty('d');
  expect(key.thumbprint).toBe(await calculateJwkThumbprint(key.publicJwk));
  const jwt = await signClientAssertion({ clientId: 'c', tokenEndpoint: 'https://as.example/token', privateKey: key.privateKey, alg: key.alg });
  await expect(jwtVerify(jwt, await importJWK(key.publicJwk, key.alg))).resolves.toBeDefined();
}

describe('generateSigningKeyPair', () => {
  it.each(SIGNING_ALGS)('%s: non-extractable private key, public JWK with kid = thumbprint', async (alg) => {
    const key = await generateSigningKeyPair(alg);
    expect(key.alg).toBe(alg);
    expect(key.kid).toBe(key.thumbprint);
    expect(key.publicJwk).toMatchObject({ kid: key.kid, alg, use: 'sig', kty: alg === 'ES256' ? 'EC' : 'RSA' });
    if (alg !== 'ES256') expect(rsaModulusBits(key.publicJwk.n!)).toBe(2048);
    await expectUsable(key);
  });

  it('defaults to ES256', async () => {
    expect((await generateSigningKeyPair()).alg).toBe('ES256');
  });
});

describe('importPrivateKeyPem', () => {
  it.each([
    ['RSA 2048 as RS256', () => rsa2048.pem, 'RS256'],
    ['RSA 2048 as PS256', () => rsa2048.pem, 'PS256'],
    ['EC P-256 as ES256', () => p256.pem, 'ES256'],
  ] as const)('imports %s', async (_name, pem, alg) => {
    const key = await importPrivateKeyPem(`\n  ${pem()}\n`, alg);
    expect(key.kid).toBe(key.thumbprint);
    await expectUsable(key);
  });

  it.each<[string, () => string, SigningAlg, RegExp]>([
    ['empty', () => '', 'ES256', /PKCS#8/],
    ['not PEM', () => 'hello', 'ES256', /BEGIN PRIVATE KEY/],
    ['truncated', () => p256.pem.replace(/\n[A-Za-z0-9+/=]+\n-----END/, '\n-----END'), 'ES256', /.+/],
    ['corrupted base64', () => p256.pem.replace(/^(-----BEGIN PRIVATE KEY-----\n)./, '$1*'), 'ES256', /base64/],
    ['PKCS#1 RSA', () => rsa1024.pkcs1, 'RS256', /PKCS#1.*openssl pkcs8 -topk8/],
    ['SEC1 EC', () => p256.sec1, 'ES256', /SEC1.*openssl pkcs8 -topk8/],
    ['encrypted PKCS#8', () => encrypted, 'ES256', /password-protected/],
    ['a public key', () => p256.spki, 'ES256', /public key/],
    ['RSA 1024', () => rsa1024.pem, 'RS256', /at least 2048 bits \(this one is 1024\)/],
    ['P-384', () => p384, 'ES256', /EC P-384 key; ES256 needs P-256/],
    ['Ed25519', () => ed25519, 'ES256', /Ed25519 key/],
  ])('refuses %s (%s) with field privateKey', async (_name, pem, alg, message) => {
    await expect(importPrivateKeyPem(pem(), alg)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'privateKey',
      message: expect.stringMatching(message),
    });
  });

  it.each([
    ['an RSA key while ES256 is selected', () => rsa2048.pem, 'ES256', 'RS256'],
    ['an RSA key while PS256 is selected', () => rsa2048.pem, 'PS256', 'PS256'],
    ['an EC P-256 key while RS256 is selected', () => p256.pem, 'RS256', 'ES256'],
    ['an EC P-256 key while PS256 is selected', () => p256.pem, 'PS256', 'ES256'],
  ] as const)('reads the key type and picks a fitting algorithm: %s', async (_name, pem, selected, picked) => {
    const key = await importPrivateKeyPem(pem(), selected);
    expect(key.alg).toBe(picked);
    expect(key.publicJwk.alg).toBe(picked);
    await expectUsable(key);
  });

});

describe('importPrivateJwk', () => {
  it('imports RSA and EC JWKs (object or text), keeping a kid the JWK carries', async () => {
    await expectUsable(await importPrivateJwk(rsa2048.jwk, 'RS256'));
    const ec = await importPrivateJwk(JSON.stringify({ ...p256.jwk, kid: 'registered-kid', key_ops: ['sign'], ext: true }), 'ES256');
    expect(ec.kid).toBe('registered-kid');
    expect(ec.publicJwk.kid).toBe('registered-kid');
    await expectUsable(ec);
  });

  it('picks the algorithm the key fits, as the PEM import does', async () => {
    expect((await importPrivateJwk(p256.jwk, 'RS256')).alg).toBe('ES256');
    expect((await importPrivateJwk(rsa2048.jwk, 'ES256')).alg).toBe('RS256');
  });

  it('accepts a JWKS holding exactly one key', async () => {
    expect((await importPrivateJwk({ keys: [p256.jwk] }, 'ES256')).alg).toBe('ES256');
  });

  it.each<[string, () => unknown, SigningAlg, string, RegExp]>([
    ['malformed JSON', () => '{"kty":', 'ES256', 'privateKey', /not valid JSON/],
    ['not an object', () => '[1,2]', 'ES256', 'privateKey', /JSON object/],
    ['a JWKS with two keys', () => ({ keys: [p256.jwk, p256.jwk] }), 'ES256', 'privateKey', /single private JWK/],
    ['a public JWK', () => ({ ...p256.jwk, d: undefined }), 'ES256', 'privateKey', /public key \(no "d"\)/],
    ['an oct key', () => ({ kty: 'oct', k: 'AAAA' }), 'ES256', 'privateKey', /Unsupported JWK kty "oct"/],
    ['a P-384 key', () => ({ ...p256.jwk, crv: 'P-384' }), 'ES256', 'privateKey', /Unsupported curve/],
    ['RSA 1024', () => rsa1024.jwk, 'RS256', 'privateKey', /at least 2048 bits/],
    ['corrupted key material', () => ({ ...p256.jwk, d: 'AAAA' }), 'ES256', 'privateKey', /could not be imported/],
    ['a JWK marked RS256', () => ({ ...rsa2048.jwk, alg: 'RS256' }), 'PS256', 'signingAlg', /marked for RS256/],
  ])('refuses %s as %s with field %s', async (_name, jwk, alg, field, message) => {
    await expect(importPrivateJwk(jwk() as object, alg)).rejects.toMatchObject({ code: 'INVALID_INPUT', field, message: expect.stringMatching(message) });
  });
});

describe('helpers', () => {
  it('algFitsKey', () => {
    expect(algFitsKey('ES256', { kty: 'EC', crv: 'P-256' })).toBe(true);
    expect(algFitsKey('ES256', { kty: 'EC', crv: 'P-384' })).toBe(false);
    expect(algFitsKey('ES256', { kty: 'RSA' })).toBe(false);
    expect(algFitsKey('RS256', { kty: 'RSA' })).toBe(true);
    expect(algFitsKey('PS256', { kty: 'RSA' })).toBe(true);
    expect(algFitsKey('RS256', { kty: 'EC', crv: 'P-256' })).toBe(false);
  });

  it('toJwks lists public keys only, with kid, alg and use', async () => {
    const keys = [await generateSigningKeyPair('ES256'), await importPrivateKeyPem(rsa2048.pem, 'PS256')];
    const jwks = toJwks(keys);
    expect(jwks.keys).toHaveLength(2);
    for (const [i, jwk] of jwks.keys.entries()) {
      expect(jwk).toMatchObject({ kid: keys[i]!.kid, alg: keys[i]!.alg, use: 'sig' });
      for (const member of ['d', 'p', 'q', 'dp', 'dq', 'qi']) expect(jwk).not.toHaveProperty(member);
    }
    expect(JSON.stringify(jwks)).not.toContain(String(rsa2048.jwk.d));
  });

  it('publicJwkFrom knows keys this module made, and says undefined for foreign non-extractable keys', async () => {
    const made = await generateSigningKeyPair('ES256');
    expect(await publicJwkFrom(made.privateKey)).toMatchObject({ x: made.publicJwk.x, kid: made.kid });
    const foreign = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
    expect(await publicJwkFrom(foreign.privateKey)).toBeUndefined();
    expect(await publicJwkFrom(foreign.publicKey)).toMatchObject({ kty: 'EC', crv: 'P-256' });
  });

  it('rsaModulusBits', () => {
    expect(rsaModulusBits(String(rsa2048.jwk.n))).toBe(2048);
    expect(rsaModulusBits(String(rsa1024.jwk.n))).toBe(1024);
    expect(MIN_RSA_BITS).toBe(2048);
  });
});
