// The x5t#S256 of a certificate, for both local servers: what the sandbox binds a token to and the relay reports.
import { createHash } from 'node:crypto';

/**
 * base64url SHA-256 of the certificate's DER: the `x5t#S256` confirmation of a certificate-bound token.
 * @param {import('node:crypto').X509Certificate} certificate
 * @see https://www.rfc-editor.org/rfc/rfc8705#section-3.1
 */
export function certificateThumbprint(certificate) {
  return createHash('sha256').update(certificate.raw).digest('base64url');
}
