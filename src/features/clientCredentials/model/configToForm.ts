// The resolved configuration (.env → settings.json → localStorage → typed) as the flow's starting form and sources.
import { mergeWorkerScopes, PINGONE_WORKER_SCOPES } from '../../../config/pingone';
import type { ResolvedConfig } from '../../../services/config/resolve';
import type { ConfigPath } from '../../../services/config/schema';
import { DEFAULT_FLOW_FORM, type FormField } from './flowFormSchema';
import type { FlowForm } from './flowTypes';
import { pingOneEndpoints, type FieldSources } from './providerPresets';

/** Which configuration path feeds which form field (the provider-specific ones depend on the preset). */
const FIELD_PATHS: ReadonlyArray<[FormField, ConfigPath]> = [
  ['provider', 'provider.preset'],
  ['environmentId', 'provider.pingone.environmentId'],
  ['region', 'provider.pingone.region'],
  ['clientId', 'provider.clientId'],
  ['authMethod', 'oauth.clientCredentials.authMethod'],
  ['kid', 'oauth.clientCredentials.assertion.kid'],
  ['signingAlg', 'oauth.clientCredentials.assertion.alg'],
  ['scopes', 'oauth.clientCredentials.scopes'],
  ['audience', 'oauth.clientCredentials.audience'],
  ['resource', 'oauth.clientCredentials.resource'],
  ['proactiveRefreshSeconds', 'oauth.clientCredentials.proactiveRefreshSeconds'],
  ['clockSkewSeconds', 'oauth.clientCredentials.clockSkewSeconds'],
  ['assertionLifetimeSeconds', 'oauth.clientCredentials.assertion.lifetimeSeconds'],
];

/**
 * The form a first visit starts from. Secrets are never part of configuration (settings.json is public and
 * VITE_* values are compiled into the bundle), so only identifiers and options come from here.
 */
export function formFromConfig(resolved: Pick<ResolvedConfig, 'config' | 'sources'>): { form: FlowForm; sources: FieldSources } {
  const { config, sources: configSources } = resolved;
  const cc = config.oauth.clientCredentials;
  const p = config.provider;
  const form: FlowForm = {
    ...DEFAULT_FLOW_FORM,
    provider: p.preset,
    environmentId: p.pingone.environmentId,
    region: p.pingone.region,
    clientId: p.clientId,
    authMethod: cc.authMethod,
    kid: cc.assertion.kid,
    signingAlg: cc.assertion.alg,
    scopes: [...cc.scopes],
    audience: cc.audience,
    resource: cc.resource,
    proactiveRefreshSeconds: cc.proactiveRefreshSeconds,
    clockSkewSeconds: cc.clockSkewSeconds,
    assertionLifetimeSeconds: cc.assertion.lifetimeSeconds,
  };
  const sources: FieldSources = {};
  for (const [field, path] of FIELD_PATHS) {
    const source = configSources[path];
    if (source && source !== 'default') sources[field] = source;
  }

  if (p.preset === 'pingone') {
    Object.assign(form, pingOneEndpoints(p.pingone.region, p.pingone.environmentId));
    if (form.scopes.length === 0) form.scopes = mergeWorkerScopes(PINGONE_WORKER_SCOPES, p.pingone.extraScopes);
  } else if (p.preset === 'microauthd' && p.microauthd.baseUrl) {
    const base = p.microauthd.baseUrl.replace(/\/+$/, '');
    Object.assign(form, { issuerOrDiscoveryUrl: base, issuer: base, tokenEndpoint: `${base}/token` });
    const source = configSources['provider.microauthd.baseUrl'];
    if (source !== 'default') sources.issuerOrDiscoveryUrl = sources.tokenEndpoint = source;
  } else if (p.preset === 'custom') {
    form.issuerOrDiscoveryUrl = p.custom.issuer;
    form.tokenEndpoint = p.custom.tokenEndpoint;
    if (configSources['provider.custom.issuer'] !== 'default') sources.issuerOrDiscoveryUrl = configSources['provider.custom.issuer'];
    if (configSources['provider.custom.tokenEndpoint'] !== 'default') sources.tokenEndpoint = configSources['provider.custom.tokenEndpoint'];
  }
  if (p.preset === 'microauthd' && (form.authMethod === 'private_key_jwt' || form.authMethod === 'client_secret_jwt')) {
    form.authMethod = 'client_secret_basic'; // microauthd has no JWT client authentication
  }
  return { form, sources };
}
