// The banner listing configuration problems: each rejected or ignored field and the source it came from.

import type { ConfigIssue } from '../services/config/settingsText';
import './ConfigBanner.css';
import { IconWarning } from './icons/statusIcons';

export interface ConfigBannerProps {
  issues: readonly ConfigIssue[];
  /** Opens the configuration dialog, if the page offers one. */
  onShowConfiguration?: () => void;
}

/** Renders nothing when there are no issues. */
export function ConfigBanner({ issues, onShowConfiguration }: ConfigBannerProps) {
  if (issues.length === 0) return null;
  const rejected = issues.filter((i) => i.severity === 'error').length;
  return (
    <div className="config-banner info-box info-box--warning" role="alert">
      <div className="info-box__body">
        <p className="info-box__title">
          <IconWarning />{' '}
          {rejected > 0
            ? `${rejected} setting${rejected === 1 ? ' was' : 's were'} invalid — the app is using fallback values`
            : 'Some settings were ignored'}
        </p>
        <ul className="config-banner__list">
          {issues.map((issue, i) => (
            <li key={`${issue.source}:${issue.path}:${i}`}>
              <code>{issue.path}</code> from <strong>{issue.source}</strong>: {issue.message}
            </li>
          ))}
        </ul>
        {onShowConfiguration && (
          <button type="button" className="btn btn--link" onClick={onShowConfiguration}>
            Show configuration
          </button>
        )}
      </div>
    </div>
  );
}
