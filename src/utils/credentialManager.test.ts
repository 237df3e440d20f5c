import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import type { SigningAlg } from '../types/token';
import { createCredentialManager, REMEMBERED_SECRET_PREFIX } from './credentialManager';
import type { SigningKey } from './keys';
import { createKeyStore } from './keyStore';
import { createMemoryStorage, type KeyValueStorage } from './storage';

const SECRET = 's3cr3t-value-that-must-not-leak';

async function makeKey(alg: SigningAlg): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: false });
  const jwk = await exportJWK(publicKey);
  const thumbprint = await calculateJwkThumbprint(jwk);
  return { privateKey, publicJwk: { ...jwk, kid: thumbprint, alg, use: 'sig' }, kid: thumbprint, thumbprint, alg };
}

function setup() {
  const storage = createMemoryStorage({ 'm2m-playground:settings': '{}' });
  const keyStore = createKeyStore({ indexedDB: new IDBFactory() });
  return { storage, keyStore, manager: createCredentialManager({ keyStore, rememberStorage: storage }) };
}

const everything = (storage: ReturnType<typeof createMemoryStorage>) => storage.keys().map((k) => `${k}=${storage.getItem(k)}`).join('\n');

describe('credentialManager', () => {
  it('keeps a secret in memory only unless remember is chosen', () => {
    const { storage, manager } = setup();
    manager.setSecret('worker', SECRET, { remember: false });
    expect(manager.getSecret('worker')).toBe(SECRET);
    expect(manager.hasRememberedSecret('worker')).toBe(false);
    expect(everything(storage)).not.toContain(SECRET);
  });

  it('writes the secret to storage with remember, and reads it back in a new session', () => {
    const { storage, manager } = setup();
    expect(manager.setSecret('worker', SECRET, { remember: true })).toEqual({ ok: true });
    expect(storage.getItem(`${REMEMBERED_SECRET_PREFIX}worker`)).toBe(SECRET);
    const nextSession = createCredentialManager({ rememberStorage: storage, keyStore: createKeyStore({ indexedDB: new IDBFactory() }) });
    expect(nextSession.hasRememberedSecret('worker')).toBe(true);
    expect(nextSession.getSecret('worker')).toBe(SECRET);
  });

  it('un-ticking remember removes the stored copy', () => {
    const { storage, manager } = setup();
    manager.setSecret('worker', SECRET, { remember: true });
    manager.setSecret('worker', SECRET, { remember: false });
    expect(everything(storage)).not.toContain(SECRET);
    expect(manager.getSecret('worker')).toBe(SECRET);
  });

  it('holdSecret keeps a secret in memory without touching the device copy', () => {
    const { storage, manager } = setup();
    manager.setSecret('worker', SECRET, { remember: true });
    manager.holdSecret('worker', 'being-edited');
    expect(manager.getSecret('worker')).toBe('being-edited');
    expect(storage.getItem(`${REMEMBERED_SECRET_PREFIX}worker`)).toBe(SECRET);
    manager.holdSecret('other', 'typed');
    expect(storage.keys().filter((k) => k.startsWith(REMEMBERED_SECRET_PREFIX))).toEqual([`${REMEMBERED_SECRET_PREFIX}worker`]);
  });

  it('forgetRememberedSecrets removes every remembered copy and keeps the ones in memory', () => {
    const { storage, manager } = setup();
    manager.setSecret('a', SECRET, { remember: true });
    manager.setSecret('b', 'other-secret', { remember: true });
    storage.setItem(`${REMEMBERED_SECRET_PREFIX}from-last-week`, 'old-secret');
    manager.forgetRememberedSecrets();
    expect(storage.keys()).toEqual(['m2m-playground:settings']);
    expect(manager.getSecret('a')).toBe(SECRET);
    expect(manager.hasRememberedSecret('a')).toBe(false);
  });

  it('forgetSecret and an empty secret forget both copies', () => {
    const { storage, manager } = setup();
    manager.setSecret('a', SECRET, { remember: true });
    manager.forgetSecret('a');
    expect(manager.getSecret('a')).toBeUndefined();
    manager.setSecret('b', SECRET, { remember: true });
    manager.setSecret('b', '', { remember: true });
    expect(manager.getSecret('b')).toBeUndefined();
    expect(everything(storage)).not.toContain(SECRET);
  });

  it('reports a storage that cannot take the remembered secret, keeping it in memory', () => {
    const blocked: KeyValueStorage = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    const manager = createCredentialManager({ rememberStorage: blocked, keyStore: createKeyStore({ indexedDB: new IDBFactory() }) });
    expect(manager.setSecret('worker', SECRET, { remember: true })).toEqual({ ok: false, reason: 'quota' });
    expect(manager.getSecret('worker')).toBe(SECRET);
  });

  it('requires a client ID', () => {
    const { manager } = setup();
    expect(() => manager.setSecret(' ', SECRET, { remember: false })).toThrow(expect.objectContaining({ field: 'clientId' }));
  });

  it('saves keys that load back non-extractable and able to sign', async () => {
    const { manager } = setup();
    const key = await makeKey('RS256');
    const saved = await manager.saveKey(key, ' demo key ');
    expect(saved).toMatchObject({ id: key.thumbprint, label: 'demo key' });
    await manager.saveKey(key); // same key again replaces, not duplicates
    const [loaded, ...rest] = await manager.loadKeys();
    expect(rest).toEqual([]);
    expect(loaded?.key.privateKey.extractable).toBe(false);
    const jwt = await new SignJWT({}).setProtectedHeader({ alg: 'RS256' }).sign(loaded!.key.privateKey);
    expect(jwt.split('.')).toHaveLength(3);
    await manager.deleteKey(saved.id);
    expect(await manager.loadKeys()).toEqual([]);
  });

  it('purgeAll empties memory, remembered secrets and keys, and leaves other settings', async () => {
    const { storage, manager, keyStore } = setup();
    manager.setSecret('memory-only', 'm-secret', { remember: false });
    manager.setSecret('remembered', SECRET, { remember: true });
    storage.setItem(`${REMEMBERED_SECRET_PREFIX}from-last-week`, 'old-secret');
    await manager.saveKey(await makeKey('ES256'));
    await manager.purgeAll();
    expect(manager.getSecret('memory-only')).toBeUndefined();
    expect(manager.getSecret('remembered')).toBeUndefined();
    expect(manager.getSecret('from-last-week')).toBeUndefined();
    expect(storage.keys()).toEqual(['m2m-playground:settings']);
    expect(await keyStore.list()).toEqual([]);
    expect(await manager.loadKeys()).toEqual([]);
  });

  it('purgeAll works when IndexedDB and storage are unavailable', async () => {
    const manager = createCredentialManager({
      keyStore: createKeyStore({ indexedDB: { open: () => { throw new Error('no idb'); } } as unknown as IDBFactory }),
      rememberStorage: undefined,
    });
    manager.setSecret('x', SECRET, { remember: false });
    await expect(manager.purgeAll()).resolves.toBeUndefined();
    expect(manager.getSecret('x')).toBeUndefined();
  });
});
