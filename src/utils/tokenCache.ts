// Token cache: one entry per {client, env, audience, resource, scope set}, single-flight fetches, proactive refresh.
import type { TokenCacheKeyParts, TokenRecord } from '../types/token';
import type { Clock } from './clock';
import { effects } from './effects';
import { isPlaygroundError, PlaygroundError, InputError, type ErrorCode } from './errors';
import type { Logger } from './logger';
import { cacheKey, normaliseCacheKeyParts } from './tokenCacheKey';
import { DEFAULT_PROACTIVE_REFRESH_SECONDS } from '../config/defaults';

// Kept importable from here: the key is part of the cache's public contract.
export { cacheKey } from './tokenCacheKey';

/**
 * The longest delay setTimeout honours (a signed 32-bit ms count, ~24.8 days); a longer one fires at once.
 * @see https://html.spec.whatwg.org/multipage/timers-and-user-prompts.html#timers
 */
export const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

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
  lastError?: CacheError;
}

/** Immutable view of the cache; the same object is returned until something changes. */
export interface CacheSnapshot {
  readonly entries: readonly CacheSnapshotEntry[];
}

export type CacheEventType =
  | 'hit' | 'miss' | 'stored' | 'refresh-scheduled' | 'refresh-started' | 'refreshed' | 'refresh-failed' | 'cleared';

export interface CacheEvent {
  type: CacheEventType;
  key: string;
  /** epoch ms */
  at: number;
  ttlSeconds?: number;
  inSeconds?: number;
  error?: CacheError;
}

export interface TokenCacheOptions {
  fetchToken: (parts: TokenCacheKeyParts, signal?: AbortSignal) => Promise<TokenRecord>;
  /** Refresh this many seconds before expiry (default 90). */
  proactiveRefreshSeconds?: number | undefined;
}

interface Entry {
  key: string;
  parts: TokenCacheKeyParts;
  record?: TokenRecord;
  refreshAt: number;
  inflight?: Promise<TokenRecord>;
  abort?: AbortController;
  timer?: unknown;
  lastError?: CacheError;
}

/** The refresh window in ms, refusing what cannot be a number of seconds. */
function refreshWindowMs(seconds: number): number {
  if (!Number.isFinite(seconds) || seconds < 0) {
    throw new InputError('proactiveRefreshSeconds', 'proactiveRefreshSeconds must be a number of seconds ≥ 0.');
  }
  return seconds * 1000;
}

function toCacheError(error: unknown): CacheError {
  if (isPlaygroundError(error)) return { code: error.code, message: error.message };
  // A foreign error's message may carry anything (a URL, a body); the UI shows this, so keep it generic.
  return { code: 'UNEXPECTED', message: 'The token refresh failed unexpectedly.' };
}

/**
 * Caches access tokens per key and keeps them fresh: concurrent callers share one in-flight request, a timer
 * refreshes `proactiveRefreshSeconds` before expiry without blocking callers, a failed refresh keeps the
 * still-valid token (stale-while-refresh), and an expired token is never returned. Time and logging come from
 * `effects()` at call time.
 */
export class TokenCache {
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Set<() => void>();
  private readonly eventListeners = new Set<(e: CacheEvent) => void>();
  private readonly fetchToken: TokenCacheOptions['fetchToken'];
  private windowMs: number;
  private snapshot: CacheSnapshot | null = null;

  constructor(options: TokenCacheOptions) {
    this.fetchToken = options.fetchToken;
    this.windowMs = refreshWindowMs(options.proactiveRefreshSeconds ?? DEFAULT_PROACTIVE_REFRESH_SECONDS);
  }

  private get clock(): Clock {
    return effects().clock;
  }

  private get log(): Logger {
    return effects().logger.child('cache');
  }

  /**
   * Changes how long before expiry tokens are refreshed, and reschedules the cached ones: the setting belongs to
   * the user's configuration, which can change after the cache was created.
   */
  setProactiveRefreshSeconds(seconds: number): void {
    const windowMs = refreshWindowMs(seconds);
    if (windowMs === this.windowMs) return;
    this.windowMs = windowMs;
    for (const entry of this.entries.values()) {
      if (entry.record && !entry.inflight) this.schedule(entry, this.refreshTimeFor(entry.record));
    }
    this.changed();
  }

  /** A valid token for `parts`: from the cache, or from the in-flight request, or a new fetch. */
  get(parts: TokenCacheKeyParts): Promise<TokenRecord> {
    const key = cacheKey(parts);
    const now = this.clock.now();
    let entry = this.entries.get(key);
    if (entry?.record && now < entry.record.expAt) {
      const ttlSeconds = Math.floor((entry.record.expAt - now) / 1000);
      this.emit({ type: 'hit', key, at: now, ttlSeconds });
      this.log.debug(`cache hit ttl=${ttlSeconds}s`);
      // Inside the refresh window, or after a failed refresh: serve the still-valid token and refresh behind
      // the caller's back.
      const due = now >= entry.refreshAt || entry.lastError !== undefined;
      if (due && !entry.inflight) void this.refresh(entry).catch(() => undefined);
      return Promise.resolve(entry.record);
    }
    if (entry?.record) this.dropRecord(entry); // expired: never served
    if (!entry) {
      entry = { key, parts: normaliseCacheKeyParts(parts), refreshAt: Number.POSITIVE_INFINITY };
      this.entries.set(key, entry);
    }
    if (entry.inflight) return entry.inflight;
    this.emit({ type: 'miss', key, at: now });
    return this.refresh(entry);
  }

  /** The cached token if present and unexpired; no fetch, no events. */
  peek(parts: TokenCacheKeyParts): TokenRecord | undefined {
    const record = this.entries.get(cacheKey(parts))?.record;
    return record && this.clock.now() < record.expAt ? record : undefined;
  }

  /** Caches a token obtained elsewhere (a manual request, or one restored from storage after reload). */
  set(parts: TokenCacheKeyParts, record: TokenRecord): void {
    if (record.expAt <= this.clock.now()) return; // nothing to serve
    const key = cacheKey(parts);
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { key, parts: normaliseCacheKeyParts(parts), refreshAt: Number.POSITIVE_INFINITY };
      this.entries.set(key, entry);
    }
    entry.lastError = undefined; // a token obtained elsewhere supersedes a failed refresh
    this.store(entry, record);
  }

  /** Forgets the token for `parts` (e.g. the API answered 401), so the next get() fetches a new one. */
  invalidate(parts: TokenCacheKeyParts): void {
    const entry = this.entries.get(cacheKey(parts));
    if (!entry) return;
    this.clearTimer(entry);
    if (entry.inflight) {
      // Keep the entry: the in-flight request will bring a fresh token.
      entry.record = undefined;
      entry.lastError = undefined;
    } else {
      this.entries.delete(entry.key);
    }
    this.emit({ type: 'cleared', key: entry.key, at: this.clock.now() });
    this.changed();
  }

  /** Drops every token, cancels timers and aborts in-flight requests (sign-out). */
  clear(): void {
    const entries = [...this.entries.values()];
    this.entries.clear();
    const at = this.clock.now();
    for (const entry of entries) {
      this.clearTimer(entry);
      entry.abort?.abort(new PlaygroundError('ABORTED', 'The token cache was cleared.'));
      this.emit({ type: 'cleared', key: entry.key, at });
    }
    if (entries.length > 0) this.changed();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onEvent(listener: (e: CacheEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  getSnapshot(): CacheSnapshot {
    if (!this.snapshot) {
      const entries: CacheSnapshotEntry[] = [];
      for (const e of this.entries.values()) {
        if (!e.record) continue;
        const item: CacheSnapshotEntry = {
          key: e.key, parts: e.parts, record: e.record, refreshAt: e.refreshAt, refreshing: e.inflight !== undefined,
        };
        if (e.lastError) item.lastError = e.lastError;
        entries.push(item);
      }
      this.snapshot = Object.freeze({ entries: Object.freeze(entries) });
    }
    return this.snapshot;
  }

  /** Starts a fetch for `entry` (callers have checked there is none in flight) and settles the entry. */
  private refresh(entry: Entry): Promise<TokenRecord> {
    const abort = new AbortController();
    const background = entry.record !== undefined;
    this.clearTimer(entry);
    if (background) this.emit({ type: 'refresh-started', key: entry.key, at: this.clock.now() });

    // Deferred by a microtask so that even a fetchToken that throws synchronously settles through the promise
    // after `entry.inflight` is set, never before.
    const inflight = Promise.resolve()
      .then(() => this.fetchToken(entry.parts, abort.signal))
      .then((record) => {
        if (record.expAt <= this.clock.now()) {
          throw new PlaygroundError('INVALID_RESPONSE', 'The server returned a token that has already expired.');
        }
        if (this.entries.get(entry.key) === entry && entry.inflight === inflight) {
          entry.inflight = undefined;
          entry.abort = undefined;
          entry.lastError = undefined;
          this.store(entry, record, background ? 'refreshed' : 'stored');
        }
        return record;
      })
      .catch((error: unknown) => {
        this.failed(entry, inflight, error);
        throw error;
      });
    entry.abort = abort;
    entry.inflight = inflight;
    this.changed();
    return inflight;
  }

  private failed(entry: Entry, inflight: Promise<TokenRecord>, error: unknown): void {
    // Cleared meanwhile, or superseded: nothing of ours to update.
    if (this.entries.get(entry.key) !== entry || entry.inflight !== inflight) return;
    entry.inflight = undefined;
    entry.abort = undefined;
    const now = this.clock.now();
    const cacheError = toCacheError(error);
    if (entry.record && now < entry.record.expAt) {
      // Stale-while-refresh: keep serving the valid token, say what went wrong, and try again before expiry.
      entry.lastError = cacheError;
      this.emit({ type: 'refresh-failed', key: entry.key, at: now, error: cacheError });
      this.log.warn(`proactive refresh failed code=${cacheError.code}`, describe(entry));
      const remaining = entry.record.expAt - now;
      const retryIn = Math.min(30_000, Math.floor(remaining / 2));
      if (retryIn >= 1000) this.schedule(entry, now + retryIn);
    } else {
      this.entries.delete(entry.key);
      this.emit({ type: 'refresh-failed', key: entry.key, at: now, error: cacheError });
    }
    this.changed();
  }

  private store(entry: Entry, record: TokenRecord, type: 'stored' | 'refreshed' = 'stored'): void {
    const now = this.clock.now();
    entry.record = record;
    const ttlSeconds = Math.floor((record.expAt - now) / 1000);
    this.emit({ type, key: entry.key, at: now, ttlSeconds });
    if (type === 'refreshed') this.log.info(`token refreshed ttl=${ttlSeconds}s`, describe(entry));
    // Refresh `window` before expiry, but never before half the token's life: with a window longer than the
    // lifetime (a 60 s demo token, 90 s window) a fresh token would otherwise be refreshed in a tight loop.
    this.schedule(entry, this.refreshTimeFor(record));
    this.changed();
  }

  private refreshTimeFor(record: TokenRecord): number {
    const halfLife = record.obtainedAt + (record.expAt - record.obtainedAt) / 2;
    return Math.max(record.expAt - this.windowMs, halfLife);
  }

  private schedule(entry: Entry, at: number): void {
    this.clearTimer(entry);
    const now = this.clock.now();
    const delay = Math.max(0, at - now);
    entry.refreshAt = now + delay;
    const inSeconds = Math.round(delay / 1000);
    this.emit({ type: 'refresh-scheduled', key: entry.key, at: now, inSeconds });
    this.log.info(`proactive refresh in ${inSeconds}s`, describe(entry));
    this.arm(entry);
  }

  /** Sets the timer for `entry.refreshAt`, clamped to what setTimeout can wait; an early wake-up re-arms. */
  private arm(entry: Entry): void {
    const delay = Math.min(MAX_TIMER_DELAY_MS, Math.max(0, entry.refreshAt - this.clock.now()));
    entry.timer = this.clock.setTimeout(() => {
      entry.timer = undefined;
      if (this.entries.get(entry.key) !== entry || entry.inflight) return;
      if (!entry.record || entry.record.expAt <= this.clock.now()) return; // next get() fetches
      if (this.clock.now() < entry.refreshAt) {
        this.arm(entry);
        return;
      }
      void this.refresh(entry).catch(() => undefined);
    }, delay);
  }

  private clearTimer(entry: Entry): void {
    if (entry.timer !== undefined) this.clock.clearTimeout(entry.timer);
    entry.timer = undefined;
  }

  private dropRecord(entry: Entry): void {
    this.clearTimer(entry);
    entry.record = undefined;
    entry.refreshAt = Number.POSITIVE_INFINITY;
    this.changed();
  }

  private emit(event: CacheEvent): void {
    if (this.eventListeners.size === 0) return;
    for (const listener of this.eventListeners) notify(() => listener(event));
  }

  private changed(): void {
    this.snapshot = null;
    for (const listener of this.listeners) notify(listener);
  }
}

/** What a log line may say about an entry: who and what for, never the token. */
function describe(entry: Entry): Record<string, string> {
  return { clientId: entry.parts.clientId, env: entry.parts.env, scope: entry.parts.scope.join(' ') };
}

/** A throwing listener is a bug in the listener; it must not leave the cache half-updated. */
function notify(listener: () => void): void {
  try {
    listener();
  } catch {
    // Deliberately ignored, see above.
  }
}
