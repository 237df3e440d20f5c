// The token lifetime timeline: issued → now → proactive refresh point → expiry, with refreshes marked and earlier
// tokens as faded bars. It re-renders on the shared one-second ticker (useNow), like the countdowns.
import { memo } from 'react';
import { useNow } from '../hooks/useNow';
import { formatCountdown } from '../utils/tokenLifecycle';
import type { TimelineMark } from '../utils/timelineHistory';
import { MIN_REFRESH_INTERVAL_MS } from '../utils/tokenRefreshSchedule';
import { formatOffset, fractionAt, lifetimePhase, scaleTicks, timelineWindow, type TimelineSpan, type TimelineWindow } from '../utils/timelineScale';
import './TokenTimeline.css';

export interface TokenTimelineProps {
  /**
   * The current token; `refreshAt` is the cache's proactive refresh point (epoch ms), `refreshFloored` whether the
   * cache's interval floor set it (the token lives too short for its own refresh point; it may fall after expiry).
   */
  current: TimelineSpan & { refreshAt?: number | undefined; refreshFloored?: boolean | undefined };
  /** Earlier tokens, newest first (timelineHistory.earlierTokens). */
  earlier?: readonly TimelineSpan[];
  marks?: readonly TimelineMark[];
}

const WIDTH = 640;
const PAD = 28;
const LANE = 10;
const BAR = 18;
const BLUE = '#3b82f6';
const AMBER = '#f59e0b';
const INK = '#1f2937';
const MUTED = '#4b5563';
const MARK_COLOUR = { refreshed: '#059669', 'refresh-failed': '#dc2626' } as const;

const xOf = (at: number, w: TimelineWindow) => PAD + fractionAt(at, w) * (WIDTH - 2 * PAD);

/** What the drawing says, as one sentence: the image's name and the line under it. */
export function timelineSummary(now: number, current: TokenTimelineProps['current']): string {
  const lifetime = `Lifetime ${formatOffset(Math.round((current.expAt - current.obtainedAt) / 1000) * 1000)}`;
  const refreshAt = current.refreshAt !== undefined && current.refreshAt < current.expAt ? current.refreshAt : undefined;
  const phase = lifetimePhase(now, current.expAt, refreshAt);
  // In words, not only in the drawing: why a short-lived token is refreshed less often than its life would ask.
  const floor = current.refreshFloored ? ` · refresh held to one per ${MIN_REFRESH_INTERVAL_MS / 1000} s` : '';
  if (phase === 'expired') {
    const next = current.refreshFloored && current.refreshAt !== undefined && current.refreshAt > now;
    return `${lifetime} · expired${next ? ` · next refresh in ${formatCountdown((current.refreshAt as number) - now)}` : ''}${floor}`;
  }
  const expires = `expires in ${formatCountdown(current.expAt - now)}`;
  if (phase === 'refresh-due') return `${lifetime} · proactive refresh due · ${expires}${floor}`;
  return refreshAt === undefined ? `${lifetime} · ${expires}${floor}` : `${lifetime} · proactive refresh in ${formatCountdown(refreshAt - now)} · ${expires}${floor}`;
}

function Mark({ mark, x, y }: { mark: TimelineMark; x: number; y: number }) {
  const colour = MARK_COLOUR[mark.kind];
  return (
    <g className={`tt-mark tt-mark--${mark.kind}`}>
      <circle cx={x} cy={y} r={6} fill={colour} />
      <path d={mark.kind === 'refreshed' ? `M${x - 3} ${y}l2 2.2 4-4.4` : `M${x - 2.5} ${y - 2.5}l5 5m0 -5l-5 5`} stroke="#fff" strokeWidth={1.6} fill="none" />
    </g>
  );
}

function Scale({ frame, origin, y }: { frame: TimelineWindow; origin: number; y: number }) {
  return (
    <g className="tt-scale">
      <line x1={PAD} y1={y} x2={WIDTH - PAD} y2={y} stroke="#9ca3af" />
      {scaleTicks(frame, origin).map((t) => (
        <g key={t.at}>
          <line x1={xOf(t.at, frame)} y1={y} x2={xOf(t.at, frame)} y2={y + 4} stroke="#9ca3af" />
          <text x={xOf(t.at, frame)} y={y + 16} fontSize={11} textAnchor="middle" fill={MUTED}>
            {t.label}
          </text>
        </g>
      ))}
    </g>
  );
}

function CurrentBar({ current, frame, y, now }: { current: TokenTimelineProps['current']; frame: TimelineWindow; y: number; now: number }) {
  const start = xOf(current.obtainedAt, frame);
  const end = xOf(current.expAt, frame);
  const refreshAt = current.refreshAt !== undefined && current.refreshAt < current.expAt ? current.refreshAt : undefined;
  const refresh = refreshAt === undefined ? end : xOf(refreshAt, frame);
  const nowX = xOf(now, frame);
  return (
    <g className="tt-current">
      <rect x={start} y={y} width={Math.max(0, refresh - start)} height={BAR} fill={BLUE} rx={3} />
      {refreshAt !== undefined && <rect className="tt-refresh-frame" x={refresh} y={y} width={Math.max(0, end - refresh)} height={BAR} fill={AMBER} rx={3} />}
      <rect className="tt-spent" x={start} y={y} width={Math.max(0, Math.min(nowX, end) - start)} height={BAR} fill="#ffffff" opacity={0.45} />
      <text x={start} y={y - 6} fontSize={11} fill={INK}>issued</text>
      {refreshAt !== undefined && <text x={refresh} y={y + BAR + 12} fontSize={11} textAnchor="middle" fill="#92400e">refresh</text>}
      <text x={end} y={y - 6} fontSize={11} textAnchor="end" fill={INK}>expiry</text>
      <line className="tt-now" x1={nowX} y1={y - 4} x2={nowX} y2={y + BAR + 4} stroke={INK} strokeWidth={2} />
      <text x={nowX} y={y + BAR + 24} fontSize={11} fontWeight={600} textAnchor="middle" fill={INK}>now</text>
    </g>
  );
}

/** Memoised on its props; the clock still moves it once a second through useNow. */
export const TokenTimeline = memo(function TokenTimeline({ current, earlier = [], marks = [] }: TokenTimelineProps) {
  // The shared ticker's time can be up to a second older than a token just obtained: never draw "now" before it.
  const now = Math.max(useNow(), current.obtainedAt);
  const frame = timelineWindow(current, earlier);
  const shownEarlier = earlier.filter((e) => e.expAt > frame.start);
  const barY = 22 + shownEarlier.length * LANE;
  const height = barY + BAR + 60;
  const summary = timelineSummary(now, current);
  const refreshed = marks.filter((m) => m.kind === 'refreshed').length;
  const failed = marks.length - refreshed;
  return (
    <figure className="tt-figure" aria-label="Token lifetime">
      <div className="tt-title">Token lifetime</div>
      <svg className="tt-svg" role="img" aria-label={summary} viewBox={`0 0 ${WIDTH} ${height}`} width="100%" fontFamily="Inter, system-ui, sans-serif">
        {shownEarlier.map((e, i) => (
          <rect key={e.obtainedAt} className="tt-earlier" x={xOf(e.obtainedAt, frame)} y={10 + i * LANE} width={Math.max(2, xOf(e.expAt, frame) - xOf(e.obtainedAt, frame))} height={6} rx={2} fill={BLUE} opacity={0.3} />
        ))}
        <CurrentBar current={current} frame={frame} y={barY} now={now} />
        {marks.filter((m) => m.at >= frame.start && m.at <= frame.end).map((m) => (
          <Mark key={`${m.kind}-${m.at}`} mark={m} x={xOf(m.at, frame)} y={barY + BAR / 2} />
        ))}
        <Scale frame={frame} origin={current.obtainedAt} y={barY + BAR + 30} />
      </svg>
      <figcaption className="tt-caption">
        <span>{summary}</span>
        {(marks.length > 0 || earlier.length > 0) && (
          <span className="tt-legend">
            {earlier.length > 0 && ` · ${earlier.length} earlier token${earlier.length === 1 ? '' : 's'} (faded)`}
            {refreshed > 0 && ` · refreshed ${refreshed}×`}
            {failed > 0 && ` · ${failed} failed refresh${failed === 1 ? '' : 'es'}`}
          </span>
        )}
      </figcaption>
    </figure>
  );
});
