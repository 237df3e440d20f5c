// The log drawer: a "Logs" toggle with the entry count; its panel (LogPanel.tsx) loads on first opening.
import { Suspense, lazy, useId, useState } from 'react';
import { useLogEntries } from '../hooks/useLogEntries';
import { logger, type LogStore } from '../utils/logger';
import { Spinner } from './Spinner';

const LogPanel = lazy(() => import('./LogPanel').then((module) => ({ default: module.LogPanel })));

export interface LogDrawerProps {
  /** The buffer to show (default: the app logger). */
  store?: LogStore;
  /** Start open (tests, demos). */
  defaultOpen?: boolean;
  /** Injected for tests; default hands the file to the browser through an object URL (LogPanel's downloadJson). */
  download?: (fileName: string, json: string) => void;
}

/**
 * A toggle button ("Logs", aria-expanded) and a panel. Entries are redacted when written, so the list, the
 * filters and the export all work on data that holds no secret. The panel stays mounted once opened (its filters
 * survive closing).
 */
export function LogDrawer({ store = logger, defaultOpen = false, download }: LogDrawerProps) {
  const [open, setOpen] = useState(defaultOpen);
  const [opened, setOpened] = useState(defaultOpen);
  const count = useLogEntries(store).length;
  const panelId = useId();

  return (
    <div className={open ? 'log-drawer is-open' : 'log-drawer'}>
      <button
        type="button"
        className="btn btn--secondary log-drawer-toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          setOpen((o) => !o);
          setOpened(true);
        }}
      >
        Logs <span className="log-count" aria-hidden="true">({count})</span>
      </button>
      <section id={panelId} className="log-drawer-panel" aria-label="Log" hidden={!open}>
        {opened && (
          <Suspense fallback={<Spinner label="Loading the log…" />}>
            <LogPanel store={store} download={download} />
          </Suspense>
        )}
      </section>
    </div>
  );
}
