// Token history: recent token requests by fingerprint (never the token), newest first.
import { useSyncExternalStore } from 'react';
import type { TokenHistory } from '../utils/tokenHistory';
import './tokenPanels.css';

export interface TokenHistoryListProps {
  history: Pick<TokenHistory, 'subscribe' | 'getSnapshot'>;
}

function time(ms: number): string {
  return new Date(ms).toLocaleTimeString();
}

export function TokenHistoryList({ history }: TokenHistoryListProps) {
  const entries = useSyncExternalStore(history.subscribe, history.getSnapshot, history.getSnapshot);
  return (
    <section className="token-history" aria-label="Token history">
      <h3 className="panel-title">Token history</h3>
      {entries.length === 0 ? (
        <p className="tp-muted">No tokens requested in this session yet.</p>
      ) : (
        <ol className="history-list">
          {entries.map((e) => (
            <li key={e.id} className={`history-item history-${e.status}`}>
              <span aria-hidden="true">{e.status === 'success' ? '🎟️' : '⚠️'}</span>{' '}
              <time dateTime={new Date(e.obtainedAt).toISOString()}>{time(e.obtainedAt)}</time>{' '}
              {e.status === 'success' ? (
                <>
                  <code title="SHA-256 fingerprint of the token">{e.fingerprint}</code> · {e.clientId} · {e.authMethod}
                  {e.scope ? <> · <code>{e.scope}</code></> : null} · expires {time(e.expAt)}
                </>
              ) : (
                <>
                  failed <code>{e.errorCode}</code> · {e.clientId} · {e.authMethod}
                </>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
