// Earlier tokens and refresh marks for the lifetime timeline, from the token history and the cache's events.
import type { TokenHistoryEntry } from './tokenHistory';
import type { TimelineSpan } from './timelineScale';

export type TimelineMarkKind = 'refreshed' | 'refresh-failed';

export interface TimelineMark {
  at: number;
  kind: TimelineMarkKind;
}

/** How many earlier tokens are drawn as faded bars. */
export const EARLIER_TOKENS_SHOWN = 3;

/**
 * The tokens obtained before the current one (newest first in the history), as spans: only successes, only
 * before `current`, at most {@link EARLIER_TOKENS_SHOWN}. The history keeps fingerprints, never tokens.
 */
export function earlierTokens(history: readonly TokenHistoryEntry[], current: TimelineSpan, limit = EARLIER_TOKENS_SHOWN): TimelineSpan[] {
  const out: TimelineSpan[] = [];
  for (const e of history) {
    if (e.status !== 'success' || e.obtainedAt >= current.obtainedAt) continue;
    out.push({ obtainedAt: e.obtainedAt, expAt: e.expAt });
    if (out.length >= limit) break;
  }
  return out;
}

/** Cache events as marks: a background refresh that landed or failed (the cache's `refreshed`/`refresh-failed`). */
export function markOf(event: { type: string; at: number }): TimelineMark | undefined {
  if (event.type === 'refreshed') return { at: event.at, kind: 'refreshed' };
  if (event.type === 'refresh-failed') return { at: event.at, kind: 'refresh-failed' };
  return undefined;
}
