// The persistent status bar: the provider in use (environment + region, or host), version, token presence with a live TTL countdown.
import { Countdown } from './Countdown';
import type { ProviderIdentity } from '../config/providers';

export interface StatusBarProps {
  /** The provider's name (Local sandbox, PingOne, microauthd, Custom), when known. */
  provider?: string | undefined;
  environmentId?: string | undefined;
  region?: string | undefined;
  /** For providers named by their server (microauthd, Custom): the host, shown instead of environment and region. */
  host?: string | undefined;
  version: string;
  /** The current access token's absolute expiry, or null/undefined when there is none. */
  token?: { expAt: number } | null;
  /** Epoch ms of the next proactive refresh, if one is scheduled. */
  nextRefreshAt?: number | undefined;
  /** When given, a `Sign out` button purges tokens through it. */
  onSignOut?: () => void;
}

/** The bar's provider fields for a row of the provider table: its name, then environment and region, or its host. */
export function identityProps(identity: ProviderIdentity): Pick<StatusBarProps, 'provider' | 'environmentId' | 'region' | 'host'> {
  return { provider: identity.label, environmentId: identity.environmentId, region: identity.region, host: identity.host };
}

function Item({ term, value, mono }: { term: string; value: string | undefined; mono?: boolean }) {
  return (
    <div className="status-bar__item">
      <dt>{term}</dt>
      <dd className={mono ? 'mono' : undefined}>{value || '—'}</dd>
    </div>
  );
}

/**
 * A region landmark named "Token status" (AppLayout puts it in the page footer). Only the {@link Countdown}
 * children tick; the bar itself renders when its props change.
 */
export function StatusBar({ provider, environmentId, region, host, version, token, nextRefreshAt, onSignOut }: StatusBarProps) {
  return (
    <section className="status-bar" aria-label="Token status">
      <dl className="status-bar__items">
        {provider && <Item term="Provider" value={provider} />}
        {host !== undefined ? (
          <Item term="Host" value={host} mono />
        ) : (
          <>
            <Item term="Environment" value={environmentId} mono />
            <Item term="Region" value={region} />
          </>
        )}
        <Item term="Version" value={`v${version}`} />
        <div className="status-bar__item">
          <dt>Token</dt>
          <dd>
            {token ? (
              <>
                <span className="status-dot status-dot--ok" aria-hidden="true" />
                Access token, <Countdown until={token.expAt} prefix="expires in " />
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
              <Countdown until={nextRefreshAt} prefix="next refresh in " expiredText="refreshing…" />
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
