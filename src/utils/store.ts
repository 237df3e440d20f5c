// A tiny external store: one immutable snapshot, replaced by updates, read with useSyncExternalStore.
import { createListenerSet } from './listeners';

export interface Store<S> {
  getSnapshot(): S;
  subscribe(listener: () => void): () => void;
  /** Replaces the snapshot with `next(current)`; listeners hear of it only when the result is a new object. */
  update(next: (current: S) => S): void;
}

export function createStore<S>(initial: S): Store<S> {
  let snapshot = initial;
  const listeners = createListenerSet();
  return {
    getSnapshot: () => snapshot,
    subscribe: listeners.subscribe,
    update(next) {
      const value = next(snapshot);
      if (Object.is(value, snapshot)) return;
      snapshot = value;
      listeners.notify();
    },
  };
}

/** `update` for one key of an object snapshot: `patch(store, 'run', run)` (no notification when unchanged). */
export function setSlice<S extends object, K extends keyof S>(store: Store<S>, key: K, value: S[K] | ((current: S[K]) => S[K])): void {
  store.update((s) => {
    const next = typeof value === 'function' ? (value as (current: S[K]) => S[K])(s[key]) : value;
    return Object.is(next, s[key]) ? s : { ...s, [key]: next };
  });
}
