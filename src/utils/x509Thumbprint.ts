// X.509 certificate credentials: the certificate thumbprints a client assertion header names (`x5t`, `x5t#S256`),
// and the import of a certificate with its private key, refused when the two do not belong together.
import { calculateJwkThumbprint, exportJWK, importX509 } from 'jose';
import type { SigningAlg } from '../types/token';
import { InputError } from './errors';
import { importPrivateKeyPem, type SigningKey } from './keys';

/**
 * The certificate thumbprints a JWS header can carry.
 * @see https://www.rfc-editor.org/rfc/rfc7515#section-4.1.7 (`x5t`: SHA-1 of the DER, base64url)
 * @see https://www.rfc-editor.org/rfc/rfc7515#section-4.1.8 (`x5t#S256`: SHA-256 of the DER, base64url)
 */
export interface X509Thumbprints {
  x5t: string;
  'x5t#S256': string;
}

/** Which thumbprint header(s) an assertion sends: a provider row chooses (Entra's current docs: `x5t#S256`). */
export type X509HeaderChoice = 'x5t#S256' | 'x5t' | 'both';

/** The header members to add to a client assertion for a certificate credential. */
export type X509HeaderParameters = Partial<X509Thumbprints>;

const CERTIFICATE_BLOCK = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/;

/**
 * The DER bytes of the first `-----BEGIN CERTIFICATE-----` block (a chain's first certificate is the client's own).
 * @throws InputError field `certificate` for anything else
 * @see https://www.rfc-editor.org/rfc/rfc7468#section-5.1
 */
export function certificateDerFromPem(pem: string): Uint8Array<ArrayBuffer> {
  if (typeof pem !== 'string' || pem.trim() === '') {
    throw new InputError('certificate', 'Paste the X.509 certificate in PEM format ("BEGIN CERTIFICATE").');
  }
  const match = CERTIFICATE_BLOCK.exec(pem);
  if (!match?.[1]) {
    throw new InputError('certificate', 'Not a PEM certificate: expected "-----BEGIN CERTIFICATE-----" … "-----END CERTIFICATE-----".');
  }
  const base64 = match[1].replace(/\s+/g, '');
  if (base64 === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64) || base64.length % 4 !== 0) {
    throw new InputError('certificate', 'The certificate PEM body is not valid base64; it looks truncated or edited.');
  }
  const binary = atob(base64);
  const der = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) der[i] = binary.charCodeAt(i);
  // A Certificate is a DER SEQUENCE (RFC 5280 §4.1); anything else is not one, whatever its armour says.
  if (der[0] !== 0x30 || der.length < 64) throw new InputError('certificate', 'The PEM block does not contain an X.509 certificate.');
  return der;
}

function base64url(bytes: ArrayBuffer): string {
  let binary = '';
  for (const byte of new Uint8Array(bytes)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * `x5t` and `x5t#S256` of a certificate: base64url of the SHA-1 and SHA-256 digests of its DER encoding.
 * @throws InputError field `certificate`
 * @see https://www.rfc-editor.org/rfc/rfc7515#section-4.1.7
 * @see https://www.rfc-editor.org/rfc/rfc7515#section-4.1.8
 */
export async function x509Thumbprints(certificatePem: string): Promise<X509Thumbprints> {
  const der = certificateDerFromPem(certificatePem);
  const [sha1, sha256] = await Promise.all([crypto.subtle.digest('SHA-1', der), crypto.subtle.digest('SHA-256', der)]);
  return { x5t: base64url(sha1), 'x5t#S256': base64url(sha256) };
}

/** The header members for a choice of thumbprint header(s). */
export function x509HeaderParameters(thumbprints: X509Thumbprints, choice: X509HeaderChoice): X509HeaderParameters {
  if (choice === 'x5t') return { x5t: thumbprints.x5t };
  if (choice === 'x5t#S256') return { 'x5t#S256': thumbprints['x5t#S256'] };
  return { ...thumbprints };
}

/** A certificate credential: the signing key (non-extractable) and the thumbprints of its certificate. */
export interface CertificateCredential {
  key: SigningKey;
  thumbprints: X509Thumbprints;
}

/** RFC 7638 thumbprint of the certificate's public key, to compare with the private key's. */
async function certificateKeyThumbprint(certificatePem: string, alg: SigningAlg): Promise<string> {
  const block = CERTIFICATE_BLOCK.exec(certificatePem)?.[0] ?? '';
  try {
    const publicKey = await importX509(block, alg, { extractable: true });
    const jwk = await exportJWK(publicKey);
    const members = jwk.kty === 'EC' ? { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y } : { kty: jwk.kty, n: jwk.n, e: jwk.e };
    return await calculateJwkThumbprint(members, 'sha256');
  } catch (cause) {
    throw new InputError('certificate', `The certificate's public key cannot be used with ${alg}; check the algorithm or the certificate.`, cause);
  }
}

/**
 * Imports a certificate credential: the PEM certificate and its PKCS#8 private key. The private key stays
 * non-extractable; the certificate's public key must be the private key's own, or the provider would refuse every
 * assertion with a signature error that names neither.
 * @throws InputError field `certificate` or `privateKey` (malformed, or the two do not match)
 * @see https://learn.microsoft.com/entra/identity-platform/certificate-credentials
 */
export async function importCertificateCredential(certificatePem: string, privateKeyPem: string, alg: SigningAlg): Promise<CertificateCredential> {
  const thumbprints = await x509Thumbprints(certificatePem);
  const key = await importPrivateKeyPem(privateKeyPem, alg);
  if ((await certificateKeyThumbprint(certificatePem, key.alg)) !== key.thumbprint) {
    throw new InputError('privateKey', 'This private key does not belong to the certificate: its public key is a different one.');
  }
  return { key, thumbprints };
}
