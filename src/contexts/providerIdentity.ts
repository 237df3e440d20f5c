// Which provider and configuration are in use, and which provider each token came from: part of the app's auth
// stores, so the status bar and the flow read one value (no module default for two providers to agree on).
// Sign-out forgets it.
import type { ProviderIdentity } from '../config/providers';
import type { TokenCacheKeyParts } from '../types/token';
import { createStore, type Store } from '../utils/store';
import { normaliseCacheKeyParts } from '../utils/tokenCacheKey';

/**
 * The token request the flow's form would make: its cache key parts without a DPoP thumbprint (the key may not be
 * loaded yet when the form is shown), and whether the token is bound with DPoP (then the key's thumbprint completes
 * the cache key, RFC 9449 §7.1).
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-7.1
 */
export interface ConfigurationInUse {
  parts: Readonly<TokenCacheKeyParts>;
  dpop: boolean;
}

export interface ProviderIdentitySnapshot {
  /** The provider chosen in the flow right now (null before the flow was opened). */
  selected: ProviderIdentity | null;
  /** By token cache key: the provider the token was obtained from. */
  byToken: ReadonlyMap<string, ProviderIdentity>;
  /** The saved profile the flow shows (issue 22), null for none or an unsaved configuration. */
  profile: string | null;
  /** The configuration the flow shows (the active profile's form), null before the flow was opened. */
  configuration: ConfigurationInUse | null;
}

export interface ProviderIdentityStore extends Pick<Store<ProviderIdentitySnapshot>, 'getSnapshot' | 'subscribe'> {
  /** The flow's provider, and the configuration whose token the status bar and the flow show (none: the newest). */
  select(identity: ProviderIdentity, configuration?: ConfigurationInUse): void;
  tokenObtained(cacheKey: string, identity: ProviderIdentity): void;
  selectProfile(name: string | null): void;
  /** Sign-out: back to "nothing known". */
  forget(): void;
}

const EMPTY: ProviderIdentitySnapshot = Object.freeze({ selected: null, byToken: new Map(), profile: null, configuration: null });
const same = <T>(a: T, b: T) => JSON.stringify(a) === JSON.stringify(b);

/** Normalised and frozen: two forms asking for the same token select equal configurations (no render). */
function configurationOf(given: ConfigurationInUse | undefined): ConfigurationInUse | null {
  if (!given) return null;
  const { jkt: _jkt, ...parts } = normaliseCacheKeyParts({ ...given.parts, scope: [...given.parts.scope] });
  return Object.freeze({ parts: Object.freeze(parts), dpop: given.dpop });
}

export function createProviderIdentityStore(): ProviderIdentityStore {
  const store = createStore<ProviderIdentitySnapshot>(EMPTY);
  return {
    getSnapshot: store.getSnapshot,
    subscribe: store.subscribe,
    select: (identity, given) => {
      const configuration = configurationOf(given);
      store.update((s) => (same(s.selected, identity) && same(s.configuration, configuration) ? s : { ...s, selected: identity, configuration }));
    },
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
