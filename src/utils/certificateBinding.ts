// RFC 8705 §3.1: a certificate-bound access token carries `cnf.x5t#S256`, the SHA-256 thumbprint of the client
// certificate; the token check compares it with the thumbprint the relay reported for the certificate it sent.

/** What the token says about its binding, and whether it matches the certificate used. */
export type BindingCheck =
  | { status: 'unbound' }
  | { status: 'bound'; thumbprint: string; matches: boolean }
  /** bound, but the certificate is a file the relay holds: the app never saw its thumbprint */
  | { status: 'bound-unverified'; thumbprint: string };

/** `cnf.x5t#S256` of a decoded token payload, when it is a string. */
export function certificateThumbprintOf(payload: Record<string, unknown> | undefined): string | undefined {
  const cnf = payload?.cnf;
  if (cnf === null || typeof cnf !== 'object') return undefined;
  const value = (cnf as Record<string, unknown>)['x5t#S256'];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * Compares the token's `cnf.x5t#S256` with `expected` (the `x5tS256` the relay's `POST /credentials` returned).
 * @see https://www.rfc-editor.org/rfc/rfc8705#section-3.1
 */
export function checkCertificateBinding(payload: Record<string, unknown> | undefined, expected: string | undefined): BindingCheck {
  const thumbprint = certificateThumbprintOf(payload);
  if (!thumbprint) return { status: 'unbound' };
  if (!expected) return { status: 'bound-unverified', thumbprint };
  return { status: 'bound', thumbprint, matches: thumbprint === expected };
}
