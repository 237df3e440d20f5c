// DPoP proof verification at the sandbox's resource servers (RFC 9449 §4.3, §7.1), independent of oidc-provider.
import { createHash } from 'node:crypto';

import { calculateJwkThumbprint, decodeProtectedHeader, EmbeddedJWK, jwtVerify } from 'jose';

/** Proof algorithms accepted (oidc-provider's defaults), as advertised in discovery and `algs` challenges. */
export const DPOP_ALGS = Object.freeze(['ES256', 'EdDSA']);
/**
 * How far a proof's iat may be from the server's time, either way, in seconds: RFC 9449 §11.1 leaves the "acceptable
 * window" to the server; 300 s is what oidc-provider allows a proof without a nonce (DPOP_OK_WINDOW in
 * lib/helpers/validate_dpop.js), Duende IdentityServer's default ClientClockSkew ("5 minutes") and Auth0's IatOffset.
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-11.1
 * @see https://docs.duendesoftware.com/identityserver/reference/v8/validators/dpop-proof-validator/
 * @see https://auth0.github.io/aspnetcore-api/api/Auth0.AspNetCore.Authentication.Api.DPoP.DPoPOptions.html
 */
export const DPOP_IAT_WINDOW_SECONDS = 300;

/**
 * RFC 9449 §4.3 check 11: the proof was created within the window of now. A nonce proves freshness too, but the
 * sandbox checks both, as a strict server may: a proof dated a year back or a day ahead is not a fresh proof.
 * @param {unknown} iat  the proof's iat claim
 * @param {number} nowMs  epoch ms
 */
export function isRecentIat(iat, nowMs) {
  return typeof iat === 'number' && Math.abs(Math.floor(nowMs / 1000) - iat) <= DPOP_IAT_WINDOW_SECONDS;
}

/** A refused proof: `error` is `invalid_dpop_proof` or `use_dpop_nonce` (RFC 9449 §7.1, §9). */
export class DpopProofError extends Error {
  /** @param {'invalid_dpop_proof' | 'use_dpop_nonce'} error @param {string} description */
  constructor(error, description) {
    super(description);
    this.error = error;
  }
}

const invalid = (description) => new DpopProofError('invalid_dpop_proof', description);

/** RFC 9449 §4.3 check 10: htu compared without query and fragment. */
function sameTarget(htu, url) {
  try {
    const given = new URL(htu);
    given.search = '';
    given.hash = '';
    const expected = new URL(url);
    expected.search = '';
    expected.hash = '';
    return given.href === expected.href;
  } catch {
    return false;
  }
}

async function verifySignature(proof) {
  let header;
  try {
    header = decodeProtectedHeader(proof);
  } catch {
    throw invalid('The DPoP proof is not a JWT.');
  }
  if (header.typ !== 'dpop+jwt') throw invalid('The DPoP proof typ must be "dpop+jwt".');
  if (!DPOP_ALGS.includes(header.alg)) throw invalid(`The DPoP proof alg must be one of ${DPOP_ALGS.join(', ')}.`);
  if (!header.jwk || typeof header.jwk !== 'object') throw invalid('The DPoP proof header has no jwk.');
  if ('d' in header.jwk || 'p' in header.jwk || 'k' in header.jwk) throw invalid('The DPoP proof jwk must be a public key.');
  try {
    const { payload } = await jwtVerify(proof, EmbeddedJWK, { typ: 'dpop+jwt', algorithms: DPOP_ALGS });
    return { header, payload };
  } catch {
    throw invalid('The DPoP proof signature does not verify with its jwk.');
  }
}

/**
 * Verifies one proof for a resource request. Checks in RFC 9449 §4.3 order: one well-formed JWT, typ, alg, public
 * jwk, signature, htm, htu, iat window, jti (replay), ath (resource requests: `accessToken` given), nonce; the
 * caller compares the returned jkt with the token's cnf.jkt (§7.1).
 * @param {{ proof: string, method: string, url: string, accessToken?: string,
 *   nonces: { next(): string, check(n: unknown): boolean }, replay: { seen(k: string, exp: number): boolean },
 *   now?: () => number }} input
 * @returns {Promise<{ jkt: string }>}
 * @throws {DpopProofError}
 */
export async function verifyDpopProof({ proof, method, url, accessToken, nonces, replay, now = Date.now }) {
  const { header, payload } = await verifySignature(proof);
  if (payload.htm !== method) throw invalid(`The DPoP proof htm must be ${method}.`);
  if (typeof payload.htu !== 'string' || !sameTarget(payload.htu, url)) throw invalid('The DPoP proof htu does not match the request URL.');
  if (!isRecentIat(payload.iat, now())) {
    throw invalid(`The DPoP proof iat is not within ${DPOP_IAT_WINDOW_SECONDS} s of the server's time.`);
  }
  if (typeof payload.jti !== 'string' || payload.jti === '' || payload.jti.length > 256) throw invalid('The DPoP proof needs a jti.');
  if (accessToken !== undefined && payload.ath !== createHash('sha256').update(accessToken).digest('base64url')) {
    throw invalid('The DPoP proof ath is not the hash of the access token sent.');
  }
  if (!nonces.check(payload.nonce)) {
    throw new DpopProofError('use_dpop_nonce', payload.nonce === undefined ? 'A DPoP nonce is required.' : 'The DPoP nonce is not current.');
  }
  const jkt = await calculateJwkThumbprint(header.jwk, 'sha256');
  // Replay last, so a proof refused for another reason does not burn its jti.
  if (replay.seen(`${jkt}:${payload.jti}`, (payload.iat + DPOP_IAT_WINDOW_SECONDS) * 1000)) {
    throw invalid('The DPoP proof was already used (jti replay).');
  }
  return { jkt };
}
