// The flow's event handlers: provider switches, demo clients, secrets, discovery, keys, registration, Get token.
import { useState } from 'react';
import type { NewAuthContextValue } from '../../../contexts/NewAuthContext';
import { createDiscoveryService, type DiscoveryResult } from '../../../services/discoveryService';
import { registerSandboxClient, type SandboxClient, type SandboxInfo } from '../../../services/sandboxAdmin';
import type { AuthMethod, SigningAlg } from '../../../types/token';
import type { Clock } from '../../../utils/clock';
import { isPlaygroundError } from '../../../utils/errors';
import type { StoredKeyRecord } from '../../../utils/keyStore';
import { toJwks, type SigningKey } from '../../../utils/keys';
import { cacheKeyParts } from '../model/flowRequest';
import { providerInUse } from '../model/providerInUse';
import { cacheKey } from '../../../utils/tokenCache';
import { formFieldOf, validateField, type FormField, type ValidationContext } from '../model/flowFormSchema';
import type { FlowForm, ProviderPreset } from '../model/flowTypes';
import { demoClientPatch, identityOfForm, microauthdPatch, offeredAuthMethods, pingOneEndpoints, providerPatch, type FormPatch } from '../model/providerPresets';
import type { FlowFormState } from './useFlowForm';
import type { SandboxInfoState } from './useSandboxInfo';
import type { SigningKeysState } from './useSigningKeys';
import type { TokenRunState } from './useTokenRun';

export interface FlowActionDeps {
  auth: NewAuthContextValue;
  fields: FlowFormState;
  keys: SigningKeysState;
  sandbox: SandboxInfoState;
  tokenRun: TokenRunState;
  clock: Clock;
  sandboxUrl: string;
  fetch?: typeof fetch | undefined;
  secret: string;
  setSecret(secret: string): void;
  rememberSecret: boolean;
  setRememberSecret(remember: boolean): void;
  selectedKey: SigningKey | undefined;
  setActiveIndex(index: number): void;
  contextFor(form: FlowForm): ValidationContext;
}

export interface DiscoveryState {
  status: 'idle' | 'loading' | 'done' | 'error';
  result?: DiscoveryResult;
  error?: string;
  override: boolean;
}

export interface RegistrationState {
  status: 'idle' | 'loading' | 'done' | 'error';
  client?: SandboxClient;
  error?: string;
}

export interface FlowActions {
  discovery: DiscoveryState;
  registration: RegistrationState;
  setProvider(provider: ProviderPreset): Promise<void>;
  setPingOneField(field: 'region' | 'environmentId', value: string): void;
  setMicroauthdBase(base: string): void;
  selectDemoClient(clientId: string): Promise<void>;
  setClientId(clientId: string): void;
  changeSecret(secret: string): void;
  /** The edit of Client ID or Client secret is finished (blur): save the secret under the client ID it belongs to. */
  commitSecret(): void;
  changeRemember(remember: boolean): void;
  discover(): Promise<void>;
  setDiscoveryOverride(override: boolean): void;
  generateKey(alg: SigningAlg): Promise<void>;
  importKey(text: string, alg: SigningAlg): Promise<boolean>;
  selectKey(id: string): void;
  registerWithSandbox(): Promise<void>;
  /** Validates everything (submit); focuses and returns the first invalid field. */
  checkConfiguration(): FormField | undefined;
  getToken(): Promise<void>;
  /** The worker token for step 4 from the app's TokenCache (never a new request unless missing or forced). */
  getWorkerToken(opts?: { forceRefresh?: boolean }): Promise<{ accessToken: string }>;
  onKeysLoaded(keys: readonly StoredKeyRecord[]): void;
  onSandboxLoaded(info: SandboxInfo): void;
}

function focusField(field: FormField) {
  // After React has rendered the error, so the message is announced with the focused field.
  queueMicrotask(() => document.getElementById(`cc-${field}`)?.focus());
}

export function useFlowActions(deps: FlowActionDeps): FlowActions {
  const { auth, fields, keys, sandbox } = deps;
  const [discovery, setDiscovery] = useState<DiscoveryState>({ status: 'idle', override: false });
  const [registration, setRegistration] = useState<RegistrationState>({ status: 'idle' });
  const [discoveryService] = useState(() => createDiscoveryService({ logger: auth.logger, ...(deps.fetch ? { fetch: deps.fetch } : {}) }));
  const form = fields.form;

  function storeSecret(secret: string, clientId = form.clientId) {
    deps.setSecret(secret);
    saveSecret(clientId, secret);
    if (fields.errors.clientSecret) fields.touch('clientSecret', { ...deps.contextFor(form), secret });
  }

  /** An explicit save (blur, a demo client, ticking Remember): the one remembered copy for this client ID. */
  function saveSecret(clientId: string, secret: string, remember = deps.rememberSecret) {
    const id = clientId.trim();
    if (!id) return;
    if (remember) auth.credentialManager.setSecret(id, secret, { remember: true });
    else auth.credentialManager.holdSecret(id, secret);
  }

  function selectKeyFor(key: SigningKey, method: AuthMethod = 'private_key_jwt') {
    const patch: FormPatch = { values: { keyRef: key.kid, kid: key.kid, signingAlg: key.alg }, source: 'typed' };
    // private_key_jwt is the preferred method whenever a key is available (microauthd cannot use it).
    if (form.provider !== 'microauthd') patch.values.authMethod = method;
    fields.applyPatches([patch]);
    fields.setFieldError('privateKey', undefined);
  }

  function applyDemoClient(client: SandboxClient) {
    fields.applyPatches([demoClientPatch(client)]);
    storeSecret(client.client_secret ?? '', client.client_id);
    if (client.private_key_pem) {
      void keys.importKey(client.private_key_pem, 'RS256', 'Sandbox DEMO key (public, for the sandbox only)')
        .then((key) => selectKeyFor(key))
        .catch(() => fields.setFieldError('privateKey', 'The sandbox demo key could not be imported in this browser.'));
    }
  }

  function fillFromSandbox(info: SandboxInfo, provider: ProviderPreset, current: FlowForm) {
    fields.applyPatches(providerPatch(current, provider, info).filter((p) => !('clientId' in p.values)));
    const demo = info.clients.find((c) => c.provider === (provider === 'microauthd' ? 'microauthd' : 'pingone'));
    const known = info.clients.some((c) => c.client_id === current.clientId);
    if (demo && (current.clientId === '' || (!known && current.provider !== provider))) applyDemoClient(demo);
    else {
      const same = info.clients.find((c) => c.client_id === current.clientId);
      if (same?.client_secret && deps.secret === '') storeSecret(same.client_secret, same.client_id);
    }
  }

  async function getToken() {
    if (actions.checkConfiguration()) return;
    const run = await deps.tokenRun.getToken(form, { secret: deps.secret, key: deps.selectedKey });
    if (run.status === 'success') providerInUse.tokenObtained(cacheKey(cacheKeyParts(form)), identityOfForm(form));
    const field = formFieldOf(run.error?.field);
    if (field && run.error) fields.setFieldError(field, run.error.message);
  }

  const actions: FlowActions = {
    discovery,
    registration,
    async setProvider(provider) {
      setDiscovery({ status: 'idle', override: false });
      deps.tokenRun.reset(); // a token from the previous provider says nothing about this one
      const uses = provider === 'sandbox' || provider === 'microauthd';
      const info = uses ? (sandbox.info ?? (await sandbox.reload())) : undefined;
      if (info) {
        fillFromSandbox(info, provider, { ...form, clientId: form.provider === provider ? form.clientId : '' });
        return;
      }
      // A sandbox demo client's ID, secret and scopes mean nothing to another server: do not carry them over.
      const reset: Partial<FlowForm> = {};
      if (fields.sources.clientId === 'sandbox') {
        reset.clientId = '';
        storeSecret('');
      }
      if (fields.sources.scopes === 'sandbox') reset.scopes = [];
      fields.applyPatches([{ values: reset, source: 'default' }, ...providerPatch({ ...form, ...reset }, provider, undefined)]);
    },
    setPingOneField(field, value) {
      const next = { ...form, [field]: value };
      fields.applyPatches([{ values: { [field]: value }, source: 'typed' }, { values: pingOneEndpoints(next.region, next.environmentId), source: 'typed' }]);
    },
    setMicroauthdBase(base) {
      fields.applyPatches([microauthdPatch(base)]);
    },
    async selectDemoClient(clientId) {
      const client = sandbox.info?.clients.find((c) => c.client_id === clientId);
      if (client) applyDemoClient(client);
    },
    setClientId(clientId) {
      fields.setField('clientId', clientId);
    },
    changeSecret(secret) {
      // While typing, memory only: a remembered copy is written when the edit is finished (commitSecret).
      deps.setSecret(secret);
      if (form.clientId.trim()) auth.credentialManager.holdSecret(form.clientId.trim(), secret);
      if (fields.errors.clientSecret) fields.touch('clientSecret', { ...deps.contextFor(form), secret });
    },
    commitSecret() {
      if (deps.secret) saveSecret(form.clientId, deps.secret);
    },
    changeRemember(remember) {
      deps.setRememberSecret(remember);
      if (remember) saveSecret(form.clientId, deps.secret, true);
      else auth.credentialManager.forgetRememberedSecrets(); // every remembered client, not only this one
    },
    async discover() {
      const message = validateField('issuerOrDiscoveryUrl', form, deps.contextFor(form))
        ?? (form.issuerOrDiscoveryUrl.trim() ? undefined : 'Enter an issuer or a discovery URL first.');
      if (message) {
        fields.setFieldError('issuerOrDiscoveryUrl', message);
        return;
      }
      setDiscovery((d) => ({ ...d, status: 'loading' }));
      try {
        const result = await discoveryService.discover(form.issuerOrDiscoveryUrl.trim());
        const m = result.metadata;
        const patch: FormPatch = { values: { tokenEndpoint: m.token_endpoint, issuer: m.issuer ?? '', jwksUri: m.jwks_uri ?? '' }, source: 'discovery' };
        const offered = offeredAuthMethods('custom', m.token_endpoint_auth_methods_supported, false).options;
        if (!offered.includes(form.authMethod)) {
          const preferred = deps.selectedKey && offered.includes('private_key_jwt') ? 'private_key_jwt' : offered[0];
          if (preferred) patch.values.authMethod = preferred;
        }
        fields.applyPatches([patch]);
        fields.setFieldError('issuerOrDiscoveryUrl', undefined);
        setDiscovery((d) => ({ ...d, status: 'done', result }));
      } catch (error) {
        const text = isPlaygroundError(error) ? error.message : 'Discovery failed.';
        fields.setFieldError('issuerOrDiscoveryUrl', text);
        setDiscovery((d) => ({ ...d, status: 'error', error: text }));
      }
    },
    setDiscoveryOverride: (override) => setDiscovery((d) => ({ ...d, override })),
    async generateKey(alg) {
      try {
        selectKeyFor(await keys.generate(alg));
      } catch (error) {
        fields.setFieldError(formFieldOf(isPlaygroundError(error) ? error.field : undefined) ?? 'privateKey', isPlaygroundError(error) ? error.message : 'This browser could not generate the key.');
      }
    },
    async importKey(text, alg) {
      try {
        selectKeyFor(await keys.importKey(text, alg));
        return true;
      } catch (error) {
        const field = formFieldOf(isPlaygroundError(error) ? error.field : undefined) ?? 'privateKey';
        fields.setFieldError(field === 'signingAlg' ? 'signingAlg' : 'privateKey', isPlaygroundError(error) ? error.message : 'The key could not be imported.');
        return false;
      }
    },
    selectKey(id) {
      const record = keys.keys.find((k) => k.id === id);
      if (record) selectKeyFor(record.key);
    },
    async registerWithSandbox() {
      if (!deps.selectedKey) return;
      setRegistration({ status: 'loading' });
      try {
        const client = await registerSandboxClient(
          { token_endpoint_auth_method: 'private_key_jwt', jwks: toJwks([deps.selectedKey]), scope: form.scopes.join(' ') },
          { baseUrl: deps.sandboxUrl, ...(deps.fetch ? { fetch: deps.fetch } : {}) },
        );
        fields.applyPatches([{ values: { clientId: client.client_id, authMethod: 'private_key_jwt' }, source: 'sandbox' }]);
        setRegistration({ status: 'done', client });
        auth.logger.info(`registered sandbox client ${client.client_id} with kid=${deps.selectedKey.kid}`);
      } catch (error) {
        setRegistration({ status: 'error', error: isPlaygroundError(error) ? error.message : 'Registration failed.' });
      }
    },
    checkConfiguration() {
      const errors = fields.validateAll();
      const first = (Object.keys(errors) as FormField[])[0];
      if (first) {
        deps.setActiveIndex(0);
        focusField(first);
      }
      return first;
    },
    getToken,
    async getWorkerToken(opts) {
      const parts = cacheKeyParts(form);
      if (opts?.forceRefresh) auth.cache.invalidate(parts);
      return { accessToken: (await auth.getM2MToken(parts)).accessToken };
    },
    onKeysLoaded(loaded) {
      if (loaded.some((k) => k.id === form.keyRef)) return;
      const newest = loaded[loaded.length - 1];
      if (newest && form.authMethod === 'private_key_jwt') selectKeyFor(newest.key);
    },
    onSandboxLoaded(info) {
      if (form.provider === 'sandbox' || form.provider === 'microauthd') fillFromSandbox(info, form.provider, form);
    },
  };
  return actions;
}
