import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, jwtVerify, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import type { SigningAlg } from '../types/token';
import type { SigningKey } from './keys';
import { createKeyStore, KEY_DB_NAME } from './keyStore';

async function makeKey(alg: SigningAlg, extractable = false): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable });
  const jwk = await exportJWK(publicKey);
  const thumbprint = await calculateJwkThumbprint(jwk);
  return { privateKey, publicJwk: { ...jwk, kid: thumbprint, alg, use: 'sig' }, kid: thumbprint, thumbprint, alg };
}

describe('keyStore (IndexedDB)', () => {
  it.each(['ES256', 'RS256', 'PS256'] as const)('reads back a non-extractable %s CryptoKey that can still sign', async (alg) => {
    const store = createKeyStore({ indexedDB: new IDBFactory() });
    const key = await makeKey(alg);
    await store.put({ id: key.thumbprint, label: 'demo', key, createdAt: 1 });

    expect(await store.get('nope')).toBeUndefined();
    const record = await store.get(key.thumbprint);
    expect(record?.label).toBe('demo');
    expect(record?.key.privateKey).toBeInstanceOf(CryptoKey);
    expect(record?.key.privateKey.extractable).toBe(false);
    expect(record?.key).toMatchObject({ kid: key.kid, thumbprint: key.thumbprint, alg, publicJwk: key.publicJwk });
    const jwt = await new SignJWT({ sub: 'worker' }).setProtectedHeader({ alg, kid: key.kid }).sign(record!.key.privateKey);
    const { payload } = await jwtVerify(jwt, await importJWK(key.publicJwk, alg));
    expect(payload.sub).toBe('worker');
  });

  it('lists oldest first, deletes one, clears all', async () => {
    const store = createKeyStore({ indexedDB: new IDBFactory() });
    const [a, b, c] = await Promise.all([makeKey('ES256'), makeKey('ES256'), makeKey('ES256')]);
    await store.put({ id: 'b', key: b!, createdAt: 20 });
    await store.put({ id: 'a', key: a!, createdAt: 10 });
    await store.put({ id: 'c', key: c!, createdAt: 30 });
    expect((await store.list()).map((r) => r.id)).toEqual(['a', 'b', 'c']);
    await store.delete('b');
    expect((await store.list()).map((r) => r.id)).toEqual(['a', 'c']);
    await store.clear();
    expect(await store.list()).toEqual([]);
  });

  it('persists across store instances on the same database', async () => {
    const factory = new IDBFactory();
    const key = await makeKey('ES256');
    await createKeyStore({ indexedDB: factory }).put({ id: 'k', key, createdAt: 1 });
    const again = await createKeyStore({ indexedDB: factory }).get('k');
    expect(again?.key.privateKey.extractable).toBe(false);
  });

  it('refuses to store an extractable private key', async () => {
    const store = createKeyStore({ indexedDB: new IDBFactory() });
    const key = await makeKey('ES256', true);
    await expect(store.put({ id: 'x', key, createdAt: 1 })).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'privateKey' });
    expect(await store.list()).toEqual([]);
  });

  it('skips rows it cannot use instead of failing the list', async () => {
    const factory = new IDBFactory();
    const store = createKeyStore({ indexedDB: factory });
    await store.list(); // creates the schema
    await new Promise<void>((resolve, reject) => {
      const open = factory.open(KEY_DB_NAME);
      open.onsuccess = () => {
        const tx = open.result.transaction('keys', 'readwrite');
        tx.objectStore('keys').put({ id: 'junk', kid: 1 });
        tx.oncomplete = () => {
          open.result.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
    });
    expect(await store.list()).toEqual([]);
    expect(await store.get('junk')).toBeUndefined();
  });

  it('is tolerant when IndexedDB is unavailable: reads are empty, writes fail with STORAGE_ERROR', async () => {
    const broken = {
      open: () => {
        throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
      },
    } as unknown as IDBFactory;
    const store = createKeyStore({ indexedDB: broken });
    expect(await store.list()).toEqual([]);
    expect(await store.get('x')).toBeUndefined();
    await expect(store.delete('x')).resolves.toBeUndefined();
    await expect(store.clear()).resolves.toBeUndefined();
    await expect(store.put({ id: 'x', key: await makeKey('ES256'), createdAt: 1 })).rejects.toMatchObject({ code: 'STORAGE_ERROR' });
  });

  it('uses the global indexedDB by default', async () => {
    const store = createKeyStore();
    const key = await makeKey('ES256');
    await store.put({ id: 'global', key, createdAt: 1 });
    expect((await store.get('global'))?.key.kid).toBe(key.kid);
    await store.clear();
  });
});
