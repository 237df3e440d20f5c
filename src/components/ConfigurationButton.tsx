// The ⚙️ Configuration button and its dialog: every resolved setting, where it came from, and any issues.

import { useEffect, useId, useRef, useState } from 'react';
import { getConfigValue } from '../services/config/resolve';
import { CONFIG_PATHS, type ConfigPath, type Settings } from '../services/config/schema';
import type { ConfigIssue, ConfigSource } from '../services/config/sources';

export interface ConfigurationButtonProps {
  config: Settings;
  sources: Record<ConfigPath, ConfigSource>;
  issues: readonly ConfigIssue[];
  /** When given, the dialog offers to forget the settings saved in this browser. */
  onResetLocal?: () => void;
  /** Controlled mode (e.g. the config banner opens the same dialog); omit for uncontrolled. */
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
}

function formatValue(value: unknown): string {
  if (Array.isArray(value)) return value.length ? value.join(' ') : '(none)';
  if (value === '') return '(empty)';
  return String(value);
}

/** Opens the native dialog when `open` turns true and closes it when it turns false. */
function useDialogOpen(open: boolean) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    // Syncing React state to the dialog's imperative API, which has no declarative "modal" attribute.
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    } else if (!open && dialog.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
    }
  }, [open]);
  return dialogRef;
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

/**
 * A native modal `<dialog>` (focus trapping, Escape and top layer come from the browser). Where `showModal` is
 * missing (old browsers, jsdom) it falls back to a non-modal open dialog.
 */
export function ConfigurationButton({ config, sources, issues, onResetLocal, open: openProp, onOpenChange }: ConfigurationButtonProps) {
  const [openState, setOpenState] = useState(false);
  const open = openProp ?? openState;
  const dialogRef = useDialogOpen(open);
  const titleId = useId();

  function setOpen(next: boolean) {
    if (openProp === undefined) setOpenState(next);
    onOpenChange?.(next);
  }

  return (
    <>
      <button type="button" className="btn btn--header" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        <span aria-hidden="true">⚙️ </span>Configuration
      </button>
      <dialog ref={dialogRef} className="config-dialog" aria-labelledby={titleId} onClose={() => open && setOpen(false)}>
        {open && (
          <div className="config-dialog__inner">
            <div className="config-dialog__header">
              <h2 id={titleId}>⚙️ Configuration</h2>
              <button type="button" className="btn btn--secondary btn--small" onClick={() => setOpen(false)}>
                Close
              </button>
            </div>
            <p className="muted">
              Resolved from <code>.env</code> → <code>settings.json</code> → <code>localStorage</code> (later wins,
              field by field). Secrets never come from these files.
            </p>
            <ConfigIssues issues={issues} />
            <ConfigTable config={config} sources={sources} />
            {onResetLocal && (
              <div className="config-dialog__footer">
                <button type="button" className="btn btn--secondary" onClick={onResetLocal}>
                  Forget settings saved in this browser
                </button>
              </div>
            )}
          </div>
        )}
      </dialog>
    </>
  );
}
