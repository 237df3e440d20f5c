// Demo mTLS material generated at every start (RFC 8705): a CA, the HTTPS listener's certificate, a CA-issued client
// certificate for tls_client_auth and a self-signed one for self_signed_tls_client_auth. Node cannot issue
// certificates itself, so @peculiar/x509 builds them over WebCrypto. DEMO-ONLY names on every file say what they are.
import { createPublicKey, webcrypto } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

// @peculiar/x509's dependency tsyringe needs the Reflect metadata API loaded first.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto);

// P-256 keys generate in a millisecond where RSA 2048 takes tens: start-up time is part of a budget (issue 10).
const KEY_ALG = { name: 'ECDSA', namedCurve: 'P-256' };
const SIGNING_ALG = { name: 'ECDSA', hash: 'SHA-256' };
const VALID_DAYS = 30;
const ORGANIZATION = 'OAuth M2M Playground DEMO-ONLY sandbox';

/** The files written to the certificate directory (names relative to it, as /sandbox/info lists them). */
export const CERT_FILES = Object.freeze({
  ca: 'DEMO-ONLY-sandbox-ca.pem',
  tlsCert: 'DEMO-ONLY-sandbox-tls.crt.pem',
  tlsKey: 'DEMO-ONLY-sandbox-tls.key.pem',
  selfSignedCert: 'DEMO-ONLY-sandbox-self-signed-tls.crt.pem',
  selfSignedKey: 'DEMO-ONLY-sandbox-self-signed-tls.key.pem',
});

/** The RFC 4514 subject DN registered for `sandbox-tls` (tls_client_auth_subject_dn, RFC 8705 §2.1.2). */
export const TLS_CLIENT_SUBJECT_DN = `CN=sandbox-tls,O=${ORGANIZATION}`;
// @peculiar/x509 takes names in ASN.1 order (O first), the reverse of RFC 4514's string order (RFC 4514 §2.1).
const TLS_CLIENT_NAME = `O=${ORGANIZATION}, CN=sandbox-tls`;
const SELF_SIGNED_NAME = `O=${ORGANIZATION}, CN=sandbox-self-signed-tls`;

const newKeys = () => webcrypto.subtle.generateKey(KEY_ALG, true, ['sign', 'verify']);

async function privateKeyPem(keys) {
  return x509.PemConverter.encode(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey), 'PRIVATE KEY');
}

function validity() {
  const now = Date.now();
  // An hour back tolerates a client clock slightly behind this machine's.
  return { notBefore: new Date(now - 3_600_000), notAfter: new Date(now + VALID_DAYS * 86_400_000) };
}

const leafExtensions = (usage) => [
  new x509.BasicConstraintsExtension(false, undefined, true),
  new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
  new x509.ExtendedKeyUsageExtension([usage]),
];

async function createCa() {
  const keys = await newKeys();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    name: `O=${ORGANIZATION}, CN=DEMO-ONLY sandbox CA`, keys, signingAlgorithm: SIGNING_ALG, ...validity(),
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { keys, cert };
}

async function issue(ca, subject, usage, extra = []) {
  const keys = await newKeys();
  const cert = await x509.X509CertificateGenerator.create({
    subject, issuer: ca.cert.subject, publicKey: keys.publicKey, signingKey: ca.keys.privateKey,
    signingAlgorithm: SIGNING_ALG, ...validity(),
    extensions: [...leafExtensions(usage), await x509.AuthorityKeyIdentifierExtension.create(ca.keys.publicKey), ...extra],
  });
  return { certPem: cert.toString('pem'), keyPem: await privateKeyPem(keys) };
}

async function selfSigned(subject) {
  const keys = await newKeys();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    name: subject, keys, signingAlgorithm: SIGNING_ALG, ...validity(), extensions: leafExtensions(x509.ExtendedKeyUsage.clientAuth),
  });
  return { certPem: cert.toString('pem'), keyPem: await privateKeyPem(keys) };
}

/** Writes through a temporary name, so a reader (the relay) never sees half a file. Keys are owner-only. */
async function writeAtomically(dir, name, text, mode) {
  const temporary = join(dir, `.${name}.${process.pid}.tmp`);
  await writeFile(temporary, text, { mode });
  await rename(temporary, join(dir, name));
}

/**
 * Generates the demo CA and certificates, in memory: {@link writeDemoCertificates} puts them on disk once the
 * listener has its port, so a second sandbox that cannot listen never replaces the running one's files.
 * @returns {Promise<{
 *   caPem: string,
 *   server: { certPem: string, keyPem: string },             // stays in memory: only the listener needs it
 *   tlsClient: { certPem: string, keyPem: string, subjectDn: string },
 *   selfSignedClient: { certPem: string, keyPem: string, jwks: { keys: object[] } },
 * }>}
 * @see https://www.rfc-editor.org/rfc/rfc8705#section-2
 */
export async function createDemoCertificates() {
  const ca = await createCa();
  const san = new x509.SubjectAlternativeNameExtension([
    { type: 'dns', value: 'localhost' }, { type: 'ip', value: '127.0.0.1' }, { type: 'ip', value: '::1' },
  ]);
  const [server, tlsClient, selfSignedClient] = await Promise.all([
    issue(ca, `O=${ORGANIZATION}, CN=localhost`, x509.ExtendedKeyUsage.serverAuth, [san]),
    issue(ca, TLS_CLIENT_NAME, x509.ExtendedKeyUsage.clientAuth),
    selfSigned(SELF_SIGNED_NAME),
  ]);
  // self_signed_tls_client_auth registers the certificate itself: a JWK carrying it in x5c (RFC 8705 §2.2).
  const x5c = x509.PemConverter.decode(selfSignedClient.certPem).map((der) => Buffer.from(der).toString('base64'));
  const jwk = { ...createPublicKey(selfSignedClient.certPem).export({ format: 'jwk' }), x5c };
  return {
    caPem: ca.cert.toString('pem'),
    server,
    tlsClient: { ...tlsClient, subjectDn: TLS_CLIENT_SUBJECT_DN },
    selfSignedClient: { ...selfSignedClient, jwks: { keys: [jwk] } },
  };
}

/**
 * Writes the CA and the client certificates and keys (not the listener's key) to `certDir` under {@link CERT_FILES}.
 * @param {Awaited<ReturnType<typeof createDemoCertificates>>} material
 * @param {string} certDir
 */
export async function writeDemoCertificates(material, certDir) {
  await mkdir(certDir, { recursive: true });
  await Promise.all([
    writeAtomically(certDir, CERT_FILES.ca, material.caPem, 0o644),
    writeAtomically(certDir, CERT_FILES.tlsCert, material.tlsClient.certPem, 0o644),
    writeAtomically(certDir, CERT_FILES.tlsKey, material.tlsClient.keyPem, 0o600),
    writeAtomically(certDir, CERT_FILES.selfSignedCert, material.selfSignedClient.certPem, 0o644),
    writeAtomically(certDir, CERT_FILES.selfSignedKey, material.selfSignedClient.keyPem, 0o600),
  ]);
}
