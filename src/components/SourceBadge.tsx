// A small badge saying where a configuration value came from (.env, settings.json, localStorage, typed, …).
import './formControls.css';

/** Where a field's current value came from. */
export type ValueSource = '.env' | 'settings.json' | 'localStorage' | 'typed' | 'sandbox' | 'discovery' | 'share link' | 'default';

const LABELS: Record<string, string> = {
  '.env': '.env',
  env: '.env',
  'settings.json': 'settings.json',
  settings: 'settings.json',
  localStorage: 'localStorage',
  typed: 'typed',
  sandbox: 'sandbox',
  discovery: 'discovery',
  'share link': 'share link',
  default: 'default',
};

export interface SourceBadgeProps {
  source?: string | undefined;
}

/** Kept outside the field's <label> so the label's accessible name stays exact. */
export function SourceBadge({ source }: SourceBadgeProps) {
  if (!source || source === 'default') return null;
  const label = LABELS[source] ?? source;
  return (
    <span className={`source-badge source-badge--${label.replace(/[^a-z]/gi, '')}`} title={`This value came from ${label}`}>
      from {label}
    </span>
  );
}
