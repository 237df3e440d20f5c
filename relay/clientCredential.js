// One client certificate + key (and optional CA) checked before use: parsable PEM, unencrypted key, key matching the
// certificate. Used for uploads and for certRef/keyRef files alike, so both are refused for the same reasons.
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { certificateThumbprint } from '../lib/certificateThumbprint.js';

import { badRequest } from './refusal.js';

const PEM_CERT = /-----BEGIN CERTIFICATE-----/;

/** A certificate's distinguished name on one line, in the order it appears (Node prints one RDN per line). */
const oneLine = (name) => name.split('\n').filter(Boolean).join(', ');

/**
 * Parses one PEM certificate (a CA to trust, or a client certificate), refusing with a reason that names it.
 * @param {unknown} pem @param {string} what how the reason names this PEM ("cert", 'caRef "ca.pem"')
 */
export function parseCertificate(pem, what) {
  if (typeof pem !== 'string' || !PEM_CERT.test(pem)) throw badRequest(`${what} is not a PEM certificate (-----BEGIN CERTIFICATE-----)`);
  try {
    return new X509Certificate(pem);
  } catch {
    throw badRequest(`${what} is not a readable PEM certificate`);
  }
}

/** @param {string} pem @param {string} what */
function parsePrivateKey(pem, what) {
  if (typeof pem !== 'string' || !/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem)) {
    throw badRequest(`${what} is not a PEM private key (-----BEGIN PRIVATE KEY-----)`);
  }
  // The relay has nowhere to get a passphrase from: an encrypted key (PKCS#8 or legacy Proc-Type) cannot be used.
  if (/ENCRYPTED/.test(pem)) throw badRequest(`${what} is encrypted; decrypt it first (openssl pkey -in key.pem -out plain.pem)`);
  try {
    return createPrivateKey(pem);
  } catch {
    throw badRequest(`${what} is not a readable PEM private key`);
  }
}

/**
 * Words for a certificate outside its validity period at `now`, or null. Such a certificate is still accepted: a demo
 * may want to show a server refusing it (RFC 5280 §4.1.2.5: a server checking the client certificate refuses it).
 * @param {X509Certificate} certificate @param {number} now epoch ms
 * @see https://www.rfc-editor.org/rfc/rfc5280#section-4.1.2.5
 */
function validityWarning(certificate, now) {
  const keptAnyway = 'kept anyway (a demo may show a server refusing it), but a server that checks it will refuse the TLS handshake';
  const notBefore = new Date(certificate.validFrom);
  const notAfter = new Date(certificate.validTo);
  if (now > notAfter.getTime()) return `the certificate expired on ${notAfter.toISOString()}: ${keptAnyway}`;
  if (now < notBefore.getTime()) return `the certificate is not valid before ${notBefore.toISOString()} (check the clocks): ${keptAnyway}`;
  return null;
}

/**
 * Checks a client credential and describes it; `warning` is present only when the certificate is outside its
 * validity period at `now`.
 * @param {{ cert: unknown, key: unknown, ca?: unknown }} pems
 * @param {{ names?: { cert: string, key: string, ca: string }, now?: number }} [options] how reasons name each part;
 *   the epoch ms the validity is judged at (the relay's injected clock)
 * @returns {{ tls: { cert: string, key: string, ca?: string }, description: { subject: string, issuer: string,
 *   notAfter: string, x5tS256: string, warning?: string } }}
 */
export function checkClientCredential(pems, { names = { cert: 'cert', key: 'key', ca: 'ca' }, now = Date.now() } = {}) {
  const certificate = parseCertificate(pems.cert, names.cert);
  const key = parsePrivateKey(pems.key, names.key);
  if (pems.ca !== undefined && pems.ca !== null) parseCertificate(pems.ca, names.ca);
  if (!certificate.checkPrivateKey(key)) throw badRequest(`${names.key} does not belong to ${names.cert} (key/cert mismatch)`);
  const warning = validityWarning(certificate, now);
  return {
    tls: { cert: pems.cert, key: pems.key, ...(pems.ca ? { ca: pems.ca } : {}) },
    description: {
      subject: oneLine(certificate.subject),
      issuer: oneLine(certificate.issuer),
      notAfter: new Date(certificate.validTo).toISOString(),
      // RFC 8705 §3.1: x5t#S256 is the base64url SHA-256 of the DER certificate.
      x5tS256: certificateThumbprint(certificate),
      ...(warning ? { warning } : {}),
    },
  };
}
