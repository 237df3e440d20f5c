// Coloured explanation boxes (info, success, warning, error, security) in the V3 palette.

import type { ReactNode } from 'react';

export type InfoBoxVariant = 'info' | 'success' | 'warning' | 'error' | 'security';

export interface InfoBoxProps {
  variant?: InfoBoxVariant;
  title?: ReactNode;
  /**
   * A leading icon (an inline SVG from components/icons), none by default: the colours and the title carry the
   * variant, and an emoji default would show as an empty box without an emoji font (issue 13). InfoBox is in the
   * shell's bundle, so it imports no icon itself.
   */
  icon?: ReactNode;
  children?: ReactNode;
  /** e.g. `alert` for an error that just happened; static boxes need no role. */
  role?: 'alert' | 'status' | 'note';
  className?: string;
}

/** A padded, bordered note. The icon is decorative; the title carries the meaning. */
export function InfoBox({ variant = 'info', title, icon, children, role, className }: InfoBoxProps) {
  const shownIcon = icon ?? null;
  return (
    <div className={['info-box', `info-box--${variant}`, className].filter(Boolean).join(' ')} role={role}>
      {shownIcon !== null && (
        <span className="info-box__icon" aria-hidden="true">
          {shownIcon}
        </span>
      )}
      <div className="info-box__body">
        {title && <p className="info-box__title">{title}</p>}
        {children}
      </div>
    </div>
  );
}
