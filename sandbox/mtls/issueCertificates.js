// Issues the demo mTLS certificates (RFC 8705): a CA, the HTTPS listener's certificate, a CA-issued client certificate
// for tls_client_auth and a self-signed one for self_signed_tls_client_auth. Node cannot issue certificates itself, so
// @peculiar/x509 builds them over WebCrypto. Loaded only when no usable set is kept from an earlier start
// (demoCertificates.js): importing @peculiar/x509 and its dependencies costs about 0.1 s of CPU by itself.
import { webcrypto } from 'node:crypto';

// @peculiar/x509's dependency tsyringe needs the Reflect metadata API loaded first.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';

import {
  CA_NAME, SELF_SIGNED_NAME, SERVER_HOSTS, SERVER_NAME, TLS_CLIENT_NAME, VALID_DAYS,
} from './demoCertificateNames.js';

x509.cryptoProvider.set(webcrypto);

// P-256 keys generate in a millisecond where RSA 2048 takes tens: start-up time is part of a budget (issue 10).
const KEY_ALG = { name: 'ECDSA', namedCurve: 'P-256' };
const SIGNING_ALG = { name: 'ECDSA', hash: 'SHA-256' };

const newKeys = () => webcrypto.subtle.generateKey(KEY_ALG, true, ['sign', 'verify']);

async function privateKeyPem(keys) {
  return x509.PemConverter.encode(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey), 'PRIVATE KEY');
}

function validity(now) {
  // An hour back tolerates a client clock slightly behind this machine's.
  return { notBefore: new Date(now - 3_600_000), notAfter: new Date(now + VALID_DAYS * 86_400_000) };
}

const leafExtensions = (usage) => [
  new x509.BasicConstraintsExtension(false, undefined, true),
  new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
  new x509.ExtendedKeyUsageExtension([usage]),
];

async function createCa(now) {
  const keys = await newKeys();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    name: CA_NAME, keys, signingAlgorithm: SIGNING_ALG, ...validity(now),
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { keys, cert };
}

async function issue(ca, subject, usage, now, extra = []) {
  const keys = await newKeys();
  const cert = await x509.X509CertificateGenerator.create({
    subject, issuer: ca.cert.subject, publicKey: keys.publicKey, signingKey: ca.keys.privateKey,
    signingAlgorithm: SIGNING_ALG, ...validity(now),
    extensions: [...leafExtensions(usage), await x509.AuthorityKeyIdentifierExtension.create(ca.keys.publicKey), ...extra],
  });
  return { certPem: cert.toString('pem'), keyPem: await privateKeyPem(keys) };
}

async function selfSigned(subject, now) {
  const keys = await newKeys();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    name: subject, keys, signingAlgorithm: SIGNING_ALG, ...validity(now), extensions: leafExtensions(x509.ExtendedKeyUsage.clientAuth),
  });
  return { certPem: cert.toString('pem'), keyPem: await privateKeyPem(keys) };
}

/**
 * Issues a new demo CA and the three certificates it stands behind, valid from an hour before `now` for VALID_DAYS.
 * @param {number} now  epoch milliseconds
 * @returns {Promise<import('./demoCertificates.js').DemoCertificatePems>}
 * @see https://www.rfc-editor.org/rfc/rfc8705#section-2
 */
export async function issueDemoCertificates(now) {
  const ca = await createCa(now);
  const san = new x509.SubjectAlternativeNameExtension([
    ...SERVER_HOSTS.dns.map((value) => ({ type: 'dns', value })), ...SERVER_HOSTS.ip.map((value) => ({ type: 'ip', value })),
  ]);
  const [server, tlsClient, selfSignedClient] = await Promise.all([
    issue(ca, SERVER_NAME, x509.ExtendedKeyUsage.serverAuth, now, [san]),
    issue(ca, TLS_CLIENT_NAME, x509.ExtendedKeyUsage.clientAuth, now),
    selfSigned(SELF_SIGNED_NAME, now),
  ]);
  return { caPem: ca.cert.toString('pem'), server, tlsClient, selfSignedClient };
}
