// Certificate thumbprints against values computed by openssl, and the import refusing a key of another certificate.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateKeyPair, exportPKCS8 } from 'jose';
import { InputError } from './errors';
import { certificateDerFromPem, importCertificateCredential, x509HeaderParameters, x509Thumbprints } from './x509Thumbprint';

const fixture = (name: string) => readFileSync(new URL(`../../tests/providers/fixtures/${name}`, import.meta.url), 'utf8');
const CERT = fixture('TEST-ONLY-entra-cert.pem');
const KEY = fixture('TEST-ONLY-entra-key.pem');

// Golden values computed outside this code, when the fixture was made:
//   openssl x509 -in TEST-ONLY-entra-cert.pem -outform DER | openssl dgst -sha1   -binary | base64 (url-safe, unpadded)
//   openssl x509 -in TEST-ONLY-entra-cert.pem -outform DER | openssl dgst -sha256 -binary | base64 (url-safe, unpadded)
// (openssl's SHA-1 fingerprint: E2:64:BD:81:FC:8D:AA:8E:CF:47:4F:75:B7:4A:D0:9B:71:01:4E:CF)
const X5T = '4mS9gfyNqo7PR091t0rQm3EBTs8';
const X5T_S256 = '1s5Z7wTstJ1L2uCjwB98DsWF4HTHKcOEr9cs_W0IRXI';

describe('x509Thumbprints (RFC 7515 §4.1.7, §4.1.8)', () => {
  it('is base64url of the SHA-1 and SHA-256 of the DER, as openssl computes them', async () => {
    expect(await x509Thumbprints(CERT)).toEqual({ x5t: X5T, 'x5t#S256': X5T_S256 });
  });

  it('reads the first certificate of a chain and ignores text around it', async () => {
    expect(await x509Thumbprints(`subject=CN=test\n${CERT}\n${CERT}`)).toEqual({ x5t: X5T, 'x5t#S256': X5T_S256 });
  });

  it.each([
    ['empty', ''],
    ['a private key', KEY],
    ['broken base64', '-----BEGIN CERTIFICATE-----\n@@@\n-----END CERTIFICATE-----'],
    ['not DER', `-----BEGIN CERTIFICATE-----\n${btoa('x'.repeat(90))}\n-----END CERTIFICATE-----`],
  ])('refuses %s with a certificate field error', (_name, pem) => {
    expect(() => certificateDerFromPem(pem)).toThrow(InputError);
    try {
      certificateDerFromPem(pem);
    } catch (e) {
      expect((e as InputError).field).toBe('certificate');
    }
  });

  it('chooses the header members a row asks for', () => {
    const t = { x5t: X5T, 'x5t#S256': X5T_S256 };
    expect(x509HeaderParameters(t, 'x5t#S256')).toEqual({ 'x5t#S256': X5T_S256 });
    expect(x509HeaderParameters(t, 'x5t')).toEqual({ x5t: X5T });
    expect(x509HeaderParameters(t, 'both')).toEqual(t);
  });
});

describe('importCertificateCredential', () => {
  it('imports the key non-extractable with the certificate thumbprints', async () => {
    const { key, thumbprints } = await importCertificateCredential(CERT, KEY, 'PS256');
    expect(thumbprints).toEqual({ x5t: X5T, 'x5t#S256': X5T_S256 });
    expect(key.alg).toBe('PS256');
    expect(key.privateKey.extractable).toBe(false);
  });

  it('refuses a private key that is not the certificate\'s', async () => {
    const other = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
    const otherPem = await exportPKCS8(other.privateKey);
    await expect(importCertificateCredential(CERT, otherPem, 'RS256')).rejects.toMatchObject({ field: 'privateKey', message: expect.stringContaining('does not belong') });
  });
});
