import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { TokenCacheKeyParts, TokenRecord } from '../types/token';
import { PlaygroundError } from './errors';
import { setupTestEffects } from '../../tests/support/effects';
import { recordingLogger } from '../../tests/support/recordingLogger';
import { VirtualClock } from '../../tests/support/virtualClock';
import { cacheKey, TokenCache, TokenCacheKey, type CacheEvent } from './tokenCache';
import { MIN_REFRESH_INTERVAL_MS } from './tokenRefreshSchedule';

const T0 = Date.UTC(2025, 0, 1, 12, 0, 0);
const parts: TokenCacheKeyParts = { clientId: 'worker', env: 'env-1', scope: ['p1:read:user', 'p1:create:device'] };

let issued = 0;
function token(ttlSeconds: number): TokenRecord {
  issued += 1;
  const now = fx.clock.now();
  return { accessToken: `tok-${issued}-secretvalue`, tokenType: 'bearer', expiresIn: ttlSeconds, obtainedAt: now, expAt: now + ttlSeconds * 1000 };
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

// The cache reads this clock and this logger through effects().
const fx = setupTestEffects(() => {
  const log = recordingLogger();
  return { clock: new VirtualClock(T0), logger: log.logger, log };
});

beforeEach(() => {
  issued = 0;
});

describe('cacheKey', () => {
  it('treats scope as an order-insensitive set', () => {
    expect(cacheKey({ ...parts, scope: ['b', 'a', 'a'] })).toBe(cacheKey({ ...parts, scope: ['a', 'b'] }));
    expect(cacheKey({ ...parts, scope: ['a b'] })).toBe(cacheKey({ ...parts, scope: ['b', 'a'] }));
  });

  it.each([
    ['scope', { scope: ['p1:read:user'] }],
    ['audience', { audience: 'https://api.example.com' }],
    ['resource', { resource: 'https://api.example.com' }],
    ['clientId', { clientId: 'other' }],
    ['env', { env: 'env-2' }],
  ])('distinguishes %s', (_name, change) => {
    expect(cacheKey({ ...parts, ...change })).not.toBe(cacheKey(parts));
  });

  it('does not confuse audience with resource', () => {
    expect(cacheKey({ ...parts, audience: 'x' })).not.toBe(cacheKey({ ...parts, resource: 'x' }));
  });
});

describe('TokenCacheKey', () => {
  it('is the same key as its parts, whatever the order, and does not follow later edits of them', () => {
    const scope = ['p1:create:device', 'p1:read:user'];
    const own = { ...parts, scope };
    const key = new TokenCacheKey(own);
    expect(key.value).toBe(cacheKey(parts));
    scope.push('p1:delete:device');
    own.clientId = 'someone-else';
    expect(key.value).toBe(cacheKey(parts));
    expect(key.parts).toEqual({ clientId: 'worker', env: 'env-1', scope: ['p1:create:device', 'p1:read:user'] });
    expect(Object.isFrozen(key.parts) && Object.isFrozen(key.parts.scope)).toBe(true);
  });

  it('finds the entry the parts made, and a new record is handed out after the old one expired', async () => {
    const fetchToken = vi.fn(async () => token(100));
    const cache = new TokenCache({ fetchToken });
    const key = new TokenCacheKey(parts);
    const first = await cache.get(parts);
    expect(await cache.get(key)).toBe(first);
    expect(cache.peek(key)).toBe(first);
    expect(fetchToken).toHaveBeenCalledTimes(1);
    fx.clock.advance(100_000);
    expect(cache.peek(key)).toBeUndefined();
    const second = await fx.clock.run(cache.get(key));
    expect(second).not.toBe(first);
    expect(await cache.get(key)).toBe(second);
    cache.invalidate(key);
    expect(cache.peek(parts)).toBeUndefined();
    cache.clear();
  });
});

describe('TokenCache', () => {
  it('shares one request among 1,000 concurrent cold callers', async () => {
    const fetchToken = vi.fn(async () => token(3600));
    const cache = new TokenCache({ fetchToken });
    const results = await Promise.all(Array.from({ length: 1000 }, () => cache.get(parts)));
    expect(fetchToken).toHaveBeenCalledTimes(1);
    expect(new Set(results).size).toBe(1);
  });

  it('serves hits without fetching and logs the ttl, never the token', async () => {
    const { lines } = fx.log;
    const fetchToken = vi.fn(async () => token(3600));
    const cache = new TokenCache({ fetchToken });
    const events: CacheEvent[] = [];
    cache.onEvent((e) => events.push(e));
    const first = await cache.get(parts);
    fx.clock.advance(60_000);
    const second = await cache.get({ ...parts, scope: [...parts.scope].reverse() });
    expect(second).toBe(first);
    expect(fetchToken).toHaveBeenCalledTimes(1);
    expect(events.map((e) => e.type)).toEqual(['miss', 'stored', 'refresh-scheduled', 'hit']);
    expect(events.at(-1)?.ttlSeconds).toBe(3540);
    expect(lines.map((l) => l.message)).toContain('cache hit ttl=3540s');
    expect(lines.map((l) => l.message)).toContain('proactive refresh in 3510s');
    expect(JSON.stringify(lines)).not.toContain('secretvalue');
  });

  it('reschedules cached tokens when the refresh window changes (the user edits "Proactive refresh")', async () => {
    const fetchToken = vi.fn(async () => token(3600));
    const cache = new TokenCache({ fetchToken });
    cache.set(parts, token(3600));
    cache.setProactiveRefreshSeconds(3000);
    expect(cache.getSnapshot().entries[0]?.refreshAt).toBe(T0 + 1800_000); // never before half the lifetime
    cache.setProactiveRefreshSeconds(600);
    expect(cache.getSnapshot().entries[0]?.refreshAt).toBe(T0 + 3000_000);
    await fx.clock.advanceAsync(3000_000 - 1);
    expect(fetchToken).not.toHaveBeenCalled();
    await fx.clock.advanceAsync(1);
    expect(fetchToken).toHaveBeenCalledTimes(1);
    expect(() => cache.setProactiveRefreshSeconds(-1)).toThrow(expect.objectContaining({ field: 'proactiveRefreshSeconds' }));
  });

  it('refreshes proactively at expAt − 90 s', async () => {
    const fetchToken = vi.fn(async () => token(3600));
    const cache = new TokenCache({ fetchToken });
    const first = await cache.get(parts);
    await fx.clock.advanceAsync(3510_000 - 1);
    expect(fetchToken).toHaveBeenCalledTimes(1);
    await fx.clock.advanceAsync(1);
    expect(fetchToken).toHaveBeenCalledTimes(2);
    const second = await cache.get(parts);
    expect(second).not.toBe(first);
    expect(second.expAt).toBe(first.expAt - 90_000 + 3600_000);
    expect(cache.getSnapshot().entries[0]?.refreshAt).toBe(second.expAt - 90_000);
  });

  it('honours a custom proactiveRefreshSeconds', async () => {
    const fetchToken = vi.fn(async () => token(600));
    const cache = new TokenCache({ fetchToken, proactiveRefreshSeconds: 120 });
    await cache.get(parts);
    await fx.clock.advanceAsync(480_000 - 1);
    expect(fetchToken).toHaveBeenCalledTimes(1);
    await fx.clock.advanceAsync(1);
    expect(fetchToken).toHaveBeenCalledTimes(2);
  });

  it('does not refresh a short-lived token in a loop (window longer than its life)', async () => {
    const fetchToken = vi.fn(async () => token(60));
    const cache = new TokenCache({ fetchToken });
    await cache.get(parts);
    await fx.clock.advanceAsync(29_000);
    expect(fetchToken).toHaveBeenCalledTimes(1);
    await fx.clock.advanceAsync(1_000);
    expect(fetchToken).toHaveBeenCalledTimes(2);
  });

  it('holds a 1 s token to one refresh per 5 s, says so in an event and the snapshot, and keeps refreshing (issue 19)', async () => {
    const fetchToken = vi.fn(async () => token(1));
    const cache = new TokenCache({ fetchToken });
    const events: CacheEvent[] = [];
    cache.onEvent((e) => events.push(e));
    await cache.get(parts);
    expect(events.find((e) => e.type === 'refresh-floored')).toEqual({
      type: 'refresh-floored', key: cacheKey(parts), at: T0, inSeconds: 5, ttlSeconds: 1, floorSeconds: MIN_REFRESH_INTERVAL_MS / 1000,
    });
    expect(cache.getSnapshot().entries[0]).toMatchObject({ refreshAt: T0 + 5_000, refreshFloored: true });
    await fx.clock.advanceAsync(5_000 - 1);
    expect(fetchToken).toHaveBeenCalledTimes(1); // the half-life (0.5 s) would have refreshed it nine times by now
    await fx.clock.advanceAsync(1);
    expect(fetchToken).toHaveBeenCalledTimes(2); // refreshed although it had expired: the cache keeps one coming
    await fx.clock.advanceAsync(55_000);
    expect(fetchToken).toHaveBeenCalledTimes(13); // 1 + 60 s / 5 s, where it was 2 a second
    await fx.clock.advanceAsync(1_000);
    expect(cache.peek(parts)).toBeUndefined(); // between refreshes a get() fetches, as for any expired token
    expect((await cache.get(parts)).expAt).toBeGreaterThan(fx.clock.now());
    expect(fetchToken).toHaveBeenCalledTimes(14);
  });

  it.each([
    [8, 5_000, true], // half-life 4 s < 5 s: floored, still before expiry
    [20, 10_000, false], // half-life 10 s: untouched, as the sandbox's demo tokens
    [3600, 3510_000, false],
  ])('a %i s token refreshes %i ms after it came (floored: %s)', async (ttl, after, floored) => {
    const fetchToken = vi.fn(async () => token(ttl));
    const cache = new TokenCache({ fetchToken });
    const events: CacheEvent[] = [];
    cache.onEvent((e) => events.push(e));
    await cache.get(parts);
    expect(cache.getSnapshot().entries[0]?.refreshAt).toBe(T0 + after);
    expect(cache.getSnapshot().entries[0]?.refreshFloored).toBe(floored ? true : undefined);
    expect(events.some((e) => e.type === 'refresh-floored')).toBe(floored);
  });

  it('keeps serving the valid token when a refresh fails, reports it, and recovers later', async () => {
    const fetchToken = vi.fn<(p: TokenCacheKeyParts) => Promise<TokenRecord>>(async () => token(3600));
    const cache = new TokenCache({ fetchToken });
    const events: CacheEvent[] = [];
    cache.onEvent((e) => events.push(e));
    const first = await cache.get(parts);

    fetchToken.mockRejectedValueOnce(new PlaygroundError('NETWORK', 'connection refused'));
    await fx.clock.advanceAsync(3510_000);
    expect(fetchToken).toHaveBeenCalledTimes(2);
    expect(events.find((e) => e.type === 'refresh-failed')?.error).toEqual({ code: 'NETWORK', message: 'connection refused' });
    expect(await cache.get(parts)).toBe(first); // stale-while-refresh; this get() also retries at once
    expect(fetchToken).toHaveBeenCalledTimes(3);
    await fx.clock.advanceAsync(0);
    const recovered = await cache.get(parts);
    expect(recovered).not.toBe(first);
    expect(cache.getSnapshot().entries[0]?.lastError).toBeUndefined();
  });

  it('records lastError and retries on a later timer when nobody calls get()', async () => {
    const fetchToken = vi.fn<(p: TokenCacheKeyParts) => Promise<TokenRecord>>(async () => token(3600));
    const cache = new TokenCache({ fetchToken });
    const first = await cache.get(parts);
    fetchToken.mockRejectedValueOnce(new PlaygroundError('HTTP_STATUS', 'HTTP 503', { status: 503 }));
    await fx.clock.advanceAsync(3510_000);
    const entry = cache.getSnapshot().entries[0];
    expect(entry?.record).toBe(first);
    expect(entry?.lastError?.code).toBe('HTTP_STATUS');
    expect(entry?.refreshing).toBe(false);
    await fx.clock.advanceAsync(30_000);
    expect(fetchToken).toHaveBeenCalledTimes(3);
    expect(cache.peek(parts)).not.toBe(first);
  });

  it('never serves an expired token', async () => {
    const fetchToken = vi.fn<(p: TokenCacheKeyParts) => Promise<TokenRecord>>(async () => token(100));
    const cache = new TokenCache({ fetchToken, proactiveRefreshSeconds: 0 });
    const first = await cache.get(parts);
    await fx.clock.advanceAsync(100_000);
    expect(cache.peek(parts)).toBeUndefined();
    const pending = deferred<TokenRecord>();
    fetchToken.mockReturnValueOnce(pending.promise);
    let settled: TokenRecord | undefined;
    const next = cache.get(parts).then((r) => (settled = r));
    await fx.clock.advanceAsync(0);
    expect(settled).toBeUndefined(); // waits for the new token instead of returning the expired one
    const fresh = token(100);
    pending.resolve(fresh);
    await next;
    expect(settled).toBe(fresh);
    expect(settled).not.toBe(first);
  });

  it('does not serve an expired token after a failed refresh either', async () => {
    const fetchToken = vi.fn<(p: TokenCacheKeyParts) => Promise<TokenRecord>>(async () => token(200));
    const cache = new TokenCache({ fetchToken });
    await cache.get(parts);
    fetchToken.mockRejectedValue(new PlaygroundError('NETWORK', 'down'));
    await fx.clock.advanceAsync(200_000);
    await expect(cache.get(parts)).rejects.toMatchObject({ code: 'NETWORK' });
    expect(cache.getSnapshot().entries).toHaveLength(0);
  });

  it('rejects a token that is already expired when it arrives', async () => {
    const cache = new TokenCache({ fetchToken: async () => token(0) });
    await expect(cache.get(parts)).rejects.toMatchObject({ code: 'INVALID_RESPONSE' });
  });

  it('keeps keys independent', async () => {
    const fetchToken = vi.fn(async () => token(3600));
    const cache = new TokenCache({ fetchToken });
    await cache.get(parts);
    await cache.get({ ...parts, scope: ['p1:read:user'] });
    await cache.get({ ...parts, audience: 'https://api.pingone.com' });
    await cache.get({ ...parts, clientId: 'other' });
    await cache.get({ ...parts, env: 'env-2' });
    await cache.get({ ...parts, scope: ['p1:create:device', 'p1:read:user', 'p1:read:user'] });
    expect(fetchToken).toHaveBeenCalledTimes(5);
  });

  it('passes normalised parts and an abort signal to fetchToken', async () => {
    const fetchToken = vi.fn(async (_p: TokenCacheKeyParts, _s?: AbortSignal) => token(3600));
    const cache = new TokenCache({ fetchToken });
    await cache.get({ ...parts, scope: ['b', 'a', 'b'] });
    expect(fetchToken.mock.calls[0]?.[0].scope).toEqual(['a', 'b']);
    expect(fetchToken.mock.calls[0]?.[1]).toBeInstanceOf(AbortSignal);
  });

  it('invalidate forces the next get() to fetch', async () => {
    const fetchToken = vi.fn(async () => token(3600));
    const cache = new TokenCache({ fetchToken });
    const events: CacheEvent[] = [];
    cache.onEvent((e) => events.push(e));
    const first = await cache.get(parts);
    cache.invalidate(parts);
    expect(events.at(-1)?.type).toBe('cleared');
    expect(cache.peek(parts)).toBeUndefined();
    const second = await cache.get(parts);
    expect(second).not.toBe(first);
    expect(fetchToken).toHaveBeenCalledTimes(2);
  });

  it('clear() cancels refresh timers and aborts in-flight requests', async () => {
    const signals: AbortSignal[] = [];
    const fetchToken = vi.fn(async (_p: TokenCacheKeyParts, signal?: AbortSignal) => {
      if (signal) signals.push(signal);
      return token(3600);
    });
    const cache = new TokenCache({ fetchToken });
    await cache.get(parts);
    expect(fx.clock.pending).toBe(1);
    const hanging = deferred<TokenRecord>();
    fetchToken.mockImplementationOnce(async (_p, signal) => {
      if (signal) signals.push(signal);
      return hanging.promise;
    });
    void cache.get({ ...parts, env: 'env-2' }).catch(() => undefined);
    await fx.clock.advanceAsync(0);
    cache.clear();
    expect(fx.clock.pending).toBe(0);
    expect(signals[1]?.aborted).toBe(true);
    hanging.resolve(token(3600)); // a late answer must not repopulate the cache
    await fx.clock.advanceAsync(4000_000);
    expect(fetchToken).toHaveBeenCalledTimes(2);
    expect(cache.getSnapshot().entries).toHaveLength(0);
  });

  it('caches a token set from elsewhere and refreshes a restored one that is inside the window', async () => {
    const fetchToken = vi.fn(async () => token(3600));
    const cache = new TokenCache({ fetchToken });
    const restored: TokenRecord = { accessToken: 'old', tokenType: 'bearer', obtainedAt: T0 - 3550_000, expAt: T0 + 50_000 };
    cache.set(parts, restored);
    expect(await cache.get(parts)).toBe(restored);
    await fx.clock.advanceAsync(0);
    expect(fetchToken).toHaveBeenCalledTimes(1);
    expect(cache.peek(parts)).not.toBe(restored);
    cache.set({ ...parts, env: 'x' }, { ...restored, expAt: T0 - 1 });
    expect(cache.peek({ ...parts, env: 'x' })).toBeUndefined();
  });

  it('gives useSyncExternalStore a stable snapshot that changes only on change', async () => {
    const cache = new TokenCache({ fetchToken: async () => token(3600) });
    const listener = vi.fn();
    const unsubscribe = cache.subscribe(listener);
    const empty = cache.getSnapshot();
    expect(cache.getSnapshot()).toBe(empty);
    await cache.get(parts);
    expect(listener).toHaveBeenCalled();
    const filled = cache.getSnapshot();
    expect(filled).not.toBe(empty);
    expect(filled.entries).toHaveLength(1);
    expect(filled.entries[0]).toMatchObject({ key: cacheKey(parts), refreshing: false });
    await cache.get(parts);
    expect(cache.getSnapshot()).toBe(filled); // a hit changes nothing
    unsubscribe();
    listener.mockClear();
    cache.clear();
    expect(listener).not.toHaveBeenCalled();
  });

  it('does not storm the endpoint when a token lives longer than setTimeout can wait (~24.8 days)', async () => {
    const ttlSeconds = 30 * 24 * 3600;
    const fetchToken = vi.fn(async () => token(ttlSeconds));
    const cache = new TokenCache({ fetchToken });
    await cache.get(parts);
    await fx.clock.advanceAsync(10_000);
    expect(fetchToken).toHaveBeenCalledTimes(1);
    // The clamped timer fires early (after 2^31−1 ms), re-arms, and the refresh still happens at expAt − 90 s.
    await fx.clock.advanceAsync((ttlSeconds - 90) * 1000 - 10_000 - 1000);
    expect(fetchToken).toHaveBeenCalledTimes(1);
    await fx.clock.advanceAsync(2000);
    expect(fetchToken).toHaveBeenCalledTimes(2);
  });

  it('rejects a negative proactiveRefreshSeconds with an InputError', () => {
    expect(() => new TokenCache({ fetchToken: async () => token(1), proactiveRefreshSeconds: -1 })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'proactiveRefreshSeconds' }),
    );
  });
});
