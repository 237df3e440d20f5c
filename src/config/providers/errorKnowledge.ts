// Which of a provider's documented error cases an OAuth error response is: the provider's own code or message
// decides, so an AADSTS number or a Keycloak description picks its cause and fix, never a guess.
import type { ProviderErrorHint } from './types';

/** The parts of an RFC 6749 §5.2 error response a hint is matched on (server text: read, never rendered as HTML). */
export interface OAuthErrorFields {
  error?: string | undefined;
  error_description?: string | undefined;
}

/**
 * The hints that fit this error, in the row's order: a hint's `match` must occur in `error_description`
 * (case-insensitively) and its `error`, when given, must equal the response's `error`.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
export function providerErrorHints(hints: readonly ProviderErrorHint[], response: OAuthErrorFields): ProviderErrorHint[] {
  const description = (response.error_description ?? '').toLowerCase();
  return hints.filter((hint) => {
    if (hint.error !== undefined && hint.error !== response.error) return false;
    if (hint.match !== undefined && !description.includes(hint.match.toLowerCase())) return false;
    return hint.error !== undefined || hint.match !== undefined;
  });
}
