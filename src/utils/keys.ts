// Signing keys for private_key_jwt: generate or import as non-extractable WebCrypto keys, with their public JWK.
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, importPKCS8, type JWK } from 'jose';
import type { SigningAlg } from '../types/token';
import { InputError } from './errors';
import { pkcs8DerFromPem, pkcs8KeyType, type Pkcs8KeyType } from './pem';
import { parseJsonSafely } from './secureJson';

/** RSA keys below this size are refused (NIST SP 800-131A; RFC 7518 §3.3 requires ≥ 2048 for RS/PS). */
export const MIN_RSA_BITS = 2048;

/**
 * A private key ready to sign assertions, plus what the provider must be told about it.
 * The private key is never extractable, so its public half is kept here: it cannot be derived later.
 */
export interface SigningKey {
  privateKey: CryptoKey;
  /** Public members with `kid`, `alg` and `use: 'sig'`: what goes into the JWKS pasted into the provider. */
  publicJwk: JWK;
  /** The JWK's own `kid` when an imported JWK carried one, otherwise the RFC 7638 thumbprint. */
  kid: string;
  /** RFC 7638 SHA-256 thumbprint of the public key. */
  thumbprint: string;
  alg: SigningAlg;
}

const PUBLIC_MEMBERS: Record<string, readonly string[]> = { RSA: ['kty', 'n', 'e'], EC: ['kty', 'crv', 'x', 'y'] };
const PRIVATE_MEMBERS: Record<string, readonly string[]> = {
  RSA: ['kty', 'n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi'],
  EC: ['kty', 'crv', 'x', 'y', 'd'],
};

/** Public JWKs of keys this module created, for keys that cannot export themselves. */
const publicJwks = new WeakMap<CryptoKey, JWK>();

function pick(jwk: JWK, members: readonly string[]): JWK {
  const out: Record<string, unknown> = {};
  for (const m of members) if ((jwk as Record<string, unknown>)[m] !== undefined) out[m] = (jwk as Record<string, unknown>)[m];
  return out as JWK;
}

/** Bit length of an RSA modulus given as base64url (RFC 7518 §6.3.1.1). */
export function rsaModulusBits(n: string): number {
  const binary = atob(n.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(n.length / 4) * 4, '='));
  let i = 0;
  while (i < binary.length && binary.charCodeAt(i) === 0) i++;
  if (i === binary.length) return 0;
  return (binary.length - i - 1) * 8 + Math.floor(Math.log2(binary.charCodeAt(i))) + 1;
}

/**
 * Whether `alg` can be used with this key: ES256 needs an EC P-256 key, RS256 and PS256 an RSA key.
 * @see https://www.rfc-editor.org/rfc/rfc7518#section-3.1
 */
export function algFitsKey(alg: SigningAlg, publicJwk: JWK): boolean {
  if (alg === 'ES256') return publicJwk.kty === 'EC' && publicJwk.crv === 'P-256';
  return publicJwk.kty === 'RSA';
}

function keyLabel(jwk: JWK): string {
  if (jwk.kty === 'EC') return jwk.crv ? `an EC ${jwk.crv} key` : 'an EC key';
  return `an ${jwk.kty ?? 'unknown'} key`;
}

function refuseMismatch(alg: SigningAlg, what: string): never {
  const need = alg === 'ES256' ? 'an EC P-256 key' : 'an RSA key';
  const suggest = what.includes('RSA') ? 'RS256 or PS256' : what.includes('P-256') ? 'ES256' : 'another key';
  throw new InputError('signingAlg', `${alg} needs ${need}, but this is ${what}. Choose ${suggest}.`);
}

/**
 * Checks that a WebCrypto key can sign with `alg` (the algorithm is bound to a CryptoKey at import time), and
 * that RSA keys are at least {@link MIN_RSA_BITS}.
 * @throws InputError field `signingAlg` or `privateKey`
 */
export function assertCryptoKeyFitsAlg(key: CryptoKey, alg: SigningAlg): void {
  if (key.type !== 'private' || !key.usages.includes('sign')) {
    throw new InputError('privateKey', 'Signing needs a private key imported for signing.');
  }
  const algorithm = key.algorithm as Partial<EcKeyAlgorithm & RsaHashedKeyAlgorithm>;
  const expected = { ES256: 'ECDSA', RS256: 'RSASSA-PKCS1-v1_5', PS256: 'RSA-PSS' }[alg];
  if (algorithm.name !== expected) {
    const what = algorithm.name === 'ECDSA' ? `an EC ${algorithm.namedCurve} key` : `an RSA key set up for ${algorithm.name}`;
    refuseMismatch(alg, what);
  }
  if (alg === 'ES256' && algorithm.namedCurve !== 'P-256') refuseMismatch(alg, `an EC ${algorithm.namedCurve} key`);
  if (alg !== 'ES256') {
    if (algorithm.hash?.name !== 'SHA-256') throw new InputError('signingAlg', `${alg} needs a key imported with SHA-256.`);
    if ((algorithm.modulusLength ?? 0) < MIN_RSA_BITS) {
      throw new InputError('privateKey', `RSA keys must be at least ${MIN_RSA_BITS} bits (this one is ${algorithm.modulusLength}).`);
    }
  }
}

async function toSigningKey(privateJwk: JWK, alg: SigningAlg, ownKid?: string): Promise<SigningKey> {
  const kty = privateJwk.kty ?? '';
  if (!algFitsKey(alg, privateJwk)) refuseMismatch(alg, keyLabel(privateJwk));
  if (kty === 'RSA') {
    const bits = rsaModulusBits(privateJwk.n ?? '');
    if (bits < MIN_RSA_BITS) throw new InputError('privateKey', `RSA keys must be at least ${MIN_RSA_BITS} bits (this one is ${bits}).`);
  }
  const members = pick(privateJwk, PUBLIC_MEMBERS[kty] ?? []);
  const thumbprint = await calculateJwkThumbprint(members, 'sha256');
  const kid = ownKid ?? thumbprint;
  let privateKey: CryptoKey;
  try {
    privateKey = (await importJWK(pick(privateJwk, PRIVATE_MEMBERS[kty] ?? []), alg, { extractable: false })) as CryptoKey;
  } catch (cause) {
    throw new InputError('privateKey', 'The key could not be imported; it is incomplete or corrupted.', cause);
  }
  const publicJwk: JWK = { ...members, kid, alg, use: 'sig' };
  publicJwks.set(privateKey, publicJwk);
  return { privateKey, publicJwk, kid, thumbprint, alg };
}

/**
 * Generates a key pair in WebCrypto with a non-extractable private key (RSA: 2048-bit modulus).
 * @see https://www.rfc-editor.org/rfc/rfc7638
 */
export async function generateSigningKeyPair(alg: SigningAlg = 'ES256', _opts: { extractable?: false } = {}): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, alg === 'ES256' ? { extractable: false } : { extractable: false, modulusLength: 2048 });
  const members = pick(await exportJWK(publicKey), PUBLIC_MEMBERS[alg === 'ES256' ? 'EC' : 'RSA'] ?? []);
  const thumbprint = await calculateJwkThumbprint(members, 'sha256');
  const publicJwk: JWK = { ...members, kid: thumbprint, alg, use: 'sig' };
  publicJwks.set(privateKey, publicJwk);
  return { privateKey, publicJwk, kid: thumbprint, thumbprint, alg };
}

const PKCS8_REFUSALS: Partial<Record<Pkcs8KeyType, string>> = {
  'EC-P384': 'This is an EC P-384 key; ES256 needs P-256. Generate or export a P-256 key.',
  'EC-P521': 'This is an EC P-521 key; ES256 needs P-256. Generate or export a P-256 key.',
  'RSA-PSS': 'This RSA key is restricted to RSA-PSS (OID id-RSASSA-PSS); export it as a plain RSA key (rsaEncryption) for RS256/PS256.',
  Ed25519: 'This is an Ed25519 key; the playground signs with ES256 (EC P-256), RS256 or PS256 (RSA).',
};

/**
 * The algorithm a key of this family signs with: the selected one when it fits, else the family's own
 * (RSA → RS256, EC P-256 → ES256), so importing a key never fails only because of a pre-selected algorithm.
 * @see https://www.rfc-editor.org/rfc/rfc7518#section-3.1
 */
export function fittingAlg(kty: 'RSA' | 'EC-P256', selected: SigningAlg): SigningAlg {
  if (kty === 'EC-P256') return 'ES256';
  return selected === 'ES256' ? 'RS256' : selected;
}

/**
 * Imports a PKCS#8 PEM private key, non-extractable. The key type is read from the PEM and decides the algorithm
 * (see {@link fittingAlg}); the result's `alg` is what the form should show.
 * @throws InputError field `privateKey` (malformed, PKCS#1/SEC1/encrypted, a key type that cannot sign ES256,
 *   RS256 or PS256 — saying which type it is — or RSA < 2048 bits)
 * @see https://www.rfc-editor.org/rfc/rfc5208#section-5
 */
export async function importPrivateKeyPem(pem: string, selected: SigningAlg): Promise<SigningKey> {
  const type = pkcs8KeyType(pkcs8DerFromPem(pem));
  if (type !== 'RSA' && type !== 'EC-P256') {
    throw new InputError(
      'privateKey',
      PKCS8_REFUSALS[type] ?? `Unrecognised key type; use an RSA (≥ ${MIN_RSA_BITS} bits) or EC P-256 key in PKCS#8 PEM.`,
    );
  }
  const alg = fittingAlg(type, selected);
  let privateJwk: JWK;
  try {
    // Extractable only for this moment, so the public half can be exported; the kept key is re-imported below.
    const normalised = pem.slice(pem.indexOf('-----BEGIN PRIVATE KEY-----'));
    privateJwk = await exportJWK(await importPKCS8(normalised, alg, { extractable: true }));
  } catch (cause) {
    throw new InputError('privateKey', 'The PEM key could not be read; it is incomplete or corrupted.', cause);
  }
  return toSigningKey(privateJwk, alg);
}

/**
 * Imports a private JWK (object or JSON text; a JWKS with exactly one key is accepted), non-extractable, with the
 * algorithm its key type fits (see {@link fittingAlg}).
 * @throws InputError field `privateKey` (not JSON, public only, unsupported, RSA < 2048) or `signingAlg` (the JWK's
 *   own `alg` contradicts the selected one)
 * @see https://www.rfc-editor.org/rfc/rfc7517#section-4
 */
export async function importPrivateJwk(jwk: object | string, selected: SigningAlg): Promise<SigningKey> {
  let value: unknown = jwk;
  if (typeof jwk === 'string') {
    const parsed = parseJsonSafely(jwk, { maxBytes: 64 * 1024 });
    if (!parsed.ok) throw new InputError('privateKey', 'The JWK is not valid JSON.');
    value = parsed.value;
  }
  if (value && typeof value === 'object' && Array.isArray((value as { keys?: unknown }).keys)) {
    const keys = (value as { keys: unknown[] }).keys;
    if (keys.length !== 1) throw new InputError('privateKey', 'Paste a single private JWK, not a JWKS with several keys.');
    value = keys[0];
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new InputError('privateKey', 'The JWK must be a JSON object.');
  const key = value as JWK;
  if (key.kty !== 'RSA' && key.kty !== 'EC') {
    throw new InputError('privateKey', `Unsupported JWK kty "${String(key.kty)}"; use an RSA or EC P-256 key.`);
  }
  if (typeof key.d !== 'string') throw new InputError('privateKey', 'This JWK is a public key (no "d"); paste the private key.');
  if (key.kty === 'EC' && key.crv !== 'P-256') {
    throw new InputError('privateKey', `Unsupported curve "${String(key.crv)}"; use an EC P-256 key (ES256).`);
  }
  if (key.kty === 'RSA' && typeof key.n !== 'string') throw new InputError('privateKey', 'The RSA JWK has no modulus "n".');
  const alg = fittingAlg(key.kty === 'RSA' ? 'RSA' : 'EC-P256', selected);
  if (typeof key.alg === 'string' && key.alg !== alg && algFitsKey(alg, key)) {
    throw new InputError('signingAlg', `The JWK is marked for ${key.alg}; choose ${key.alg} or remove "alg" from the JWK.`);
  }
  return toSigningKey(key, alg, typeof key.kid === 'string' && key.kid !== '' ? key.kid : undefined);
}

/**
 * The public JWK of a key: exported when the key allows it, otherwise remembered from generation/import here.
 * Undefined for a non-extractable private key this module did not create (e.g. one restored from IndexedDB).
 */
export async function publicJwkFrom(key: CryptoKey): Promise<JWK | undefined> {
  const known = publicJwks.get(key);
  if (known) return { ...known };
  if (key.type !== 'public' && !key.extractable) return undefined;
  const jwk = await exportJWK(key);
  return pick(jwk, PUBLIC_MEMBERS[jwk.kty ?? ''] ?? []);
}

/**
 * A JWKS of the public keys, each with `kid`, `alg` and `use: 'sig'`, to register with the provider.
 * @see https://www.rfc-editor.org/rfc/rfc7517#section-5
 */
export function toJwks(keys: readonly SigningKey[]): { keys: JWK[] } {
  return { keys: keys.map((k) => ({ ...k.publicJwk, kid: k.kid, alg: k.alg, use: 'sig' })) };
}
