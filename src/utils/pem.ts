// Reading a PEM private key for the key import: PKCS#8 only, with clear messages for the formats people paste by mistake.
import { InputError } from './errors';

/** The key families a PKCS#8 `AlgorithmIdentifier` can name that the playground cares about. */
export type Pkcs8KeyType = 'RSA' | 'EC-P256' | 'EC-P384' | 'EC-P521' | 'RSA-PSS' | 'Ed25519' | 'unknown';

const WRONG_FORMATS: Array<[RegExp, string]> = [
  [
    /-----BEGIN RSA PRIVATE KEY-----/,
    'This is a PKCS#1 RSA key ("BEGIN RSA PRIVATE KEY"). Convert it to PKCS#8 first: ' +
      'openssl pkcs8 -topk8 -nocrypt -in key.pem -out key.pkcs8.pem',
  ],
  [
    /-----BEGIN EC PRIVATE KEY-----/,
    'This is a SEC1 EC key ("BEGIN EC PRIVATE KEY"). Convert it to PKCS#8 first: ' +
      'openssl pkcs8 -topk8 -nocrypt -in key.pem -out key.pkcs8.pem',
  ],
  [
    /-----BEGIN ENCRYPTED PRIVATE KEY-----/,
    'This PKCS#8 key is password-protected. Decrypt it first: openssl pkcs8 -in key.pem -out key.pkcs8.pem',
  ],
  [/-----BEGIN (?:RSA )?PUBLIC KEY-----/, 'This is a public key; the playground needs the private key to sign.'],
  [/-----BEGIN CERTIFICATE-----/, 'This is a certificate; the playground needs the private key (PKCS#8 PEM).'],
  [/-----BEGIN OPENSSH PRIVATE KEY-----/, 'OpenSSH keys are not supported; export the key as PKCS#8 PEM.'],
];

/**
 * Extracts the DER bytes of a `-----BEGIN PRIVATE KEY-----` block.
 * @throws InputError field `privateKey` for anything else (with a conversion hint where one helps)
 * @see https://www.rfc-editor.org/rfc/rfc7468#section-10
 */
export function pkcs8DerFromPem(pem: string): Uint8Array {
  if (typeof pem !== 'string' || pem.trim() === '') {
    throw new InputError('privateKey', 'Paste a private key in PKCS#8 PEM format ("BEGIN PRIVATE KEY").');
  }
  for (const [pattern, message] of WRONG_FORMATS) {
    if (pattern.test(pem)) throw new InputError('privateKey', message);
  }
  const match = /-----BEGIN PRIVATE KEY-----([\s\S]*?)-----END PRIVATE KEY-----/.exec(pem);
  if (!match?.[1]) {
    throw new InputError('privateKey', 'Not a PEM private key: expected "-----BEGIN PRIVATE KEY-----" … "-----END PRIVATE KEY-----".');
  }
  const base64 = match[1].replace(/\s+/g, '');
  if (base64 === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64) || base64.length % 4 !== 0) {
    throw new InputError('privateKey', 'The PEM body is not valid base64; the key looks truncated or edited.');
  }
  const binary = atob(base64);
  const der = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) der[i] = binary.charCodeAt(i);
  // PrivateKeyInfo is a DER SEQUENCE; anything else is not a key, whatever its armour says.
  if (der[0] !== 0x30 || der.length < 32) {
    throw new InputError('privateKey', 'The PEM block does not contain a PKCS#8 private key.');
  }
  return der;
}

// DER-encoded OIDs (tag 06, length, value) as they appear in PrivateKeyInfo.privateKeyAlgorithm.
const OIDS: Array<[Pkcs8KeyType | 'EC', number[]]> = [
  ['RSA', [0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01]],
  ['RSA-PSS', [0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0a]],
  ['Ed25519', [0x06, 0x03, 0x2b, 0x65, 0x70]],
  ['EC', [0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01]],
];
const CURVES: Array<[Pkcs8KeyType, number[]]> = [
  ['EC-P256', [0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07]],
  ['EC-P384', [0x06, 0x05, 0x2b, 0x81, 0x04, 0x00, 0x22]],
  ['EC-P521', [0x06, 0x05, 0x2b, 0x81, 0x04, 0x00, 0x23]],
];

function indexOf(haystack: Uint8Array, needle: number[], limit: number): number {
  const end = Math.min(haystack.length, limit) - needle.length;
  for (let i = 0; i <= end; i++) {
    if (needle.every((b, j) => haystack[i + j] === b)) return i;
  }
  return -1;
}

/**
 * Which key family a PKCS#8 key is, read from its AlgorithmIdentifier (within the first bytes of the DER), so a
 * mismatch with the chosen algorithm gets a precise message instead of a WebCrypto "DataError".
 */
export function pkcs8KeyType(der: Uint8Array): Pkcs8KeyType {
  // version + AlgorithmIdentifier always sit in the first ~32 bytes; a window keeps the key material out of it.
  const window = 40;
  for (const [type, oid] of OIDS) {
    if (indexOf(der, oid, window) === -1) continue;
    if (type !== 'EC') return type;
    for (const [curve, curveOid] of CURVES) if (indexOf(der, curveOid, window) !== -1) return curve;
    return 'unknown';
  }
  return 'unknown';
}
