// Test harness (tests only): DPoP proofs made with node:crypto alone — not jose, not the app's code — so a bug in
// the sandbox's verifier or the app's signer cannot agree with itself.
import { createHash, generateKeyPairSync, randomUUID } from 'node:crypto';

import { signJwt } from './sandbox.js';

/** The RFC 7638 thumbprint of an EC public JWK: SHA-256 of the required members in lexicographic order. */
export function ecThumbprint(jwk) {
  const canonical = JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y });
  return createHash('sha256').update(canonical).digest('base64url');
}

/** base64url(SHA-256(token)), the `ath` claim (RFC 9449 §4.2). */
export const athOf = (token) => createHash('sha256').update(token).digest('base64url');

/**
 * A P-256 key and a proof maker. `proof({ htm, htu, token, nonce, iat, jti, typ })` signs with ES256 (IEEE P1363
 * signature encoding, as JWS needs); `token` adds its `ath`.
 */
export function createDpopSigner() {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const { kty, crv, x, y } = publicKey.export({ format: 'jwk' });
  const jwk = { kty, crv, x, y };
  const jkt = ecThumbprint(jwk);
  function proof({ htm = 'POST', htu, token, nonce, iat = Math.floor(Date.now() / 1000), jti = randomUUID(), typ = 'dpop+jwt', extraHeader = {} }) {
    const claims = { htm, htu, iat, jti };
    if (token !== undefined) claims.ath = athOf(token);
    if (nonce !== undefined) claims.nonce = nonce;
    return signJwt({ typ, alg: 'ES256', jwk, ...extraHeader }, claims, privateKey);
  }
  return { jwk, jkt, proof };
}
