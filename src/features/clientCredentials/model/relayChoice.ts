// The relay pieces steps 3 and 4 need from the flow without the page wiring them: a request to tick or untick
// `Send through the local relay` (the error card's box), and the pasted client certificate the relay holds.
import type { RelayCredential } from '../../../services/relayAdmin';
import { createListenerSet } from '../../../utils/listeners';

type ChoiceListener = (viaRelay: boolean) => void;
const choiceListeners = new Set<ChoiceListener>();

let credential: RelayCredential | undefined;
const credentialListeners = createListenerSet();

/** The error card asks, the flow (the form's owner) sets `viaRelay`: one value, in the form. */
export const relayChoice = {
  choose(viaRelay: boolean): void {
    for (const listener of choiceListeners) listener(viaRelay);
  },
  onChoice(listener: ChoiceListener): () => void {
    choiceListeners.add(listener);
    return () => {
      choiceListeners.delete(listener);
    };
  },
};

/**
 * The pasted certificate the relay holds, as the relay described it (id, subject, issuer, expiry, thumbprint):
 * memory only, never the PEM, never stored, gone on reload — as the relay forgets it on restart.
 */
export const mtlsCredentialStore = {
  getSnapshot: (): RelayCredential | undefined => credential,
  subscribe: credentialListeners.subscribe,
  set(next: RelayCredential | undefined): void {
    credential = next;
    credentialListeners.notify();
  },
};
