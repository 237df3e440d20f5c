// How the requests travel, in the session: through the local relay or not, bound with DPoP or not (and the DPoP key),
// and the pasted client certificate handed to the relay for mTLS (RFC 8705).
import { isMtlsAuthMethod, type AuthMethod } from '../../../../types/token';
import { isPlaygroundError } from '../../../../utils/errors';
import type { FormActions } from './formActions';
import type { SessionContext } from './sessionContext';

export interface PastedCertificate {
  cert: string;
  key: string;
  /** A CA the relay should trust for the server (a private CA, such as the sandbox's demo CA). */
  ca?: string;
}

export interface TransportActions {
  /** `Send through the local relay` (step 1, and the error card's box). */
  setViaRelay(viaRelay: boolean): void;
  /** The authentication method; an mTLS method ticks the relay box too (the only way to present a certificate). */
  setAuthMethod(method: AuthMethod): void;
  /** `Bind the token with DPoP`: ticking loads (or creates) the key, so its jkt is known before the first request. */
  setDpop(dpop: boolean): void;
  /** Deletes the DPoP key; the next proof is signed by a new one. */
  renewDpopKey(): Promise<void>;
  /** Hands a pasted certificate to the relay once; only the relay's description of it is kept, in memory. */
  uploadCertificate(pem: PastedCertificate): Promise<string | undefined>;
  /** Asks the relay to drop the pasted certificate and forgets it here. */
  forgetCertificate(): void;
}

export function transportActions(ctx: SessionContext, form: Pick<FormActions, 'setField'>): TransportActions {
  const { dpop, relayCredential } = ctx.stores;
  const loadDpopKey = () => void dpop.binding().catch(() => undefined); // the store holds the error to show

  return {
    setViaRelay: (viaRelay) => form.setField('viaRelay', viaRelay),
    setAuthMethod(method) {
      form.setField('authMethod', method);
      if (isMtlsAuthMethod(method) && !ctx.get().form.viaRelay) form.setField('viaRelay', true);
    },
    setDpop(on) {
      form.setField('dpop', on);
      if (on) loadDpopKey();
    },
    async renewDpopKey() {
      await dpop.forget();
      if (ctx.get().form.dpop) loadDpopKey();
    },
    async uploadCertificate(pem) {
      try {
        const credential = await ctx.services.uploadRelayCredential(ctx.relayUrl, pem.ca?.trim() ? pem : { cert: pem.cert, key: pem.key });
        relayCredential.hold({ relayUrl: ctx.relayUrl, credential });
        return undefined;
      } catch (error) {
        return isPlaygroundError(error) ? error.message : 'The relay could not take the certificate.';
      }
    },
    forgetCertificate: () => void ctx.stores.forgetRelayCredential(),
  };
}
