// The provider table: what each provider (Local sandbox, PingOne, microauthd, the hosted identity services Entra ID,
// Auth0, Okta, Keycloak and Cognito, Custom) is, in one place, as data.
//
// Every "which provider is this" decision reads a row here: where the endpoints come from, what the status bar
// shows as its identity, which auth methods it accepts, its default scopes, which token checks apply and which
// step-4 console it gets (a key; the React component is picked in the flow's steps layer).
import { AUTH_METHODS, type AuthMethod } from '../types/token';
import type { AssertionAudience } from '../utils/oauth/assertionAudience';
import { MICROAUTHD_AUTH_METHODS, MICROAUTHD_DEFAULT_BASE_URL } from './microauthd';
import { authBase, PINGONE_WORKER_SCOPES, tokenEndpoint as pingOneTokenEndpoint } from './pingone';
import { PROVIDER_BASICS, type ProviderBasics, type ProviderId } from './providerBasics';
import { AUTH0 } from './providers/auth0';
import { COGNITO } from './providers/cognito';
import { ENTRA } from './providers/entra';
import { KEYCLOAK } from './providers/keycloak';
import { OKTA } from './providers/okta';
import type { HostedEndpoints, HostedProvider, HostedRow, ProviderFieldValues } from './providers/types';

/** The endpoint fields a provider fills. */
export interface ProviderEndpoints {
  tokenEndpoint: string;
  issuer: string;
  jwksUri: string;
  issuerOrDiscoveryUrl: string;
}

/** Where a provider is, as the form (or the configuration) holds it. */
export interface ProviderLocation extends ProviderEndpoints {
  environmentId: string;
  region: string;
}

/** What the sandbox's /sandbox/info says about itself (the part the table reads). */
export interface SandboxEndpoints {
  environmentId: string;
  tokenEndpoint: string;
  issuer: string;
  jwksUri: string;
  discoveryUrl: string;
  microauthdBase?: string;
}

/** What the status bar shows for the provider in use. */
export interface ProviderIdentity {
  provider: ProviderId;
  label: string;
  environmentId?: string | undefined;
  region?: string | undefined;
  host?: string | undefined;
}

export interface ProviderEntry extends ProviderBasics {
  id: ProviderId;
  /** PingOne-shaped providers are named by environment ID + region; the others by their server's host. */
  identity: 'environment' | 'host';
  /** A fixed region label (the sandbox runs on this machine, not in a PingOne region). */
  fixedRegion?: string;
  /** Whether /sandbox/info fills this provider, and which of its demo clients belong to it. */
  sandbox?: { demoClients: 'pingone' | 'microauthd' };
  /** Whether the environment ID field is required (and checked as a UUID). */
  requiresEnvironmentId: boolean;
  /** Whether the region is chosen in the form. */
  choosesRegion: boolean;
  /** The client authentication methods the server accepts. */
  authMethods: readonly AuthMethod[];
  /** Whether discovery's `token_endpoint_auth_methods_supported` narrows the methods offered. */
  narrowsByDiscovery: boolean;
  /** Scopes a first visit starts with; also the "least privilege" preset button when non-empty. */
  defaultScopes: readonly string[];
  /** Token checks: PingOne-shaped worker tokens log the PingOne failure line. */
  tokenChecks: { pingOneWorkerFailure: boolean };
  /** The step-4 console, by key. */
  console: 'mfa' | 'microauthd' | 'customCall';
  /** What the Request step shows as the URL while the token endpoint is still unknown. */
  tokenEndpointTemplate: string;
  /**
   * With an mTLS method (RFC 8705), whether step 4 calls the API on the mTLS listener too: a certificate-bound
   * token is accepted only with its certificate (§3), which the sandbox checks on its HTTPS port (/sandbox/info
   * `mtls.apiBase`). PingOne's own API takes no client certificate.
   */
  mtlsApiBase: boolean;
  /**
   * Where tokens are introspected and revoked: `as-siblings` are PingOne's `/as/introspect` and `/as/revoke` beside
   * `/as/token` (the sandbox uses the same paths); `discovery` means only what discovery advertises (RFC 8414 §2).
   */
  tokenManagement: 'as-siblings' | 'discovery';
  /**
   * The client assertion `aud` this server wants when the configuration does not choose one (resolveAssertionAudience);
   * absent means the default, `token_endpoint`. PingOne and the sandbox accept all three modes, so they leave it out.
   * @see https://developer.pingidentity.com/pingone-api/auth/auth-config-options/create-a-private-key-jwt.html
   */
  assertionAudience?: AssertionAudience;
  /** Hosted identity services: the fields that name the server, and what the provider documents (see providers/). */
  hosted?: HostedProvider;
}

/** The PingOne endpoints for a region and environment, or empty values while the environment ID is not a UUID. */
export function pingOneEndpoints(region: string, environmentId: string): Pick<ProviderEndpoints, 'tokenEndpoint' | 'issuer' | 'jwksUri'> {
  try {
    const issuer = authBase(region, environmentId);
    return { tokenEndpoint: pingOneTokenEndpoint(region, environmentId), issuer, jwksUri: `${issuer}/jwks` };
  } catch {
    return { tokenEndpoint: '', issuer: '', jwksUri: '' };
  }
}

/** microauthd's endpoints under its base URL (its JWKS is `/jwks.json`). */
export function microauthdEndpoints(base: string): ProviderEndpoints {
  const root = base.trim().replace(/\/+$/, '');
  return { issuerOrDiscoveryUrl: root, issuer: root, tokenEndpoint: root ? `${root}/token` : '', jwksUri: root ? `${root}/jwks.json` : '' };
}

/** The microauthd base URL: the sandbox's emulation when it is running, else microauthd's own default. */
export function microauthdBase(sandbox: Pick<SandboxEndpoints, 'microauthdBase'> | undefined): string {
  return (sandbox?.microauthdBase ?? MICROAUTHD_DEFAULT_BASE_URL).replace(/\/+$/, '');
}

export const NO_ENDPOINTS: ProviderEndpoints = Object.freeze({ tokenEndpoint: '', issuer: '', jwksUri: '', issuerOrDiscoveryUrl: '' });

const NO_FAILURE_LOG = { pingOneWorkerFailure: false };
const UNKNOWN_ENDPOINT = '<token-endpoint>';

/** A hosted provider's entry: named by host, its own methods and template, the generic console, discovery's endpoints. */
function hostedEntry(id: ProviderId, row: HostedRow): ProviderEntry {
  const { authMethods, tokenEndpointTemplate, assertionAudience, ...hosted } = row;
  return {
    ...PROVIDER_BASICS[id], id, identity: 'host', requiresEnvironmentId: false, choosesRegion: false, authMethods,
    // The row's methods are the documented ones; discovery does not narrow them (Entra's omits client_secret_basic).
    narrowsByDiscovery: false, defaultScopes: [], tokenChecks: NO_FAILURE_LOG, console: 'customCall', tokenEndpointTemplate,
    mtlsApiBase: false, tokenManagement: 'discovery', assertionAudience, hosted,
  };
}

export const PROVIDERS: Readonly<Record<ProviderId, ProviderEntry>> = Object.freeze({
  sandbox: {
    ...PROVIDER_BASICS.sandbox, id: 'sandbox', identity: 'environment', fixedRegion: 'this machine',
    sandbox: { demoClients: 'pingone' }, requiresEnvironmentId: true, choosesRegion: false,
    authMethods: AUTH_METHODS, narrowsByDiscovery: false, defaultScopes: PINGONE_WORKER_SCOPES,
    tokenChecks: { pingOneWorkerFailure: true }, console: 'mfa', tokenEndpointTemplate: UNKNOWN_ENDPOINT, mtlsApiBase: true,
    tokenManagement: 'as-siblings',
  },
  pingone: {
    ...PROVIDER_BASICS.pingone, id: 'pingone', identity: 'environment', requiresEnvironmentId: true, choosesRegion: true,
    authMethods: AUTH_METHODS, narrowsByDiscovery: false, defaultScopes: PINGONE_WORKER_SCOPES,
    tokenChecks: { pingOneWorkerFailure: true }, console: 'mfa',
    tokenEndpointTemplate: 'https://auth.pingone.com/<environment-id>/as/token', mtlsApiBase: false,
    tokenManagement: 'as-siblings',
  },
  microauthd: {
    ...PROVIDER_BASICS.microauthd, id: 'microauthd', identity: 'host', sandbox: { demoClients: 'microauthd' },
    requiresEnvironmentId: false, choosesRegion: false, authMethods: MICROAUTHD_AUTH_METHODS, narrowsByDiscovery: false,
    defaultScopes: [], tokenChecks: NO_FAILURE_LOG, console: 'microauthd', tokenEndpointTemplate: UNKNOWN_ENDPOINT,
    mtlsApiBase: false, tokenManagement: 'discovery',
  },
  entra: hostedEntry('entra', ENTRA),
  auth0: hostedEntry('auth0', AUTH0),
  okta: hostedEntry('okta', OKTA),
  keycloak: hostedEntry('keycloak', KEYCLOAK),
  cognito: hostedEntry('cognito', COGNITO),
  custom: {
    ...PROVIDER_BASICS.custom, id: 'custom', identity: 'host', requiresEnvironmentId: false, choosesRegion: false,
    authMethods: AUTH_METHODS, narrowsByDiscovery: true, defaultScopes: [], tokenChecks: NO_FAILURE_LOG,
    console: 'customCall', tokenEndpointTemplate: UNKNOWN_ENDPOINT, mtlsApiBase: false, tokenManagement: 'discovery',
  },
} satisfies Record<ProviderId, ProviderEntry>);

export function providerEntry(id: ProviderId): ProviderEntry {
  return PROVIDERS[id];
}

/**
 * The endpoints a hosted provider's field values give (empty strings while incomplete); undefined for a provider
 * that is not named by fields (sandbox, PingOne, microauthd, Custom).
 */
export function hostedEndpoints(id: ProviderId, values: ProviderFieldValues): HostedEndpoints | undefined {
  return PROVIDERS[id].hosted?.endpoints(values);
}

/** The form's endpoint fields for a hosted provider's values (the discovery URL is what "Issuer or discovery URL" holds). */
export function hostedFormEndpoints(id: ProviderId, values: ProviderFieldValues): ProviderEndpoints {
  const found = hostedEndpoints(id, values);
  if (!found) return NO_ENDPOINTS;
  return { tokenEndpoint: found.tokenEndpoint, issuer: found.issuer, jwksUri: found.jwksUri, issuerOrDiscoveryUrl: found.discoveryUrl };
}

/**
 * The endpoints a provider fills when it is chosen: from /sandbox/info, from region + environment ID, from the
 * microauthd base URL; Custom starts empty (the user types them or runs discovery).
 */
export function providerEndpoints(id: ProviderId, location: Pick<ProviderLocation, 'region' | 'environmentId'>, sandbox?: SandboxEndpoints): ProviderEndpoints {
  switch (id) {
    case 'sandbox':
      return sandbox
        ? { tokenEndpoint: sandbox.tokenEndpoint, issuer: sandbox.issuer, jwksUri: sandbox.jwksUri, issuerOrDiscoveryUrl: sandbox.discoveryUrl }
        : NO_ENDPOINTS;
    case 'pingone':
      return { ...NO_ENDPOINTS, ...pingOneEndpoints(location.region, location.environmentId) };
    case 'microauthd':
      return microauthdEndpoints(microauthdBase(sandbox));
    // The hosted rows are named by their own fields (hostedFormEndpoints), which a location does not carry.
    case 'entra':
    case 'auth0':
    case 'okta':
    case 'keycloak':
    case 'cognito':
    case 'custom':
      return NO_ENDPOINTS;
  }
}

function hostOf(...urls: string[]): string | undefined {
  for (const url of urls) {
    try {
      if (url.trim()) return new URL(url.trim()).host;
    } catch {
      // not a URL yet (being typed): try the next one
    }
  }
  return undefined;
}

/** The identity of a provider at a location, as the status bar shows it. */
export function providerIdentity(id: ProviderId, location: Partial<ProviderLocation>): ProviderIdentity {
  const entry = PROVIDERS[id];
  if (entry.identity === 'environment') {
    return { provider: id, label: entry.label, environmentId: location.environmentId || undefined, region: entry.fixedRegion ?? (location.region || undefined) };
  }
  return { provider: id, label: entry.label, host: hostOf(location.issuer ?? '', location.tokenEndpoint ?? '', location.issuerOrDiscoveryUrl ?? '') };
}

/** The provider part of the app's configuration, as the table reads it (the schema lives in services). */
export interface ProviderSettings {
  preset: ProviderId;
  pingone: { environmentId: string; region: string };
  microauthd: { baseUrl: string };
  custom: { issuer: string; tokenEndpoint: string };
}

/** Endpoints the configuration gives a provider, and the configuration path each one came from. */
export interface ConfiguredEndpoints {
  endpoints: Partial<ProviderEndpoints>;
  paths: Partial<Record<keyof ProviderEndpoints, string>>;
}

/** Per provider: where its endpoints come from in configuration (the sandbox fills its own from /sandbox/info). */
const CONFIGURED_ENDPOINTS: Readonly<Record<ProviderId, (p: ProviderSettings) => ConfiguredEndpoints>> = {
  sandbox: () => ({ endpoints: {}, paths: {} }),
  pingone: (p) => ({ endpoints: pingOneEndpoints(p.pingone.region, p.pingone.environmentId), paths: {} }),
  microauthd: (p) => {
    if (!p.microauthd.baseUrl) return { endpoints: {}, paths: {} };
    const path = 'provider.microauthd.baseUrl';
    return { endpoints: microauthdEndpoints(p.microauthd.baseUrl), paths: { issuerOrDiscoveryUrl: path, issuer: path, tokenEndpoint: path, jwksUri: path } };
  },
  // The configuration has no settings for the hosted rows yet: their fields are typed in the form.
  entra: () => ({ endpoints: {}, paths: {} }),
  auth0: () => ({ endpoints: {}, paths: {} }),
  okta: () => ({ endpoints: {}, paths: {} }),
  keycloak: () => ({ endpoints: {}, paths: {} }),
  cognito: () => ({ endpoints: {}, paths: {} }),
  custom: (p) => ({
    endpoints: { issuerOrDiscoveryUrl: p.custom.issuer, tokenEndpoint: p.custom.tokenEndpoint },
    paths: { issuerOrDiscoveryUrl: 'provider.custom.issuer', tokenEndpoint: 'provider.custom.tokenEndpoint' },
  }),
};

export function configuredEndpoints(settings: ProviderSettings): ConfiguredEndpoints {
  return CONFIGURED_ENDPOINTS[settings.preset](settings);
}

/** The configured provider's identity, for a status bar shown before the flow has chosen one. */
export function configuredIdentity(settings: ProviderSettings): ProviderIdentity {
  return providerIdentity(settings.preset, { ...settings.pingone, ...configuredEndpoints(settings).endpoints });
}
