// Scope values: the one tokenizer (on the TokenCache's hit path, so it stays free of JWT code).

const HAS_WHITESPACE = /\s/;
const WHITESPACE_RUN = /\s+/;

/**
 * Splits a scope value into its tokens, in order, each once. RFC 6749 §3.3: a scope is a list of space-delimited,
 * case-sensitive tokens; other whitespace (a pasted tab or newline) also separates, since no token may contain
 * it. Arrays are accepted, and an entry holding several tokens is split too.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.3
 */
export function splitScopes(scopes: string | readonly string[] | undefined | null): string[] {
  if (scopes === undefined || scopes === null) return [];
  // Plain loops, no closures: this runs on every TokenCache hit, and a chip list of single tokens needs no split.
  const tokens: string[] = [];
  const entries = typeof scopes === 'string' ? [scopes] : scopes;
  for (const raw of entries) {
    const entry = String(raw);
    if (!HAS_WHITESPACE.test(entry)) {
      if (entry.length > 0) tokens.push(entry);
      continue;
    }
    for (const token of entry.split(WHITESPACE_RUN)) if (token.length > 0) tokens.push(token);
  }
  return tokens.length < 2 ? tokens : firstOccurrences(tokens);
}

/** Each token once, in first-seen order (a Set only for long lists, where includes() would turn quadratic). */
function firstOccurrences(tokens: string[]): string[] {
  if (tokens.length > 32) return [...new Set(tokens)];
  const kept: string[] = [];
  for (const token of tokens) if (!kept.includes(token)) kept.push(token);
  return kept;
}
