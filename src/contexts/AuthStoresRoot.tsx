// The app's one set of auth stores, handed down from the root. The status bar and the flow read the same stores
// because the root gives both the same object, not because two providers fall back to one module default. The
// stores (the token core) are made on first use by whichever lazy chunk asks, so the shell's bundle stays small.
import { createContext, useState, type ReactNode } from 'react';
import type { AuthStores } from './authStores';

export interface AuthStoresHandle {
  /** The stores once made (synchronously), else undefined. */
  current(): AuthStores | undefined;
  /** Makes them (once) and resolves with them. */
  load(): Promise<AuthStores>;
  /**
   * Stores handed in ready-made (tests, an embedding app): set for the handle's whole life, so a reader may take them
   * without use() and still call the same hooks on every render. Undefined for stores made on first use.
   */
  readonly given?: AuthStores | undefined;
}

export const AuthStoresContext = createContext<AuthStoresHandle | null>(null);

/**
 * A promise that says it is settled: React's use() reads `status` and `value` to return the stores synchronously
 * (no fallback once they are made), instead of waiting a microtask to find out.
 * @see https://react.dev/reference/react/use
 */
type TrackedPromise<T> = Promise<T> & { status?: 'fulfilled'; value?: T };

function fulfilled(promise: TrackedPromise<AuthStores>, stores: AuthStores): AuthStores {
  promise.status = 'fulfilled';
  promise.value = stores;
  return stores;
}

/** A handle over `make`, called at most once; stores made synchronously are current at once. */
export function createAuthStoresHandle(make: () => AuthStores | Promise<AuthStores>): AuthStoresHandle {
  let made: AuthStores | undefined;
  let loading: TrackedPromise<AuthStores> | undefined;
  return {
    current: () => made,
    load() {
      if (loading) return loading;
      const out = make();
      if (out instanceof Promise) {
        const pending: TrackedPromise<AuthStores> = out.then((stores) => (made = fulfilled(pending, stores)));
        loading = pending;
      } else {
        loading = Promise.resolve(out);
        made = fulfilled(loading, out);
      }
      return loading;
    },
  };
}

/** The app's stores: sign-out reaches its other tabs over a BroadcastChannel. */
const makeAppStores = () =>
  Promise.all([import('./authStores'), import('./sessionBroadcast')]).then(([{ createAuthStores }, { createSessionBroadcast }]) =>
    createAuthStores({ broadcast: createSessionBroadcast() }),
  );

export interface AuthStoresRootProps {
  children: ReactNode;
  /** Stores made by the caller (tests); default: the app's, made on first use. */
  stores?: AuthStores;
  /** A handle made by the caller (tests that watch the stores being made); default: one over the app's stores. */
  handle?: AuthStoresHandle;
}

export function AuthStoresRoot({ children, stores, handle: given }: AuthStoresRootProps) {
  const [handle] = useState(() => {
    if (given) return given;
    if (!stores) return createAuthStoresHandle(makeAppStores);
    // Given stores are current at once and read without use() (useAuthStores): no suspended first render.
    const ready: AuthStoresHandle = { current: () => stores, load: () => Promise.resolve(stores), given: stores };
    return ready;
  });
  return <AuthStoresContext.Provider value={handle}>{children}</AuthStoresContext.Provider>;
}
