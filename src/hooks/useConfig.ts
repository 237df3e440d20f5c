// Hooks over the config store: the resolved config (with sources and issues) and the store's actions.

import { use, useSyncExternalStore } from 'react';
import { ConfigStoreContext } from '../contexts/ConfigContext';
import type { ConfigSnapshot, ConfigStore } from '../services/config/configStore';

/** The store itself, for its actions (updateLocal, resetLocal, setTyped). */
export function useConfigStore(): ConfigStore {
  return use(ConfigStoreContext);
}

/** The current resolved configuration; re-renders when any layer changes. */
export function useConfig(): ConfigSnapshot {
  const store = useConfigStore();
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
}

/**
 * Whether to offer the Client Credentials flow (nav item, home link). While the configuration is still loading the
 * answer is yes: the flag is on wherever the flow is deployed, and offering it first keeps the header and home page
 * from shifting when the settings arrive. The route itself waits for the resolved flag.
 */
export function useClientCredentialsOffered(): boolean {
  const { status, config } = useConfig();
  return status !== 'ready' || config.oauth.clientCredentials.enabled;
}
