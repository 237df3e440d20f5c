// The cache key with DPoP: a token bound to one key is never served for another key or for an unbound request.
import { describe, expect, it } from 'vitest';
import { cacheKey, normaliseCacheKeyParts, TokenCacheKey } from './tokenCacheKey';

const PARTS = { clientId: 'c1', env: 'env', scope: ['b', 'a'] };

describe('cacheKey with a DPoP key thumbprint', () => {
  it('keys a bound token by its jkt, apart from the unbound one and from another key', () => {
    const unbound = cacheKey(PARTS);
    const boundA = cacheKey({ ...PARTS, jkt: 'jkt-A' });
    const boundB = cacheKey({ ...PARTS, jkt: 'jkt-B' });
    expect(new Set([unbound, boundA, boundB]).size).toBe(3);
    expect(cacheKey({ ...PARTS, scope: ['a', 'b'], jkt: 'jkt-A' })).toBe(boundA);
  });

  it('keeps the jkt in the normalised parts and in a precomputed key', () => {
    expect(normaliseCacheKeyParts({ ...PARTS, jkt: 'jkt-A' }).jkt).toBe('jkt-A');
    expect(new TokenCacheKey({ ...PARTS, jkt: 'jkt-A' }).value).toBe(cacheKey({ ...PARTS, jkt: 'jkt-A' }));
  });
});
