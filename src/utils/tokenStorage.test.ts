import { describe, expect, it } from 'vitest';
import { setupTestEffects } from '../../tests/support/effects';
import { VirtualClock } from '../../tests/support/virtualClock';
import { createMemoryStorage, type KeyValueStorage } from './storage';
import { storageKeysWithPrefix } from './storage';
import { createTokenStorage, TOKEN_STORAGE_PREFIX } from './tokenStorage';

const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);
const fx = setupTestEffects(() => ({ clock: new VirtualClock(NOW) }));
const record = {
  accessToken: 'eyJ.access.token',
  tokenType: 'bearer',
  scope: 'p1:read:user',
  expiresIn: 3600,
  obtainedAt: NOW,
  expAt: NOW + 3600_000,
  meta: { clientId: 'worker', env: 'env-1', scope: ['p1:read:user'], audience: 'https://api.pingone.com', issuer: 'https://auth.example.com/as' },
};
const KEY = `${TOKEN_STORAGE_PREFIX}client_credentials`;

describe('tokenStorage', () => {
  it('round-trips a token with its metadata', () => {
    const storage = createTokenStorage({ storage: createMemoryStorage() });
    expect(storage.put('client_credentials', record)).toEqual({ ok: true });
    expect(storage.get('client_credentials')).toEqual({ ...record, kind: 'client_credentials' });
  });

  it('stores only what is needed', () => {
    const memory = createMemoryStorage();
    const storage = createTokenStorage({ storage: memory });
    storage.put('client_credentials', { ...record, id_token: 'x', raw: { refresh_token: 'r' } } as typeof record);
    const stored = JSON.parse(memory.getItem(KEY) ?? '{}') as Record<string, unknown>;
    expect(Object.keys(stored).sort()).toEqual(['accessToken', 'expAt', 'expiresIn', 'meta', 'obtainedAt', 'scope', 'tokenType', 'v']);
    expect(memory.getItem(KEY)).not.toContain('refresh_token');
  });

  it('returns null for an expired token and removes it', () => {
    const memory = createMemoryStorage();
    const { clock } = fx;
    const storage = createTokenStorage({ storage: memory });
    storage.put('client_credentials', record);
    clock.advance(record.expAt - clock.now());
    expect(storage.get('client_credentials')).toBeNull();
    expect(memory.getItem(KEY)).toBeNull();
  });

  it.each([
    ['not JSON', '{oops'],
    ['wrong shape', JSON.stringify({ v: 1, accessToken: 7 })],
    ['unknown version', JSON.stringify({ ...record, v: 99 })],
    ['an array', '[]'],
  ])('returns null for a corrupt entry (%s) and removes it', (_name, text) => {
    const memory = createMemoryStorage({ [KEY]: text });
    const storage = createTokenStorage({ storage: memory });
    expect(storage.get('client_credentials')).toBeNull();
    expect(memory.getItem(KEY)).toBeNull();
  });

  it('does not throw when the storage getter itself throws (blocked storage)', () => {
    const storage = createTokenStorage({
      storage: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    expect(storage.put('client_credentials', record)).toEqual({ ok: false, reason: 'unavailable' });
    expect(storage.get('client_credentials')).toBeNull();
    expect(() => storage.clear()).not.toThrow();
    expect(() => storage.clear('client_credentials')).not.toThrow();
  });

  it('reports a full storage instead of throwing', () => {
    const full: KeyValueStorage = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    expect(createTokenStorage({ storage: full }).put('client_credentials', record)).toEqual({ ok: false, reason: 'quota' });
  });

  it('does not throw with no storage at all (Node, no sessionStorage)', () => {
    const storage = createTokenStorage();
    expect(storage.put('client_credentials', record)).toEqual({ ok: false, reason: 'unavailable' });
    expect(storage.get('client_credentials')).toBeNull();
  });

  it('clear() removes everything under the prefix and nothing else', () => {
    const memory = createMemoryStorage({
      [`${TOKEN_STORAGE_PREFIX}legacy_kind`]: '{}',
      'm2m-playground:settings': '{"keep":true}',
      'other-app:token:client_credentials': 'keep',
    });
    const storage = createTokenStorage({ storage: memory });
    storage.put('client_credentials', record);
    storage.clear();
    expect(memory.keys().sort()).toEqual(['m2m-playground:settings', 'other-app:token:client_credentials']);
  });

  it('clear(kind) removes only that kind', () => {
    const memory = createMemoryStorage({ [`${TOKEN_STORAGE_PREFIX}other`]: '{}' });
    const storage = createTokenStorage({ storage: memory });
    storage.put('client_credentials', record);
    storage.clear('client_credentials');
    expect(memory.keys()).toEqual([`${TOKEN_STORAGE_PREFIX}other`]);
  });

  it('enumerates Web Storage style objects (length/key)', () => {
    const items = ['a:1', 'b:1', 'a:2'];
    const webStorageLike = { length: items.length, key: (i: number) => items[i] ?? null };
    expect(storageKeysWithPrefix(webStorageLike, 'a:')).toEqual(['a:1', 'a:2']);
    expect(storageKeysWithPrefix(null, 'a:')).toEqual([]);
  });
});
