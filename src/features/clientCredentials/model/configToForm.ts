// The resolved configuration (.env → settings.json → localStorage → typed) as the flow's starting form and sources.
import { mergeWorkerScopes } from '../../../config/pingone';
import type { ProviderId } from '../../../config/providerBasics';
import { configuredEndpoints, PROVIDERS } from '../../../config/providers';
import type { ResolvedConfig } from '../../../services/config/resolve';
import type { ConfigPath } from '../../../services/config/settings';
import { resolveAssertionAudience } from '../../../utils/oauth/assertionAudience';
import { DEFAULT_FLOW_FORM, type FormField } from './flowFormSchema';
import type { FlowForm } from './flowTypes';
import { hostedStart, type FieldSources, type FormPatch } from './providerPresets';

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
  ['assertionAudience', 'oauth.clientCredentials.assertion.audience'],
  ['assertionTyp', 'oauth.clientCredentials.assertion.typ'],
];

/** Whether a value's source is a choice above the schema default (.env, settings.json, localStorage, typed, …). */
function isChosenSource(source: string | undefined): source is string {
  return source !== undefined && source !== '' && source !== 'default';
}

/** Whether a configuration layer above the schema default set this path. */
function chosen(configSources: Partial<Record<ConfigPath, string>>, path: ConfigPath): boolean {
  return isChosenSource(configSources[path]);
}

function copySource(sources: FieldSources, configSources: Partial<Record<ConfigPath, string>>, path: ConfigPath, field: FormField) {
  const source = configSources[path];
  if (isChosenSource(source)) sources[field] = source;
}

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
    // A mode set above the schema default wins; otherwise the provider row's documented mode (e.g. Auth0: issuer).
    assertionAudience: resolveAssertionAudience(
      chosen(configSources, 'oauth.clientCredentials.assertion.audience') ? cc.assertion.audience : undefined,
      PROVIDERS[p.preset].assertionAudience,
    ),
    assertionTyp: cc.assertion.typ,
  };
  const sources: FieldSources = {};
  for (const [field, path] of FIELD_PATHS) copySource(sources, configSources, path, field);

  // The provider's row decides where its endpoints come from and which methods and scopes it starts with.
  const entry = PROVIDERS[p.preset];
  const configured = configuredEndpoints(p);
  Object.assign(form, configured.endpoints);
  for (const [field, path] of Object.entries(configured.paths)) copySource(sources, configSources, path as ConfigPath, field as FormField);
  if (form.scopes.length === 0 && entry.defaultScopes.length > 0) form.scopes = mergeWorkerScopes(entry.defaultScopes, p.pingone.extraScopes);
  const accepted = entry.authMethods[0];
  if (!entry.authMethods.includes(form.authMethod) && accepted) form.authMethod = accepted; // e.g. microauthd has no JWT methods
  Object.assign(form, hostedStart(p.preset));
  return { form, sources };
}

/**
 * After a provider change: the new row's documented audience mode, unless the mode was chosen (configuration above
 * the default, typed, a share link or the error card's suggestion), which a provider change never overrides.
 */
export function providerAudiencePatch(sources: FieldSources, provider: ProviderId): FormPatch | undefined {
  if (isChosenSource(sources.assertionAudience)) return undefined;
  return { values: { assertionAudience: resolveAssertionAudience(undefined, PROVIDERS[provider].assertionAudience) }, source: 'default' };
}
