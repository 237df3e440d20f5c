// Choosing the provider in the session, and what it fills: endpoints, a sandbox demo client (ID, secret, key),
// PingOne's region + environment, microauthd's base, and discovery for servers that publish it.
import type { ProviderId } from '../../../../config/providerBasics';
import { PROVIDERS } from '../../../../config/providers';
import type { DiscoveryResult } from '../../../../services/discoveryService';
import type { SandboxClient, SandboxInfo } from '../../../../services/sandboxAdmin';
import { isPlaygroundError } from '../../../../utils/errors';
import { providerAudiencePatch } from '../configToForm';
import { validateField } from '../flowFormSchema';
import type { FlowForm } from '../flowTypes';
import { hostedFieldsOf } from '../hostedFields';
import { demoClientPatch, microauthdPatch, offeredAuthMethods, pingOneEndpoints, providerFieldPatch, providerPatch, sandboxClientsFor, sourcesForSwitch, type FormPatch } from '../providerPresets';
import { patched, withFieldError } from './formActions';
import type { KeyActions } from './keyActions';
import type { SecretActions } from './secretActions';
import { selectedKeyOf, validationContextOf, type SessionContext } from './sessionContext';
import { IDLE_DISCOVERY, IDLE_RUN, NO_MANAGEMENT } from './sessionState';

export interface ProviderActions {
  setProvider(provider: ProviderId): Promise<void>;
  setPingOneField(field: 'region' | 'environmentId', value: string): void;
  setMicroauthdBase(base: string): void;
  /** A hosted provider row's field (Entra's tenant, Okta's domain…): fills the endpoints it gives. */
  setProviderField(key: string, value: string): void;
  selectDemoClient(clientId: string): void;
  /** Fetches /sandbox/info now (start-up, Retry, a provider change); fills the form the first time. */
  reloadSandbox(): Promise<SandboxInfo | undefined>;
  discover(): Promise<void>;
  setDiscoveryOverride(override: boolean): void;
}

function messageOf(error: unknown, fallback: string): string {
  return isPlaygroundError(error) ? error.message : fallback;
}

export function providerActions(ctx: SessionContext, secrets: SecretActions, keys: Pick<KeyActions, 'importKey'>): ProviderActions {
  const apply = (patches: readonly FormPatch[]) => ctx.store.update((s) => patched(s, patches, ctx));
  /** A provider's fill; on a switch, what the last provider's server gave says so no more (see sourcesForSwitch). */
  const applyFill = (switched: boolean, patches: readonly FormPatch[]) =>
    ctx.store.update((s) => patched(switched ? { ...s, sources: sourcesForSwitch(s.sources) } : s, patches, ctx));
  let sandboxLoad: Promise<SandboxInfo | undefined> | undefined;

  function applyDemoClient(client: SandboxClient) {
    apply([demoClientPatch(client)]);
    secrets.storeSecret(client.client_secret ?? '', client.client_id);
    if (!client.private_key_pem) return;
    void keys.importKey(client.private_key_pem, 'RS256', 'Sandbox DEMO key (public, for the sandbox only)').then((ok) => {
      if (!ok) ctx.set('errors', (errors) => withFieldError(errors, 'privateKey', 'The sandbox demo key could not be imported in this browser.'));
    });
  }

  function fillFromSandbox(info: SandboxInfo, provider: ProviderId, current: FlowForm) {
    applyFill(current.provider !== provider, providerPatch(current, provider, info).filter((p) => !('clientId' in p.values)));
    const demo = sandboxClientsFor(info, provider)[0];
    const known = info.clients.some((c) => c.client_id === current.clientId);
    if (demo && (current.clientId === '' || (!known && current.provider !== provider))) applyDemoClient(demo);
    else {
      const same = info.clients.find((c) => c.client_id === current.clientId);
      if (same?.client_secret && ctx.get().secret === '') secrets.storeSecret(same.client_secret, same.client_id);
    }
  }

  /** `arrived` runs in the same transaction as the info is stored, so the page renders the filled form once. */
  async function loadSandbox(arrived?: (info: SandboxInfo) => void): Promise<SandboxInfo | undefined> {
    ctx.set('sandbox', (s) => (s.status === 'loading' ? s : { ...s, status: 'loading' })); // no render for no change
    try {
      const info = await ctx.services.getSandboxInfo(ctx.sandboxUrl);
      ctx.store.batch(() => {
        ctx.set('sandbox', { status: 'ready', info, error: undefined });
        arrived?.(info);
      });
      return info;
    } catch (error) {
      ctx.set('sandbox', { status: 'unreachable', info: undefined, error: messageOf(error, 'The sandbox could not be read.') });
      return undefined;
    }
  }

  /** One load at a time: a second caller (Strict Mode, a quick click) shares the first. */
  function reloadSandbox(arrived?: (info: SandboxInfo) => void): Promise<SandboxInfo | undefined> {
    sandboxLoad ??= loadSandbox(arrived).finally(() => (sandboxLoad = undefined));
    return sandboxLoad;
  }

  function patchFrom(result: DiscoveryResult, form: FlowForm): FormPatch {
    const m = result.metadata;
    // RFC 8705 §5: the mutual-TLS listener's token endpoint, used instead of token_endpoint with an mTLS method.
    const mtlsTokenEndpoint = m.mtls_endpoint_aliases?.token_endpoint ?? '';
    const patch: FormPatch = { values: { tokenEndpoint: m.token_endpoint, issuer: m.issuer ?? '', jwksUri: m.jwks_uri ?? '', mtlsTokenEndpoint }, source: 'discovery' };
    const offered = offeredAuthMethods(form.provider, m.token_endpoint_auth_methods_supported, false).options;
    if (!offered.includes(form.authMethod)) {
      const hasKey = selectedKeyOf(ctx.get()) !== undefined;
      const preferred = hasKey && offered.includes('private_key_jwt') ? 'private_key_jwt' : offered[0];
      if (preferred) patch.values.authMethod = preferred;
    }
    return patch;
  }

  return {
    async setProvider(provider) {
      // A token or discovery from the previous provider says nothing about this one.
      ctx.store.update((s) => ({ ...s, run: IDLE_RUN, discovery: IDLE_DISCOVERY, management: NO_MANAGEMENT }));
      const audience = providerAudiencePatch(ctx.get().sources, provider);
      if (audience) apply([audience]);
      const form = ctx.get().form;
      const info = PROVIDERS[provider].sandbox ? (ctx.get().sandbox.info ?? (await reloadSandbox())) : undefined;
      if (info) {
        fillFromSandbox(info, provider, { ...form, clientId: form.provider === provider ? form.clientId : '' });
        return;
      }
      // A sandbox demo client's ID, secret and scopes mean nothing to another server: do not carry them over.
      const reset: Partial<FlowForm> = {};
      const { sources } = ctx.get();
      if (sources.clientId === 'sandbox') {
        reset.clientId = '';
        secrets.clearShownSecret();
      }
      // Scopes nobody typed (the last provider's defaults) mean nothing to a hosted provider's APIs either.
      const untypedScopes = sources.scopes === undefined || sources.scopes === 'default';
      if (sources.scopes === 'sandbox' || (untypedScopes && PROVIDERS[provider].hosted)) reset.scopes = [];
      applyFill(form.provider !== provider, [{ values: reset, source: 'default' }, ...providerPatch({ ...form, ...reset }, provider, undefined)]);
    },
    setPingOneField(field, value) {
      const next = { ...ctx.get().form, [field]: value };
      apply([{ values: { [field]: value }, source: 'typed' }, { values: pingOneEndpoints(next.region, next.environmentId), source: 'typed' }]);
    },
    setMicroauthdBase: (base) => apply([microauthdPatch(base)]),
    setProviderField(key, value) {
      if (!hostedFieldsOf(ctx.get().form.provider).some((f) => f.key === key)) return;
      // What discovery read belongs to the server the fields named before.
      ctx.store.update((s) => ({ ...patched(s, providerFieldPatch(s.form, key, value), ctx), discovery: IDLE_DISCOVERY }));
    },
    selectDemoClient(clientId) {
      const client = ctx.get().sandbox.info?.clients.find((c) => c.client_id === clientId);
      if (client) applyDemoClient(client);
    },
    async reloadSandbox() {
      const first = ctx.get().sandbox.info === undefined;
      let filled = false;
      const fill = (info: SandboxInfo) => {
        filled = true;
        const { form } = ctx.get();
        if (first && PROVIDERS[form.provider].sandbox) fillFromSandbox(info, form.provider, form);
      };
      // A load already under way (another caller's) stores the info without this fill: fill after it then.
      const info = await reloadSandbox(fill);
      if (info && !filled) fill(info);
      return info;
    },
    async discover() {
      const s = ctx.get();
      const message = validateField('issuerOrDiscoveryUrl', s.form, validationContextOf(s, ctx))
        ?? (s.form.issuerOrDiscoveryUrl.trim() ? undefined : 'Enter an issuer or a discovery URL first.');
      if (message) {
        ctx.set('errors', (errors) => withFieldError(errors, 'issuerOrDiscoveryUrl', message));
        return;
      }
      ctx.set('discovery', (d) => ({ ...d, status: 'loading' }));
      try {
        const result = await ctx.services.discover(s.form.issuerOrDiscoveryUrl.trim());
        ctx.store.update((current) => {
          const next = patched(current, [patchFrom(result, current.form)], ctx);
          return { ...next, errors: withFieldError(next.errors, 'issuerOrDiscoveryUrl', undefined), discovery: { ...current.discovery, status: 'done', result } };
        });
      } catch (error) {
        const text = messageOf(error, 'Discovery failed.');
        ctx.store.update((current) => ({
          ...current, errors: withFieldError(current.errors, 'issuerOrDiscoveryUrl', text), discovery: { ...current.discovery, status: 'error', error: text },
        }));
      }
    },
    setDiscoveryOverride: (override) => ctx.set('discovery', (d) => ({ ...d, override })),
  };
}
