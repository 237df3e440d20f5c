// The idle prefetch: nothing before its start signal (first paint or first interaction), then one loader per idle period, in order; a failure is skipped.
import { describe, expect, it } from 'vitest';
import { firstInteraction, prefetchWhenIdle, type IdleScheduler } from './prefetchWhenIdle';

/** Idle periods the test hands out one at a time. */
function manualIdle() {
  const waiting: (() => void)[] = [];
  const scheduler: IdleScheduler = {
    requestIdleCallback: (callback) => waiting.push(callback),
    setTimeout: () => {
      throw new Error('setTimeout is the fallback only');
    },
  };
  const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
  return {
    scheduler,
    pending: () => waiting.length,
    async runOne() {
      waiting.shift()?.();
      await settle();
    },
    settle,
  };
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('prefetchWhenIdle', () => {
  it('waits for the first paint, then runs one loader per idle period, in order', async () => {
    const idle = manualIdle();
    const painted = deferred();
    const ran: string[] = [];
    const done = prefetchWhenIdle(
      ['a', 'b', 'c'].map((name) => async () => void ran.push(name)),
      { scheduler: idle.scheduler, start: () => painted.promise },
    );
    await idle.settle();
    expect(idle.pending()).toBe(0);
    expect(ran).toEqual([]);

    painted.resolve();
    await idle.settle();
    expect(ran).toEqual([]);
    await idle.runOne();
    expect(ran).toEqual(['a']);
    await idle.runOne();
    expect(ran).toEqual(['a', 'b']);
    await idle.runOne();
    await done;
    expect(ran).toEqual(['a', 'b', 'c']);
  });

  it('goes on after a loader that fails (its user reports the failure when it imports)', async () => {
    const idle = manualIdle();
    const ran: string[] = [];
    const done = prefetchWhenIdle([() => Promise.reject(new Error('chunk missing')), async () => void ran.push('next')], {
      scheduler: idle.scheduler,
      start: () => Promise.resolve(),
    });
    await idle.settle();
    await idle.runOne();
    await idle.runOne();
    await expect(done).resolves.toBeUndefined();
    expect(ran).toEqual(['next']);
  });

  it('without requestIdleCallback (Safari), a macrotask per loader', async () => {
    const timers: (() => void)[] = [];
    const ran: string[] = [];
    const done = prefetchWhenIdle([async () => void ran.push('a')], {
      scheduler: { setTimeout: (callback) => timers.push(callback) },
      start: () => Promise.resolve(),
    });
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(ran).toEqual([]);
    timers.shift()?.();
    await done;
    expect(ran).toEqual(['a']);
  });
});

describe('firstInteraction', () => {
  const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

  it.each(['pointerdown', 'keydown', 'focusin'])('resolves on the first %s, not before', async (type) => {
    const target = new EventTarget();
    let started = false;
    void firstInteraction(target).then(() => (started = true));
    target.dispatchEvent(new Event('scroll'));
    await settle();
    expect(started).toBe(false);
    target.dispatchEvent(new Event(type));
    await settle();
    expect(started).toBe(true);
  });

  it('never resolves once its signal aborts (the page went away first)', async () => {
    const target = new EventTarget();
    const abort = new AbortController();
    let started = false;
    void firstInteraction(target, abort.signal).then(() => (started = true));
    abort.abort();
    target.dispatchEvent(new Event('pointerdown'));
    await settle();
    expect(started).toBe(false);
  });
});
