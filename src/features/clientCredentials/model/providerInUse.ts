// Which provider the flow is using, and which one each token came from, for the app's status bar.
import type { ProviderIdentity } from '../../../config/providers';
import { createListenerSet } from '../../../utils/listeners';

export interface ProviderInUseSnapshot {
  /** The provider chosen in the flow right now (null before the flow was opened). */
  selected: ProviderIdentity | null;
  /** By token cache key: the provider the token was obtained from. */
  byToken: ReadonlyMap<string, ProviderIdentity>;
}

let snapshot: ProviderInUseSnapshot = { selected: null, byToken: new Map() };
const listeners = createListenerSet();

function publish(next: ProviderInUseSnapshot) {
  snapshot = next;
  listeners.notify();
}

const same = (a: ProviderIdentity | null | undefined, b: ProviderIdentity) => JSON.stringify(a) === JSON.stringify(b);

/** A tiny external store (read with useSyncExternalStore): the flow writes, the status bar reads. */
export const providerInUse = {
  getSnapshot: (): ProviderInUseSnapshot => snapshot,
  subscribe: listeners.subscribe,
  select(identity: ProviderIdentity): void {
    if (!same(snapshot.selected, identity)) publish({ ...snapshot, selected: identity });
  },
  tokenObtained(cacheKey: string, identity: ProviderIdentity): void {
    if (same(snapshot.byToken.get(cacheKey), identity)) return;
    publish({ ...snapshot, byToken: new Map(snapshot.byToken).set(cacheKey, identity) });
  },
  /** Tests: back to "nothing known". */
  reset(): void {
    publish({ selected: null, byToken: new Map() });
  },
};

/** The identity to show: the token's provider when there is a token, else the flow's choice, else `fallback`. */
export function identityInUse(snap: ProviderInUseSnapshot, tokenKey: string | undefined, fallback: ProviderIdentity): ProviderIdentity {
  return (tokenKey !== undefined ? snap.byToken.get(tokenKey) : undefined) ?? snap.selected ?? fallback;
}
