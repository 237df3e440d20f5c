// Token cache: one entry per {client, env, audience, resource, scope set}, single-flight fetches, proactive refresh.
// When entries refresh lives in tokenRefreshSchedule.ts; the entry, snapshot and event shapes in tokenCacheEntry.ts.
import type { TokenCacheKeyParts, TokenRecord } from '../types/token';
import type { Clock } from './clock';
import { effects } from './effects';
import { PlaygroundError } from './errors';
import type { Logger } from './logger';
import { keyPartsOf, keyValueOf, type TokenCacheKeyInput } from './tokenCacheKey';
import { describe, hitLine, newEntry, notifySafely, servedPromise, snapshotOf, toCacheError, type CacheEvent, type CacheSnapshot, type Entry } from './tokenCacheEntry';
import { RefreshScheduler, retryTimeAfterFailure } from './tokenRefreshSchedule';
import { DEFAULT_PROACTIVE_REFRESH_SECONDS } from '../config/defaults';

// Kept importable from here: the key, the snapshot and the events are part of the cache's public contract.
export { cacheKey, TokenCacheKey, type TokenCacheKeyInput } from './tokenCacheKey';
export type { CacheError, CacheEvent, CacheEventType, CacheSnapshot, CacheSnapshotEntry } from './tokenCacheEntry';
export { MAX_TIMER_DELAY_MS } from './tokenRefreshSchedule';

export interface TokenCacheOptions {
  fetchToken: (parts: TokenCacheKeyParts, signal?: AbortSignal) => Promise<TokenRecord>;
  /** Refresh this many seconds before expiry (default 90). */
  proactiveRefreshSeconds?: number | undefined;
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
  private readonly scheduler: RefreshScheduler;
  private snapshot: CacheSnapshot | null = null;

  constructor(options: TokenCacheOptions) {
    this.fetchToken = options.fetchToken;
    this.scheduler = new RefreshScheduler(options.proactiveRefreshSeconds ?? DEFAULT_PROACTIVE_REFRESH_SECONDS, {
      isCurrent: (entry) => this.entries.get(entry.key) === entry,
      onDue: (entry) => void this.refresh(entry).catch(() => undefined),
      emit: (event) => this.emit(event),
    });
  }

  private get clock(): Clock {
    return effects().clock;
  }

  private logChild: { base: Logger; child: Logger } | undefined;

  /** The cache's child of the logger in force; made once per logger, since a hit logs and hits must stay cheap. */
  private get log(): Logger {
    const base = effects().logger;
    if (this.logChild?.base !== base) this.logChild = { base, child: base.child('cache') };
    return this.logChild.child;
  }

  /**
   * Changes how long before expiry tokens are refreshed, and reschedules the cached ones: the setting belongs to
   * the user's configuration, which can change after the cache was created.
   */
  setProactiveRefreshSeconds(seconds: number): void {
    if (!this.scheduler.setWindowSeconds(seconds)) return;
    for (const entry of this.entries.values()) {
      if (entry.record && !entry.inflight) this.scheduler.scheduleFor(entry, entry.record);
    }
    this.changed();
  }

  /**
   * A valid token for `parts`: from the cache, or from the in-flight request, or a new fetch. Pass a
   * {@link TokenCacheKey} made once per configuration, and a hit costs a map lookup.
   */
  get(parts: TokenCacheKeyInput): Promise<TokenRecord> {
    const key = keyValueOf(parts);
    const now = this.clock.now();
    let entry = this.entries.get(key);
    const record = entry?.record;
    if (entry && record && now < record.expAt) return this.hit(entry, record, now);
    if (entry?.record) this.dropRecord(entry); // expired: never served
    entry ??= this.addEntry(key, keyPartsOf(parts));
    if (entry.inflight) return entry.inflight;
    this.emit({ type: 'miss', key, at: now });
    return this.refresh(entry);
  }

  /**
   * A hit: the still-valid token, and inside the refresh window (or after a failed refresh) a refresh behind the
   * caller's back. Allocation-free when nothing listens: the same settled promise and log line are reused while
   * the record and its whole-second TTL stay the same.
   */
  private hit(entry: Entry, record: TokenRecord, now: number): Promise<TokenRecord> {
    const ttlSeconds = Math.floor((record.expAt - now) / 1000);
    if (this.eventListeners.size > 0) this.emit({ type: 'hit', key: entry.key, at: now, ttlSeconds });
    this.log.debug(hitLine(entry, ttlSeconds));
    const due = now >= entry.refreshAt || entry.lastError !== undefined;
    if (due && !entry.inflight) void this.refresh(entry).catch(() => undefined);
    return servedPromise(entry, record);
  }

  /** The cached token if present and unexpired; no fetch, no events. */
  peek(parts: TokenCacheKeyInput): TokenRecord | undefined {
    const record = this.entries.get(keyValueOf(parts))?.record;
    return record && this.clock.now() < record.expAt ? record : undefined;
  }

  /** Caches a token obtained elsewhere (a manual request, or one restored from storage after reload). */
  set(parts: TokenCacheKeyInput, record: TokenRecord): void {
    if (record.expAt <= this.clock.now()) return; // nothing to serve
    const key = keyValueOf(parts);
    const entry = this.entries.get(key) ?? this.addEntry(key, keyPartsOf(parts));
    entry.lastError = undefined; // a token obtained elsewhere supersedes a failed refresh
    this.store(entry, record);
  }

  /** Forgets the token for `parts` (e.g. the API answered 401), so the next get() fetches a new one. */
  invalidate(parts: TokenCacheKeyInput): void {
    const entry = this.entries.get(keyValueOf(parts));
    if (!entry) return;
    this.scheduler.clear(entry);
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
      this.scheduler.clear(entry);
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
    this.snapshot ??= snapshotOf(this.entries.values());
    return this.snapshot;
  }

  private addEntry(key: string, parts: TokenCacheKeyParts): Entry {
    const entry = newEntry(key, parts);
    this.entries.set(key, entry);
    return entry;
  }

  /** Starts a fetch for `entry` (callers have checked there is none in flight) and settles the entry. */
  private refresh(entry: Entry): Promise<TokenRecord> {
    const abort = new AbortController();
    const background = entry.record !== undefined;
    this.scheduler.clear(entry);
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
      const retryAt = retryTimeAfterFailure(entry.record, now);
      if (retryAt !== undefined) this.scheduler.schedule(entry, retryAt);
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
    this.scheduler.scheduleFor(entry, record);
    this.changed();
  }

  private dropRecord(entry: Entry): void {
    this.scheduler.clear(entry);
    entry.record = undefined;
    entry.refreshAt = Number.POSITIVE_INFINITY;
    entry.refreshFloored = undefined;
    this.changed();
  }

  private emit(event: CacheEvent): void {
    if (this.eventListeners.size === 0) return;
    for (const listener of this.eventListeners) notifySafely(() => listener(event));
  }

  private changed(): void {
    this.snapshot = null;
    for (const listener of this.listeners) notifySafely(listener);
  }
}
