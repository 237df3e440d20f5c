// Test-only X.509 material made at test time with @peculiar/x509 (Node can parse certificates but not issue them):
// a CA, server certificates for localhost/127.0.0.1, client certificates. ECDSA P-256 keeps generation fast.
import { webcrypto } from 'node:crypto';

import 'reflect-metadata'; // must run before @peculiar/x509 loads tsyringe
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto);

const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
const DAY = 86_400_000;

const keyPem = async (privateKey) => x509.PemConverter.encode(await webcrypto.subtle.exportKey('pkcs8', privateKey), 'PRIVATE KEY');
const newKeys = () => webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify']);

/** A self-signed CA: `{ name, cert, keys, certPem }`. */
export async function createCa(name = 'CN=Relay Test CA') {
  const keys = await newKeys();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    name, keys, signingAlgorithm: ALG, notBefore: new Date(Date.now() - DAY), notAfter: new Date(Date.now() + DAY),
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
    ],
  });
  return { name, cert, keys, certPem: cert.toString('pem') };
}

/**
 * A certificate issued by `ca`: a server certificate (`server: true`, SANs localhost and 127.0.0.1) or a client one.
 * `expired: true` dates it in the past, `notYetValid: true` in the future. Returns `{ certPem, keyPem }`.
 */
export async function issue(ca, { subject = 'CN=relay-test', server = false, expired = false, notYetValid = false } = {}) {
  const keys = await newKeys();
  const now = Date.now();
  const [from, to] = expired ? [-3, -2] : notYetValid ? [2, 3] : [-1, 1]; // days from now
  const cert = await x509.X509CertificateGenerator.create({
    subject, issuer: ca.name, publicKey: keys.publicKey, signingKey: ca.keys.privateKey, signingAlgorithm: ALG,
    notBefore: new Date(now + from * DAY), notAfter: new Date(now + to * DAY),
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([server ? x509.ExtendedKeyUsage.serverAuth : x509.ExtendedKeyUsage.clientAuth]),
      ...(server ? [new x509.SubjectAlternativeNameExtension([{ type: 'dns', value: 'localhost' }, { type: 'ip', value: '127.0.0.1' }])] : []),
    ],
  });
  return { certPem: cert.toString('pem'), keyPem: await keyPem(keys.privateKey) };
}
