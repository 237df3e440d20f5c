import { describe, expect, it } from 'vitest';
import type { Clock } from '../utils/clock';
import { createTicker, getTicker } from './useNow';

function manualClock(start: number) {
  let now = start;
  const timers = new Map<number, { at: number; callback: () => void }>();
  let nextId = 1;
  const clock: Clock & { advance(ms: number): void; pending(): number } = {
    now: () => now,
    setTimeout(callback, ms) {
      const id = nextId++;
      timers.set(id, { at: now + ms, callback });
      return id;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    advance(ms) {
      const target = now + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= target).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].callback();
      }
      now = target;
    },
    pending: () => timers.size,
  };
  return clock;
}

describe('createTicker', () => {
  it('ticks once per second while subscribed and stops when the last listener leaves', () => {
    const clock = manualClock(1_000_000);
    const ticker = createTicker(clock);
    expect(clock.pending()).toBe(0);
    let calls = 0;
    const off = ticker.subscribe(() => calls++);
    expect(clock.pending()).toBe(1);
    clock.advance(3000);
    expect(calls).toBe(3);
    expect(ticker.getSnapshot()).toBe(1_003_000);
    off();
    expect(clock.pending()).toBe(0);
  });

  it('keeps the snapshot stable between ticks', () => {
    const clock = manualClock(5_000);
    const ticker = createTicker(clock);
    const off = ticker.subscribe(() => {});
    clock.advance(400);
    expect(ticker.getSnapshot()).toBe(5_000);
    expect(ticker.getSnapshot()).toBe(ticker.getSnapshot());
    off();
  });

  it('shares one ticker per clock', () => {
    const clock = manualClock(0);
    expect(getTicker(clock)).toBe(getTicker(clock));
  });
});
