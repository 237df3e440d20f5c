// This page's DPoP state (RFC 9449): one key (non-extractable, in IndexedDB) and the nonces servers handed out.
import type { DpopKey, DpopKeyHolder } from '../../../utils/dpopKey';
import { createDpopKeyHolder } from '../../../utils/dpopKey';
import { effects } from '../../../utils/effects';
import { createKeyStore } from '../../../utils/keyStore';
import { createDpopNonceMemory, type DpopNonceMemory } from '../../../utils/oauth/dpopNonce';

/** What a DPoP request needs: the key that signs each proof and the per-origin nonce memory. */
export interface DpopBinding {
  key: DpopKey;
  nonces: DpopNonceMemory;
}

let holder: DpopKeyHolder | undefined;
const nonces = createDpopNonceMemory();
let known: DpopKey | undefined;

/** The key holder over the app's key store (created on first use, so nothing touches IndexedDB at import). */
function keys(): DpopKeyHolder {
  holder ??= createDpopKeyHolder(createKeyStore(), () => effects().clock.now());
  return holder;
}

export const dpopSession = {
  /** The key (loaded or created once) and the nonce memory, for a token request or an API call. */
  async binding(): Promise<DpopBinding> {
    known = await keys().ensure();
    return { key: known, nonces };
  },
  /** The key's RFC 7638 thumbprint once it is known this page (the token checks compare cnf.jkt with it). */
  jkt: (): string | undefined => known?.jkt,
  /** Deletes the key (a new one signs the next proof, so old bound tokens are useless) and forgets the nonces. */
  async forget(): Promise<void> {
    known = undefined;
    nonces.clear();
    await keys().remove();
  },
};
