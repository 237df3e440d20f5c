// afterFirstPaint hands each waiter its own task, so work started after the paint never piles into one long task.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterFirstPaint } from './afterFirstPaint';

describe('afterFirstPaint', () => {
  afterEach(() => vi.useRealTimers());

  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('resolves each waiter in a task of its own once the first contentful paint is reported', async () => {
    // The browser reports the paint entry to every observer in one task (Performance Timeline's queued task).
    const observers: Array<(list: { getEntriesByName: (name: string) => unknown[] }) => void> = [];
    class FakeObserver {
      static readonly supportedEntryTypes = ['paint'];
      constructor(private readonly callback: (typeof observers)[number]) {}
      observe() {
        observers.push(this.callback);
      }
      disconnect() {}
    }
    vi.stubGlobal('PerformanceObserver', FakeObserver);
    vi.spyOn(performance, 'getEntriesByName').mockReturnValue([]);
    const resolved: string[] = [];
    let whenFirstWentOn: string[] = [];
    const first = afterFirstPaint().then(() => {
      resolved.push('first');
      // Runs once every microtask queued so far has run: a waiter resolved in the same task would be in by then.
      queueMicrotask(() => (whenFirstWentOn = [...resolved]));
    });
    const second = afterFirstPaint().then(() => resolved.push('second'));
    const paint = { getEntriesByName: (name: string) => (name === 'first-contentful-paint' ? [{}] : []) };
    for (const observer of observers) observer(paint);
    await Promise.all([first, second]);
    expect(observers).toHaveLength(2);
    expect(whenFirstWentOn).toEqual(['first']);
    expect(resolved).toEqual(['first', 'second']);
  });

  it('goes on after a second at the latest, once', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    vi.stubGlobal('requestAnimationFrame', () => 0);
    const waiter = vi.fn();
    void afterFirstPaint().then(waiter);
    await vi.advanceTimersByTimeAsync(999);
    expect(waiter).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(10);
    expect(waiter).toHaveBeenCalledTimes(1);
  });
});
