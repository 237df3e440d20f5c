// The persistent status bar: the provider in use (environment + region, or host), version, token presence with a live TTL countdown.
import { Countdown } from './Countdown';
import { NoToken, StatusBarFrame, type StatusBarIdentity } from './StatusBarFrame';
import type { ProviderIdentity } from '../config/providers';

export interface StatusBarProps extends StatusBarIdentity {
  version: string;
  /** The current access token's absolute expiry, or null/undefined when there is none. */
  token?: { expAt: number } | null;
  /** No token because the server revoked it (RFC 7009): said instead of "No token". */
  revoked?: boolean;
  /** Epoch ms of the next proactive refresh, if one is scheduled. */
  nextRefreshAt?: number | undefined;
  /** When given, a `Sign out` button purges tokens through it. */
  onSignOut?: () => void;
}

/** The bar's provider fields for a row of the provider table: its name, then environment and region, or its host. */
export function identityProps(identity: ProviderIdentity): Pick<StatusBarProps, 'provider' | 'environmentId' | 'region' | 'host'> {
  return { provider: identity.label, environmentId: identity.environmentId, region: identity.region, host: identity.host };
}

/**
 * The status bar with a token's live TTL: only the {@link Countdown} children tick; the bar itself renders when its
 * props change.
 */
export function StatusBar({ version, token, revoked, nextRefreshAt, onSignOut, ...identity }: StatusBarProps) {
  const value = token ? (
    <>
      <span className="status-dot status-dot--ok" aria-hidden="true" />
      Access token, <Countdown until={token.expAt} prefix="expires in " />
    </>
  ) : revoked ? (
    <>
      <span className="status-dot" aria-hidden="true" />
      Access token revoked
    </>
  ) : (
    <NoToken />
  );
  const refresh = token && nextRefreshAt !== undefined ? <Countdown until={nextRefreshAt} prefix="next refresh in " expiredText="refreshing…" /> : undefined;
  const signOut = onSignOut && (
    <button type="button" className="btn btn--ghost-light btn--small" onClick={onSignOut}>
      Sign out
    </button>
  );
  return <StatusBarFrame {...identity} version={version} token={value} refresh={refresh} actions={signOut} />;
}
