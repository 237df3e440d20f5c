// When cached tokens refresh: the window before expiry, the half-life floor, the retry after a failure, the timers.
import type { TokenRecord } from '../types/token';
import { effects } from './effects';
import { InputError } from './errors';
import { describe, type CacheEvent, type Entry } from './tokenCacheEntry';

/**
 * The longest delay setTimeout honours (a signed 32-bit ms count, ~24.8 days); a longer one fires at once.
 * @see https://html.spec.whatwg.org/multipage/timers-and-user-prompts.html#timers
 */
export const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

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
  /** The refresh time has come: `entry` is current, holds an unexpired token and has nothing in flight. */
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
    this.schedule(entry, Math.max(record.expAt - this.windowMs, halfLife));
  }

  schedule(entry: Entry, at: number): void {
    this.clear(entry);
    const now = effects().clock.now();
    const delay = Math.max(0, at - now);
    entry.refreshAt = now + delay;
    const inSeconds = Math.round(delay / 1000);
    this.hooks.emit({ type: 'refresh-scheduled', key: entry.key, at: now, inSeconds });
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
      if (!this.hooks.isCurrent(entry) || entry.inflight) return;
      if (!entry.record || entry.record.expAt <= effects().clock.now()) return; // next get() fetches
      if (effects().clock.now() < entry.refreshAt) {
        this.arm(entry);
        return;
      }
      this.hooks.onDue(entry);
    }, delay);
  }
}
