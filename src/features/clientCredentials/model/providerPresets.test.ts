// Provider presets and the config → form mapping: what each choice fills, and where each value came from.
import { describe, expect, it } from 'vitest';
import { PINGONE_WORKER_SCOPES } from '../../../config/pingone';
import { AUTH_METHODS } from '../../../types/token';
import { resolveConfig } from '../../../services/config/resolve';
import { createDefaultSettings } from '../../../services/config/settings';
import { formFromConfig } from './configToForm';
import { DEFAULT_FLOW_FORM } from './flowFormSchema';
import { DEFAULT_ASSERTION_LIFETIME_SECONDS, DEFAULT_AUTH_METHOD, DEFAULT_CLOCK_SKEW_SECONDS, DEFAULT_PROACTIVE_REFRESH_SECONDS } from '../../../config/defaults';
import { demoClientPatch, microauthdPatch, offeredAuthMethods, offeredSigningAlgs, pingOneEndpoints, providerPatch } from './providerPresets';

const ENV = '6a1c2e4d-8b3f-4c5a-9e7d-1f2b3c4d5e6f';

describe('provider presets', () => {
  it('derives PingOne endpoints from region and environment, and nothing from a non-UUID', () => {
    expect(pingOneEndpoints('EU', ENV)).toEqual({
      tokenEndpoint: `https://auth.pingone.eu/${ENV}/as/token`,
      issuer: `https://auth.pingone.eu/${ENV}/as`,
      jwksUri: `https://auth.pingone.eu/${ENV}/as/jwks`,
    });
    expect(pingOneEndpoints('NA', 'not-a-uuid').tokenEndpoint).toBe('');
  });

  it('switching to PingOne clears the old endpoint and proposes the worker scopes', () => {
    const form = { ...DEFAULT_FLOW_FORM, provider: 'custom' as const, tokenEndpoint: 'https://old.example.com/token' };
    const values = Object.assign({}, ...providerPatch(form, 'pingone', undefined).map((p) => p.values));
    expect(values).toMatchObject({ provider: 'pingone', tokenEndpoint: '', scopes: [...PINGONE_WORKER_SCOPES] });
  });

  it('offers only what discovery advertises (unless overridden), and only the secret methods for microauthd', () => {
    expect(offeredAuthMethods('custom', ['client_secret_post', 'private_key_jwt'], false)).toEqual({ options: ['client_secret_post', 'private_key_jwt'], narrowed: true });
    expect(offeredAuthMethods('custom', ['client_secret_post'], true).options).toEqual(AUTH_METHODS);
    expect(offeredAuthMethods('custom', ['tls_client_auth'], false).options).toEqual(['tls_client_auth']); // RFC 8705, through the relay
    expect(offeredAuthMethods('custom', ['none'], false).options).toEqual(AUTH_METHODS); // nothing usable: offer all
    expect(offeredAuthMethods('microauthd', undefined, true).options).toEqual(['client_secret_basic', 'client_secret_post']);
    expect(offeredSigningAlgs('custom', ['RS256', 'HS256'], false).options).toEqual(['RS256']);
  });

  it('an mTLS demo client brings its certificate references, the mTLS token endpoint and the relay in one selection', () => {
    const patch = demoClientPatch({
      client_id: 'sandbox-tls', token_endpoint_auth_method: 'tls_client_auth', scope: 'p1:read:device', purpose: '', roles: [], provider: 'pingone',
      certRef: 'tls.crt.pem', keyRef: 'tls.key.pem', caRef: 'ca.pem', mtls_token_endpoint: 'https://localhost:4543/env/as/token',
    });
    expect(patch.values).toMatchObject({
      authMethod: 'tls_client_auth', viaRelay: true, mtlsCertRef: 'tls.crt.pem', mtlsKeyRef: 'tls.key.pem', mtlsCaRef: 'ca.pem',
      mtlsTokenEndpoint: 'https://localhost:4543/env/as/token',
    });
    // A secret demo client leaves the relay setting alone.
    expect(demoClientPatch({ client_id: 'b', token_endpoint_auth_method: 'client_secret_basic', scope: '', purpose: '', roles: [], provider: 'pingone' }).values).not.toHaveProperty('viaRelay');
  });

  it('a PingOne demo client asks for the least-privilege worker scopes it is allowed', () => {
    const patch = demoClientPatch({
      client_id: 'c', token_endpoint_auth_method: 'client_secret_basic', scope: `${PINGONE_WORKER_SCOPES.join(' ')} p1:create:pairingKey`,
      purpose: '', roles: [], provider: 'pingone',
    });
    expect(patch.values.scopes).toEqual([...PINGONE_WORKER_SCOPES]);
  });
});

describe('formFromConfig', () => {
  it('maps the resolved configuration and keeps each field’s source (defaults get no badge)', () => {
    const resolved = resolveConfig({
      env: { VITE_PROVIDER: 'pingone', VITE_PINGONE_ENVIRONMENT_ID: ENV },
      settingsJson: { provider: { clientId: 'worker-1' }, oauth: { clientCredentials: { authMethod: 'client_secret_post' } } },
      defaults: createDefaultSettings({ clientCredentialsEnabled: true }),
    });
    const { form, sources } = formFromConfig(resolved);
    expect(form).toMatchObject({ provider: 'pingone', environmentId: ENV, clientId: 'worker-1', authMethod: 'client_secret_post', tokenEndpoint: `https://auth.pingone.com/${ENV}/as/token` });
    expect(form.scopes).toEqual([...PINGONE_WORKER_SCOPES]);
    expect(sources).toMatchObject({ provider: '.env', environmentId: '.env', clientId: 'settings.json', authMethod: 'settings.json' });
    expect(sources.region).toBeUndefined();
  });

  it('never configures a JWT method for microauthd', () => {
    const resolved = resolveConfig({
      settingsJson: { provider: { preset: 'microauthd', microauthd: { baseUrl: 'http://127.0.0.1:9040' } } },
      defaults: createDefaultSettings({ clientCredentialsEnabled: true }),
    });
    const { form } = formFromConfig(resolved);
    expect(form.authMethod).toBe('client_secret_basic');
    expect(form.tokenEndpoint).toBe('http://127.0.0.1:9040/token');
  });

  it('fills microauthd from configuration exactly as choosing the preset does (JWKS included)', () => {
    const resolved = resolveConfig({
      settingsJson: { provider: { preset: 'microauthd', microauthd: { baseUrl: 'http://127.0.0.1:9040' } } },
      defaults: createDefaultSettings({ clientCredentialsEnabled: true }),
    });
    const { form } = formFromConfig(resolved);
    const { values } = microauthdPatch('http://127.0.0.1:9040');
    expect(form).toMatchObject(values);
    expect(form.jwksUri).toBe('http://127.0.0.1:9040/jwks.json');
  });

  it('starts from the playground defaults (src/config/defaults.ts)', () => {
    expect(DEFAULT_FLOW_FORM).toMatchObject({
      proactiveRefreshSeconds: DEFAULT_PROACTIVE_REFRESH_SECONDS,
      clockSkewSeconds: DEFAULT_CLOCK_SKEW_SECONDS,
      assertionLifetimeSeconds: DEFAULT_ASSERTION_LIFETIME_SECONDS,
      authMethod: DEFAULT_AUTH_METHOD,
    });
  });
});
