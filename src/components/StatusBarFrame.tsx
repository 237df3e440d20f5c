// The status bar's frame: the "Token status" landmark with the provider, version and token items. StatusBar fills
// the token item with its live countdowns; the shell shows the frame with "No token" until that has loaded.
import type { ReactNode } from 'react';

/** The provider fields: its name, then environment and region, or (microauthd, Custom) the host. */
export interface StatusBarIdentity {
  /** The provider's name (Local sandbox, PingOne, microauthd, Custom), when known. */
  provider?: string | undefined;
  environmentId?: string | undefined;
  region?: string | undefined;
  /** For providers named by their server (microauthd, Custom): the host, shown instead of environment and region. */
  host?: string | undefined;
  /** The saved profile in use (issue 22), when the flow shows one. */
  profile?: string | undefined;
}

export interface StatusBarFrameProps extends StatusBarIdentity {
  version: string;
  /** The token item's value. */
  token: ReactNode;
  /** The refresh item's value, when a refresh is scheduled. */
  refresh?: ReactNode;
  /** After the items, e.g. the Sign out button. */
  actions?: ReactNode;
}

function Item({ term, value, mono }: { term: string; value: ReactNode; mono?: boolean }) {
  return (
    <div className="status-bar__item">
      <dt>{term}</dt>
      <dd className={mono ? 'mono' : undefined}>{value || '—'}</dd>
    </div>
  );
}

/** The token item when there is no token. */
export function NoToken() {
  return (
    <>
      <span className="status-dot" aria-hidden="true" />
      No token
    </>
  );
}

/** A region landmark named "Token status" (AppLayout puts it in the page footer). */
export function StatusBarFrame({ provider, environmentId, region, host, profile, version, token, refresh, actions }: StatusBarFrameProps) {
  return (
    <section className="status-bar" aria-label="Token status">
      <dl className="status-bar__items">
        {profile && <Item term="Profile" value={profile} />}
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
        <Item term="Token" value={token} />
        {refresh !== undefined && <Item term="Refresh" value={refresh} />}
      </dl>
      {actions}
    </section>
  );
}
