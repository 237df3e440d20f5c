// The status bar wired to the token context: the provider in use, token presence, TTL from the absolute expiry, next refresh, sign-out.
import type { ProviderIdentity } from '../config/providers';
import { useNewAuth } from '../hooks/useNewAuth';
import { identityProps, StatusBar } from './StatusBar';

export interface TokenStatusBarProps {
  version: string;
  /** The provider in use, from the provider table; without it the bar shows the environment the token was requested for. */
  identity?: ProviderIdentity | undefined;
  environmentId?: string | undefined;
  region?: string | undefined;
}

/**
 * Reads the newest cached token from `useNewAuth()`. The countdown runs from the record's absolute `expAt`,
 * so after a reload (the token restored from sessionStorage) it continues instead of restarting. This component
 * re-renders only when the cache changes; the countdowns inside StatusBar tick on their own.
 */
export function TokenStatusBar({ version, identity, environmentId, region }: TokenStatusBarProps) {
  const { currentToken, signOut, revokedAt } = useNewAuth();
  const record = currentToken?.record ?? null;
  // A refresh time after expiry would never happen (the token is gone first), so it is not shown.
  const nextRefreshAt = currentToken && currentToken.refreshAt < currentToken.record.expAt ? currentToken.refreshAt : undefined;
  const location = identity ? identityProps(identity) : { environmentId: environmentId || currentToken?.parts.env, region };

  return (
    <StatusBar
      {...location}
      version={version}
      token={record ? { expAt: record.expAt } : null}
      revoked={!record && revokedAt !== null}
      nextRefreshAt={nextRefreshAt}
      onSignOut={() => void signOut()}
    />
  );
}
