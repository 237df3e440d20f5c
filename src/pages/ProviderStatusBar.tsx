// The status bar, the one component that reads the auth stores for it: the provider in use, token presence, the TTL
// from the absolute expiry, the next refresh, and Sign out. Loaded after the first paint (routes.tsx), so the token
// core and the provider table are not in the initial bundle.
import { useSyncExternalStore } from 'react';
import { APP_VERSION } from '../components/AppLayout';
import { identityProps, StatusBar } from '../components/StatusBar';
import { configuredIdentity } from '../config/providers';
import { useAuthStores, useCurrentToken, useRevokedAt } from '../contexts/NewAuthContext';
import { identityInUse } from '../contexts/providerIdentity';
import { useConfig } from '../hooks/useConfig';

/**
 * Names the provider actually in use: the one the current token came from, else the one chosen in the flow, else
 * the configured one — each described by its row in the provider table. The countdown runs from the record's
 * absolute `expAt`, so after a reload it continues instead of restarting; only the countdowns tick every second.
 */
export function ProviderStatusBar() {
  const stores = useAuthStores();
  const { provider } = useConfig().config;
  const currentToken = useCurrentToken(stores);
  const revokedAt = useRevokedAt(stores);
  const inUse = useSyncExternalStore(stores.identity.subscribe, stores.identity.getSnapshot, stores.identity.getSnapshot);
  const identity = identityInUse(inUse, currentToken?.key, configuredIdentity(provider));
  const record = currentToken?.record ?? null;
  // A refresh time after expiry would never happen (the token is gone first), so it is not shown.
  const nextRefreshAt = currentToken && currentToken.refreshAt < currentToken.record.expAt ? currentToken.refreshAt : undefined;
  return (
    <StatusBar
      {...identityProps(identity)}
      profile={inUse.profile ?? undefined}
      version={APP_VERSION}
      token={record ? { expAt: record.expAt } : null}
      revoked={!record && revokedAt !== null}
      nextRefreshAt={nextRefreshAt}
      onSignOut={() => void stores.signOut()}
    />
  );
}
