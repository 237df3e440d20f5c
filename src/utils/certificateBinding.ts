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

/** The binding as a line of the token checks (`cnf`): a token from an mTLS method should be bound (RFC 8705 §3). */
export function bindingCheckLine(binding: BindingCheck): { check: string; ok: boolean; message: string } {
  switch (binding.status) {
    case 'unbound':
      return { check: 'cnf', ok: false, message: 'No cnf.x5t#S256: the token is not bound to the client certificate (RFC 8705 §3); anyone holding it can use it.' };
    case 'bound-unverified':
      return { check: 'cnf', ok: true, message: `Bound to a client certificate (cnf.x5t#S256 ${binding.thumbprint}); the certificate is a file the relay holds, so its thumbprint was not compared here.` };
    case 'bound':
      return binding.matches
        ? { check: 'cnf', ok: true, message: `Bound to the certificate the relay sent (cnf.x5t#S256 = its SHA-256 thumbprint ${binding.thumbprint}).` }
        : { check: 'cnf', ok: false, message: `cnf.x5t#S256 (${binding.thumbprint}) is not the thumbprint of the certificate the relay sent.` };
  }
}
