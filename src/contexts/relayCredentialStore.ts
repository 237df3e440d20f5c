// The pasted client certificate the local relay holds (RFC 8705): only the relay's description of it (id,
// subject, issuer, expiry, thumbprint) and the relay it went to, in memory, never the PEMs. Part of the auth stores,
// so it survives moving between pages and sign-out asks the relay to drop it.
import type { RelayCredential } from '../services/relayAdmin';
import { createStore } from '../utils/store';

export interface HeldRelayCredential {
  relayUrl: string;
  credential: RelayCredential;
}

export interface RelayCredentialStore {
  getSnapshot(): HeldRelayCredential | undefined;
  subscribe(listener: () => void): () => void;
  hold(held: HeldRelayCredential | undefined): void;
}

export function createRelayCredentialStore(): RelayCredentialStore {
  const store = createStore<HeldRelayCredential | undefined>(undefined);
  return { getSnapshot: store.getSnapshot, subscribe: store.subscribe, hold: (held) => store.update(() => held) };
}
