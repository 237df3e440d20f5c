// The token cache's entries and what it publishes about them: snapshot, events, errors shown in the UI.
import type { TokenCacheKeyParts, TokenRecord } from '../types/token';
import { isPlaygroundError, type ErrorCode } from './errors';
import { normaliseCacheKeyParts } from './tokenCacheKey';

export interface CacheError {
  code: ErrorCode;
  message: string;
}

export interface CacheSnapshotEntry {
  key: string;
  parts: TokenCacheKeyParts;
  record: TokenRecord;
  /** epoch ms at which a background refresh is (or was) due */
  refreshAt: number;
  refreshing: boolean;
  /** The refresh was pushed to MIN_REFRESH_INTERVAL_MS after the token came (it lives shorter than that allows). */
  refreshFloored?: true;
  lastError?: CacheError;
}

/** Immutable view of the cache; the same object is returned until something changes. */
export interface CacheSnapshot {
  readonly entries: readonly CacheSnapshotEntry[];
}

export type CacheEventType =
  | 'hit' | 'miss' | 'stored' | 'refresh-scheduled' | 'refresh-floored' | 'refresh-started' | 'refreshed' | 'refresh-failed'
  | 'cleared';

export interface CacheEvent {
  type: CacheEventType;
  key: string;
  /** epoch ms */
  at: number;
  ttlSeconds?: number;
  inSeconds?: number;
  /** `refresh-floored`: the least seconds between a token's arrival and its refresh. */
  floorSeconds?: number;
  error?: CacheError;
}

/** One key's state: its token, when it refreshes, the request in flight, the last refresh failure. */
export interface Entry {
  key: string;
  parts: TokenCacheKeyParts;
  record?: TokenRecord;
  refreshAt: number;
  /** Whether the interval floor set `refreshAt` (see tokenRefreshSchedule.ts). */
  refreshFloored?: true | undefined;
  inflight?: Promise<TokenRecord>;
  abort?: AbortController;
  timer?: unknown;
  lastError?: CacheError;
  /** The settled promise hits hand out for `record`, made once per record. */
  served?: { record: TokenRecord; promise: Promise<TokenRecord> };
  /** The last hit's log line, made once per whole second of TTL. */
  hitLog?: { ttlSeconds: number; line: string };
}

/** A new entry with no token and no refresh due. */
export function newEntry(key: string, parts: TokenCacheKeyParts): Entry {
  return { key, parts: normaliseCacheKeyParts(parts), refreshAt: Number.POSITIVE_INFINITY };
}

/** The resolved promise for `record`, shared by every hit on it (the record is immutable; a new one gets a new promise). */
export function servedPromise(entry: Entry, record: TokenRecord): Promise<TokenRecord> {
  if (entry.served?.record !== record) entry.served = { record, promise: Promise.resolve(record) };
  return entry.served.promise;
}

/** `cache hit ttl=<s>s`, built once per second of TTL rather than on every hit. */
export function hitLine(entry: Entry, ttlSeconds: number): string {
  if (entry.hitLog?.ttlSeconds !== ttlSeconds) entry.hitLog = { ttlSeconds, line: `cache hit ttl=${ttlSeconds}s` };
  return entry.hitLog.line;
}

/** The frozen view React reads: entries that hold a token, in insertion order. */
export function snapshotOf(entries: Iterable<Entry>): CacheSnapshot {
  const out: CacheSnapshotEntry[] = [];
  for (const e of entries) {
    if (!e.record) continue;
    const item: CacheSnapshotEntry = {
      key: e.key, parts: e.parts, record: e.record, refreshAt: e.refreshAt, refreshing: e.inflight !== undefined,
    };
    if (e.refreshFloored) item.refreshFloored = true;
    if (e.lastError) item.lastError = e.lastError;
    out.push(item);
  }
  return Object.freeze({ entries: Object.freeze(out) });
}

export function toCacheError(error: unknown): CacheError {
  if (isPlaygroundError(error)) return { code: error.code, message: error.message };
  // A foreign error's message may carry anything (a URL, a body); the UI shows this, so keep it generic.
  return { code: 'UNEXPECTED', message: 'The token refresh failed unexpectedly.' };
}

/** What a log line may say about an entry: who and what for, never the token. */
export function describe(entry: Entry): Record<string, string> {
  return { clientId: entry.parts.clientId, env: entry.parts.env, scope: entry.parts.scope.join(' ') };
}

/** A throwing listener is a bug in the listener; it must not leave the cache half-updated. */
export function notifySafely(listener: () => void): void {
  try {
    listener();
  } catch {
    // Deliberately ignored, see above.
  }
}
