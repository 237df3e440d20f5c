// The hosted rows as data: field labels (the product's accessible names), endpoint builders (empty while
// incomplete), validators, browser refusal, and which documented error a response is.
import { describe, expect, it } from 'vitest';
import { PROVIDERS, hostedEndpoints, hostedFormEndpoints, providerIdentity } from '../providers';
import { cognitoScope, entraDefaultScope } from '../../utils/providerScopes';
import { providerErrorHints } from './errorKnowledge';

const HOSTED = ['entra', 'auth0', 'okta', 'keycloak', 'cognito'] as const;
const field = (id: (typeof HOSTED)[number], key: string) => PROVIDERS[id].hosted!.fields.find((f) => f.key === key)!;

describe('hosted provider rows', () => {
  it('label their fields exactly as the product spec names them', () => {
    expect(Object.fromEntries(HOSTED.map((id) => [id, PROVIDERS[id].hosted!.fields.map((f) => f.label)]))).toEqual({
      entra: ['Tenant ID or domain'],
      auth0: ['Auth0 domain'],
      okta: ['Okta domain', 'Authorization server'],
      keycloak: ['Keycloak base URL', 'Realm'],
      cognito: ['Cognito domain'],
    });
  });

  it('give empty endpoints while a field is missing or invalid', () => {
    for (const id of HOSTED) expect(hostedEndpoints(id, {})).toEqual({ tokenEndpoint: '', issuer: '', discoveryUrl: '', jwksUri: '' });
    expect(hostedEndpoints('okta', { domain: 'dev-1.okta.com' })?.tokenEndpoint).toBe('');
    expect(hostedEndpoints('keycloak', { baseUrl: 'http://sso.example.com', realm: 'acme' })?.tokenEndpoint).toBe('');
    expect(hostedEndpoints('auth0', { domain: 'tenant.auth0.com/path' })?.tokenEndpoint).toBe('');
    expect(hostedEndpoints('sandbox', {})).toBeUndefined();
  });

  it('build each provider\'s documented endpoints', () => {
    expect(hostedEndpoints('entra', { tenant: '8EAEF023-2B34-4DA1-9BAA-8BC8C9D6A490' })).toEqual({
      tokenEndpoint: 'https://login.microsoftonline.com/8eaef023-2b34-4da1-9baa-8bc8c9d6a490/oauth2/v2.0/token',
      issuer: '',
      discoveryUrl: 'https://login.microsoftonline.com/8eaef023-2b34-4da1-9baa-8bc8c9d6a490/v2.0/.well-known/openid-configuration',
      jwksUri: 'https://login.microsoftonline.com/8eaef023-2b34-4da1-9baa-8bc8c9d6a490/discovery/v2.0/keys',
    });
    expect(hostedEndpoints('auth0', { domain: 'https://Login.Example.com/' })).toEqual({
      tokenEndpoint: 'https://login.example.com/oauth/token',
      issuer: 'https://login.example.com/',
      discoveryUrl: 'https://login.example.com/.well-known/openid-configuration',
      jwksUri: 'https://login.example.com/.well-known/jwks.json',
    });
    expect(hostedEndpoints('okta', { domain: 'dev-1.okta.com', authorizationServer: 'org' })).toEqual({
      tokenEndpoint: 'https://dev-1.okta.com/oauth2/v1/token',
      issuer: 'https://dev-1.okta.com',
      discoveryUrl: 'https://dev-1.okta.com/.well-known/openid-configuration',
      jwksUri: 'https://dev-1.okta.com/oauth2/v1/keys',
      introspectionEndpoint: 'https://dev-1.okta.com/oauth2/v1/introspect',
      revocationEndpoint: 'https://dev-1.okta.com/oauth2/v1/revoke',
    });
    expect(hostedEndpoints('okta', { domain: 'dev-1.okta.com', authorizationServer: 'aus1abc' })).toMatchObject({
      tokenEndpoint: 'https://dev-1.okta.com/oauth2/aus1abc/v1/token',
      issuer: 'https://dev-1.okta.com/oauth2/aus1abc',
      discoveryUrl: 'https://dev-1.okta.com/oauth2/aus1abc/.well-known/openid-configuration',
    });
    expect(hostedEndpoints('keycloak', { baseUrl: 'http://localhost:8080/', realm: 'acme' })).toEqual({
      tokenEndpoint: 'http://localhost:8080/realms/acme/protocol/openid-connect/token',
      issuer: 'http://localhost:8080/realms/acme',
      discoveryUrl: 'http://localhost:8080/realms/acme/.well-known/openid-configuration',
      jwksUri: 'http://localhost:8080/realms/acme/protocol/openid-connect/certs',
      introspectionEndpoint: 'http://localhost:8080/realms/acme/protocol/openid-connect/token/introspect',
      revocationEndpoint: 'http://localhost:8080/realms/acme/protocol/openid-connect/revoke',
    });
    expect(hostedEndpoints('cognito', { domain: 'auth.example.com' })).toEqual({
      tokenEndpoint: 'https://auth.example.com/oauth2/token', issuer: '', discoveryUrl: '', jwksUri: '',
    });
  });

  it('fill the form\'s endpoint fields, and the status bar names the host', () => {
    const endpoints = hostedFormEndpoints('auth0', { domain: 'tenant.eu.auth0.com' });
    expect(endpoints.issuerOrDiscoveryUrl).toBe('https://tenant.eu.auth0.com/.well-known/openid-configuration');
    expect(providerIdentity('auth0', endpoints)).toEqual({ provider: 'auth0', label: 'Auth0', host: 'tenant.eu.auth0.com' });
    expect(hostedFormEndpoints('custom', {})).toEqual({ tokenEndpoint: '', issuer: '', jwksUri: '', issuerOrDiscoveryUrl: '' });
  });

  it('validate their fields with field-level messages', () => {
    expect(field('entra', 'tenant').validate('')).toMatch(/required/);
    expect(field('entra', 'tenant').validate('common')).toMatch(/AADSTS9001023/);
    expect(field('entra', 'tenant').validate('contoso.onmicrosoft.com')).toBeUndefined();
    expect(field('entra', 'tenant').validate('not a tenant')).toMatch(/GUID or a domain/);
    expect(field('auth0', 'domain').validate('https://t.auth0.com/oauth/token')).toMatch(/without a path/);
    expect(field('okta', 'authorizationServer').initialValue).toBe('default');
    expect(field('okta', 'authorizationServer').validate('a/b')).toMatch(/org or an ID/);
    expect(field('keycloak', 'baseUrl').validate('http://sso.example.com')).toMatch(/https/);
    expect(field('keycloak', 'realm').validate('my realm')).toMatch(/without/);
    expect(field('cognito', 'domain').validate('my-prefix.auth.us-east-1.amazoncognito.com')).toBeUndefined();
  });

  it('pre-tick the relay only where the provider refuses browser calls (Entra ID)', () => {
    expect(HOSTED.filter((id) => PROVIDERS[id].hosted!.browserRefused)).toEqual(['entra']);
    expect(PROVIDERS.entra.hosted!.browserRefused!.reason).toContain('AADSTS9002326');
  });

  it('carry the documented assertion audience, certificate header and required audience', () => {
    expect(Object.fromEntries(HOSTED.map((id) => [id, PROVIDERS[id].assertionAudience]))).toEqual({
      entra: 'token_endpoint', auth0: 'issuer', okta: 'token_endpoint', keycloak: 'token_endpoint', cognito: 'token_endpoint',
    });
    expect(PROVIDERS.entra.hosted!.certificateHeader).toBe('x5t#S256');
    expect(PROVIDERS.auth0.hosted!.requiredParameters.map((p) => p.field)).toEqual(['audience']);
    expect(PROVIDERS.cognito.authMethods).toEqual(['client_secret_basic']);
    for (const id of ['sandbox', 'pingone', 'microauthd', 'custom'] as const) expect(PROVIDERS[id].hosted).toBeUndefined();
  });

  it('cite a source for every quirk, error case and row', () => {
    for (const id of HOSTED) {
      const row = PROVIDERS[id].hosted!;
      const urls = [...row.sources, ...row.quirks.map((q) => q.source), ...row.errorKnowledge.map((e) => e.source)];
      for (const url of urls) expect(url).toMatch(/^https:\/\//);
      for (const hint of row.errorKnowledge) expect(hint.error ?? hint.match).toBeTruthy();
    }
  });
});

describe('providerErrorHints', () => {
  const entra = PROVIDERS.entra.hosted!.errorKnowledge;
  it('picks the case by the provider\'s own code in error_description', () => {
    const hints = providerErrorHints(entra, {
      error: 'invalid_client',
      error_description: 'AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value.',
    });
    expect(hints.map((h) => h.match)).toEqual(['AADSTS7000215']);
  });

  it('needs both the error code and the message when a case names both', () => {
    const keycloak = PROVIDERS.keycloak.hosted!.errorKnowledge;
    expect(providerErrorHints(keycloak, { error: 'unauthorized_client', error_description: 'Client not enabled to retrieve service account' })).toHaveLength(1);
    expect(providerErrorHints(keycloak, { error: 'invalid_request', error_description: 'Client not enabled to retrieve service account' })).toHaveLength(0);
  });

  it('matches a case with only an error code (Cognito answers without a description)', () => {
    expect(providerErrorHints(PROVIDERS.cognito.hosted!.errorKnowledge, { error: 'invalid_client' }).map((h) => h.error)).toEqual(['invalid_client']);
    expect(providerErrorHints(entra, {})).toEqual([]);
  });
});

describe('provider scope helpers', () => {
  it('Entra: {resource}/.default, appended as typed (a trailing slash keeps its double slash)', () => {
    expect(entraDefaultScope('https://graph.microsoft.com')).toBe('https://graph.microsoft.com/.default');
    expect(entraDefaultScope('https://management.azure.com/')).toBe('https://management.azure.com//.default');
    expect(entraDefaultScope('api://11111111-2222-3333-4444-555555555555/.default')).toBe('api://11111111-2222-3333-4444-555555555555/.default');
    expect(entraDefaultScope(' ')).toBeUndefined();
    expect(PROVIDERS.entra.hosted!.scopeHelper!.build({ resource: 'api://orders' })).toBe('api://orders/.default');
  });

  it('Cognito: {resourceServer}/{scope}', () => {
    expect(cognitoScope('https://api.example.com/', 'orders.read')).toBe('https://api.example.com/orders.read');
    expect(cognitoScope('orders', '')).toBeUndefined();
    expect(PROVIDERS.cognito.hosted!.scopeHelper!.build({ resourceServer: 'orders', scopeName: 'read' })).toBe('orders/read');
  });
});
