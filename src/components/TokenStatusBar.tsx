// The status bar wired to the token context: token presence, TTL from the absolute expiry, next refresh, sign-out.
import { useNewAuth } from '../hooks/useNewAuth';
import type { Clock } from '../utils/clock';
import { StatusBar } from './StatusBar';

export interface TokenStatusBarProps {
  version: string;
  /** Configured environment; defaults to the environment the current token was requested for. */
  environmentId?: string;
  region?: string;
  clock?: Clock;
}

/**
 * Reads the newest cached token from `useNewAuth()`. The countdown runs from the record's absolute `expAt`,
 * so after a reload (the token restored from sessionStorage) it continues instead of restarting. This component
 * re-renders only when the cache changes; the countdowns inside StatusBar tick on their own.
 */
export function TokenStatusBar({ version, environmentId, region, clock }: TokenStatusBarProps) {
  const { currentToken, signOut } = useNewAuth();
  const record = currentToken?.record ?? null;
  // A refresh time after expiry would never happen (the token is gone first), so it is not shown.
  const nextRefreshAt = currentToken && currentToken.refreshAt < currentToken.record.expAt ? currentToken.refreshAt : undefined;

  return (
    <StatusBar
      version={version}
      environmentId={environmentId || currentToken?.parts.env}
      region={region}
      token={record ? { expAt: record.expAt } : null}
      nextRefreshAt={nextRefreshAt}
      clock={clock}
      onSignOut={() => void signOut()}
    />
  );
}
