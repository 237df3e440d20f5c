// The one reading of what scope a token was granted (apart from the tokenizer: it needs a JWT decoder).
import { decodeJwt } from 'jose';

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
