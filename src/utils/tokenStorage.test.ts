import { describe, expect, it } from 'vitest';
import { setupTestEffects } from '../../tests/support/effects';
import { VirtualClock } from '../../tests/support/virtualClock';
import { createMemoryStorage, type KeyValueStorage } from './storage';
import { storageKeysWithPrefix } from './storage';
import { createTokenStorage, MAX_STORED_TOKENS, TOKEN_STORAGE_PREFIX, type StoredTokenMeta } from './tokenStorage';

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
/** The same record asked for under other key parts (another profile, another scope set). */
const under = (meta: Partial<StoredTokenMeta>, token: string, obtainedAt = NOW) => ({
  ...record,
  accessToken: token,
  obtainedAt,
  meta: { ...record.meta, ...meta },
});
const tokensIn = (storage: ReturnType<typeof createTokenStorage>) => storage.list('client_credentials').map((t) => t.accessToken);

describe('tokenStorage', () => {
  it('round-trips a token with its metadata', () => {
    const storage = createTokenStorage({ storage: createMemoryStorage() });
    expect(storage.put('client_credentials', record)).toEqual({ ok: true });
    expect(storage.list('client_credentials')).toEqual([{ ...record, kind: 'client_credentials' }]);
  });

  it('keeps one token per cache key: two profiles and two scope sets all survive a reload', () => {
    const memory = createMemoryStorage();
    const before = createTokenStorage({ storage: memory });
    before.put('client_credentials', under({ clientId: 'profile-a' }, 'token-a', NOW));
    before.put('client_credentials', under({ clientId: 'profile-b' }, 'token-b', NOW + 1));
    before.put('client_credentials', under({ clientId: 'profile-b', scope: ['p1:read:env'] }, 'token-b-env', NOW + 2));
    // A new storage over the same session storage is what a reload sees.
    expect(tokensIn(createTokenStorage({ storage: memory }))).toEqual(['token-a', 'token-b', 'token-b-env']);
  });

  it('replaces the token of the same key (scope as a set), keeping the others', () => {
    const storage = createTokenStorage({ storage: createMemoryStorage() });
    storage.put('client_credentials', under({ clientId: 'a', scope: ['x', 'y'] }, 'old-a', NOW));
    storage.put('client_credentials', under({ clientId: 'b' }, 'token-b', NOW + 1));
    storage.put('client_credentials', under({ clientId: 'a', scope: ['y', 'x'] }, 'new-a', NOW + 2));
    expect(tokensIn(storage)).toEqual(['token-b', 'new-a']);
  });

  it(`keeps at most ${MAX_STORED_TOKENS} tokens, evicting the oldest obtained`, () => {
    const storage = createTokenStorage({ storage: createMemoryStorage() });
    for (let i = 0; i < MAX_STORED_TOKENS + 2; i += 1) storage.put('client_credentials', under({ clientId: `c${i}` }, `token-${i}`, NOW + i));
    const kept = tokensIn(storage);
    expect(kept).toHaveLength(MAX_STORED_TOKENS);
    expect(kept[0]).toBe('token-2');
    expect(kept.at(-1)).toBe(`token-${MAX_STORED_TOKENS + 1}`);
  });

  it('drops expired tokens and keeps the rest', () => {
    const memory = createMemoryStorage();
    const storage = createTokenStorage({ storage: memory });
    storage.put('client_credentials', { ...under({ clientId: 'short' }, 'token-short'), expAt: NOW + 60_000 });
    storage.put('client_credentials', under({ clientId: 'long' }, 'token-long'));
    fx.clock.advance(60_000);
    expect(tokensIn(storage)).toEqual(['token-long']);
    expect(memory.getItem(KEY)).not.toContain('token-short');
  });

  it('remove() drops only the token of that key (a revoked token)', () => {
    const storage = createTokenStorage({ storage: createMemoryStorage() });
    storage.put('client_credentials', under({ clientId: 'a' }, 'token-a'));
    storage.put('client_credentials', under({ clientId: 'b', jkt: 'jkt-1' }, 'token-b'));
    storage.remove('client_credentials', { clientId: 'b', env: 'env-1', scope: ['p1:read:user'], audience: 'https://api.pingone.com', jkt: 'jkt-1' });
    expect(tokensIn(storage)).toEqual(['token-a']);
  });

  it('reads the single entry of the earlier format and keeps it beside new tokens', () => {
    const { v: _v, ...legacy } = { v: 1, ...record };
    const memory = createMemoryStorage({ [KEY]: JSON.stringify({ v: 1, ...legacy }) });
    const storage = createTokenStorage({ storage: memory });
    expect(tokensIn(storage)).toEqual([record.accessToken]);
    storage.put('client_credentials', under({ clientId: 'other' }, 'token-other', NOW + 1));
    expect(tokensIn(createTokenStorage({ storage: memory }))).toEqual([record.accessToken, 'token-other']);
    expect(JSON.parse(memory.getItem(KEY) ?? '{}')).toMatchObject({ v: 2 });
  });

  it('drops an earlier-format entry without the key parts (it could not be put back in the cache)', () => {
    const { meta: _meta, ...bare } = record;
    const memory = createMemoryStorage({ [KEY]: JSON.stringify({ v: 1, ...bare }) });
    expect(tokensIn(createTokenStorage({ storage: memory }))).toEqual([]);
    expect(memory.getItem(KEY)).toBeNull();
  });

  it('stores only what is needed', () => {
    const memory = createMemoryStorage();
    const storage = createTokenStorage({ storage: memory });
    storage.put('client_credentials', { ...record, id_token: 'x', raw: { refresh_token: 'r' } } as typeof record);
    const stored = JSON.parse(memory.getItem(KEY) ?? '{}') as { v: number; tokens: Array<Record<string, unknown>> };
    expect(stored.v).toBe(2);
    expect(Object.keys(stored.tokens[0] ?? {}).sort()).toEqual(['accessToken', 'expAt', 'expiresIn', 'meta', 'obtainedAt', 'scope', 'tokenType']);
    expect(memory.getItem(KEY)).not.toContain('refresh_token');
  });

  it('returns null for an expired token and removes it', () => {
    const memory = createMemoryStorage();
    const { clock } = fx;
    const storage = createTokenStorage({ storage: memory });
    storage.put('client_credentials', record);
    clock.advance(record.expAt - clock.now());
    expect(storage.list('client_credentials')).toEqual([]);
    expect(memory.getItem(KEY)).toBeNull();
  });

  it.each([
    ['not JSON', '{oops'],
    ['wrong shape', JSON.stringify({ v: 1, accessToken: 7 })],
    ['unknown version', JSON.stringify({ ...record, v: 99 })],
    ['an array', '[]'],
    ['a list of wrong shapes', JSON.stringify({ v: 2, tokens: [{ accessToken: 7 }, 'x'] })],
  ])('returns nothing for a corrupt entry (%s) and removes it', (_name, text) => {
    const memory = createMemoryStorage({ [KEY]: text });
    const storage = createTokenStorage({ storage: memory });
    expect(storage.list('client_credentials')).toEqual([]);
    expect(memory.getItem(KEY)).toBeNull();
  });

  it('does not throw when the storage getter itself throws (blocked storage)', () => {
    const storage = createTokenStorage({
      storage: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    expect(storage.put('client_credentials', record)).toEqual({ ok: false, reason: 'unavailable' });
    expect(storage.list('client_credentials')).toEqual([]);
    expect(() => storage.remove('client_credentials', record.meta)).not.toThrow();
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
    expect(storage.list('client_credentials')).toEqual([]);
  });

  it('clear() (sign-out) removes every stored token under the prefix and nothing else', () => {
    const memory = createMemoryStorage({
      [`${TOKEN_STORAGE_PREFIX}legacy_kind`]: '{}',
      'm2m-playground:settings': '{"keep":true}',
      'other-app:token:client_credentials': 'keep',
    });
    const storage = createTokenStorage({ storage: memory });
    storage.put('client_credentials', under({ clientId: 'a' }, 'token-a'));
    storage.put('client_credentials', under({ clientId: 'b' }, 'token-b'));
    storage.clear();
    expect(tokensIn(storage)).toEqual([]);
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
