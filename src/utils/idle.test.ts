// nextTask: what comes after it runs in a task of its own, not in the microtasks of the task that awaited it.
import { describe, expect, it } from 'vitest';
import { nextTask } from './idle';

describe('nextTask', () => {
  it('resolves after the microtasks queued behind it: a later task, not a microtask of this one', async () => {
    const order: string[] = [];
    const next = nextTask().then(() => order.push('next task'));
    queueMicrotask(() => order.push('microtask'));
    void Promise.resolve().then(() => Promise.resolve()).then(() => order.push('chained microtasks'));
    await next;
    expect(order).toEqual(['microtask', 'chained microtasks', 'next task']);
  });
});
