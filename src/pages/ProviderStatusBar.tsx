// The status bar wired to the token stores and the provider table. Loaded after the first paint (routes.tsx), so
// the token core and the provider table are not in the initial bundle; its own NewAuthProvider reads the same
// default stores as the flow's.
import { useSyncExternalStore } from 'react';
import { APP_VERSION } from '../components/AppLayout';
import { TokenStatusBar } from '../components/TokenStatusBar';
import { configuredIdentity } from '../config/providers';
import { NewAuthProvider } from '../contexts/NewAuthContext';
import { identityInUse, providerInUse } from '../features/clientCredentials/model/providerInUse';
import { useConfig } from '../hooks/useConfig';
import { useNewAuth } from '../hooks/useNewAuth';

/**
 * Names the provider actually in use: the one the current token came from, else the one chosen in the flow, else
 * the configured one — each described by its row in the provider table.
 */
function ProviderInUseStatusBar() {
  const { provider } = useConfig().config;
  const { currentToken } = useNewAuth();
  const inUse = useSyncExternalStore(providerInUse.subscribe, providerInUse.getSnapshot, providerInUse.getSnapshot);
  const configured = configuredIdentity(provider);
  return <TokenStatusBar identity={identityInUse(inUse, currentToken?.key, configured)} version={APP_VERSION} />;
}

export function ProviderStatusBar() {
  return (
    <NewAuthProvider>
      <ProviderInUseStatusBar />
    </NewAuthProvider>
  );
}
