// A shared one-second ticker read with useSyncExternalStore: only components that show time re-render each second.

import { useSyncExternalStore } from 'react';
import type { Clock } from '../utils/clock';
import { effects } from '../utils/effects';

/** An external store whose snapshot is "now" (epoch ms), updated once per interval while anyone listens. */
export interface Ticker {
  subscribe(listener: () => void): () => void;
  getSnapshot(): number;
}

/**
 * Creates a ticker on a clock. It runs only while it has subscribers, so an idle page schedules no timers.
 * The snapshot is stable between ticks, as useSyncExternalStore requires.
 */
export function createTicker(clock: Clock, intervalMs = 1000): Ticker {
  const listeners = new Set<() => void>();
  let now = clock.now();
  let handle: unknown;

  function tick() {
    now = clock.now();
    for (const listener of [...listeners]) listener();
    handle = clock.setTimeout(tick, intervalMs);
  }

  return {
    subscribe(listener) {
      listeners.add(listener);
      if (listeners.size === 1) {
        now = clock.now();
        handle = clock.setTimeout(tick, intervalMs);
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          clock.clearTimeout(handle);
          handle = undefined;
        }
      };
    },
    getSnapshot() {
      // While idle, refresh lazily — but at most once per interval, so two reads in one render agree.
      if (handle === undefined) {
        const current = clock.now();
        if (current - now >= intervalMs || current < now) now = current;
      }
      return now;
    },
  };
}

const tickers = new WeakMap<Clock, Ticker>();

/** One ticker per clock, shared by every countdown on the page. */
export function getTicker(clock: Clock): Ticker {
  let ticker = tickers.get(clock);
  if (!ticker) {
    ticker = createTicker(clock);
    tickers.set(clock, ticker);
  }
  return ticker;
}

/** The current time on `effects().clock`, re-rendering the calling component once per second. */
export function useNow(): number {
  const ticker = getTicker(effects().clock);
  return useSyncExternalStore(ticker.subscribe, ticker.getSnapshot, ticker.getSnapshot);
}
