// Choosing the provider and what it fills: endpoints, a sandbox demo client (ID, secret, key), PingOne's region + environment.
import { PROVIDERS } from '../../../config/providers';
import type { SandboxClient, SandboxInfo } from '../../../services/sandboxAdmin';
import type { ProviderId } from '../../../config/providerBasics';
import type { FlowForm } from '../model/flowTypes';
import { demoClientPatch, microauthdPatch, pingOneEndpoints, providerPatch, sandboxClientsFor } from '../model/providerPresets';
import type { ClientSecretState } from './useClientSecret';
import type { FlowFormState } from './useFlowForm';
import type { KeySelectionActions } from './useKeySelection';
import type { SandboxInfoState } from './useSandboxInfo';
import type { SigningKeysState } from './useSigningKeys';

export interface ProviderSelectionActions {
  setProvider(provider: ProviderId): Promise<void>;
  setPingOneField(field: 'region' | 'environmentId', value: string): void;
  setMicroauthdBase(base: string): void;
  selectDemoClient(clientId: string): Promise<void>;
  onSandboxLoaded(info: SandboxInfo): void;
}

export interface ProviderSelectionDeps {
  fields: FlowFormState;
  sandbox: SandboxInfoState;
  secrets: ClientSecretState;
  keys: SigningKeysState;
  keySelection: KeySelectionActions;
  /** What else a provider switch resets (the token run, discovery). */
  onSwitch(): void;
}

export function useProviderSelection({ fields, sandbox, secrets, keys, keySelection, onSwitch }: ProviderSelectionDeps): ProviderSelectionActions {
  const { form } = fields;

  function applyDemoClient(client: SandboxClient) {
    fields.applyPatches([demoClientPatch(client)]);
    secrets.storeSecret(client.client_secret ?? '', client.client_id);
    if (!client.private_key_pem) return;
    void keys.importKey(client.private_key_pem, 'RS256', 'Sandbox DEMO key (public, for the sandbox only)')
      .then((key) => keySelection.selectKeyFor(key))
      .catch(() => fields.setFieldError('privateKey', 'The sandbox demo key could not be imported in this browser.'));
  }

  function fillFromSandbox(info: SandboxInfo, provider: ProviderId, current: FlowForm) {
    fields.applyPatches(providerPatch(current, provider, info).filter((p) => !('clientId' in p.values)));
    const demo = sandboxClientsFor(info, provider)[0];
    const known = info.clients.some((c) => c.client_id === current.clientId);
    if (demo && (current.clientId === '' || (!known && current.provider !== provider))) applyDemoClient(demo);
    else {
      const same = info.clients.find((c) => c.client_id === current.clientId);
      if (same?.client_secret && secrets.secret === '') secrets.storeSecret(same.client_secret, same.client_id);
    }
  }

  return {
    async setProvider(provider) {
      onSwitch(); // a token from the previous provider says nothing about this one
      const info = PROVIDERS[provider].sandbox ? (sandbox.info ?? (await sandbox.reload())) : undefined;
      if (info) {
        fillFromSandbox(info, provider, { ...form, clientId: form.provider === provider ? form.clientId : '' });
        return;
      }
      // A sandbox demo client's ID, secret and scopes mean nothing to another server: do not carry them over.
      const reset: Partial<FlowForm> = {};
      if (fields.sources.clientId === 'sandbox') {
        reset.clientId = '';
        secrets.storeSecret('', form.clientId);
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
    onSandboxLoaded(info) {
      if (PROVIDERS[form.provider].sandbox) fillFromSandbox(info, form.provider, form);
    },
  };
}
