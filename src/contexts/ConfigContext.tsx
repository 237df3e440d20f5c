// React context carrying the config store, so tests (and stories) can hand the tree their own store.

import { createContext, type ReactNode } from 'react';
import { configStore, type ConfigStore } from '../services/config/configStore';

/** Defaults to the app-wide store, so components work without a provider. */
export const ConfigStoreContext = createContext<ConfigStore>(configStore);

export interface ConfigProviderProps {
  store: ConfigStore;
  children: ReactNode;
}

export function ConfigProvider({ store, children }: ConfigProviderProps) {
  return <ConfigStoreContext value={store}>{children}</ConfigStoreContext>;
}
