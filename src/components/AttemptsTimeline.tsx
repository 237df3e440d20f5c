// The attempts timeline: each try of the token request, its outcome and timing, and the wait before the next.
import { memo, type ReactNode } from 'react';
import type { AttemptInfo } from '../utils/oauth/retry';
import './tokenPanels.css';
import { IconFail, IconPass, IconRetry } from './icons/statusIcons';

export interface AttemptsTimelineProps {
  attempts: readonly AttemptInfo[];
}

/** `850 ms`, `1.2 s`, `12 s`. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '0 ms';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  return `${s < 10 ? s.toFixed(1).replace(/\.0$/, '') : Math.round(s)} s`;
}

const OUTCOME: Record<AttemptInfo['outcome'], { icon: ReactNode; text: string }> = {
  success: { icon: <IconPass />, text: 'succeeded' },
  retry: { icon: <IconRetry />, text: 'will retry' },
  failed: { icon: <IconFail />, text: 'failed' },
};

function result(a: AttemptInfo): string {
  if (a.status !== undefined) return `HTTP ${a.status}`;
  return a.code ?? 'no response';
}

function waited(a: AttemptInfo): string | null {
  if (a.outcome !== 'retry' || a.delayMs === undefined) return null;
  // Only claim Retry-After when the attempt says so; an unlabelled wait is the jittered backoff or unknown.
  const cause = a.retryAfterMs !== undefined ? ' (Retry-After)' : '';
  return `waited ${formatMs(a.delayMs)}${cause}`;
}

/** An ordered list, so assistive tech announces "1 of 3". Shows nothing until the first attempt starts. */
export const AttemptsTimeline = memo(function AttemptsTimeline({ attempts }: AttemptsTimelineProps) {
  if (attempts.length === 0) return null;
  return (
    <ol className="attempts-timeline" aria-label="Attempts">
      {attempts.map((a) => {
        const outcome = OUTCOME[a.outcome];
        const wait = waited(a);
        return (
          <li key={a.attempt} className={`attempt attempt-${a.outcome}`}>
            <span className="attempt-icon" aria-hidden="true">
              {outcome.icon}
            </span>
            <span className="attempt-title">Attempt {a.attempt}</span>
            <span className="attempt-result">{result(a)}</span>
            {(a.oauthError ?? a.code) && a.status !== undefined && <span className="attempt-code">{a.oauthError ?? a.code}</span>}
            <span className="attempt-duration">{formatMs(a.durationMs)}</span>
            <span className="attempt-outcome">{outcome.text}</span>
            {wait && <span className="attempt-wait">{wait}</span>}
          </li>
        );
      })}
    </ol>
  );
});
