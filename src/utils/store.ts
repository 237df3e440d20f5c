// A tiny external store: one immutable snapshot, replaced by updates, read with useSyncExternalStore.
import { createListenerSet } from './listeners';

export interface Store<S> {
  getSnapshot(): S;
  subscribe(listener: () => void): () => void;
  /** Replaces the snapshot with `next(current)`; listeners hear of it only when the result is a new object. */
  update(next: (current: S) => S): void;
  /**
   * Runs `work` as one transaction: updates inside it replace the snapshot at once (reads see them), but listeners
   * hear once, after the outermost batch, and only if the snapshot changed. Each notification is a render of every
   * reader, so a start-up that makes several updates in a row costs one render instead of several.
   */
  batch<T>(work: () => T): T;
}

export function createStore<S>(initial: S): Store<S> {
  let snapshot = initial;
  const listeners = createListenerSet();
  let depth = 0;
  return {
    getSnapshot: () => snapshot,
    subscribe: listeners.subscribe,
    update(next) {
      const value = next(snapshot);
      if (Object.is(value, snapshot)) return;
      snapshot = value;
      if (depth === 0) listeners.notify();
    },
    batch(work) {
      // What the listeners last heard of: the snapshot when the outermost batch began.
      const before = snapshot;
      const outermost = depth === 0;
      depth += 1;
      try {
        return work();
      } finally {
        depth -= 1;
        if (outermost && !Object.is(before, snapshot)) listeners.notify();
      }
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
