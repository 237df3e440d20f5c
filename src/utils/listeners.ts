// A set of change listeners, in the shape useSyncExternalStore subscribes with.

export interface ListenerSet {
  /** Adds `listener`; the returned function removes it. */
  subscribe(listener: () => void): () => void;
  /** Calls every listener subscribed when the call starts (one that subscribes meanwhile waits for the next). */
  notify(): void;
}

export function createListenerSet(): ListenerSet {
  const listeners = new Set<() => void>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    notify() {
      for (const listener of [...listeners]) listener();
    },
  };
}
