// The log drawer's panel: the redacted entries, filters by module and level, JSON export and clear. Loaded on the
// drawer's first opening (LogDrawer.tsx), with its styles.
import { useId, useMemo, useState } from 'react';
import { useLogEntries } from '../hooks/useLogEntries';
import type { LogEntry, LogLevel, LogStore } from '../utils/logger';
import { effects } from '../utils/effects';
import { downloadFile, timestampedFileName } from './downloadFile';
import './LogDrawer.css';

const LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];
const RANK: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };
const LEVEL_LABEL: Record<LogLevel, string> = {
  debug: 'All levels',
  info: 'Info and above',
  warn: 'Warnings and errors',
  error: 'Errors only',
};

/** The log export: the redacted buffer as a JSON file. */
export function downloadJson(fileName: string, json: string): void {
  downloadFile(fileName, json, 'application/json');
}

function exportFileName(now: number): string {
  return timestampedFileName('m2m-playground-log', now, 'json');
}

function LogLine({ entry }: { entry: LogEntry }) {
  const data = entry.data === undefined ? null : JSON.stringify(entry.data);
  return (
    <li className={`log-line log-${entry.level}`}>
      <time dateTime={new Date(entry.ts).toISOString()}>{new Date(entry.ts).toLocaleTimeString()}</time>{' '}
      <span className="log-level">{entry.level.toUpperCase()}</span>{' '}
      <span className="log-tag">{`[${entry.emoji} ${entry.module}]`}</span>{' '}
      <span className="log-message">{entry.message}</span>
      {data && <> <code className="log-data">{data}</code></>}
    </li>
  );
}

interface LogFiltersProps {
  modules: readonly string[];
  module: string;
  onModuleChange: (module: string) => void;
  minLevel: LogLevel;
  onMinLevelChange: (level: LogLevel) => void;
}

function LogFilters({ modules, module, onModuleChange, minLevel, onMinLevelChange }: LogFiltersProps) {
  const moduleId = useId();
  const levelId = useId();
  return (
    <>
      <label htmlFor={moduleId}>Module</label>
      <select id={moduleId} value={module} onChange={(e) => onModuleChange(e.target.value)}>
        <option value="">All modules</option>
        {modules.map((m) => (
          <option key={m} value={m}>
            {m}
          </option>
        ))}
      </select>
      <label htmlFor={levelId}>Level</label>
      <select id={levelId} value={minLevel} onChange={(e) => onMinLevelChange(e.target.value as LogLevel)}>
        {LEVELS.map((l) => (
          <option key={l} value={l}>
            {LEVEL_LABEL[l]}
          </option>
        ))}
      </select>
    </>
  );
}

function LogEntries({ shown, total }: { shown: readonly LogEntry[]; total: number }) {
  if (shown.length === 0) return <p className="log-empty">{total === 0 ? 'Nothing logged yet.' : 'No entries match the filters.'}</p>;
  return (
    <ol className="log-list" aria-label="Log entries">
      {shown.map((e) => (
        <LogLine key={e.id} entry={e} />
      ))}
    </ol>
  );
}

export interface LogPanelProps {
  store: LogStore;
  /** Default: {@link downloadJson}. */
  download?: ((fileName: string, json: string) => void) | undefined;
}

export function LogPanel({ store, download = downloadJson }: LogPanelProps) {
  const [module, setModule] = useState('');
  const [minLevel, setMinLevel] = useState<LogLevel>('debug');
  const entries = useLogEntries(store);
  const modules = useMemo(() => [...new Set(entries.map((e) => e.module))].sort(), [entries]);
  const shown = entries.filter((e) => (module === '' || e.module === module) && RANK[e.level] >= RANK[minLevel]);

  return (
    <>
      <div className="log-toolbar">
        <LogFilters modules={modules} module={module} onModuleChange={setModule} minLevel={minLevel} onMinLevelChange={setMinLevel} />
        <span className="log-toolbar-spacer" />
        <button type="button" className="btn btn--secondary btn--small" onClick={() => download(exportFileName(effects().clock.now()), store.exportJson())}>
          Export JSON
        </button>
        <button type="button" className="btn btn--secondary btn--small" onClick={() => store.clear()}>
          Clear
        </button>
      </div>
      <LogEntries shown={shown} total={entries.length} />
    </>
  );
}
