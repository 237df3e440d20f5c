// The app's DPoP state (RFC 9449): one key (non-extractable, in IndexedDB beside the signing keys) and the nonces
// servers handed out. Part of the auth stores, so sign-out forgets both and every page reads the same key.
import type { DpopKey } from '../utils/dpopKey';
import { createDpopKeyHolder } from '../utils/dpopKey';
import { effects } from '../utils/effects';
import { isPlaygroundError } from '../utils/errors';
import type { KeyStore } from '../utils/keyStore';
import { createDpopNonceMemory, type DpopNonceMemory } from '../utils/oauth/dpopNonce';
import { createStore } from '../utils/store';

/** What a DPoP request needs: the key that signs each proof and the per-origin nonce memory. */
export interface DpopBinding {
  key: DpopKey;
  nonces: DpopNonceMemory;
}

/** The key as the page shows it: not asked for yet, known (its RFC 7638 thumbprint), or not creatable here. */
export type DpopKeyState = { status: 'idle' } | { status: 'ready'; jkt: string } | { status: 'error'; message: string };

export interface DpopStore {
  /** The key (loaded or created once) and the nonce memory, for a token request or an API call. */
  binding(): Promise<DpopBinding>;
  /** The key's thumbprint once known (the token checks compare cnf.jkt with it; the cache key includes it). */
  jkt(): string | undefined;
  getSnapshot(): DpopKeyState;
  subscribe(listener: () => void): () => void;
  /** Deletes the key (a new one signs the next proof, so old bound tokens are useless) and forgets the nonces. */
  forget(): Promise<void>;
}

const IDLE: DpopKeyState = Object.freeze({ status: 'idle' });

export function createDpopStore(keyStore: KeyStore): DpopStore {
  const holder = createDpopKeyHolder(keyStore, () => effects().clock.now());
  const nonces = createDpopNonceMemory();
  const state = createStore<DpopKeyState>(IDLE);
  // Bumped by forget(): a key that was being loaded when it was forgotten must not come back as "ready".
  let generation = 0;

  return {
    async binding() {
      const asked = generation;
      try {
        const key = await holder.ensure();
        if (asked === generation) state.update((s) => (s.status === 'ready' && s.jkt === key.jkt ? s : { status: 'ready', jkt: key.jkt }));
        return { key, nonces };
      } catch (error) {
        const message = isPlaygroundError(error) ? error.message : 'The DPoP key could not be created.';
        if (asked === generation) state.update(() => ({ status: 'error', message }));
        throw error;
      }
    },
    jkt: () => {
      const s = state.getSnapshot();
      return s.status === 'ready' ? s.jkt : undefined;
    },
    getSnapshot: state.getSnapshot,
    subscribe: state.subscribe,
    async forget() {
      generation += 1;
      nonces.clear();
      state.update(() => IDLE);
      await holder.remove().catch(() => undefined);
    },
  };
}
