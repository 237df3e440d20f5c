// Provider presets as pure functions: what choosing Local sandbox, PingOne, microauthd or Custom fills in.
import { MICROAUTHD_AUTH_METHODS, MICROAUTHD_DEFAULT_BASE_URL } from '../../../config/microauthd';
import { authBase, PINGONE_WORKER_SCOPES, tokenEndpoint as pingOneTokenEndpoint } from '../../../config/pingone';
import type { SandboxClient, SandboxInfo } from '../../../services/sandboxAdmin';
import { AUTH_METHODS, SIGNING_ALGS, type AuthMethod, type SigningAlg } from '../../../types/token';
import type { FormField } from './flowFormSchema';
import type { FlowForm, ProviderPreset } from './flowTypes';

export type FieldSources = Partial<Record<FormField, string>>;

/** A change to the form and the source of every field it sets. */
export interface FormPatch {
  values: Partial<FlowForm>;
  source: string;
}

export function mergePatch(form: FlowForm, sources: FieldSources, patch: FormPatch): { form: FlowForm; sources: FieldSources } {
  const next = { ...sources };
  for (const key of Object.keys(patch.values) as Array<keyof FlowForm>) next[key] = patch.source;
  return { form: { ...form, ...patch.values }, sources: next };
}

/** The PingOne endpoints for a region and environment, or empty values while the environment ID is not a UUID. */
export function pingOneEndpoints(region: string, environmentId: string): Pick<FlowForm, 'tokenEndpoint' | 'issuer' | 'jwksUri'> {
  try {
    const issuer = authBase(region, environmentId);
    return { tokenEndpoint: pingOneTokenEndpoint(region, environmentId), issuer, jwksUri: `${issuer}/jwks` };
  } catch {
    return { tokenEndpoint: '', issuer: '', jwksUri: '' };
  }
}

/** The token endpoint as a template, for the Request step while the environment ID is still missing. */
export const PINGONE_TOKEN_ENDPOINT_TEMPLATE = 'https://auth.pingone.com/<environment-id>/as/token';

/** The PingOne API demo clients of the sandbox (microauthd ones belong to the microauthd preset). */
export function sandboxClientsFor(info: SandboxInfo | undefined, provider: ProviderPreset): SandboxClient[] {
  if (!info) return [];
  const wanted = provider === 'microauthd' ? 'microauthd' : 'pingone';
  return info.clients.filter((c) => c.provider === wanted);
}

/**
 * What a demo client sets: its ID, method and scopes (its secret goes to the credential manager, not here).
 * PingOne-style clients ask for the least-privilege worker scopes they are allowed, not everything they may have.
 */
export function demoClientPatch(client: SandboxClient): FormPatch {
  const allowed = (client.scope_names ?? client.scope).split(/\s+/).filter(Boolean);
  const scopes = client.provider === 'pingone' ? allowed.filter((s) => PINGONE_WORKER_SCOPES.includes(s)) : allowed;
  return { values: { clientId: client.client_id, authMethod: client.token_endpoint_auth_method, scopes }, source: 'sandbox' };
}

/** Everything /sandbox/info says about the emulated PingOne environment. */
export function sandboxInfoPatch(info: SandboxInfo): FormPatch {
  return {
    values: {
      environmentId: info.environmentId,
      tokenEndpoint: info.tokenEndpoint,
      issuer: info.issuer,
      jwksUri: info.jwksUri,
      issuerOrDiscoveryUrl: info.discoveryUrl,
    },
    source: 'sandbox',
  };
}

/** The microauthd base URL: the sandbox's emulation when it is running, else microauthd's own default. */
export function microauthdBase(info: SandboxInfo | undefined): string {
  return (info?.microauthdBase ?? MICROAUTHD_DEFAULT_BASE_URL).replace(/\/+$/, '');
}

export function microauthdPatch(base: string): FormPatch {
  const root = base.trim().replace(/\/+$/, '');
  return {
    values: { issuerOrDiscoveryUrl: root, issuer: root, tokenEndpoint: root ? `${root}/token` : '', jwksUri: root ? `${root}/jwks.json` : '' },
    source: 'typed',
  };
}

/**
 * What switching provider changes. Identity fields of the previous provider are cleared so a PingOne token
 * endpoint never lingers under Custom, and the auth method is moved to one the new provider accepts.
 */
export function providerPatch(form: FlowForm, provider: ProviderPreset, info: SandboxInfo | undefined): FormPatch[] {
  const patches: FormPatch[] = form.provider === provider ? [] : [{ values: { provider }, source: 'typed' }];
  const reset = { tokenEndpoint: '', issuer: '', jwksUri: '', issuerOrDiscoveryUrl: '' };
  if (provider === 'sandbox') {
    patches.push(info ? sandboxInfoPatch(info) : { values: reset, source: 'default' });
    const first = sandboxClientsFor(info, 'sandbox')[0];
    if (first) patches.push(demoClientPatch(first));
  } else if (provider === 'pingone') {
    patches.push({ values: { ...reset, ...pingOneEndpoints(form.region, form.environmentId) }, source: 'typed' });
    if (form.scopes.length === 0) patches.push({ values: { scopes: [...PINGONE_WORKER_SCOPES] }, source: 'default' });
  } else if (provider === 'microauthd') {
    patches.push(microauthdPatch(microauthdBase(info)));
    const first = sandboxClientsFor(info, 'microauthd')[0];
    if (first) patches.push({ ...demoClientPatch(first), source: 'sandbox' });
    else patches.push({ values: { authMethod: 'client_secret_basic', scopes: [] }, source: 'default' });
  } else {
    patches.push({ values: reset, source: 'default' });
  }
  return patches;
}

/** What discovery (or the provider's nature) allows, and whether the list was narrowed. */
export interface MethodChoice<T extends string> {
  options: readonly T[];
  narrowed: boolean;
}

/**
 * The auth methods to offer: microauthd only speaks the two secret methods; for Custom with discovery, only the
 * advertised ones unless the user overrides (some servers advertise badly).
 * @see https://www.rfc-editor.org/rfc/rfc8414#section-2
 */
export function offeredAuthMethods(provider: ProviderPreset, advertised: readonly string[] | undefined, override: boolean): MethodChoice<AuthMethod> {
  if (provider === 'microauthd') return { options: MICROAUTHD_AUTH_METHODS, narrowed: true };
  if (provider !== 'custom' || !advertised || override) return { options: AUTH_METHODS, narrowed: false };
  const options = AUTH_METHODS.filter((m) => advertised.includes(m));
  return options.length === 0 ? { options: AUTH_METHODS, narrowed: false } : { options, narrowed: options.length < AUTH_METHODS.length };
}

/** The signing algorithms to offer for private_key_jwt, narrowed by `token_endpoint_auth_signing_alg_values_supported`. */
export function offeredSigningAlgs(provider: ProviderPreset, advertised: readonly string[] | undefined, override: boolean): MethodChoice<SigningAlg> {
  if (provider !== 'custom' || !advertised || override) return { options: SIGNING_ALGS, narrowed: false };
  const options = SIGNING_ALGS.filter((a) => advertised.includes(a));
  return options.length === 0 ? { options: SIGNING_ALGS, narrowed: false } : { options, narrowed: options.length < SIGNING_ALGS.length };
}
