// M2M token glue: the app's auth stores from the root (AuthStoresRoot), and small hooks that read one thing each
// from them with useSyncExternalStore — token presence, the revocation time, the session epoch, the DPoP key.
import { use, useCallback, useContext, useSyncExternalStore } from 'react';
import { PlaygroundError } from '../utils/errors';
import type { CacheSnapshot, CacheSnapshotEntry } from '../utils/tokenCache';
import type { AuthStores } from './authStores';
import { AuthStoresContext } from './AuthStoresRoot';

/**
 * The app's stores; suspends until the root has made them (the first lazy chunk to ask makes them). Stores made on
 * first use are always read through use(), never skipped once made: a reader React replays after waiting on them must
 * call use() again, or its later hooks fail (React error 520, seen on the flow page's load when the status bar
 * waited). Stores handed in ready-made are there for the handle's whole life, so reading them without use() is the
 * same on every render; and inside act() (tests) any use() makes React finish the render asynchronously.
 * @see https://react.dev/warnings/conditional-use-of-use
 */
export function useAuthStores(): AuthStores {
  const handle = useContext(AuthStoresContext);
  if (!handle) throw new PlaygroundError('UNEXPECTED', 'useAuthStores must be used inside <AuthStoresRoot>.');
  return handle.given ?? use(handle.load());
}

function newestEntry(snapshot: CacheSnapshot): CacheSnapshotEntry | undefined {
  let newest: CacheSnapshotEntry | undefined;
  for (const entry of snapshot.entries) if (!newest || entry.record.obtainedAt > newest.record.obtainedAt) newest = entry;
  return newest;
}

/** The most recently obtained cached token, with the key parts it was requested under (undefined: no token). */
export function useCurrentToken(stores: Pick<AuthStores, 'cache'>): CacheSnapshotEntry | undefined {
  const { cache } = stores;
  const subscribe = useCallback((listener: () => void) => cache.subscribe(listener), [cache]);
  const read = () => cache.getSnapshot();
  const snapshot = useSyncExternalStore(subscribe, read, read);
  return newestEntry(snapshot);
}

/** Epoch ms of the last revocation, until a new token is saved (the status bar says "revoked"). */
export function useRevokedAt(stores: AuthStores): number | null {
  return useSyncExternalStore(stores.subscribeRevocation, stores.revokedAt, stores.revokedAt);
}

/** Increments on every sign-out (in this tab or another): a flow starts a new session on it. */
export function useSessionEpoch(stores: AuthStores): number {
  return useSyncExternalStore(stores.subscribeSession, stores.sessionEpoch, stores.sessionEpoch);
}
