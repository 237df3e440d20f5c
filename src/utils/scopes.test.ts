// The scope tokenizer and the granted scope of a token.
import { describe, expect, it } from 'vitest';
import { grantedScopeOf, splitScopes } from './scopes';

const b64 = (v: unknown) => btoa(JSON.stringify(v)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
const jwt = (claims: Record<string, unknown>) => `${b64({ alg: 'RS256' })}.${b64(claims)}.c2ln`;

describe('splitScopes', () => {
  it('splits on any whitespace, drops empties and duplicates, accepts arrays', () => {
    expect(splitScopes('  a  b\tc a ')).toEqual(['a', 'b', 'c']);
    expect(splitScopes(['a b', 'c'])).toEqual(['a', 'b', 'c']);
    expect(splitScopes(undefined)).toEqual([]);
    expect(splitScopes('')).toEqual([]);
  });

  it('keeps the first occurrence in order and is case-sensitive (RFC 6749 §3.3)', () => {
    expect(splitScopes('write Read read write')).toEqual(['write', 'Read', 'read']);
  });

  it('de-duplicates long pasted lists too, keeping first-seen order', () => {
    const many = Array.from({ length: 40 }, (_, n) => `s${n % 35}`);
    const split = splitScopes(many.join(' '));
    expect(split).toHaveLength(35);
    expect(split.slice(0, 3)).toEqual(['s0', 's1', 's2']);
    expect(splitScopes(['a b', 'a', 'b\tc'])).toEqual(['a', 'b', 'c']);
  });
});

describe('grantedScopeOf', () => {
  it('prefers the token response scope, then the JWT scope claim', () => {
    expect(grantedScopeOf({ accessToken: jwt({ scope: 'claim' }), scope: 'response' })).toBe('response');
    expect(grantedScopeOf({ accessToken: jwt({ scope: 'a b' }) })).toBe('a b');
  });

  it('is undefined for an opaque token or a JWT without a string scope', () => {
    expect(grantedScopeOf({ accessToken: 'opaque-token' })).toBeUndefined();
    expect(grantedScopeOf({ accessToken: jwt({ scp: ['a'] }) })).toBeUndefined();
  });
});
