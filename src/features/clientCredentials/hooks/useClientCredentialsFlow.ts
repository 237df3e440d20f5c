// The Client Credentials page's state, composed from hooks with one job each: form, secret, keys, provider,
// discovery, sandbox registration, preview and the token run.
import { useEffect, useEffectEvent, useMemo, useState, useSyncExternalStore } from 'react';
import { PROVIDERS } from '../../../config/providers';
import { useConfig } from '../../../hooks/useConfig';
import { useNewAuth } from '../../../hooks/useNewAuth';
import type { RelayCredential } from '../../../services/relayAdmin';
import type { SandboxInfo } from '../../../services/sandboxAdmin';
import { formFromConfig } from '../model/configToForm';
import type { FlowCredentials } from '../model/flowRequest';
import { validateFlowForm, type ValidationContext } from '../model/flowFormSchema';
import { createFlowPersistence, type FlowPersistence, type RestoredProgress, type SaveResult } from '../model/flowPersistence';
import type { FlowForm } from '../model/flowTypes';
import { providerInUse } from '../model/providerInUse';
import { mtlsCredentialStore, relayChoice } from '../model/relayChoice';
import { identityOfForm } from '../model/providerPresets';
import { readShareLink, SHARE_PARAM, type SharedConfig } from '../model/shareLink';
import { useClientSecret } from './useClientSecret';
import { useDiscovery, type DiscoveryActions } from './useDiscovery';
import { useFlowForm, type FlowFormState } from './useFlowForm';
import { useKeySelection, type KeySelectionActions } from './useKeySelection';
import { useProviderSelection, type ProviderSelectionActions } from './useProviderSelection';
import { useRequestPreview, type RequestPreviewState } from './useRequestPreview';
import { useSandboxInfo, type SandboxInfoState } from './useSandboxInfo';
import { useSandboxRegistration, type SandboxRegistrationActions } from './useSandboxRegistration';
import { useSigningKeys, type SigningKeysState } from './useSigningKeys';
import { useTokenActions, type TokenActions } from './useTokenActions';
import { useTokenManagement, type TokenManagementState } from './useTokenManagement';
import { useTokenRun, type TokenRunState } from './useTokenRun';
import { flowCacheKey } from '../model/flowRequest';
import { dpopSession } from '../model/dpopSession';
import { tokenManagementEndpoints, type TokenManagementEndpoints } from '../model/tokenManagementEndpoints';

export interface ClientCredentialsFlowOptions {
  persistence?: FlowPersistence;
  /** Overrides `provider.sandboxUrl` from the configuration. */
  sandboxUrl?: string;
  /** The URL fragment to read a share link from (default: the page's, read once and then removed). */
  shareHash?: string;
}

/** Everything the step components need, each piece once; produced by {@link useClientCredentialsFlow}. */
export type FlowController = FlowFormState & SecretActions & Omit<DiscoveryActions, 'resetDiscovery'>
  & Omit<KeySelectionActions, 'selectKeyFor'> & ProviderSelectionActions & SandboxRegistrationActions & TokenActions & {
    setClientId(clientId: string): void;
    keys: SigningKeysState;
    selectedKey: FlowCredentials['key'];
    /** The local relay's address (the `relay.url` setting). */
    relayUrl: string;
    /** A pasted client certificate the relay holds (memory only: never stored, never logged). */
    mtlsCredential: RelayCredential | undefined;
    setMtlsCredential(credential: RelayCredential | undefined): void;
    sandbox: SandboxInfoState;
    sandboxUrl: string;
    preview: RequestPreviewState;
    tokenRun: TokenRunState;
    /** Step 3's `Introspect token` / `Revoke token` (RFC 7662, RFC 7009) and where they go. */
    management: TokenManagementState;
    managementEndpoints: TokenManagementEndpoints;
    activeIndex: number;
    setActiveIndex(index: number): void;
    /** Whether step 1 is complete (no field errors), computed during render. */
    configValid: boolean;
    /** What the last save of the progress could not keep (shown, so nothing is lost silently). */
    lastSave: SaveResult | null;
  };

/** The secret as the steps use it: for the client ID in the form. */
interface SecretActions {
  secret: string;
  rememberSecret: boolean;
  changeSecret(secret: string): void;
  /** The edit of Client ID or Client secret is finished (blur): save the secret under the client ID. */
  commitSecret(): void;
  changeRemember(remember: boolean): void;
}

const defaultPersistence = createFlowPersistence();

/** The page's share link, if it was opened through one; the fragment is then dropped from the address bar. */
function takePageShareLink(): SharedConfig | null {
  if (typeof window === 'undefined' || !window.location.hash.includes(`${SHARE_PARAM}=`)) return null;
  const shared = readShareLink(window.location.hash);
  window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  return shared;
}

type Start = Omit<RestoredProgress, 'form'> & { form: FlowForm };

/** Where the page starts: a share link over this tab's progress over the configuration (later wins). */
function startingPoint(persistence: FlowPersistence, config: ReturnType<typeof useConfig>, shareHash: string | undefined): Start {
  const shared = shareHash !== undefined ? readShareLink(shareHash) : takePageShareLink();
  const fromConfig = formFromConfig(config);
  const stored = persistence.load();
  // Fields the store could not keep come from the configuration, as on a first visit.
  const base: Start = stored ? { ...stored, form: { ...fromConfig.form, ...stored.form } } : { activeIndex: 0, ...fromConfig };
  if (!shared) return base;
  const sources: Record<string, string> = { ...base.sources };
  for (const field of Object.keys(shared)) sources[field] = 'share link';
  return { ...base, activeIndex: 0, form: { ...base.form, ...shared }, sources };
}

/** Progress mirrored to sessionStorage, and the chosen provider to the status bar (both external systems). */
function useMirrors(persistence: FlowPersistence, activeIndex: number, fields: FlowFormState): SaveResult | null {
  const { form, sources, numberDrafts } = fields;
  useEffect(() => {
    persistence.save({ activeIndex, form, sources, numberDrafts }); // FlowForm holds no secret by contract
  }, [persistence, activeIndex, form, sources, numberDrafts]);
  useEffect(() => {
    providerInUse.select(identityOfForm(form));
  }, [form]);
  return useSyncExternalStore(persistence.subscribe, persistence.lastSave, persistence.lastSave);
}

/**
 * Start-up only: once the stored keys and the sandbox info have been read, fill what they imply (a stored key
 * pre-selects private_key_jwt; the sandbox fills endpoints and a demo client). Later changes come from clicks.
 */
function useStartupFills(keys: SigningKeysState, sandbox: SandboxInfoState, onKeys: () => void, onSandbox: (info: SandboxInfo) => void) {
  const onKeysReady = useEffectEvent(onKeys);
  useEffect(() => {
    if (keys.status === 'ready') onKeysReady();
  }, [keys.status]);
  const onSandboxReady = useEffectEvent(onSandbox);
  useEffect(() => {
    if (sandbox.startupInfo) onSandboxReady(sandbox.startupInfo);
  }, [sandbox.startupInfo]);
}

/** The error card's `Send through the local relay` box sets the form's field (relayChoice.ts). */
function useRelayChoice(onChoice: (viaRelay: boolean) => void) {
  const handle = useEffectEvent(onChoice);
  useEffect(() => relayChoice.onChoice((viaRelay) => handle(viaRelay)), []);
}

/** Sign-out purges the key store; the page's DPoP key (held in memory too) and its nonces go with it. */
function useForgetDpopOnSignOut(sessionEpoch: number) {
  useEffect(() => {
    if (sessionEpoch > 0) void dpopSession.forget().catch(() => undefined);
  }, [sessionEpoch]);
}

export function useClientCredentialsFlow(options: ClientCredentialsFlowOptions = {}): FlowController {
  const auth = useNewAuth();
  const config = useConfig();
  const persistence = options.persistence ?? defaultPersistence;
  const sandboxUrl = options.sandboxUrl ?? config.config.provider.sandboxUrl;
  const [start] = useState(() => startingPoint(persistence, config, options.shareHash));
  const [activeIndex, setActiveIndex] = useState(start.activeIndex);

  const keys = useSigningKeys(auth.credentialManager, auth.logger);
  const secrets = useClientSecret(auth.credentialManager, () => start.form.clientId);
  const mtlsCredential = useSyncExternalStore(mtlsCredentialStore.subscribe, mtlsCredentialStore.getSnapshot, mtlsCredentialStore.getSnapshot);
  const relayUrl = config.config.relay.url;
  const contextFor = (form: FlowForm): ValidationContext => ({
    secret: secrets.secret, hasKey: keys.keys.some((k) => k.id === form.keyRef), hasMtlsCredential: mtlsCredential !== undefined,
  });
  const fields = useFlowForm(() => start, contextFor);
  const selectedKey = keys.keys.find((k) => k.id === fields.form.keyRef)?.key;
  const creds: FlowCredentials = { secret: secrets.secret, key: selectedKey, relayUrl, mtlsCredential };

  const sandbox = useSandboxInfo(sandboxUrl, { enabled: PROVIDERS[fields.form.provider].sandbox !== undefined });
  const preview = useRequestPreview(fields.form, creds);
  const tokenRun = useTokenRun({ auth, onDescribed: preview.show });
  const { resetDiscovery, ...discovery } = useDiscovery(fields, contextFor(fields.form), selectedKey !== undefined);
  const keySelection = useKeySelection(fields, keys);
  const provider = useProviderSelection({
    fields, sandbox, secrets, keys, keySelection,
    onSwitch: () => {
      resetDiscovery();
      tokenRun.reset();
    },
  });
  const registration = useSandboxRegistration(fields, selectedKey, sandboxUrl, auth.logger);
  const tokenActions = useTokenActions(auth, fields, tokenRun, creds, setActiveIndex);
  const managementEndpoints = tokenManagementEndpoints(fields.form, discovery.discovery.result?.metadata);
  const management = useTokenManagement({
    form: fields.form, creds, endpoints: managementEndpoints, onRevoked: () => auth.revokeToken(flowCacheKey(fields.form)),
  });

  useForgetDpopOnSignOut(auth.sessionEpoch);
  useStartupFills(keys, sandbox, () => keySelection.onKeysLoaded(keys.keys), provider.onSandboxLoaded);
  useRelayChoice((viaRelay) => fields.setField('viaRelay', viaRelay));
  const lastSave = useMirrors(persistence, activeIndex, fields);
  const clientId = fields.form.clientId;
  const typedSecret = secrets.secret;
  const { hasKey, hasMtlsCredential } = contextFor(fields.form);
  // Derived during render, but only when what it depends on changes: the flow renders on every token run too.
  const configValid = useMemo(
    () => Object.keys(validateFlowForm(fields.form, { secret: typedSecret, hasKey, hasMtlsCredential })).length === 0,
    [fields.form, typedSecret, hasKey, hasMtlsCredential],
  );

  return {
    ...fields, ...discovery,
    secret: secrets.secret,
    rememberSecret: secrets.rememberSecret,
    changeSecret(secret) {
      secrets.changeSecret(secret, clientId);
      if (fields.errors.clientSecret) fields.touch('clientSecret', { ...contextFor(fields.form), secret });
    },
    commitSecret: () => secrets.commitSecret(clientId),
    changeRemember: (remember) => secrets.changeRemember(remember, clientId), ...keySelection, ...provider, ...registration, ...tokenActions,
    setClientId: (clientId) => fields.setField('clientId', clientId),
    keys, selectedKey, sandbox, sandboxUrl, preview, tokenRun, management, managementEndpoints, activeIndex, setActiveIndex, lastSave,
    relayUrl, mtlsCredential, setMtlsCredential: mtlsCredentialStore.set,
    configValid,
  };
}
