// The one SVG frame every icon draws in: 1em square, currentColor strokes, hidden from assistive tech by default.
import type { ReactNode } from 'react';

export interface IconProps {
  /** Gives the icon a name (role="img" with a <title>); without it the icon is decorative and aria-hidden. */
  title?: string;
  className?: string;
}

/**
 * Inline SVG instead of emoji: a machine without an emoji font (stock Debian Chromium) shows empty boxes for 🔐 or
 * ✅, but draws paths the same everywhere. Sized in em so an icon follows the text it sits in.
 */
export function Icon({ name, title, className, children }: IconProps & { name: string; children: ReactNode }) {
  return (
    <svg
      className={['icon', className].filter(Boolean).join(' ')}
      data-icon={name}
      width="1em"
      height="1em"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      focusable="false"
      aria-hidden={title ? undefined : true}
      role={title ? 'img' : undefined}
      style={{ verticalAlign: '-0.125em', flexShrink: 0 }}
    >
      {title && <title>{title}</title>}
      {children}
    </svg>
  );
}
