// M2M token context: the app's single TokenCache and its stores, token presence, save, fetch and sign-out.
import { createContext, useCallback, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { TokenRecord } from '../types/token';
import type { CacheSnapshot, CacheSnapshotEntry, TokenCacheKeyInput } from '../utils/tokenCache';
import { tokenHistory } from '../utils/tokenHistory';
import { tokenStorage } from '../utils/tokenStorage';
import { createAuthStores, type AuthStores, type SaveTokenMeta, type TokenSource } from './authStores';

export interface NewAuthContextValue {
  cache: AuthStores['cache'];
  tokenStorage: AuthStores['tokenStorage'];
  credentialManager: AuthStores['credentialManager'];
  history: AuthStores['history'];
  logger: AuthStores['logger'];
  /** A valid token for `parts` (or a key made once from them) from the cache, fetched by the token source on a miss. */
  getM2MToken(parts: TokenCacheKeyInput): Promise<TokenRecord>;
  /** Whether the cache holds a token (the status bar decides "expired" against its own clock). */
  hasToken: boolean;
  /** The most recently obtained cached token, with the key parts it was requested under. */
  currentToken: CacheSnapshotEntry | undefined;
  saveToken(record: TokenRecord, meta: SaveTokenMeta): Promise<void>;
  recordFailure: AuthStores['recordFailure'];
  /** After a successful revocation (RFC 7009): the token leaves the cache and storage. */
  revokeToken: AuthStores['revokeToken'];
  /** Epoch ms of the last revocation, until a new token is saved (the status bar says "revoked"). */
  revokedAt: number | null;
  setTokenSource(source: TokenSource | null): void;
  signOut(): Promise<void>;
  /** Increments on every sign-out; flows key their state on it so in-memory inputs are dropped too. */
  sessionEpoch: number;
}

export const NewAuthContext = createContext<NewAuthContextValue | null>(null);

let defaultStores: AuthStores | null = null;

/** The app's stores, created on first use (not at import) so tests and SSR-less tools can import freely. */
export function getDefaultAuthStores(): AuthStores {
  // The module-level token storage and history, so code outside React reads the same ones.
  defaultStores ??= createAuthStores({ tokenStorage, history: tokenHistory });
  return defaultStores;
}

function newestEntry(snapshot: CacheSnapshot): CacheSnapshotEntry | undefined {
  let newest: CacheSnapshotEntry | undefined;
  for (const entry of snapshot.entries) if (!newest || entry.record.obtainedAt > newest.record.obtainedAt) newest = entry;
  return newest;
}

export interface NewAuthProviderProps {
  children: ReactNode;
  /** Injected stores (tests); default: the app's single set. */
  stores?: AuthStores;
}

/**
 * Provides the M2M token stores. Token presence and the session epoch are read from the stores with
 * useSyncExternalStore, so two providers over the same stores (status bar, flow) always agree.
 */
export function NewAuthProvider({ children, stores: given }: NewAuthProviderProps) {
  const [stores] = useState<AuthStores>(() => given ?? getDefaultAuthStores());
  const sessionEpoch = useSyncExternalStore(stores.subscribeSession, stores.sessionEpoch, stores.sessionEpoch);
  const snapshot = useSyncExternalStore(
    useCallback((listener: () => void) => stores.cache.subscribe(listener), [stores]),
    () => stores.cache.getSnapshot(),
    () => stores.cache.getSnapshot(),
  );
  const currentToken = newestEntry(snapshot);
  const revokedAt = useSyncExternalStore(stores.subscribeRevocation, stores.revokedAt, stores.revokedAt);

  const signOut = useCallback(() => stores.signOut(), [stores]);

  const value = useMemo<NewAuthContextValue>(
    () => ({
      cache: stores.cache,
      tokenStorage: stores.tokenStorage,
      credentialManager: stores.credentialManager,
      history: stores.history,
      logger: stores.logger,
      getM2MToken: (parts) => stores.cache.get(parts),
      hasToken: currentToken !== undefined,
      currentToken,
      saveToken: (record, meta) => stores.saveToken(record, meta),
      recordFailure: (meta, errorCode) => stores.recordFailure(meta, errorCode),
      revokeToken: (parts) => stores.revokeToken(parts),
      revokedAt,
      setTokenSource: (source) => stores.setTokenSource(source),
      signOut,
      sessionEpoch,
    }),
    [stores, currentToken, signOut, sessionEpoch, revokedAt],
  );
  return <NewAuthContext.Provider value={value}>{children}</NewAuthContext.Provider>;
}
