// What the demo mTLS certificates are called and how long they last: shared by the code that issues them (loaded only
// when they must be issued) and the code that checks the ones kept from an earlier start.

/** Days a demo certificate is valid for. */
export const VALID_DAYS = 30;

export const DEMO_ORGANIZATION = 'OAuth M2M Playground DEMO-ONLY sandbox';

/** The RFC 4514 subject DN registered for `sandbox-tls` (tls_client_auth_subject_dn, RFC 8705 §2.1.2). */
export const TLS_CLIENT_SUBJECT_DN = `CN=sandbox-tls,O=${DEMO_ORGANIZATION}`;

// @peculiar/x509 takes names in ASN.1 order (O first), the reverse of RFC 4514's string order (RFC 4514 §2.1).
export const CA_NAME = `O=${DEMO_ORGANIZATION}, CN=DEMO-ONLY sandbox CA`;
export const SERVER_NAME = `O=${DEMO_ORGANIZATION}, CN=localhost`;
export const TLS_CLIENT_NAME = `O=${DEMO_ORGANIZATION}, CN=sandbox-tls`;
export const SELF_SIGNED_NAME = `O=${DEMO_ORGANIZATION}, CN=sandbox-self-signed-tls`;

/** The listener certificate's subjectAltName entries. */
export const SERVER_HOSTS = Object.freeze({ dns: ['localhost'], ip: ['127.0.0.1', '::1'] });
