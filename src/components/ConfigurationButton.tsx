// The Configuration button and its dialog: every resolved setting, where it came from, and any issues. The
// dialog's contents load on first open (they are not part of the first paint).

import { Suspense, lazy, useEffect, useId, useRef, useState } from 'react';
import type { ConfigPath, Settings } from '../services/config/settings';
import type { ConfigIssue, ConfigSource } from '../services/config/settingsText';
import { Spinner } from './Spinner';

const ConfigurationDetails = lazy(() => import('./ConfigurationDetails').then((module) => ({ default: module.ConfigurationDetails })));

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
        Configuration
      </button>
      <dialog ref={dialogRef} className="config-dialog" aria-labelledby={titleId} onClose={() => open && setOpen(false)}>
        {open && (
          <div className="config-dialog__inner">
            <div className="config-dialog__header">
              <h2 id={titleId}>Configuration</h2>
              <button type="button" className="btn btn--secondary btn--small" onClick={() => setOpen(false)}>
                Close
              </button>
            </div>
            <p className="muted">
              Resolved from <code>.env</code> → <code>settings.json</code> → <code>localStorage</code> (later wins,
              field by field). Secrets never come from these files.
            </p>
            <Suspense fallback={<Spinner label="Loading the configuration…" />}>
              <ConfigurationDetails config={config} sources={sources} issues={issues} onResetLocal={onResetLocal} />
            </Suspense>
          </div>
        )}
      </dialog>
    </>
  );
}
