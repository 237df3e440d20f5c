// Checks a JWK registered for private_key_jwt: a public signing key the token endpoint can really verify with.
import { createPublicKey } from 'node:crypto';

import { PUBLIC_KEY_ASSERTION_ALGS } from './constants.js';
import { SandboxInputError } from './inputError.js';

// Private members of RSA (RFC 7518 §6.3.2), EC (§6.2.2) and symmetric (§6.4.1) keys: a server never needs them.
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];
const MIN_RSA_BITS = 2048; // RFC 7518 §3.3: RS256/PS256 keys are 2048 bits or larger
const EC_CURVE = 'P-256'; // ES256 is ECDSA on P-256 (RFC 7518 §3.4)

/** The key's own problem, or undefined when node:crypto imports it as the expected public key. */
function importProblem(jwk) {
  let key;
  try {
    key = createPublicKey({ key: jwk, format: 'jwk' });
  } catch (err) {
    return `is not a valid ${jwk.kty} public key (${err.message})`;
  }
  const details = key.asymmetricKeyDetails ?? {};
  if (jwk.kty === 'RSA' && !(details.modulusLength >= MIN_RSA_BITS)) {
    return `is a ${details.modulusLength}-bit RSA key; RS256 and PS256 need at least ${MIN_RSA_BITS} bits`;
  }
  return undefined;
}

/** What is wrong with one key, or undefined. Cheap structural checks first, the real import last. */
function keyProblem(jwk) {
  if (typeof jwk !== 'object' || jwk === null || Array.isArray(jwk)) return 'is not a JWK object';
  if (!Object.hasOwn(PUBLIC_KEY_ASSERTION_ALGS, jwk.kty)) return `has kty ${JSON.stringify(jwk.kty)}; use an RSA or EC public key`;
  const privateMember = PRIVATE_MEMBERS.find((member) => member in jwk);
  if (privateMember) return `contains the private member "${privateMember}": send public keys only, never a private key`;
  if (jwk.use !== undefined && jwk.use !== 'sig') return `has use ${JSON.stringify(jwk.use)}; a client assertion key needs use "sig" (or no use)`;
  if (jwk.alg !== undefined && !PUBLIC_KEY_ASSERTION_ALGS[jwk.kty].includes(jwk.alg)) {
    return `has alg ${JSON.stringify(jwk.alg)}, which does not fit a ${jwk.kty} key (use ${PUBLIC_KEY_ASSERTION_ALGS[jwk.kty].join(' or ')})`;
  }
  if (jwk.kty === 'EC' && jwk.crv !== EC_CURVE) return `is on curve ${JSON.stringify(jwk.crv)}; ES256 needs ${EC_CURVE}`;
  return importProblem(jwk);
}

/**
 * Throws a 400 naming `jwks` and the key index when any key is not a usable public signing key.
 * @param {unknown[]} keys  the `keys` array of the registered JWK Set
 * @see https://www.rfc-editor.org/rfc/rfc7517#section-4 (JWK members) and RFC 7518 §6 (key parameters)
 */
export function assertPublicSigningKeys(keys) {
  keys.forEach((jwk, index) => {
    const problem = keyProblem(jwk);
    if (problem) throw new SandboxInputError('jwks', `jwks.keys[${index}] ${problem}`);
  });
}
