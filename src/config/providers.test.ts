// The provider table: every provider has a row, and its identity is what the status bar shows.
import { describe, expect, it } from 'vitest';
import { AUTH_METHODS } from '../types/token';
import { MICROAUTHD_AUTH_METHODS } from './microauthd';
import { PROVIDER_IDS } from './providerBasics';
import { microauthdEndpoints, PROVIDERS, providerEndpoints, providerIdentity } from './providers';

const ENV = '6a1c2e4d-8b3f-4c5a-9e7d-1f2b3c4d5e6f';
const at = { environmentId: ENV, region: 'EU', issuer: 'https://as.example.com', tokenEndpoint: 'https://as.example.com/oauth2/token', issuerOrDiscoveryUrl: '' };

describe('provider table', () => {
  it('has one row per provider, keyed by its id', () => {
    expect(PROVIDER_IDS.map((id) => PROVIDERS[id].id)).toEqual([...PROVIDER_IDS]);
  });

  it('names PingOne and the sandbox by environment (+ region), microauthd and Custom by host', () => {
    expect(providerIdentity('pingone', at)).toEqual({ provider: 'pingone', label: 'PingOne', environmentId: ENV, region: 'EU' });
    expect(providerIdentity('sandbox', at)).toMatchObject({ label: 'Local sandbox', environmentId: ENV, region: 'this machine' });
    expect(providerIdentity('custom', at)).toEqual({ provider: 'custom', label: 'Custom', host: 'as.example.com' });
    expect(providerIdentity('custom', { ...at, issuer: '', tokenEndpoint: 'https://other.example.org:8443/token' }).host).toBe('other.example.org:8443');
    expect(providerIdentity('microauthd', { issuer: 'http://127.0.0.1:9040' })).toMatchObject({ label: 'microauthd', host: '127.0.0.1:9040' });
  });

  it('microauthd accepts only the secret methods; the others every method', () => {
    expect(PROVIDERS.microauthd.authMethods).toEqual(MICROAUTHD_AUTH_METHODS);
    for (const id of ['sandbox', 'pingone', 'custom'] as const) expect(PROVIDERS[id].authMethods).toEqual(AUTH_METHODS);
  });

  it('microauthd endpoints include its JWKS, from the base URL or the sandbox emulation', () => {
    expect(microauthdEndpoints('http://127.0.0.1:9040/')).toEqual({
      issuerOrDiscoveryUrl: 'http://127.0.0.1:9040', issuer: 'http://127.0.0.1:9040', tokenEndpoint: 'http://127.0.0.1:9040/token', jwksUri: 'http://127.0.0.1:9040/jwks.json',
    });
    const sandbox = { environmentId: ENV, tokenEndpoint: 't', issuer: 'i', jwksUri: 'j', discoveryUrl: 'd', microauthdBase: 'http://localhost:4500/microauthd' };
    expect(providerEndpoints('microauthd', at, sandbox).tokenEndpoint).toBe('http://localhost:4500/microauthd/token');
  });
});
