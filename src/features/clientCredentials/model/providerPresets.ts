// Provider presets as pure functions over the provider table: what choosing Local sandbox, PingOne, microauthd or Custom fills in.
import { PINGONE_WORKER_SCOPES } from '../../../config/pingone';
import { hostedFormEndpoints, microauthdEndpoints, providerEndpoints, providerIdentity, PROVIDERS, type ProviderIdentity } from '../../../config/providers';
import type { SandboxClient, SandboxInfo } from '../../../services/sandboxAdmin';
import { splitScopes } from '../../../utils/scopes';
import { AUTH_METHODS, isMtlsAuthMethod, SIGNING_ALGS, type AuthMethod, type SigningAlg } from '../../../types/token';
import type { FormField } from './flowFormSchema';
import type { ProviderId } from '../../../config/providerBasics';
import type { FlowForm } from './flowTypes';
import { initialCertificateHeader, initialProviderFields } from './hostedFields';

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

/** Sources that name the server a value came from (its /sandbox/info or demo client, its discovery document). */
const SERVER_SOURCES: ReadonlySet<string> = new Set(['sandbox', 'discovery']);

/**
 * The sources before a switch to another provider fills the form: a value the last server gave stays, but no longer
 * says it came from that server (the "from sandbox" badge would be stale under Custom); the switch's own fills then
 * say where theirs come from. What the person typed or configured keeps its source.
 */
export function sourcesForSwitch(sources: FieldSources): FieldSources {
  const kept: FieldSources = {};
  for (const [field, source] of Object.entries(sources) as Array<[FormField, string]>) {
    if (!SERVER_SOURCES.has(source)) kept[field] = source;
  }
  return kept;
}

export { pingOneEndpoints, microauthdBase } from '../../../config/providers';

/** The status bar's identity of the provider this form uses. */
export function identityOfForm(form: FlowForm): ProviderIdentity {
  return providerIdentity(form.provider, form);
}

/** The sandbox's demo clients that belong to this provider (PingOne API ones, or microauthd ones). */
export function sandboxClientsFor(info: SandboxInfo | undefined, provider: ProviderId): SandboxClient[] {
  const wanted = PROVIDERS[provider].sandbox?.demoClients;
  if (!info || !wanted) return [];
  return info.clients.filter((c) => c.provider === wanted);
}

/**
 * What a demo client sets: its ID, method and scopes (its secret goes to the credential manager, not here).
 * PingOne-style clients ask for the least-privilege worker scopes they are allowed, not everything they may have.
 */
export function demoClientPatch(client: SandboxClient): FormPatch {
  const allowed = splitScopes(client.scope_names ?? client.scope);
  const scopes = client.provider === 'pingone' ? allowed.filter((s) => PINGONE_WORKER_SCOPES.includes(s)) : allowed;
  const values: Partial<FlowForm> = { clientId: client.client_id, authMethod: client.token_endpoint_auth_method, scopes };
  return { values: { ...values, ...demoCertificatePatch(client) }, source: 'sandbox' };
}

/**
 * An mTLS demo client (RFC 8705) brings its demo certificate, key and CA as file references, the sandbox's
 * mutual-TLS token endpoint, and the relay (a browser cannot present a client certificate): one selection is enough.
 */
function demoCertificatePatch(client: SandboxClient): Partial<FlowForm> {
  if (!isMtlsAuthMethod(client.token_endpoint_auth_method) || !client.certRef || !client.keyRef) return {};
  return {
    viaRelay: true,
    mtlsCertRef: client.certRef,
    mtlsKeyRef: client.keyRef,
    mtlsCaRef: client.caRef ?? '',
    mtlsTokenEndpoint: client.mtls_token_endpoint ?? '',
  };
}

/** Everything /sandbox/info says about the emulated PingOne environment. */
export function sandboxInfoPatch(info: SandboxInfo): FormPatch {
  return { values: { environmentId: info.environmentId, ...providerEndpoints('sandbox', { region: '', environmentId: '' }, info) }, source: 'sandbox' };
}

/**
 * Where a provider row starts: a hosted row's fields (with their initial values) and the endpoints they give, its
 * certificate header; the relay ticked when the provider refuses token requests from a web page. Other providers
 * have no row fields.
 */
export function hostedStart(provider: ProviderId): Partial<FlowForm> {
  const hosted = PROVIDERS[provider].hosted;
  const providerFields = initialProviderFields(provider);
  const start: Partial<FlowForm> = { providerFields, certificateHeader: initialCertificateHeader(provider) };
  if (!hosted) return start;
  Object.assign(start, hostedFormEndpoints(provider, providerFields), { mtlsTokenEndpoint: '' });
  if (hosted.browserRefused) start.viaRelay = true;
  return start;
}

/** A typed row field and the endpoints the row's fields now give (RFC 8414 §3: discovery lives under the issuer). */
export function providerFieldPatch(form: FlowForm, key: string, value: string): FormPatch[] {
  const providerFields = { ...form.providerFields, [key]: value };
  return [
    { values: { providerFields }, source: 'typed' },
    { values: { ...hostedFormEndpoints(form.provider, providerFields), mtlsTokenEndpoint: '' }, source: 'typed' },
  ];
}

/** The switch between providers' own starting values: a row's fields, or none; the relay box the last row ticked. */
function rowPatch(form: FlowForm, provider: ProviderId): FormPatch {
  const values = hostedStart(provider);
  const ticked = PROVIDERS[form.provider].hosted?.browserRefused !== undefined;
  // The box the last row ticked for its own reason goes with it (an mTLS method keeps it: it needs the relay).
  if (ticked && values.viaRelay === undefined && !isMtlsAuthMethod(form.authMethod)) values.viaRelay = false;
  return { values, source: 'default' };
}

export function microauthdPatch(base: string): FormPatch {
  return { values: microauthdEndpoints(base), source: 'typed' };
}

/**
 * What switching provider changes, read from the provider table. Identity fields of the previous provider are
 * cleared so a PingOne token endpoint never lingers under Custom, and the auth method is moved to one the new
 * provider accepts.
 */
export function providerPatch(form: FlowForm, provider: ProviderId, info: SandboxInfo | undefined): FormPatch[] {
  const entry = PROVIDERS[provider];
  const switched = form.provider !== provider;
  const patches: FormPatch[] = switched ? [{ values: { provider }, source: 'typed' }, rowPatch(form, provider)] : [];
  if (provider === 'sandbox' && info) patches.push(sandboxInfoPatch(info));
  else if (entry.hosted) {
    // The row's fields name the server: its endpoints come from them (the ones just reset, or those typed).
    if (!switched) patches.push({ values: hostedFormEndpoints(provider, form.providerFields), source: 'typed' });
  } else {
    const endpoints = providerEndpoints(provider, form, info);
    patches.push({ values: endpoints, source: Object.values(endpoints).some(Boolean) ? 'typed' : 'default' });
  }
  const demo = sandboxClientsFor(info, provider)[0];
  if (demo) patches.push(demoClientPatch(demo));
  // A sandbox-backed provider without default scopes takes its scopes from a demo client, never from the last provider.
  else if (entry.sandbox && entry.defaultScopes.length === 0) patches.push({ values: { scopes: [] }, source: 'default' });
  else if (form.scopes.length === 0 && entry.defaultScopes.length > 0) patches.push({ values: { scopes: [...entry.defaultScopes] }, source: 'default' });
  const method = patches.reduce<AuthMethod>((m, p) => p.values.authMethod ?? m, form.authMethod);
  const accepted = entry.authMethods[0];
  if (!entry.authMethods.includes(method) && accepted) patches.push({ values: { authMethod: accepted }, source: 'default' });
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
export function offeredAuthMethods(provider: ProviderId, advertised: readonly string[] | undefined, override: boolean): MethodChoice<AuthMethod> {
  const entry = PROVIDERS[provider];
  if (entry.authMethods.length < AUTH_METHODS.length) return { options: entry.authMethods, narrowed: true };
  if (!entry.narrowsByDiscovery || !advertised || override) return { options: AUTH_METHODS, narrowed: false };
  const options = AUTH_METHODS.filter((m) => advertised.includes(m));
  return options.length === 0 ? { options: AUTH_METHODS, narrowed: false } : { options, narrowed: options.length < AUTH_METHODS.length };
}

/** The signing algorithms to offer for private_key_jwt, narrowed by `token_endpoint_auth_signing_alg_values_supported`. */
export function offeredSigningAlgs(provider: ProviderId, advertised: readonly string[] | undefined, override: boolean): MethodChoice<SigningAlg> {
  if (!PROVIDERS[provider].narrowsByDiscovery || !advertised || override) return { options: SIGNING_ALGS, narrowed: false };
  const options = SIGNING_ALGS.filter((a) => advertised.includes(a));
  return options.length === 0 ? { options: SIGNING_ALGS, narrowed: false } : { options, narrowed: options.length < SIGNING_ALGS.length };
}
