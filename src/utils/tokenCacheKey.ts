// The token cache's key: which token requests count as "the same", with scope treated as a set.
import type { TokenCacheKeyParts } from '../types/token';

const WHITESPACE = /\s/;

/** Scope tokens sorted and de-duplicated; entries holding several space-separated tokens are split. */
function normaliseScopes(scope: readonly string[]): string[] {
  // Written as loops rather than flatMap/Set: this runs on every cache hit.
  const tokens: string[] = [];
  for (const s of scope) {
    if (WHITESPACE.test(s)) {
      for (const t of s.split(/\s+/)) if (t !== '') tokens.push(t);
    } else if (s !== '') tokens.push(s);
  }
  tokens.sort();
  let kept = 0;
  for (let i = 0; i < tokens.length; i += 1) if (i === 0 || tokens[i] !== tokens[kept - 1]) tokens[kept++] = tokens[i] as string;
  tokens.length = kept;
  return tokens;
}

/**
 * The parts as the cache keeps them: scope normalised as in {@link cacheKey}, empty audience/resource dropped,
 * so two requests with the same key are described the same way.
 */
export function normaliseCacheKeyParts(parts: TokenCacheKeyParts): TokenCacheKeyParts {
  const out: TokenCacheKeyParts = { clientId: parts.clientId, env: parts.env, scope: normaliseScopes(parts.scope) };
  if (parts.audience) out.audience = parts.audience;
  if (parts.resource) out.resource = parts.resource;
  return out;
}

const field = (value: string) => `${value.length}:${value};`;

/**
 * The cache key for a token request. Scope is a set (RFC 6749 §3.3: order does not matter, duplicates mean
 * nothing); audience and resource stay separate fields because servers treat them differently (RFC 8707).
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.3
 */
export function cacheKey(parts: TokenCacheKeyParts): string {
  // Length-prefixed fields are unambiguous whatever characters client IDs or audiences contain (and cheaper
  // than JSON on the hit path).
  let key = field(parts.env) + field(parts.clientId) + field(parts.audience || '') + field(parts.resource || '');
  for (const scope of normaliseScopes(parts.scope)) key += field(scope);
  return key;
}
