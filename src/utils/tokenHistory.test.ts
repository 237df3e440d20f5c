import { describe, expect, it, vi } from 'vitest';
import { setupTestEffects } from '../../tests/support/effects';
import { VirtualClock } from '../../tests/support/virtualClock';
import { createMemoryStorage } from './storage';
import { createTokenHistory, TOKEN_HISTORY_KEY, type TokenHistoryInput } from './tokenHistory';

const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);
setupTestEffects(() => ({ clock: new VirtualClock(NOW) }));
const ACCESS_TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ3b3JrZXIifQ.c2lnbmF0dXJl';

type SuccessInput = Extract<TokenHistoryInput, { status: 'success' }>;

function entry(n: number, extra: Partial<SuccessInput> = {}): SuccessInput {
  return {
    fingerprint: `fp${String(n).padStart(14, '0')}`,
    clientId: 'worker',
    authMethod: 'private_key_jwt',
    scope: 'p1:read:user',
    expAt: NOW + 3600_000,
    obtainedAt: NOW,
    status: 'success',
    ...extra,
  };
}

describe('tokenHistory', () => {
  it('keeps newest first and stays bounded', () => {
    const history = createTokenHistory({ storage: createMemoryStorage(), limit: 3 });
    for (let n = 1; n <= 5; n += 1) history.add(entry(n));
    expect(history.list().map((e) => ('fingerprint' in e ? e.fingerprint : undefined))).toEqual([entry(5).fingerprint, entry(4).fingerprint, entry(3).fingerprint]);
  });

  it('defaults to 20 entries', () => {
    const history = createTokenHistory({ storage: createMemoryStorage() });
    for (let n = 1; n <= 25; n += 1) history.add(entry(n));
    expect(history.list()).toHaveLength(20);
  });

  it('never stores the token, even if the caller passes it along', () => {
    const memory = createMemoryStorage();
    const history = createTokenHistory({ storage: memory });
    history.add({ ...entry(1), accessToken: ACCESS_TOKEN } as unknown as TokenHistoryInput);
    expect(memory.getItem(TOKEN_HISTORY_KEY)).not.toContain(ACCESS_TOKEN);
    expect(JSON.stringify(history.list())).not.toContain(ACCESS_TOKEN);
    expect(() => history.add(entry(2, { fingerprint: ACCESS_TOKEN }))).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'fingerprint' }),
    );
  });

  it('records failed requests without a fingerprint', () => {
    const history = createTokenHistory({ storage: createMemoryStorage() });
    const added = history.add({ status: 'error', errorCode: 'invalid_client', clientId: 'worker', authMethod: 'private_key_jwt', obtainedAt: NOW });
    expect(added).toMatchObject({ status: 'error', errorCode: 'invalid_client', recordedAt: NOW });
    expect(added).not.toHaveProperty('fingerprint');
    expect(added).not.toHaveProperty('expAt');
  });

  it('still reads failures stored with the old placeholder fingerprint and expiry', () => {
    const memory = createMemoryStorage();
    const old = { id: 'x-1', recordedAt: NOW, fingerprint: '', clientId: 'worker', authMethod: 'private_key_jwt', expAt: 0, obtainedAt: NOW, status: 'error', errorCode: 'invalid_client' };
    memory.setItem(TOKEN_HISTORY_KEY, JSON.stringify([old]));
    expect(createTokenHistory({ storage: memory }).list()).toEqual([
      { id: 'x-1', recordedAt: NOW, clientId: 'worker', authMethod: 'private_key_jwt', obtainedAt: NOW, status: 'error', errorCode: 'invalid_client' },
    ]);
  });

  it('persists across instances and drops unreadable entries', () => {
    const memory = createMemoryStorage();
    createTokenHistory({ storage: memory }).add(entry(1));
    expect(createTokenHistory({ storage: memory }).list()).toHaveLength(1);
    memory.setItem(TOKEN_HISTORY_KEY, JSON.stringify([{ junk: true }, ...(JSON.parse(memory.getItem(TOKEN_HISTORY_KEY) ?? '[]') as unknown[])]));
    expect(createTokenHistory({ storage: memory }).list()).toHaveLength(1);
    memory.setItem(TOKEN_HISTORY_KEY, '{not json');
    expect(createTokenHistory({ storage: memory }).list()).toEqual([]);
  });

  it('works in memory when storage is blocked', () => {
    const history = createTokenHistory({
      storage: () => {
        throw new DOMException('blocked', 'SecurityError');
      },
    });
    history.add(entry(1));
    expect(history.list()).toHaveLength(1);
  });

  it('clear() empties memory and storage', () => {
    const memory = createMemoryStorage();
    const history = createTokenHistory({ storage: memory });
    history.add(entry(1));
    history.clear();
    expect(history.list()).toEqual([]);
    expect(memory.getItem(TOKEN_HISTORY_KEY)).toBeNull();
  });

  it('has a stable snapshot and notifies subscribers on change', () => {
    const history = createTokenHistory({ storage: createMemoryStorage() });
    const listener = vi.fn();
    const unsubscribe = history.subscribe(listener);
    const before = history.getSnapshot();
    expect(history.getSnapshot()).toBe(before);
    history.add(entry(1));
    expect(listener).toHaveBeenCalledTimes(1);
    expect(history.getSnapshot()).not.toBe(before);
    unsubscribe();
    history.add(entry(2));
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('refuses a nonsensical limit', () => {
    expect(() => createTokenHistory({ limit: 0 })).toThrow(expect.objectContaining({ field: 'limit' }));
  });
});
