// Which provider is in use, and which one each token came from: part of the app's auth stores, so the status bar
// and the flow read one value (no module default for two providers to agree on). Sign-out forgets it.
import type { ProviderIdentity } from '../config/providers';
import { createStore, type Store } from '../utils/store';

export interface ProviderIdentitySnapshot {
  /** The provider chosen in the flow right now (null before the flow was opened). */
  selected: ProviderIdentity | null;
  /** By token cache key: the provider the token was obtained from. */
  byToken: ReadonlyMap<string, ProviderIdentity>;
  /** The saved profile the flow shows (issue 22), null for none or an unsaved configuration. */
  profile: string | null;
}

export interface ProviderIdentityStore extends Pick<Store<ProviderIdentitySnapshot>, 'getSnapshot' | 'subscribe'> {
  select(identity: ProviderIdentity): void;
  tokenObtained(cacheKey: string, identity: ProviderIdentity): void;
  selectProfile(name: string | null): void;
  /** Sign-out: back to "nothing known". */
  forget(): void;
}

const EMPTY: ProviderIdentitySnapshot = Object.freeze({ selected: null, byToken: new Map(), profile: null });
const same = (a: ProviderIdentity | null | undefined, b: ProviderIdentity) => JSON.stringify(a) === JSON.stringify(b);

export function createProviderIdentityStore(): ProviderIdentityStore {
  const store = createStore<ProviderIdentitySnapshot>(EMPTY);
  return {
    getSnapshot: store.getSnapshot,
    subscribe: store.subscribe,
    select: (identity) => store.update((s) => (same(s.selected, identity) ? s : { ...s, selected: identity })),
    tokenObtained: (cacheKey, identity) =>
      store.update((s) => (same(s.byToken.get(cacheKey), identity) ? s : { ...s, byToken: new Map(s.byToken).set(cacheKey, identity) })),
    selectProfile: (profile) => store.update((s) => (s.profile === profile ? s : { ...s, profile })),
    forget: () => store.update(() => EMPTY),
  };
}

/** The identity to show: the token's provider when there is a token, else the flow's choice, else `fallback`. */
export function identityInUse(snap: ProviderIdentitySnapshot, tokenKey: string | undefined, fallback: ProviderIdentity): ProviderIdentity {
  return (tokenKey !== undefined ? snap.byToken.get(tokenKey) : undefined) ?? snap.selected ?? fallback;
}
