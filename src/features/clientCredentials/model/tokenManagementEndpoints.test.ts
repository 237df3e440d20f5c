// Where introspection and revocation go: discovery first, then the provider table's PingOne siblings, else nowhere.
import { describe, expect, it } from 'vitest';
import { tokenManagementEndpoints } from './tokenManagementEndpoints';

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
