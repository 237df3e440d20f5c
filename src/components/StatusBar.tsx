// The persistent status bar: environment, region, version and token presence with a live TTL countdown.

import type { Clock } from '../utils/clock';
import { Countdown } from './Countdown';

export interface StatusBarProps {
  environmentId?: string;
  region?: string;
  version: string;
  /** The current access token's absolute expiry, or null/undefined when there is none. */
  token?: { expAt: number } | null;
  /** Epoch ms of the next proactive refresh, if one is scheduled. */
  nextRefreshAt?: number;
  clock?: Clock;
  /** When given, a `Sign out` button purges tokens through it. */
  onSignOut?: () => void;
}

/**
 * A region landmark named "Token status" (AppLayout puts it in the page footer). Only the {@link Countdown} children tick; the bar itself renders when its
 * props change.
 */
export function StatusBar({ environmentId, region, version, token, nextRefreshAt, clock, onSignOut }: StatusBarProps) {
  return (
    <section className="status-bar" aria-label="Token status">
      <dl className="status-bar__items">
        <div className="status-bar__item">
          <dt>Environment</dt>
          <dd className="mono">{environmentId || '—'}</dd>
        </div>
        <div className="status-bar__item">
          <dt>Region</dt>
          <dd>{region || '—'}</dd>
        </div>
        <div className="status-bar__item">
          <dt>Version</dt>
          <dd>v{version}</dd>
        </div>
        <div className="status-bar__item">
          <dt>Token</dt>
          <dd>
            {token ? (
              <>
                <span className="status-dot status-dot--ok" aria-hidden="true" />
                Access token, <Countdown until={token.expAt} prefix="expires in " clock={clock} />
              </>
            ) : (
              <>
                <span className="status-dot" aria-hidden="true" />
                No token
              </>
            )}
          </dd>
        </div>
        {token && nextRefreshAt !== undefined && (
          <div className="status-bar__item">
            <dt>Refresh</dt>
            <dd>
              <Countdown until={nextRefreshAt} prefix="next refresh in " expiredText="refreshing…" clock={clock} />
            </dd>
          </div>
        )}
      </dl>
      {onSignOut && (
        <button type="button" className="btn btn--ghost-light btn--small" onClick={onSignOut}>
          Sign out
        </button>
      )}
    </section>
  );
}
