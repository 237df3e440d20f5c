// When cached tokens refresh: the window before expiry, the half-life and interval floors, the retry after a
// failure, the timers.
import type { TokenRecord } from '../types/token';
import { effects } from './effects';
import { InputError } from './errors';
import { describe, type CacheEvent, type Entry } from './tokenCacheEntry';

/**
 * The longest delay setTimeout honours (a signed 32-bit ms count, ~24.8 days); a longer one fires at once.
 * @see https://html.spec.whatwg.org/multipage/timers-and-user-prompts.html#timers
 */
export const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

/**
 * The least time between a token's arrival and its proactive refresh. Without it a server answering
 * `expires_in: 1` got two token requests a second, forever (plus a CORS preflight each; issue 19). RFC 6749 §5.1
 * sets no lower bound on `expires_in`, so the floor is this app's choice: 5 s caps the background load at one
 * request per 5 s per token, stays far above a token endpoint's usual latency (a refresh is never queued behind the
 * one before), and leaves every token of 10 s or more untouched, since half their life is already longer (the
 * sandbox's demo tokens are 20 s and up). A token that lives less than this is refreshed after it expired.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.1
 */
export const MIN_REFRESH_INTERVAL_MS = 5_000;

/** The refresh window in ms, refusing what cannot be a number of seconds. */
export function refreshWindowMs(seconds: number): number {
  if (!Number.isFinite(seconds) || seconds < 0) {
    throw new InputError('proactiveRefreshSeconds', 'proactiveRefreshSeconds must be a number of seconds ≥ 0.');
  }
  return seconds * 1000;
}

/**
 * When to retry a failed background refresh of a still-valid token: within 30 s, and before half the remaining
 * life is gone; undefined when expiry is too close to bother (the next get() fetches).
 */
export function retryTimeAfterFailure(record: TokenRecord, now: number): number | undefined {
  const remaining = record.expAt - now;
  const retryIn = Math.min(30_000, Math.floor(remaining / 2));
  return retryIn >= 1000 ? now + retryIn : undefined;
}

export interface RefreshSchedulerHooks {
  /** Whether `entry` is still the cache's entry for its key (not cleared or replaced). */
  isCurrent(entry: Entry): boolean;
  /**
   * The refresh time has come: `entry` is current, holds a token (unexpired, or expired under the interval floor)
   * and has nothing in flight.
   */
  onDue(entry: Entry): void;
  emit(event: CacheEvent): void;
}

/** Keeps one timer per entry, due at `entry.refreshAt`. Time and logging come from `effects()` at call time. */
export class RefreshScheduler {
  private windowMs: number;
  private readonly hooks: RefreshSchedulerHooks;

  constructor(proactiveRefreshSeconds: number, hooks: RefreshSchedulerHooks) {
    this.windowMs = refreshWindowMs(proactiveRefreshSeconds);
    this.hooks = hooks;
  }

  /** Sets the window; false when it is unchanged (a bad value throws before anything changes). */
  setWindowSeconds(seconds: number): boolean {
    const windowMs = refreshWindowMs(seconds);
    if (windowMs === this.windowMs) return false;
    this.windowMs = windowMs;
    return true;
  }

  /** Schedules the refresh of a freshly stored `record`. */
  scheduleFor(entry: Entry, record: TokenRecord): void {
    // Refresh `window` before expiry, but never before half the token's life: with a window longer than the
    // lifetime (a 60 s demo token, 90 s window) a fresh token would otherwise be refreshed in a tight loop.
    const halfLife = record.obtainedAt + (record.expAt - record.obtainedAt) / 2;
    const wanted = Math.max(record.expAt - this.windowMs, halfLife);
    // And never sooner than MIN_REFRESH_INTERVAL_MS after it came: half of a 1 s life is still a loop.
    const floor = record.obtainedAt + MIN_REFRESH_INTERVAL_MS;
    this.schedule(entry, Math.max(wanted, floor), floor > wanted);
  }

  /** Refreshes `entry` at `at`; `floored` says the interval floor pushed it there (and it may fall after expiry). */
  schedule(entry: Entry, at: number, floored = false): void {
    this.clear(entry);
    const now = effects().clock.now();
    const delay = Math.max(0, at - now);
    entry.refreshAt = now + delay;
    entry.refreshFloored = floored || undefined;
    const inSeconds = Math.round(delay / 1000);
    this.hooks.emit({ type: 'refresh-scheduled', key: entry.key, at: now, inSeconds });
    if (floored) {
      const ttlSeconds = entry.record ? Math.max(0, Math.round((entry.record.expAt - entry.record.obtainedAt) / 1000)) : undefined;
      this.hooks.emit({ type: 'refresh-floored', key: entry.key, at: now, inSeconds, ttlSeconds, floorSeconds: MIN_REFRESH_INTERVAL_MS / 1000 });
      effects().logger.child('cache').warn(`token lives ${ttlSeconds ?? '?'}s: proactive refresh held to one per ${MIN_REFRESH_INTERVAL_MS / 1000}s`, describe(entry));
    }
    effects().logger.child('cache').info(`proactive refresh in ${inSeconds}s`, describe(entry));
    this.arm(entry);
  }

  clear(entry: Entry): void {
    if (entry.timer !== undefined) effects().clock.clearTimeout(entry.timer);
    entry.timer = undefined;
  }

  /** Sets the timer for `entry.refreshAt`, clamped to what setTimeout can wait; an early wake-up re-arms. */
  private arm(entry: Entry): void {
    const clock = effects().clock;
    const delay = Math.min(MAX_TIMER_DELAY_MS, Math.max(0, entry.refreshAt - clock.now()));
    entry.timer = clock.setTimeout(() => {
      entry.timer = undefined;
      if (!this.hooks.isCurrent(entry) || entry.inflight || !entry.record) return;
      // An expired token waits for the next get(), unless the floor put its refresh past expiry on purpose.
      if (entry.record.expAt <= effects().clock.now() && !entry.refreshFloored) return;
      if (effects().clock.now() < entry.refreshAt) {
        this.arm(entry);
        return;
      }
      this.hooks.onDue(entry);
    }, delay);
  }
}
