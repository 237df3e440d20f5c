// React glue over the logger's ring buffer: the current (already redacted) entries, re-rendered on change.
import { useSyncExternalStore } from 'react';
import { logger, type LogEntry, type LogStore } from '../utils/logger';

/** The log entries of `store` (default: the app logger), oldest first. */
export function useLogEntries(store: Pick<LogStore, 'subscribe' | 'getSnapshot'> = logger): readonly LogEntry[] {
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
}
