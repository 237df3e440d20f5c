// The client certificate a request came with on the mTLS listener, and its RFC 8705 thumbprint. Kept apart from the
// DN matching so the PingOne API's bound-token check does not load @peculiar/x509.
import { certificateThumbprint } from '../../lib/certificateThumbprint.js';

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

/** The thumbprint of the request's client certificate, or undefined when it presented none. */
export function presentedThumbprint(req) {
  const certificate = presentedCertificate(req);
  return certificate ? certificateThumbprint(certificate) : undefined;
}
