import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../tests/support/virtualClock';
import { createTicker, getTicker } from './useNow';

describe('createTicker', () => {
  it('ticks once per second while subscribed and stops when the last listener leaves', () => {
    const clock = new VirtualClock(1_000_000);
    const ticker = createTicker(clock);
    expect(clock.pending).toBe(0);
    let calls = 0;
    const off = ticker.subscribe(() => calls++);
    expect(clock.pending).toBe(1);
    clock.advance(3000);
    expect(calls).toBe(3);
    expect(ticker.getSnapshot()).toBe(1_003_000);
    off();
    expect(clock.pending).toBe(0);
  });

  it('keeps the snapshot stable between ticks', () => {
    const clock = new VirtualClock(5_000);
    const ticker = createTicker(clock);
    const off = ticker.subscribe(() => {});
    clock.advance(400);
    expect(ticker.getSnapshot()).toBe(5_000);
    expect(ticker.getSnapshot()).toBe(ticker.getSnapshot());
    off();
  });

  it('shares one ticker per clock', () => {
    const clock = new VirtualClock(0);
    expect(getTicker(clock)).toBe(getTicker(clock));
  });
});
