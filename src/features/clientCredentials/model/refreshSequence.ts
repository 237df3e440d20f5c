// The token cache's background refreshes as diagram rows and timeline marks (they run without a Get token click).
import type { DiagramExchange } from '../../../components/SequenceDiagram';
import { markOf, type TimelineMark } from '../../../utils/timelineHistory';
import type { CacheEvent } from '../../../utils/tokenCache';

/** The refresh events worth keeping: started, landed, failed. */
export function isRefreshEvent(e: CacheEvent): boolean {
  return e.type === 'refresh-started' || e.type === 'refreshed' || e.type === 'refresh-failed';
}

/**
 * One row per background refresh: started, then answered (200, RFC 6749 §5.1) or failed with the cache's code.
 * A start with no outcome yet is in flight.
 */
export function refreshRows(events: readonly CacheEvent[], label: string): Array<{ at: number; row: DiagramExchange }> {
  const out: Array<{ at: number; row: DiagramExchange }> = [];
  const open = new Map<string, DiagramExchange>();
  for (const e of events) {
    if (e.type === 'refresh-started') {
      const row: DiagramExchange = { id: `refresh-${e.key}-${e.at}`, to: 'token', label: `${label} (proactive refresh)` };
      open.set(e.key, row);
      out.push({ at: e.at, row });
      continue;
    }
    const row = open.get(e.key);
    if (!row) continue;
    open.delete(e.key);
    if (e.type === 'refreshed') row.status = 200;
    else if (e.type === 'refresh-failed') {
      row.failed = true;
      if (e.error) row.errorCode = e.error.code;
    }
  }
  return out;
}

/** The timeline's marks: each refresh that landed or failed. */
export function refreshMarks(events: readonly CacheEvent[]): TimelineMark[] {
  return events.map(markOf).filter((m): m is TimelineMark => m !== undefined);
}
