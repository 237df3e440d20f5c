// A live mm:ss countdown: the only part of the status bar that re-renders every second.

import { useNow } from '../hooks/useNow';
import type { Clock } from '../utils/clock';

/** `65_000` → `01:05`; `3_725_000` → `1:02:05`. Rounds up, so a fresh 60 s token reads `01:00`. */
export function formatCountdown(remainingMs: number): string {
  const total = Math.max(0, Math.ceil(remainingMs / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mmss = `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
  return h > 0 ? `${h}:${mmss}` : mmss;
}

export interface CountdownProps {
  /** Epoch ms the countdown reaches zero. */
  until: number;
  /** Text before the time, e.g. `expires in `. */
  prefix?: string;
  /** Shown instead once `until` has passed. */
  expiredText?: string;
  clock?: Clock;
  className?: string;
}

/** Renders `{prefix}{mm:ss}`, ticking on the shared one-second ticker. */
export function Countdown({ until, prefix = '', expiredText = 'expired', clock, className }: CountdownProps) {
  const now = useNow(clock);
  const remaining = until - now;
  return (
    <span className={className} data-expired={remaining <= 0 || undefined}>
      {remaining <= 0 ? expiredText : `${prefix}${formatCountdown(remaining)}`}
    </span>
  );
}
