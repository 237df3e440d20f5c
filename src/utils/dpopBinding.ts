// The DPoP binding of a token (RFC 9449 §6): `token_type` DPoP and `cnf.jkt` equal to our key's thumbprint.
import type { TokenCheckResult } from './tokenChecks';

/**
 * Checks a token's binding to the DPoP key: from a JWT access token's claims or an introspection answer, both of
 * which carry `cnf.jkt` (RFC 9449 §6.1, §6.2). `tokenType` is the token response's, lower-cased.
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-6
 */
export function checkDpopBinding(claims: Record<string, unknown> | null, tokenType: string, jkt: string): TokenCheckResult[] {
  const results: TokenCheckResult[] = [
    tokenType === 'dpop'
      ? { check: 'token_type', ok: true, message: 'token_type is DPoP: the token is bound to the DPoP key.' }
      : { check: 'token_type', ok: false, message: `token_type is "${tokenType}", not DPoP: the server did not bind the token (does it support DPoP?).` },
  ];
  if (claims === null) {
    results.push({ check: 'cnf.jkt', ok: true, message: 'The token is opaque; introspect it to see cnf.jkt.' });
    return results;
  }
  const cnf = claims.cnf as { jkt?: unknown } | undefined;
  const bound = typeof cnf === 'object' && cnf !== null ? cnf.jkt : undefined;
  if (typeof bound !== 'string') results.push({ check: 'cnf.jkt', ok: false, message: 'The token has no cnf.jkt: it is not bound to any DPoP key.' });
  else if (bound !== jkt) results.push({ check: 'cnf.jkt', ok: false, message: `cnf.jkt is ${bound}, not this browser's DPoP key (${jkt}).` });
  else results.push({ check: 'cnf.jkt', ok: true, message: `cnf.jkt is the thumbprint of this browser's DPoP key (${jkt}).` });
  return results;
}
