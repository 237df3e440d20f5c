// Where introspection and revocation go: discovery first, then the provider table's PingOne siblings, else nowhere.
import { describe, expect, it } from 'vitest';
import { tokenManagementEndpoints, tokenManagementUnavailableReason } from './tokenManagementEndpoints';

const PINGONE_TOKEN = 'https://auth.pingone.eu/env-1/as/token';

describe('tokenManagementEndpoints', () => {
  it('uses /as/introspect and /as/revoke beside /as/token for PingOne and the sandbox', () => {
    expect(tokenManagementEndpoints({ provider: 'pingone', tokenEndpoint: PINGONE_TOKEN })).toEqual({
      introspection: 'https://auth.pingone.eu/env-1/as/introspect',
      revocation: 'https://auth.pingone.eu/env-1/as/revoke',
    });
  });

  it('prefers discovery, and guesses nothing for a custom server or microauthd', () => {
    expect(tokenManagementEndpoints({ provider: 'pingone', tokenEndpoint: PINGONE_TOKEN }, { introspection_endpoint: 'https://x/i' }).introspection).toBe('https://x/i');
    expect(tokenManagementEndpoints({ provider: 'custom', tokenEndpoint: 'https://as.example.com/as/token' })).toEqual({ introspection: undefined, revocation: undefined });
    expect(tokenManagementEndpoints({ provider: 'microauthd', tokenEndpoint: 'http://localhost:4500/microauthd/token' })).toEqual({ introspection: undefined, revocation: undefined });
  });
});

describe('endpoints typed by hand', () => {
  const CUSTOM = { provider: 'custom' as const, tokenEndpoint: 'https://as.example.com/oauth/token' };

  it('win over discovery and the provider row, normalised like the token endpoint', () => {
    expect(
      tokenManagementEndpoints({ provider: 'pingone', tokenEndpoint: PINGONE_TOKEN }, { introspection_endpoint: 'https://x/i' }, { introspection: '  https://as.example.com/oauth/introspect/  ', revocation: '' }),
    ).toEqual({ introspection: 'https://as.example.com/oauth/introspect/', revocation: 'https://auth.pingone.eu/env-1/as/revoke' });
    expect(tokenManagementEndpoints(CUSTOM, {}, { revocation: 'http://localhost:9040/revoke' })).toEqual({ introspection: undefined, revocation: 'http://localhost:9040/revoke' });
  });

  it('refused by the token endpoint rules give no endpoint, never a fallback, and say why', () => {
    const typed = { introspection: 'http://as.example.com/introspect' };
    expect(tokenManagementEndpoints(CUSTOM, { introspection_endpoint: 'https://as.example.com/i' }, typed).introspection).toBeUndefined();
    expect(tokenManagementUnavailableReason('introspection', CUSTOM, {}, typed)).toMatch(/^The introspection endpoint you typed cannot be used: .*https/);
  });
});

describe('tokenManagementUnavailableReason', () => {
  it('is undefined when an endpoint is known', () => {
    expect(tokenManagementUnavailableReason('revocation', { provider: 'pingone', tokenEndpoint: PINGONE_TOKEN }, undefined)).toBeUndefined();
    expect(tokenManagementUnavailableReason('introspection', { provider: 'custom', tokenEndpoint: '' }, undefined, { introspection: 'https://as.example.com/i' })).toBeUndefined();
  });

  it.each([
    ['discovery not run', 'custom', 'https://as.example.com/token', undefined, 'introspection', /^No introspection endpoint is known yet: run discovery from the issuer, or type the introspection endpoint\.$/],
    ['discovery without it', 'custom', 'https://as.example.com/token', {}, 'revocation', /does not advertise a revocation_endpoint \(RFC 8414 §2\); if the server has one anyway, type the revocation endpoint\.$/],
    ['a PingOne-shaped row with another path', 'pingone', 'https://auth.pingone.eu/env-1/oauth/token', {}, 'introspection', /does not end in \/as\/token, so the introspection endpoint beside it \(\/as\/introspect\) cannot be assumed/],
    ['microauthd', 'microauthd', 'http://localhost:4500/microauthd/token', {}, 'revocation', /does not advertise a revocation_endpoint/],
  ] as const)('explains %s', (_name, provider, tokenEndpoint, discovered, kind, reason) => {
    expect(tokenManagementUnavailableReason(kind, { provider, tokenEndpoint }, discovered)).toMatch(reason);
  });
});
