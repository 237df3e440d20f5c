// Node's socket and TLS errors turned into an UpstreamFailure whose reason says, in words, what is wrong.
import { UpstreamFailure } from './refusal.js';

// Verification of the server's certificate by the relay (OpenSSL X509_V_ERR_* names, as Node reports them).
const SERVER_CERT = {
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the server\'s certificate is issued by a CA the relay does not trust (unknown CA); if it is a private CA, name its PEM file as mtls.caRef',
  UNABLE_TO_GET_ISSUER_CERT: 'the server\'s certificate is issued by a CA the relay does not trust (unknown CA); if it is a private CA, name its PEM file as mtls.caRef',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'the server\'s certificate is issued by a CA the relay does not trust (unknown CA); if it is a private CA, name its PEM file as mtls.caRef',
  SELF_SIGNED_CERT_IN_CHAIN: 'the server\'s certificate chain ends in a self-signed CA the relay does not trust (unknown CA); name that CA\'s PEM file as mtls.caRef',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'the server presents a self-signed certificate, which the relay does not trust',
  CERT_HAS_EXPIRED: 'the server\'s certificate has expired',
  CERT_NOT_YET_VALID: 'the server\'s certificate is not valid yet (check the clocks)',
  CERT_REVOKED: 'the server\'s certificate has been revoked',
  ERR_TLS_CERT_ALTNAME_INVALID: 'the server\'s certificate is not issued for this host name (hostname mismatch)',
};

// Alerts the server sent about the client certificate (RFC 8446 §6.2), and local problems with it.
const CLIENT_CERT = {
  ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED: 'the server wanted a client certificate and none was sent (set mtls in the forward)',
  ERR_SSL_TLSV1_ALERT_UNKNOWN_CA: 'the server refused the client certificate: it does not trust the CA that issued it',
  ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE: 'the server refused the client certificate (bad certificate)',
  ERR_SSL_SSLV3_ALERT_CERTIFICATE_UNKNOWN: 'the server refused the client certificate (certificate unknown)',
  ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED: 'the server refused the client certificate: it has expired',
  ERR_SSL_SSLV3_ALERT_CERTIFICATE_REVOKED: 'the server refused the client certificate: it has been revoked',
  ERR_SSL_TLSV1_ALERT_ACCESS_DENIED: 'the server refused the client certificate (access denied)',
  ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE: 'the TLS handshake failed: the server refused the client certificate or no common cipher',
  ERR_OSSL_X509_KEY_VALUES_MISMATCH: 'the client key does not belong to the client certificate (key/cert mismatch)',
  ERR_SSL_WRONG_VERSION_NUMBER: 'the server did not answer in TLS (is it an http: URL?)',
  ERR_SSL_PACKET_LENGTH_TOO_LONG: 'the server did not answer in TLS (is it an http: URL?)',
};

const UNREACHABLE = {
  ECONNREFUSED: 'nothing is listening there (connection refused)',
  ENOTFOUND: 'the host name does not resolve',
  EAI_AGAIN: 'DNS did not answer; try again',
  ECONNRESET: 'the server closed the connection',
  EHOSTUNREACH: 'the host cannot be reached from this machine',
  ENETUNREACH: 'the network cannot be reached from this machine',
  ETIMEDOUT: 'the connection attempt timed out',
  EPIPE: 'the server closed the connection while the request was sent',
  HPE_INVALID_CONSTANT: 'the server did not answer in HTTP',
};

// In TLS 1.3 the client finishes its handshake before the server has judged its certificate (RFC 8446 §4.4.2); a
// server that refuses it (or wanted one and got none) sends an alert and closes, and when the request already sent
// is unread that close is a reset which can overtake the alert. A reset right after the handshake, before any
// response, is read as that refusal.
const RESET_AFTER_HANDSHAKE = {
  withCertificate: 'the server reset the connection right after the TLS handshake, before any response: it most likely refused the client certificate (issued by a CA it does not trust, expired, or not the one registered)',
  withoutCertificate: 'the server reset the connection right after the TLS handshake, before any response: it most likely wanted a client certificate and none was sent (set mtls in the forward)',
};

/**
 * @param {NodeJS.ErrnoException} err an error from `http(s).request`
 * @param {string} origin the target origin, for the reason
 * @param {{ resetAfterHandshake?: boolean, clientCertificate?: boolean }} [context] whether the error is a reset
 *   after a completed TLS handshake and before any response, and whether a client certificate was presented
 * @returns {UpstreamFailure}
 */
export function upstreamFailureFrom(err, origin, { resetAfterHandshake = false, clientCertificate = false } = {}) {
  if (err instanceof UpstreamFailure) return err;
  const code = typeof err?.code === 'string' ? err.code : 'UNKNOWN';
  if (resetAfterHandshake && code === 'ECONNRESET') {
    const words = RESET_AFTER_HANDSHAKE[clientCertificate ? 'withCertificate' : 'withoutCertificate'];
    return new UpstreamFailure('tls', code, `TLS with ${origin} failed: ${words}`);
  }
  const tlsReason = SERVER_CERT[code] ?? CLIENT_CERT[code];
  if (tlsReason) return new UpstreamFailure('tls', code, `TLS with ${origin} failed: ${tlsReason}`);
  if (/^(ERR_SSL_|ERR_TLS_|ERR_OSSL_)|CERT/.test(code)) return new UpstreamFailure('tls', code, `TLS with ${origin} failed (${code})`);
  const words = UNREACHABLE[code] ?? 'the connection failed';
  return new UpstreamFailure('unreachable', code, `could not reach ${origin}: ${words} (${code})`);
}
