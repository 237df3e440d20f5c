// A live mm:ss countdown: the only part of the status bar that re-renders every second.

import { useNow } from '../hooks/useNow';
import { formatCountdown } from '../utils/tokenLifecycle';

export interface CountdownProps {
  /** Epoch ms the countdown reaches zero. */
  until: number;
  /** Text before the time, e.g. `expires in `. */
  prefix?: string;
  /** Shown instead once `until` has passed. */
  expiredText?: string;
  className?: string;
}

/** Renders `{prefix}{mm:ss}`, ticking on the shared one-second ticker. */
export function Countdown({ until, prefix = '', expiredText = 'expired', className }: CountdownProps) {
  const now = useNow();
  const remaining = until - now;
  return (
    <span className={className} data-expired={remaining <= 0 || undefined}>
      {remaining <= 0 ? expiredText : `${prefix}${formatCountdown(remaining)}`}
    </span>
  );
}
