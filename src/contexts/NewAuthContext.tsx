// M2M token glue: the app's auth stores from the root (AuthStoresRoot), and small hooks that read one thing each
// from them with useSyncExternalStore — token presence, the revocation time, the session epoch, the DPoP key.
import { use, useContext, useMemo, useSyncExternalStore } from 'react';
import { PlaygroundError } from '../utils/errors';
import type { CacheSnapshotEntry } from '../utils/tokenCache';
import type { AuthStores } from './authStores';
import { AuthStoresContext } from './AuthStoresRoot';
import { tokenInUse } from './tokenInUse';

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

type TokenReaderStores = Pick<AuthStores, 'cache'> & Partial<Pick<AuthStores, 'identity' | 'dpop'>>;

/**
 * Reads the token in use from the cache, the identity store (the configuration in use) and the DPoP key (its
 * thumbprint completes a bound token's key); the same entry object comes back while none of them changed, so a
 * reader renders only when its token does.
 */
function tokenReader(stores: TokenReaderStores) {
  const { cache, identity, dpop } = stores;
  let last: { inputs: readonly unknown[]; entry: CacheSnapshotEntry | undefined } | undefined;
  return {
    subscribe(listener: () => void) {
      const offs = [cache.subscribe(listener), identity?.subscribe(listener), dpop?.subscribe(listener)];
      return () => offs.forEach((off) => off?.());
    },
    read(): CacheSnapshotEntry | undefined {
      const inputs = [cache.getSnapshot(), identity?.getSnapshot().configuration ?? null, dpop?.jkt()] as const;
      if (!last || inputs.some((input, i) => input !== last?.inputs[i])) last = { inputs, entry: tokenInUse(...inputs) };
      return last.entry;
    },
  };
}

/**
 * The cached token in use, with the key parts it was requested under (undefined: none): the token of the
 * configuration the flow shows (the active profile) once the flow has selected one, else the most recently obtained
 * token. Stores without an identity store read the most recent one.
 */
export function useCurrentToken(stores: TokenReaderStores): CacheSnapshotEntry | undefined {
  const { cache, identity, dpop } = stores;
  const reader = useMemo(() => tokenReader({ cache, identity, dpop }), [cache, identity, dpop]);
  return useSyncExternalStore(reader.subscribe, reader.read, reader.read);
}

/** Epoch ms of the last revocation, until a new token is saved (the status bar says "revoked"). */
export function useRevokedAt(stores: AuthStores): number | null {
  return useSyncExternalStore(stores.subscribeRevocation, stores.revokedAt, stores.revokedAt);
}

/** Increments on every sign-out (in this tab or another): a flow starts a new session on it. */
export function useSessionEpoch(stores: AuthStores): number {
  return useSyncExternalStore(stores.subscribeSession, stores.sessionEpoch, stores.sessionEpoch);
}
