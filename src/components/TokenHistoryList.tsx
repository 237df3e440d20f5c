// Token history: recent token requests by fingerprint (never the token), newest first.
import { memo, useSyncExternalStore } from 'react';
import type { TokenHistory, TokenHistoryEntry } from '../utils/tokenHistory';
import { formatLocalTime } from './localTime';
import './tokenPanels.css';
import { IconTicket } from './icons/objectIcons';
import { IconWarning } from './icons/statusIcons';

export interface TokenHistoryListProps {
  history: Pick<TokenHistory, 'subscribe' | 'getSnapshot'>;
}

/** One entry; entries are immutable, so a row renders once. */
const HistoryItem = memo(function HistoryItem({ entry: e }: { entry: TokenHistoryEntry }) {
  return (
    <li className={`history-item history-${e.status}`}>
      {e.status === 'success' ? <IconTicket /> : <IconWarning />}{' '}
      <time dateTime={new Date(e.obtainedAt).toISOString()}>{formatLocalTime(e.obtainedAt)}</time>{' '}
      {e.status === 'success' ? (
        <>
          <code title="SHA-256 fingerprint of the token">{e.fingerprint}</code> · {e.clientId} · {e.authMethod}
          {e.scope ? <> · <code>{e.scope}</code></> : null} · expires {formatLocalTime(e.expAt)}
        </>
      ) : (
        <>
          failed <code>{e.errorCode}</code> · {e.clientId} · {e.authMethod}
        </>
      )}
    </li>
  );
});

/** Memoised: it renders when the history changes, not whenever the step around it does. */
export const TokenHistoryList = memo(function TokenHistoryList({ history }: TokenHistoryListProps) {
  const entries = useSyncExternalStore(history.subscribe, history.getSnapshot, history.getSnapshot);
  return (
    <section className="token-history" aria-label="Token history">
      <h3 className="panel-title">Token history</h3>
      {entries.length === 0 ? (
        <p className="tp-muted">No tokens requested in this session yet.</p>
      ) : (
        <ol className="history-list">
          {entries.map((e) => (
            <HistoryItem key={e.id} entry={e} />
          ))}
        </ol>
      )}
    </section>
  );
});
