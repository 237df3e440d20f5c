// The granted scope of a token: the response's scope, else the JWT claim.
import { describe, expect, it } from 'vitest';
import { grantedScopeOf } from './grantedScope';

const b64 = (v: unknown) => btoa(JSON.stringify(v)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
const jwt = (claims: Record<string, unknown>) => `${b64({ alg: 'RS256' })}.${b64(claims)}.c2ln`;

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
