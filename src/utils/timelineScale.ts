// The token lifetime timeline's arithmetic: the time window, positions in it, and a scale that reads at 20 s or 24 h.

/** A token's life on the timeline: when it was obtained and when it expires (epoch ms). */
export interface TimelineSpan {
  obtainedAt: number;
  expAt: number;
}

export interface TimelineWindow {
  start: number;
  end: number;
}

/** How far back earlier tokens are drawn: one lifetime of the current token, so the scale stays the current one's. */
const LOOKBACK_LIFETIMES = 1;

/**
 * The window drawn: the current token's life, widened to the left to show earlier tokens that overlap the last
 * lifetime before it (a proactive refresh replaces a token before it expires: the two bars overlap).
 */
export function timelineWindow(current: TimelineSpan, earlier: readonly TimelineSpan[]): TimelineWindow {
  const lifetime = Math.max(1000, current.expAt - current.obtainedAt);
  const floor = current.obtainedAt - LOOKBACK_LIFETIMES * lifetime;
  let start = current.obtainedAt;
  for (const e of earlier) {
    if (e.expAt > floor && e.obtainedAt < current.obtainedAt) start = Math.min(start, Math.max(floor, e.obtainedAt));
  }
  return { start, end: Math.max(current.expAt, start + 1000) };
}

/** Where `at` sits in the window, 0 (left) … 1 (right), clamped: a time outside is pinned to the edge. */
export function fractionAt(at: number, window: TimelineWindow): number {
  const span = window.end - window.start;
  if (!Number.isFinite(at) || span <= 0) return 0;
  return Math.min(1, Math.max(0, (at - window.start) / span));
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Steps a person counts in: 1 2 5 10 15 30 s, 1 2 5 10 15 30 min, 1 2 3 6 12 h, 1 d … */
const STEPS = [
  SECOND, 2 * SECOND, 5 * SECOND, 10 * SECOND, 15 * SECOND, 30 * SECOND,
  MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE,
  HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY,
];

/** The smallest readable step that puts at most `maxTicks` intervals on `spanMs`. */
export function scaleStep(spanMs: number, maxTicks = 6): number {
  const wanted = spanMs / Math.max(1, maxTicks);
  return STEPS.find((s) => s >= wanted) ?? Math.ceil(wanted / DAY) * DAY;
}

/** An offset from the token's issue in the largest whole unit: `0`, `5 s`, `15 min`, `6 h`, `24 h`, `2 d`, `−20 s`. */
export function formatOffset(ms: number): string {
  if (ms === 0) return '0';
  const sign = ms < 0 ? '−' : '';
  const abs = Math.abs(ms);
  // Days only from two on: `24 h` reads better than `1 d` next to `18 h`.
  if (abs >= 2 * DAY && abs % DAY === 0) return `${sign}${abs / DAY} d`;
  if (abs % HOUR === 0) return `${sign}${abs / HOUR} h`;
  if (abs % MINUTE === 0) return `${sign}${abs / MINUTE} min`;
  return `${sign}${Math.round(abs / SECOND)} s`;
}

export interface ScaleTick {
  at: number;
  fraction: number;
  label: string;
}

/**
 * Ticks at whole steps from the current token's issue (`origin`), across the window: a 20 s token reads
 * `0 · 5 s · 10 s · 15 s · 20 s`, a 24 h token `0 · 6 h · 12 h · 18 h · 24 h`; earlier tokens sit at negative offsets.
 */
export function scaleTicks(window: TimelineWindow, origin: number, maxTicks = 6): ScaleTick[] {
  const step = scaleStep(window.end - window.start, maxTicks);
  const first = Math.ceil((window.start - origin) / step);
  const last = Math.floor((window.end - origin) / step);
  const ticks: ScaleTick[] = [];
  for (let k = first; k <= last; k++) {
    const at = origin + k * step;
    ticks.push({ at, fraction: fractionAt(at, window), label: formatOffset(k * step) });
  }
  return ticks;
}

export type LifetimePhase = 'valid' | 'refresh-due' | 'expired';

/** Before the proactive refresh point, inside the refresh window, or past expiry. */
export function lifetimePhase(now: number, expAt: number, refreshAt: number | undefined): LifetimePhase {
  if (now >= expAt) return 'expired';
  if (refreshAt !== undefined && refreshAt < expAt && now >= refreshAt) return 'refresh-due';
  return 'valid';
}
