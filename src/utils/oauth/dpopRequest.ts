// DPoP on the wire: the proof header on a token request and on resource requests, with the one nonce retry.
import type { DpopKey } from '../dpopKey';
import type { RequestDescription } from './description';
import { createDpopProof } from './dpop';
import { sendWithDpopNonce, type DpopNonceMemory } from './dpopNonce';
import { sendTokenRequest, type SendTokenRequestOptions } from './send';

/** The description with its `DPoP` header: what the preview shows and what is sent (RFC 9449 §5). */
export function withDpopHeader(desc: RequestDescription, proof: string): RequestDescription {
  return { ...desc, headers: { ...desc.headers, DPoP: proof } };
}

export interface DpopSendOptions extends SendTokenRequestOptions {
  key: DpopKey;
  nonces: DpopNonceMemory;
  /** Each proof as it is sent (the request step shows the last one decoded). */
  onProof?: (proof: string, description: RequestDescription) => void;
}

/**
 * Sends a token request with a fresh proof (and the origin's nonce); one more, with a new proof, when the server
 * answers `use_dpop_nonce`. Returns the raw Response for {@link processTokenResponse}.
 * @throws DpopNonceError, or what {@link sendTokenRequest} throws
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-5
 */
export function sendDpopTokenRequest(desc: RequestDescription, opts: DpopSendOptions): Promise<Response> {
  return sendWithDpopNonce(
    desc.url,
    async (nonce) => {
      const proof = await createDpopProof({ key: opts.key, htm: desc.method, url: desc.url, nonce });
      const described = withDpopHeader(desc, proof);
      opts.onProof?.(proof, described);
      return sendTokenRequest(described, { timeoutMs: opts.timeoutMs, signal: opts.signal, relay: opts.relay });
    },
    opts.nonces,
  );
}

/**
 * The headers of a resource request with a DPoP-bound token: `Authorization: DPoP <token>` and a proof whose
 * `ath` is the token's hash (RFC 9449 §7.1).
 */
export async function dpopResourceHeaders(opts: { key: DpopKey; method: string; url: string; accessToken: string; nonce?: string | undefined }) {
  const proof = await createDpopProof({ key: opts.key, htm: opts.method, url: opts.url, accessToken: opts.accessToken, nonce: opts.nonce });
  return { Authorization: `DPoP ${opts.accessToken}`, DPoP: proof };
}
