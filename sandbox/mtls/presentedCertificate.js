// The client certificate a request came with on the mTLS listener, and its RFC 8705 thumbprint. Kept apart from the
// DN matching so the PingOne API's bound-token check does not load @peculiar/x509.
import { createHash } from 'node:crypto';

/**
 * The certificate the client presented on this connection, or undefined (plain HTTP, or TLS without one).
 * @param {import('node:http').IncomingMessage} req
 * @returns {import('node:crypto').X509Certificate | undefined}
 */
export function presentedCertificate(req) {
  const { socket } = req;
  if (typeof socket?.getPeerX509Certificate !== 'function') return undefined;
  return socket.getPeerX509Certificate() ?? undefined;
}

/**
 * base64url SHA-256 of the certificate's DER: the `x5t#S256` confirmation of a certificate-bound token.
 * @param {import('node:crypto').X509Certificate} certificate
 * @see https://www.rfc-editor.org/rfc/rfc8705#section-3.1
 */
export function certificateThumbprint(certificate) {
  return createHash('sha256').update(certificate.raw).digest('base64url');
}

/** The thumbprint of the request's client certificate, or undefined when it presented none. */
export function presentedThumbprint(req) {
  const certificate = presentedCertificate(req);
  return certificate ? certificateThumbprint(certificate) : undefined;
}
