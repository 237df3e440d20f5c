// The Client Credentials page's state: form, sources, credentials, sandbox, discovery, preview and the token run.
import { useEffect, useEffectEvent, useState, useSyncExternalStore } from 'react';
import { useConfig } from '../../../hooks/useConfig';
import type { SandboxInfo } from '../../../services/sandboxAdmin';
import { useNewAuth } from '../../../hooks/useNewAuth';
import { systemClock, type Clock } from '../../../utils/clock';
import type { FlowCredentials } from '../model/flowRequest';
import { validateFlowForm, type FieldErrors, type FormField, type ValidationContext } from '../model/flowFormSchema';
import { createFlowPersistence, type FlowPersistence, type SaveResult } from '../model/flowPersistence';
import type { FlowForm } from '../model/flowTypes';
import { formFromConfig } from '../model/configToForm';
import { identityOfForm } from '../model/providerPresets';
import { providerInUse } from '../model/providerInUse';
import { useFlowForm, type FlowFormState } from './useFlowForm';
import { useSigningKeys, type SigningKeysState } from './useSigningKeys';
import { useSandboxInfo, type SandboxInfoState } from './useSandboxInfo';
import { useRequestPreview, type RequestPreviewState } from './useRequestPreview';
import { useTokenRun, type TokenRunState } from './useTokenRun';
import { useFlowActions, type FlowActions } from './useFlowActions';
import { readShareLink, SHARE_PARAM, type SharedConfig } from '../model/shareLink';

export interface ClientCredentialsFlowOptions {
  fetch?: typeof fetch;
  clock?: Clock;
  persistence?: FlowPersistence;
  /** Overrides `provider.sandboxUrl` from the configuration. */
  sandboxUrl?: string;
  /** The URL fragment to read a share link from (default: the page's, read once and then removed). */
  shareHash?: string;
}

/** Everything the step components need; produced by {@link useClientCredentialsFlow}. */
export interface FlowController extends FlowActions {
  form: FlowForm;
  sources: FlowFormState['sources'];
  errors: FieldErrors;
  numberDrafts: FlowFormState['numberDrafts'];
  fields: FlowFormState;
  secret: string;
  rememberSecret: boolean;
  keys: SigningKeysState;
  selectedKey: FlowCredentials['key'];
  sandbox: SandboxInfoState;
  sandboxUrl: string;
  preview: RequestPreviewState;
  tokenRun: TokenRunState;
  activeIndex: number;
  setActiveIndex(index: number): void;
  /** What the last save of the progress could not keep (shown, so nothing is lost silently). */
  lastSave: SaveResult | null;
  /** Whether step 1 is complete (no field errors), computed during render. */
  configValid: boolean;
}

const defaultPersistence = createFlowPersistence();

/** The page's share link, if it was opened through one; the fragment is then dropped from the address bar. */
function takePageShareLink(): SharedConfig | null {
  if (typeof window === 'undefined' || !window.location.hash.includes(`${SHARE_PARAM}=`)) return null;
  const shared = readShareLink(window.location.hash);
  window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  return shared;
}

/** The id of a field's input, so labels, errors and "focus the first error" agree. */
export function fieldId(field: FormField | string): string {
  return `cc-${field}`;
}

export function useClientCredentialsFlow(options: ClientCredentialsFlowOptions = {}): FlowController {
  const auth = useNewAuth();
  const clock = options.clock ?? systemClock;
  const persistence = options.persistence ?? defaultPersistence;
  const config = useConfig();
  const sandboxUrl = options.sandboxUrl ?? config.config.provider.sandboxUrl;

  const [restored] = useState(() => {
    const shared = options.shareHash !== undefined ? readShareLink(options.shareHash) : takePageShareLink();
    const stored = persistence.load();
    // Fields the store could not keep come from the configuration, as on a first visit.
    const progress = stored && { ...stored, form: { ...formFromConfig(config).form, ...stored.form } };
    if (!shared) return progress;
    // A share link was just opened: its configuration wins over this tab's progress and the app's configuration.
    const base = progress ?? { activeIndex: 0, ...formFromConfig(config) };
    const sources: Record<string, string> = { ...base.sources };
    for (const field of Object.keys(shared)) sources[field] = 'share link';
    return { activeIndex: 0, form: { ...base.form, ...shared }, sources };
  });
  const [activeIndex, setActiveIndex] = useState(restored?.activeIndex ?? 0);
  const [secret, setSecret] = useState(() => {
    const clientId = (restored?.form ?? formFromConfig(config).form).clientId;
    return clientId ? (auth.credentialManager.getSecret(clientId) ?? '') : '';
  });
  const [rememberSecret, setRememberSecret] = useState(() => {
    const clientId = (restored?.form ?? formFromConfig(config).form).clientId;
    return clientId ? auth.credentialManager.hasRememberedSecret(clientId) : false;
  });

  const keys = useSigningKeys(auth.credentialManager, auth.logger);
  const contextFor = (form: FlowForm): ValidationContext => ({ secret, hasKey: keys.keys.some((k) => k.id === form.keyRef) });
  const fields = useFlowForm(() => (restored ? { ...restored } : formFromConfig(config)), contextFor);
  const selectedKey = keys.keys.find((k) => k.id === fields.form.keyRef)?.key;

  const usesSandbox = fields.form.provider === 'sandbox' || fields.form.provider === 'microauthd';
  const sandbox = useSandboxInfo(sandboxUrl, { enabled: usesSandbox, ...(options.fetch ? { fetch: options.fetch } : {}) });
  const preview = useRequestPreview(fields.form, { secret, key: selectedKey }, clock);
  const tokenRun = useTokenRun({ auth, clock, fetch: options.fetch, onDescribed: preview.show });

  const actions = useFlowActions({
    auth, fields, keys, sandbox, tokenRun, clock, sandboxUrl, fetch: options.fetch,
    secret, setSecret, rememberSecret, setRememberSecret, selectedKey, setActiveIndex, contextFor,
  });

  // Start-up only: once the stored keys and the sandbox info have been read, fill what they imply (a stored key
  // pre-selects private_key_jwt; the sandbox fills endpoints and a demo client). Later changes come from clicks.
  const onKeysReady = useEffectEvent(() => actions.onKeysLoaded(keys.keys));
  useEffect(() => {
    if (keys.status === 'ready') onKeysReady();
  }, [keys.status]);
  const onSandboxReady = useEffectEvent((info: SandboxInfo) => actions.onSandboxLoaded(info));
  useEffect(() => {
    if (sandbox.startupInfo) onSandboxReady(sandbox.startupInfo);
  }, [sandbox.startupInfo]);

  // Progress is mirrored to sessionStorage (an external system); FlowForm holds no secret by contract.
  const { form, sources, numberDrafts } = fields;
  useEffect(() => {
    persistence.save({ activeIndex, form, sources, numberDrafts });
  }, [persistence, activeIndex, form, sources, numberDrafts]);
  // The app's status bar names the provider chosen here (an external store, so this is synchronisation).
  useEffect(() => {
    providerInUse.select(identityOfForm(form));
  }, [form]);
  const lastSave = useSyncExternalStore(persistence.subscribe, persistence.lastSave, persistence.lastSave);

  const configValid = Object.keys(validateFlowForm(form, contextFor(form))).length === 0;

  return {
    ...actions,
    form,
    sources,
    errors: fields.errors,
    numberDrafts: fields.numberDrafts,
    fields,
    secret,
    rememberSecret,
    keys,
    selectedKey,
    sandbox,
    sandboxUrl,
    preview,
    tokenRun,
    activeIndex,
    setActiveIndex,
    configValid,
    lastSave,
  };
}
