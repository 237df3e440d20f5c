// The store's transaction: reads see every update at once, listeners hear once at the end of the outermost batch.
import { describe, expect, it } from 'vitest';
import { createStore, setSlice } from './store';

describe('createStore batch', () => {
  it('notifies once after the outermost batch, with every update already visible inside it', () => {
    const store = createStore({ a: 0, b: 0 });
    const heard: Array<{ a: number; b: number }> = [];
    store.subscribe(() => heard.push(store.getSnapshot()));
    const result = store.batch(() => {
      setSlice(store, 'a', 1);
      expect(store.getSnapshot().a).toBe(1);
      store.batch(() => setSlice(store, 'b', 2));
      setSlice(store, 'a', 3);
      return 'done';
    });
    expect(result).toBe('done');
    expect(heard).toEqual([{ a: 3, b: 2 }]);
  });

  it('does not notify for a batch that changed nothing, and notifies even when the work throws', () => {
    const store = createStore({ a: 0 });
    let heard = 0;
    store.subscribe(() => (heard += 1));
    store.batch(() => setSlice(store, 'a', 0));
    expect(heard).toBe(0);
    expect(() => store.batch(() => {
      setSlice(store, 'a', 1);
      throw new Error('boom');
    })).toThrow('boom');
    expect(heard).toBe(1);
    setSlice(store, 'a', 2);
    expect(heard).toBe(2);
  });
});
