// "Break it" (sandbox only): inject faults on the token endpoint, list the active ones, and clear them.
import { useId, useState } from 'react';
import { useAsyncValue } from '../../hooks/useAsyncValue';
import { clearFaults, injectFault, listFaults, type ActiveFault, type SandboxFault } from '../../services/sandboxAdmin';
import { isPlaygroundError } from '../../utils/errors';
import './BreakItPanel.css';
import { IconBurst } from '../../components/icons/objectIcons';

export interface BreakItPanelProps {
  /** The sandbox origin, e.g. http://localhost:4500 */
  sandboxUrl: string;
}

interface Preset {
  label: string;
  description: string;
  fault: SandboxFault;
}

const HTML_PAGE = '<!doctype html><html><head><title>Error</title></head><body><h1>Something went wrong</h1></body></html>';

/** The demo faults. Each is something real servers and networks do. */
export const FAULT_PRESETS: readonly Preset[] = [
  { label: '503 twice', description: 'Two 503s, then normal: two retries with backoff.', fault: { target: 'token', count: 2, status: 503 } },
  {
    label: '429 with Retry-After',
    description: 'Rate-limited once; the retry waits the 2 s the server asks for.',
    fault: { target: 'token', count: 1, status: 429, retryAfter: 2 },
  },
  { label: 'Slow response', description: 'The next answer takes 3 s.', fault: { target: 'token', count: 1, delayMs: 3000 } },
  { label: 'Dropped connection', description: 'The socket closes without an answer (a network error, retried).', fault: { target: 'token', count: 1, drop: true } },
  { label: 'Invalid JSON', description: 'HTTP 200 with a malformed JSON body: not a token response.', fault: { target: 'token', count: 1, status: 200, body: '{bad json' } },
  {
    label: 'HTML error page',
    description: 'HTTP 200 with an HTML page, as a misconfigured proxy would send.',
    fault: { target: 'token', count: 1, status: 200, body: HTML_PAGE },
  },
];

function describeFault(f: ActiveFault): string {
  const parts: string[] = [];
  if (f.drop) parts.push('dropped connection');
  if (f.status !== undefined) parts.push(`HTTP ${f.status}`);
  if (f.retryAfter !== undefined) parts.push(`Retry-After ${f.retryAfter}`);
  if (f.delayMs) parts.push(`delay ${f.delayMs} ms`);
  if (f.body !== undefined) parts.push(f.body.trimStart().startsWith('<') ? 'HTML body' : 'custom body');
  return `${f.target}: ${parts.join(', ') || 'fault'} — ${f.remaining} request${f.remaining === 1 ? '' : 's'} left`;
}

function messageOf(error: unknown): string {
  if (isPlaygroundError(error) || error instanceof Error) return error.message;
  return 'The sandbox request failed.';
}

/** The sandbox's active faults, and `run` for an action that changes them (busy, notice, error, re-list). */
function useSandboxFaults(sandboxUrl: string) {
  // Reading the sandbox's current state is synchronising with an external system (one load per sandbox URL).
  const [listed, reload] = useAsyncValue(sandboxUrl, (baseUrl) => listFaults({ baseUrl }));
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const [notice, setNotice] = useState('');

  async function run(action: () => Promise<void>, done: string) {
    setBusy(true);
    setNotice('');
    setActionError(null);
    try {
      await action();
      setNotice(done);
      reload();
    } catch (e) {
      setActionError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  const faults = listed?.status === 'fulfilled' ? listed.value : null;
  const error = actionError ?? (listed?.status === 'rejected' ? messageOf(listed.error) : null);
  return { faults, busy, error, notice, refresh: reload, run };
}

function ActiveFaultList({ faults }: { faults: readonly ActiveFault[] | null }) {
  if (faults === null) return <p className="break-it-empty">Loading…</p>;
  if (faults.length === 0) return <p className="break-it-empty">None: the token endpoint behaves normally.</p>;
  return (
    <ul aria-label="Active faults" className="break-it-faults">
      {faults.map((f, i) => (
        <li key={f.id ?? i}>{describeFault(f)}</li>
      ))}
    </ul>
  );
}

export function BreakItPanel({ sandboxUrl }: BreakItPanelProps) {
  const headingId = useId();
  const { faults, busy, error, notice, refresh, run } = useSandboxFaults(sandboxUrl);
  const opts = { baseUrl: sandboxUrl };

  return (
    <section className="break-it" aria-labelledby={headingId}>
      <h3 id={headingId} className="break-it-title">
        <IconBurst /> Break it (sandbox)
      </h3>
      <p className="break-it-hint">
        Inject a fault on the sandbox token endpoint, then press <strong>Get token</strong> and watch the attempts
        timeline: retries, backoff, Retry-After and the error card.
      </p>
      <div className="break-it-buttons">
        {FAULT_PRESETS.map((p) => (
          <button
            key={p.label}
            type="button"
            className="btn btn--secondary btn--small"
            title={p.description}
            disabled={busy}
            onClick={() => run(() => injectFault(p.fault, opts), `Armed: ${p.label}. ${p.description}`)}
          >
            {p.label}
          </button>
        ))}
        <button type="button" className="btn btn--secondary btn--small" disabled={busy} onClick={() => run(() => clearFaults(opts), 'Faults cleared.')}>
          Clear faults
        </button>
        <button type="button" className="btn btn--link btn--small" disabled={busy} onClick={refresh}>
          Refresh list
        </button>
      </div>
      <p role="status" className="break-it-notice">
        {notice}
      </p>
      {error && (
        <p role="alert" className="break-it-error">
          {error}
        </p>
      )}
      <h4 className="break-it-subtitle">Active faults</h4>
      <ActiveFaultList faults={faults} />
    </section>
  );
}
