// DPoP proofs (RFC 9449 §4): a fresh ES256-signed JWT per request, bound to its method, URL, time and token.
import { base64url, SignJWT } from 'jose';
import { effects } from '../effects';
import type { DpopKey } from '../dpopKey';
import { InputError } from '../errors';

/** @see https://www.rfc-editor.org/rfc/rfc9449#section-4.2 */
export const DPOP_PROOF_TYP = 'dpop+jwt';

export interface DpopProofOptions {
  key: DpopKey;
  /** The HTTP method of the request the proof goes with. */
  htm: string;
  /** The request URL; query and fragment are dropped (§4.2). */
  url: string;
  /** For a resource request: the access token, hashed into `ath` (§4.2). */
  accessToken?: string | undefined;
  /** The server's latest `DPoP-Nonce` for this origin, when it gave one (§8, §9). */
  nonce?: string | undefined;
}

/**
 * The `htu` claim: the target URI without query and fragment.
 * @throws InputError field `dpop` for a URL that does not parse
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-4.2
 */
export function dpopHtu(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (cause) {
    throw new InputError('dpop', 'A DPoP proof needs an absolute request URL.', cause);
  }
  parsed.search = '';
  parsed.hash = '';
  return parsed.href;
}

/**
 * The `ath` claim: base64url of the SHA-256 of the ASCII access token.
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-4.2
 */
export async function accessTokenHash(accessToken: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(accessToken));
  return base64url.encode(new Uint8Array(digest));
}

/**
 * Signs one DPoP proof: header `typ: dpop+jwt`, `alg: ES256`, the public `jwk`; claims `htm`, `htu`, `iat` (from
 * `effects().clock`), a unique `jti`, and `ath` / `nonce` when given. Never reuse a proof: servers keep the jti.
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-4.2
 */
export async function createDpopProof(opts: DpopProofOptions): Promise<string> {
  const claims: Record<string, string> = { htm: opts.htm.toUpperCase(), htu: dpopHtu(opts.url) };
  if (opts.accessToken !== undefined) claims.ath = await accessTokenHash(opts.accessToken);
  if (opts.nonce !== undefined) claims.nonce = opts.nonce;
  return new SignJWT(claims)
    .setProtectedHeader({ typ: DPOP_PROOF_TYP, alg: 'ES256', jwk: opts.key.publicJwk })
    .setIssuedAt(Math.floor(effects().clock.now() / 1000))
    .setJti(crypto.randomUUID())
    .sign(opts.key.privateKey);
}
