// The sandbox's two RSA signing keys (the authorization server's and the microauthd emulation's), generated once and
// kept in the certificate directory as a DEMO-ONLY file: an RSA 2048 key takes 0.1-1 s of CPU to generate, most of a
// start's budget on a busy machine, and a demo sandbox gains nothing from a new one at every start.
import { createPrivateKey, createPublicKey, generateKeyPair, randomBytes, sign, verify } from 'node:crypto';
import { promisify } from 'node:util';

import { readDemoJson, writeDemoJson } from './demoFiles.js';

const generateKeyPairAsync = promisify(generateKeyPair);

/** The cache file; `format` changes whenever what it holds does, so an older file is regenerated, not misread. */
export const SIGNING_KEYS_FILE = 'DEMO-ONLY-sandbox-signing-keys.json';
export const SIGNING_KEYS_FORMAT = 1;
const MODULUS_BITS = 2048;
const PRIVATE_MEMBERS = ['n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi'];

/**
 * @typedef {{ kty: 'RSA', kid: string, alg: 'RS256', use: 'sig' } & Record<string, string>} SigningJwk
 *   a private RS256 JWK (RFC 7517 §4, RFC 7518 §6.3.2)
 * @typedef {{ authServer: SigningJwk, microauthd: SigningJwk }} SigningKeys
 */

/** A fresh RSA 2048 signing key as a private JWK with a random `kid`. */
async function generateSigningJwk(prefix) {
  const { privateKey } = await generateKeyPairAsync('rsa', { modulusLength: MODULUS_BITS });
  return { ...privateKey.export({ format: 'jwk' }), kid: `${prefix}-${randomBytes(6).toString('hex')}`, alg: 'RS256', use: 'sig' };
}

/** Both keys, generated side by side in the thread pool. @returns {Promise<SigningKeys>} */
export async function generateSigningKeys() {
  const [authServer, microauthd] = await Promise.all([generateSigningJwk('sandbox'), generateSigningJwk('microauthd')]);
  return { authServer, microauthd };
}

/**
 * Whether `jwk` is a whole private RS256 JWK of 2048 bits whose private half signs what its public half (n, e)
 * verifies: one signature (about a millisecond) instead of the generation of a new key.
 */
function isSigningJwk(jwk) {
  if (!jwk || typeof jwk !== 'object' || jwk.kty !== 'RSA' || jwk.alg !== 'RS256' || jwk.use !== 'sig') return false;
  if (typeof jwk.kid !== 'string' || jwk.kid === '') return false;
  if (!PRIVATE_MEMBERS.every((member) => typeof jwk[member] === 'string')) return false;
  try {
    const privateKey = createPrivateKey({ key: jwk, format: 'jwk' });
    if (privateKey.asymmetricKeyDetails?.modulusLength !== MODULUS_BITS) return false;
    const publicKey = createPublicKey({ key: { kty: 'RSA', n: jwk.n, e: jwk.e }, format: 'jwk' });
    const probe = Buffer.from('sandbox signing key check');
    return verify('sha256', probe, publicKey, sign('sha256', probe, privateKey));
  } catch {
    return false;
  }
}

/**
 * The keys kept in `certDir` by an earlier start, or undefined when there are none, or they are unreadable, of
 * another format or not whole RSA 2048 keys (they are generated again then).
 * @param {string} certDir @returns {Promise<SigningKeys | undefined>}
 */
export async function readSigningKeys(certDir) {
  const cached = await readDemoJson(certDir, SIGNING_KEYS_FILE, SIGNING_KEYS_FORMAT);
  const keys = cached?.keys;
  if (!isSigningJwk(keys?.authServer) || !isSigningJwk(keys?.microauthd)) return undefined;
  if (keys.authServer.kid === keys.microauthd.kid) return undefined;
  return { authServer: keys.authServer, microauthd: keys.microauthd };
}

/** Keeps `keys` in `certDir` for the next start (owner-only). @param {string} certDir @param {SigningKeys} keys */
export function writeSigningKeys(certDir, keys) {
  return writeDemoJson(certDir, SIGNING_KEYS_FILE, SIGNING_KEYS_FORMAT, { keys });
}

/** The public half of a signing JWK, with its kid, alg and use. @param {SigningJwk} jwk */
export function publicSigningJwk(jwk) {
  const { kid, alg, use } = jwk;
  return { ...createPublicKey({ key: jwk, format: 'jwk' }).export({ format: 'jwk' }), kid, alg, use };
}

/**
 * The signing keys for one start: with `keep`, the ones an earlier start kept in `certDir` when they are usable, else
 * new ones that `save()` keeps there; without it, new ones that are never written (tests, embedded sandboxes).
 * @param {{ certDir: string, keep: boolean }} options
 * @returns {Promise<{ keys: SigningKeys, reused: boolean, save(): Promise<void> }>}
 */
export async function signingKeysForStart({ certDir, keep }) {
  const kept = keep ? await readSigningKeys(certDir) : undefined;
  if (kept) return { keys: kept, reused: true, save: async () => {} };
  const keys = await generateSigningKeys();
  return { keys, reused: false, save: keep ? () => writeSigningKeys(certDir, keys) : async () => {} };
}
