// Scope values: the one tokenizer, and the one reading of what scope a token was granted.
import { decodeJwt } from 'jose';

/**
 * Splits a scope value into its tokens, in order, each once. RFC 6749 §3.3: a scope is a list of space-delimited,
 * case-sensitive tokens; other whitespace (a pasted tab or newline) also separates, since no token may contain
 * it. Arrays are accepted, and an entry holding several tokens is split too.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.3
 */
export function splitScopes(scopes: string | readonly string[] | undefined | null): string[] {
  if (scopes === undefined || scopes === null) return [];
  const parts = typeof scopes === 'string' ? scopes.split(/\s+/) : scopes.flatMap((s) => String(s).split(/\s+/));
  return [...new Set(parts.filter((s) => s.length > 0))];
}

/**
 * The scope a token was granted, as the server said it: the token response's `scope` when present (RFC 6749
 * §5.1), else the `scope` claim of a JWT access token (RFC 9068 §2.2.3, read without verifying: for display and
 * diagnostics only). Undefined when neither says.
 * @see https://www.rfc-editor.org/rfc/rfc9068#section-2.2.3
 */
export function grantedScopeOf(token: { accessToken: string; scope?: string | undefined }): string | undefined {
  if (typeof token.scope === 'string') return token.scope;
  try {
    const claim = decodeJwt(token.accessToken).scope;
    return typeof claim === 'string' ? claim : undefined;
  } catch {
    return undefined; // an opaque token says nothing about its scope
  }
}
