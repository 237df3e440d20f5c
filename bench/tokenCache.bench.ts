// TokenCache figures: fetches for a cold burst of concurrent callers, and the cost of a warm hit vs a bare Map.get.
import type { TokenCacheKeyParts, TokenRecord } from '../src/types/token';
import { provideEffects } from '../src/utils/effects';
import { noopLogger } from '../src/utils/logger';
import { cacheKey, TokenCache } from '../src/utils/tokenCache';

const parts: TokenCacheKeyParts = {
  clientId: 'worker-client',
  env: 'env-1',
  scope: ['p1:read:user', 'p1:create:device', 'p1:update:device', 'p1:delete:device'],
  audience: 'https://api.pingone.com',
};

function record(): TokenRecord {
  const now = Date.now();
  return { accessToken: 'bench-token', tokenType: 'bearer', expiresIn: 3600, obtainedAt: now, expAt: now + 3600_000 };
}

function nsPerOp(ops: number, run: () => void): number {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / ops;
}

export default async function bench(): Promise<Record<string, number | string>> {
  // The cache's own cost: the app's logger (ring buffer, redaction) is measured by the logger, not here.
  const restore = provideEffects({ logger: noopLogger });
  const CONCURRENT = 1000;
  let fetches = 0;
  const cold = new TokenCache({
    fetchToken: async () => {
      fetches += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return record();
    },
  });
  const results = await Promise.all(Array.from({ length: CONCURRENT }, () => cold.get(parts)));
  const distinct = new Set(results).size;
  cold.clear();

  const OPS = 200_000;
  const cache = new TokenCache({ fetchToken: async () => record() });
  await cache.get(parts);
  const map = new Map<string, TokenRecord>([[cacheKey(parts), record()]]);
  const key = cacheKey(parts);
  let sink = 0;

  // Warm-up so the JIT has compiled all three loops before they are timed.
  for (let i = 0; i < 20_000; i += 1) {
    sink += map.get(key) ? 1 : 0;
    void cache.get(parts);
    sink += cache.peek(parts) ? 1 : 0;
  }
  const mapNs = nsPerOp(OPS, () => {
    for (let i = 0; i < OPS; i += 1) sink += map.get(key) ? 1 : 0;
  });
  const getNs = nsPerOp(OPS, () => {
    for (let i = 0; i < OPS; i += 1) void cache.get(parts);
  });
  const keyNs = nsPerOp(OPS, () => {
    for (let i = 0; i < OPS; i += 1) sink += cacheKey(parts).length;
  });
  const peekNs = nsPerOp(OPS, () => {
    for (let i = 0; i < OPS; i += 1) sink += cache.peek(parts) ? 1 : 0;
  });
  const awaited = process.hrtime.bigint();
  for (let i = 0; i < 20_000; i += 1) await cache.get(parts);
  const awaitedNs = Number(process.hrtime.bigint() - awaited) / 20_000;
  cache.clear();

  restore();
  return {
    'cold concurrent callers': CONCURRENT,
    'cold fetchToken calls': fetches,
    'cold distinct records returned': distinct,
    'hit ops timed': OPS,
    'Map.get ns/op (baseline)': Number(mapNs.toFixed(1)),
    'TokenCache.get ns/op (hit, not awaited)': Number(getNs.toFixed(1)),
    'TokenCache.peek ns/op': Number(peekNs.toFixed(1)),
    'cacheKey ns/op (part of every get/peek)': Number(keyNs.toFixed(1)),
    'TokenCache.get ns/op (hit, awaited)': Number(awaitedNs.toFixed(1)),
    'get / Map.get ratio': Number((getNs / mapNs).toFixed(1)),
    'peek / Map.get ratio': Number((peekNs / mapNs).toFixed(1)),
    sink: sink > 0 ? 'ok' : 'none',
  };
}
