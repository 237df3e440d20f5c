// The demo mTLS material (RFC 8705) on disk: a CA, the HTTPS listener's certificate, a CA-issued client certificate for
// tls_client_auth and a self-signed one for self_signed_tls_client_auth, all DEMO-ONLY files in the certificate
// directory. A start reuses the set an earlier one wrote while it is whole and has a week of validity left, and issues
// a new one (issueCertificates.js, loaded only then) otherwise.
import { createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';

import { readDemoFile, readDemoJson, writeDemoFile, writeDemoJson } from '../demoFiles.js';
import {
  CA_NAME, SELF_SIGNED_NAME, SERVER_HOSTS, SERVER_NAME, TLS_CLIENT_NAME, TLS_CLIENT_SUBJECT_DN,
} from './demoCertificateNames.js';

export { TLS_CLIENT_SUBJECT_DN };

/** The files the clients use (names relative to the certificate directory, as /sandbox/info lists them). */
export const CERT_FILES = Object.freeze({
  ca: 'DEMO-ONLY-sandbox-ca.pem',
  tlsCert: 'DEMO-ONLY-sandbox-tls.crt.pem',
  tlsKey: 'DEMO-ONLY-sandbox-tls.key.pem',
  selfSignedCert: 'DEMO-ONLY-sandbox-self-signed-tls.crt.pem',
  selfSignedKey: 'DEMO-ONLY-sandbox-self-signed-tls.key.pem',
});

/** The HTTPS listener's own certificate and key, kept so the next start can serve them again. */
export const SERVER_FILES = Object.freeze({ cert: 'DEMO-ONLY-sandbox-server.crt.pem', key: 'DEMO-ONLY-sandbox-server.key.pem' });

/** Written last: a set without it (or with another format) is not reused. Bump the format when the set changes. */
export const CERTIFICATES_FILE = 'DEMO-ONLY-sandbox-certificates.json';
export const CERTIFICATES_FORMAT = 1;

/** A kept set is replaced when a certificate has less than this left (or is not valid yet: the clock moved back). */
const RENEW_BEFORE_MS = 7 * 86_400_000;

/**
 * @typedef {{ certPem: string, keyPem: string }} CertAndKey
 * @typedef {{ caPem: string, server: CertAndKey, tlsClient: CertAndKey, selfSignedClient: CertAndKey }} DemoCertificatePems
 * @typedef {{
 *   caPem: string,
 *   server: CertAndKey,
 *   tlsClient: CertAndKey & { subjectDn: string },
 *   selfSignedClient: CertAndKey & { jwks: { keys: object[] } },
 * }} DemoCertificates
 */

/** Adds what the clients are registered with: the subject DN and the self-signed certificate as a JWK with x5c. */
function withRegistration(pems) {
  // self_signed_tls_client_auth registers the certificate itself: a JWK carrying it in x5c (RFC 8705 §2.2).
  const x5c = [new X509Certificate(pems.selfSignedClient.certPem).raw.toString('base64')];
  const jwk = { ...createPublicKey(pems.selfSignedClient.certPem).export({ format: 'jwk' }), x5c };
  return {
    ...pems,
    tlsClient: { ...pems.tlsClient, subjectDn: TLS_CLIENT_SUBJECT_DN },
    selfSignedClient: { ...pems.selfSignedClient, jwks: { keys: [jwk] } },
  };
}

/**
 * Issues a new set, in memory: {@link writeDemoCertificates} puts it on disk once the listener has its port, so a
 * second sandbox that cannot listen never replaces the running one's files.
 * @param {number} [now]  epoch milliseconds
 * @returns {Promise<DemoCertificates>}
 * @see https://www.rfc-editor.org/rfc/rfc8705#section-2
 */
export async function createDemoCertificates(now = Date.now()) {
  const { issueDemoCertificates } = await import('./issueCertificates.js');
  return withRegistration(await issueDemoCertificates(now));
}

// Node prints names one attribute a line, in ASN.1 order, which is how issueCertificates.js writes them.
const nodeName = (name) => name.split(', ').join('\n');

const validAt = (cert, now) => Date.parse(cert.validFrom) <= now && Date.parse(cert.validTo) - now >= RENEW_BEFORE_MS;

/** Whether a kept set is whole, consistent and current: each certificate named, issued and keyed as issued here. */
function isUsable(pems, now) {
  const ca = new X509Certificate(pems.caPem);
  const server = new X509Certificate(pems.server.certPem);
  const tls = new X509Certificate(pems.tlsClient.certPem);
  const self = new X509Certificate(pems.selfSignedClient.certPem);
  const named = [[ca, CA_NAME], [server, SERVER_NAME], [tls, TLS_CLIENT_NAME], [self, SELF_SIGNED_NAME]]
    .every(([cert, name]) => cert.subject === nodeName(name));
  return named && ca.ca && [ca, server, tls, self].every((cert) => validAt(cert, now))
    && ca.verify(ca.publicKey) && server.verify(ca.publicKey) && tls.verify(ca.publicKey) && self.verify(self.publicKey)
    && server.checkPrivateKey(createPrivateKey(pems.server.keyPem))
    && tls.checkPrivateKey(createPrivateKey(pems.tlsClient.keyPem))
    && self.checkPrivateKey(createPrivateKey(pems.selfSignedClient.keyPem))
    && SERVER_HOSTS.dns.every((host) => server.checkHost(host) !== undefined)
    && SERVER_HOSTS.ip.every((ip) => server.checkIP(ip) !== undefined);
}

/**
 * The set an earlier start wrote to `certDir`, or undefined when it is missing, unreadable, of another format, not
 * consistent (files from different sets, a key that is not its certificate's) or near its end.
 * @param {string} certDir @param {number} [now] epoch milliseconds @returns {Promise<DemoCertificates | undefined>}
 */
export async function readDemoCertificates(certDir, now = Date.now()) {
  const names = [CERT_FILES.ca, SERVER_FILES.cert, SERVER_FILES.key, CERT_FILES.tlsCert, CERT_FILES.tlsKey,
    CERT_FILES.selfSignedCert, CERT_FILES.selfSignedKey];
  const [manifest, ...texts] = await Promise.all([
    readDemoJson(certDir, CERTIFICATES_FILE, CERTIFICATES_FORMAT), ...names.map((name) => readDemoFile(certDir, name)),
  ]);
  if (!manifest || texts.some((text) => text === undefined)) return undefined;
  const [caPem, serverCert, serverKey, tlsCert, tlsKey, selfCert, selfKey] = texts;
  const pems = {
    caPem,
    server: { certPem: serverCert, keyPem: serverKey },
    tlsClient: { certPem: tlsCert, keyPem: tlsKey },
    selfSignedClient: { certPem: selfCert, keyPem: selfKey },
  };
  try {
    return isUsable(pems, now) ? withRegistration(pems) : undefined;
  } catch {
    return undefined; // a file that does not parse
  }
}

/**
 * Writes the set to `certDir`: the CA and the client certificates and keys, which the relay and the clients read
 * (keys owner-only); with `keep`, also the listener's certificate and key and then the manifest that marks the set
 * whole for the next start. Without it the listener's key stays in memory, as nothing else reads it.
 * @param {DemoCertificates} material
 * @param {string} certDir
 * @param {{ keep: boolean }} options
 */
export async function writeDemoCertificates(material, certDir, { keep }) {
  await Promise.all([
    writeDemoFile(certDir, CERT_FILES.ca, material.caPem, 0o644),
    writeDemoFile(certDir, CERT_FILES.tlsCert, material.tlsClient.certPem, 0o644),
    writeDemoFile(certDir, CERT_FILES.tlsKey, material.tlsClient.keyPem, 0o600),
    writeDemoFile(certDir, CERT_FILES.selfSignedCert, material.selfSignedClient.certPem, 0o644),
    writeDemoFile(certDir, CERT_FILES.selfSignedKey, material.selfSignedClient.keyPem, 0o600),
    ...(keep ? [
      writeDemoFile(certDir, SERVER_FILES.cert, material.server.certPem, 0o644),
      writeDemoFile(certDir, SERVER_FILES.key, material.server.keyPem, 0o600),
    ] : []),
  ]);
  if (keep) await writeDemoJson(certDir, CERTIFICATES_FILE, CERTIFICATES_FORMAT, { files: [...Object.values(CERT_FILES), ...Object.values(SERVER_FILES)] });
}

/**
 * The certificates for one start: with `keep`, the set an earlier start left in `certDir` when it is usable, else a
 * new one; `save()` writes a new set there (the clients need the files) and does nothing for a reused one.
 * @param {{ certDir: string, keep: boolean, now?: number }} options
 * @returns {Promise<{ material: DemoCertificates, reused: boolean, save(): Promise<void> }>}
 */
export async function certificatesForStart({ certDir, keep, now = Date.now() }) {
  const kept = keep ? await readDemoCertificates(certDir, now) : undefined;
  if (kept) return { material: kept, reused: true, save: async () => {} };
  const material = await createDemoCertificates(now);
  return { material, reused: false, save: () => writeDemoCertificates(material, certDir, { keep }) };
}
