// The DPoP key: non-extractable, public-only JWK, jkt computed once, kept across reloads, deletable.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { calculateJwkThumbprint, SignJWT, jwtVerify, EmbeddedJWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { createDpopKeyHolder, DPOP_KEY_ID, generateDpopKey, isDpopKeyRecord } from './dpopKey';
import { PlaygroundError } from './errors';
import { createKeyStore, type KeyStore } from './keyStore';

const now = () => 1_000;

describe('generateDpopKey', () => {
  it('makes a non-extractable P-256 signing key whose JWK has public members only and whose jkt is its RFC 7638 thumbprint', async () => {
    const key = await generateDpopKey();
    expect(key.privateKey.extractable).toBe(false);
    expect(key.privateKey.usages).toEqual(['sign']);
    expect(Object.keys(key.publicJwk).sort()).toEqual(['crv', 'kty', 'x', 'y']);
    expect(key.publicJwk).toMatchObject({ kty: 'EC', crv: 'P-256' });
    expect(key.jkt).toBe(await calculateJwkThumbprint(key.publicJwk, 'sha256'));
    const jwt = await new SignJWT({}).setProtectedHeader({ alg: 'ES256', jwk: key.publicJwk }).sign(key.privateKey);
    await expect(jwtVerify(jwt, EmbeddedJWK)).resolves.toBeTruthy();
  });
});

describe('createDpopKeyHolder', () => {
  it('creates the key once, reads the same key back after a reload, and deletes it', async () => {
    const factory = new IDBFactory();
    const holder = createDpopKeyHolder(createKeyStore({ indexedDB: factory }), now);
    expect(await holder.current()).toBeUndefined();
    const first = await holder.ensure();
    expect(await holder.ensure()).toBe(first);

    const reloaded = createDpopKeyHolder(createKeyStore({ indexedDB: factory }), now);
    const again = await reloaded.current();
    expect(again?.jkt).toBe(first.jkt);
    expect(again?.privateKey.extractable).toBe(false);
    expect(Object.keys(again?.publicJwk ?? {}).sort()).toEqual(['crv', 'kty', 'x', 'y']);

    await reloaded.remove();
    expect(await createKeyStore({ indexedDB: factory }).get(DPOP_KEY_ID)).toBeUndefined();
    const fresh = await reloaded.ensure();
    expect(fresh.jkt).not.toBe(first.jkt);
  });

  it('keeps DPoP working for the page when storage refuses the write', async () => {
    const broken: KeyStore = {
      put: () => Promise.reject(new PlaygroundError('STORAGE_ERROR', 'blocked')),
      get: () => Promise.resolve(undefined),
      list: () => Promise.resolve([]),
      delete: () => Promise.resolve(),
      clear: () => Promise.resolve(),
    };
    const holder = createDpopKeyHolder(broken, now);
    const key = await holder.ensure();
    expect(await holder.ensure()).toBe(key);
  });

  it('tells the DPoP key apart from signing keys', () => {
    expect(isDpopKeyRecord({ id: DPOP_KEY_ID })).toBe(true);
    expect(isDpopKeyRecord({ id: 'some-thumbprint' })).toBe(false);
  });
});
