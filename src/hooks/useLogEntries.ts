// React glue over the logger's ring buffer: the current (already redacted) entries, re-rendered on change.
import { useSyncExternalStore } from 'react';
import { effects } from '../utils/effects';
import { createListenerSet } from '../utils/listeners';
import { logger, type LogEntry, type LogStore } from '../utils/logger';

type Store = Pick<LogStore, 'subscribe' | 'getSnapshot'>;

/**
 * The store's notices, told to React once per task, after the task that wrote the entries, and to every reader of
 * the store in that same task (one render for the drawer and its panel). Log lines are written in the middle of the
 * work they describe (a token request writes one as its answer is validated), and a notice at once made the drawer
 * commit on its own, just before the token's own render (issue 24: click→token). One subscription per store, kept
 * as long as the store is (the app's logger lives as long as the page).
 */
function afterTheTask(store: Store): Store['subscribe'] {
  const readers = createListenerSet();
  let timer: unknown;
  store.subscribe(() => {
    timer ??= effects().clock.setTimeout(() => {
      timer = undefined;
      readers.notify();
    }, 0);
  });
  return readers.subscribe;
}

const deferred = new WeakMap<Store, Store['subscribe']>();

/** The log entries of `store` (default: the app logger), oldest first. */
export function useLogEntries(store: Store = logger): readonly LogEntry[] {
  let subscribe = deferred.get(store);
  if (!subscribe) deferred.set(store, (subscribe = afterTheTask(store)));
  return useSyncExternalStore(subscribe, store.getSnapshot, store.getSnapshot);
}
