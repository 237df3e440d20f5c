// The three functions oidc-provider's features.mTLS needs from its host: the request's certificate, whether the
// listener verified it, and whether its subject is the registered one (oidc-provider decides; the listener only asks
// for a certificate and lets any through).
import { presentedCertificate } from './presentedCertificate.js';

/** @type {typeof import('@peculiar/x509') | undefined} */
let x509;
let loading;

/**
 * Loads what subject DN matching needs (@peculiar/x509, about 0.1 s of CPU to import): the mTLS listener calls it
 * before it handles its first request, so a start that never sees an mTLS request never pays for it. oidc-provider
 * calls `certificateSubjectMatches` synchronously, hence the separate step.
 * @returns {Promise<void>}
 */
export function loadSubjectMatching() {
  // @peculiar/x509's dependency tsyringe needs the Reflect metadata API loaded first.
  loading ??= import('reflect-metadata').then(() => import('@peculiar/x509')).then((module) => {
    x509 = module;
  });
  return loading;
}

function loaded() {
  if (!x509) throw new Error('subject DN matching is not loaded: await loadSubjectMatching() first');
  return x509;
}

/** Each RDN as JSON with its attributes sorted, so a space after a comma, escaping and multi-valued RDN order do not matter. */
const normalized = (rdns) => rdns.map((rdn) => JSON.stringify(Object.entries(rdn).sort()));

/** The RDNs of an RFC 4514 string (attribute names as RFC 4514 §3 spells them: CN, O, …), or undefined if unreadable. */
function parseDn(dn) {
  try {
    return normalized(new (loaded().Name)(dn).toJSON());
  } catch {
    return undefined;
  }
}

/**
 * Whether the certificate's subject is the registered `tls_client_auth_subject_dn`. The other tls_client_auth_*
 * properties are not used by any sandbox client and do not match. Needs {@link loadSubjectMatching} to have settled.
 * @param {import('node:crypto').X509Certificate | undefined} certificate
 * @see https://www.rfc-editor.org/rfc/rfc8705#section-2.1.2
 */
export function subjectMatches(certificate, property, expected) {
  if (!certificate || property !== 'tls_client_auth_subject_dn') return false;
  // RFC 4514 §2.1 writes the last RDN of the certificate's sequence first.
  const presented = normalized(new (loaded().X509Certificate)(certificate.raw).subjectName.toJSON()).reverse();
  const wanted = parseDn(expected);
  return wanted !== undefined && wanted.length === presented.length && wanted.every((rdn, i) => rdn === presented[i]);
}

/**
 * oidc-provider's `features.mTLS`: tls_client_auth (a certificate the listener verified against the demo CA and whose
 * subject is the registered one), self_signed_tls_client_auth (a certificate registered in the client's jwks) and
 * certificate-bound access tokens.
 * @see https://www.rfc-editor.org/rfc/rfc8705
 */
export function mtlsFeature() {
  return {
    enabled: true,
    certificateBoundAccessTokens: true,
    tlsClientAuth: true,
    selfSignedTlsClientAuth: true,
    getCertificate: (ctx) => presentedCertificate(ctx.req),
    // `authorized` is Node's verdict on the chain against the listener's `ca` (the demo CA).
    certificateAuthorized: (ctx) => ctx.req.socket?.authorized === true,
    certificateSubjectMatches: (ctx, property, expected) => subjectMatches(presentedCertificate(ctx.req), property, expected),
  };
}
