// A centred toast ("Token acquired!") that announces itself and closes after 4 s or on click.

import { useEffect, useEffectEvent } from 'react';
import { systemClock, type Clock } from '../utils/clock';

export interface ToastProps {
  message: string;
  onClose: () => void;
  variant?: 'success' | 'error' | 'info';
  /** Auto-close delay; 0 keeps it open until clicked. */
  durationMs?: number;
  clock?: Clock;
}

/** Render it only while it should show; the parent owns the message state. */
export function Toast({ message, onClose, variant = 'success', durationMs = 4000, clock = systemClock }: ToastProps) {
  // An effect event: a parent passing a new onClose each render must not restart the timer.
  const close = useEffectEvent(() => onClose());
  useEffect(() => {
    if (durationMs <= 0) return;
    // A timer is an external system; the cleanup cancels it if the toast closes or the message changes first.
    const handle = clock.setTimeout(() => close(), durationMs);
    return () => clock.clearTimeout(handle);
  }, [message, durationMs, clock]);

  return (
    <div className={`toast toast--${variant}`} role="status" aria-live="polite">
      <button type="button" className="toast__button" onClick={onClose} aria-label={`${message} (dismiss)`}>
        {message}
      </button>
    </div>
  );
}
