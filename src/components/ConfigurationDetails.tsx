// The Configuration dialog's contents: any issues, every resolved setting with its source, and the reset button.

import { getConfigValue } from '../services/config/resolve';
import { CONFIG_PATHS, type ConfigPath, type Settings } from '../services/config/settings';
import type { ConfigIssue, ConfigSource } from '../services/config/settingsText';
import './ConfigurationDetails.css';

function formatValue(value: unknown): string {
  if (Array.isArray(value)) return value.length ? value.join(' ') : '(none)';
  if (value === '') return '(empty)';
  return String(value);
}

function ConfigIssues({ issues }: { issues: readonly ConfigIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <div className="info-box info-box--warning">
      <div className="info-box__body">
        <p className="info-box__title">Issues</p>
        <ul>
          {issues.map((issue, i) => (
            <li key={`${issue.source}:${issue.path}:${i}`}>
              <code>{issue.path}</code> from <strong>{issue.source}</strong>: {issue.message}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

function ConfigTable({ config, sources }: { config: Settings; sources: Record<ConfigPath, ConfigSource> }) {
  return (
    <div className="table-scroll">
      <table className="config-table">
        <caption className="visually-hidden">Resolved settings and their sources</caption>
        <thead>
          <tr>
            <th scope="col">Setting</th>
            <th scope="col">Value</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {CONFIG_PATHS.map((path) => (
            <tr key={path}>
              <th scope="row">
                <code>{path}</code>
              </th>
              <td className="mono">{formatValue(getConfigValue(config, path))}</td>
              <td>
                <span className={`source-badge source-badge--${sources[path].replace(/[^a-z]/gi, '')}`}>{sources[path]}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export interface ConfigurationDetailsProps {
  config: Settings;
  sources: Record<ConfigPath, ConfigSource>;
  issues: readonly ConfigIssue[];
  onResetLocal?: (() => void) | undefined;
}

export function ConfigurationDetails({ config, sources, issues, onResetLocal }: ConfigurationDetailsProps) {
  return (
    <>
      <ConfigIssues issues={issues} />
      <ConfigTable config={config} sources={sources} />
      {onResetLocal && (
        <div className="config-dialog__footer">
          <button type="button" className="btn btn--secondary" onClick={onResetLocal}>
            Forget settings saved in this browser
          </button>
        </div>
      )}
    </>
  );
}
