// The token cache's key: which token requests count as "the same", with scope treated as a set.
import type { TokenCacheKeyParts } from '../types/token';
import { splitScopes } from './scopes';

/** The scope as a set: the tokens ({@link splitScopes}), sorted, so order never makes two keys differ. */
function scopeSet(scope: readonly string[]): string[] {
  return splitScopes(scope).sort();
}

/**
 * The parts as the cache keeps them: scope normalised as in {@link cacheKey}, empty audience/resource dropped,
 * so two requests with the same key are described the same way.
 */
export function normaliseCacheKeyParts(parts: TokenCacheKeyParts): TokenCacheKeyParts {
  const out: TokenCacheKeyParts = { clientId: parts.clientId, env: parts.env, scope: scopeSet(parts.scope) };
  if (parts.audience) out.audience = parts.audience;
  if (parts.resource) out.resource = parts.resource;
  if (parts.jkt) out.jkt = parts.jkt;
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
  for (const scope of scopeSet(parts.scope)) key += field(scope);
  // A DPoP-bound token is usable only with its key (RFC 9449 §7.1), so the key's thumbprint is part of the key.
  if (parts.jkt) key += `jkt=${field(parts.jkt)}`;
  return key;
}

/**
 * A cache key computed once, for callers that ask for the same token again and again (a configuration, a
 * console): handing it to the cache makes a hit a map lookup instead of a key build (split, sort, concatenate).
 * Its parts are a normalised, frozen copy, so the key can never drift from what it was computed from.
 */
export class TokenCacheKey {
  readonly value: string;
  readonly parts: Readonly<TokenCacheKeyParts>;

  constructor(parts: TokenCacheKeyParts) {
    const normalised = normaliseCacheKeyParts(parts);
    Object.freeze(normalised.scope);
    this.parts = Object.freeze(normalised);
    this.value = cacheKey(normalised);
  }
}

/** What the cache's methods accept: the parts, or a key computed from them once. */
export type TokenCacheKeyInput = TokenCacheKeyParts | TokenCacheKey;

/** The key string for either form (a computed key is not computed again). */
export function keyValueOf(input: TokenCacheKeyInput): string {
  return input instanceof TokenCacheKey ? input.value : cacheKey(input);
}

/** The parts for either form. */
export function keyPartsOf(input: TokenCacheKeyInput): TokenCacheKeyParts {
  return input instanceof TokenCacheKey ? input.parts : input;
}
