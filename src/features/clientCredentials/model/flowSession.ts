// The Client Credentials flow as one plain-TypeScript store: the form, the step, the signing keys, the sandbox,
// discovery, the preview, the token run, introspection/revocation, and the actions that change them. React reads it
// with useSyncExternalStore and small selectors (hooks/useFlowSession.ts); the steps receive what they show.
import type { ResolvedConfig } from '../../../services/config/resolve';
import { createDiscoveryService } from '../../../services/discoveryService';
import { deleteRelayCredential, uploadRelayCredential } from '../../../services/relayAdmin';
import { getSandboxInfo, registerSandboxClient } from '../../../services/sandboxAdmin';
import { PROVIDERS } from '../../../config/providers';
import { createStore } from '../../../utils/store';
import { formFromConfig } from './configToForm';
import type { FlowPersistence, RestoredProgress } from './flowPersistence';
import type { FlowForm } from './flowTypes';
import { identityOfForm } from './providerPresets';
import { readShareLink, type SharedConfig } from './shareLink';
import { audienceActions, type AudienceActions } from './session/audienceActions';
import { formActions, type FormActions } from './session/formActions';
import { keyActions, type KeyActions } from './session/keyActions';
import { managementActions, type ManagementActions } from './session/managementActions';
import { previewActions, type PreviewActions } from './session/previewActions';
import { providerActions, type ProviderActions } from './session/providerActions';
import { initialSecret, secretActions, type SecretActions } from './session/secretActions';
import { createSessionContext, type FlowServices, type SessionDeps } from './session/sessionContext';
import { IDLE_DISCOVERY, IDLE_RUN, NO_MANAGEMENT, type FlowSessionState } from './session/sessionState';
import { tokenActions, type TokenActions } from './session/tokenActions';
import { transportActions, type TransportActions } from './session/transportActions';

export type { FlowSessionState } from './session/sessionState';

export interface FlowSessionOptions {
  stores: SessionDeps['stores'];
  persistence: FlowPersistence;
  /** The resolved configuration: the starting form, the sandbox's and the relay's addresses. */
  config: Pick<ResolvedConfig, 'config' | 'sources'>;
  /** The services the session calls; each defaults to the real one (tests give fakes where msw will not do). */
  effects?: Partial<FlowServices>;
  /** A share link's fragment to start from (the page passes its own, read once). */
  shared?: SharedConfig | null;
  /** Overrides `provider.sandboxUrl`. */
  sandboxUrl?: string;
}

export type FlowActions = FormActions & SecretActions & KeyActions & ProviderActions & PreviewActions & TokenActions
  & ManagementActions & TransportActions & AudienceActions & {
    /** Loads the stored keys and, for a sandbox-backed provider, /sandbox/info; mirrors progress and identity. */
    start(): () => void;
    /** Purges everything (the app's sign-out: tokens, secrets, keys, DPoP, relay certificate, identity, progress). */
    signOut(): Promise<void>;
  };

export interface FlowSession extends FlowActions {
  getSnapshot(): FlowSessionState;
  subscribe(listener: () => void): () => void;
  readonly stores: SessionDeps['stores'];
  readonly sandboxUrl: string;
  readonly relayUrl: string;
}

type Start = Pick<FlowSessionState, 'form' | 'sources' | 'numberDrafts' | 'activeIndex'>;

/** Where the page starts: a share link over this tab's progress over the configuration (later wins). */
function startingPoint(stored: RestoredProgress | null, config: FlowSessionOptions['config'], shared: SharedConfig | null): Start {
  const fromConfig = formFromConfig(config);
  // Fields the store could not keep come from the configuration, as on a first visit.
  const base: Start = stored
    ? { activeIndex: stored.activeIndex, form: { ...fromConfig.form, ...stored.form }, sources: stored.sources, numberDrafts: stored.numberDrafts ?? {} }
    : { activeIndex: 0, ...fromConfig, numberDrafts: {} };
  if (!shared) return base;
  const sources = { ...base.sources };
  for (const field of Object.keys(shared)) sources[field as keyof typeof sources] = 'share link';
  return { ...base, activeIndex: 0, form: { ...base.form, ...shared } as FlowForm, sources };
}

function initialState(start: Start, deps: Pick<SessionDeps, 'stores'>): FlowSessionState {
  const sandboxBacked = PROVIDERS[start.form.provider].sandbox !== undefined;
  return {
    ...start,
    errors: {},
    ...initialSecret(deps, start.form.clientId),
    keys: { list: [], status: 'loading', busy: null, storageWarning: undefined },
    sandbox: { status: sandboxBacked ? 'loading' : 'idle', info: undefined, error: undefined },
    discovery: IDLE_DISCOVERY,
    registration: { status: 'idle' },
    preview: { description: null, error: null, for: null, nonce: 0 },
    run: IDLE_RUN,
    management: NO_MANAGEMENT,
    lastSave: null,
  };
}

function defaultServices(): FlowServices {
  const discovery = createDiscoveryService();
  return {
    getSandboxInfo: (baseUrl) => getSandboxInfo({ baseUrl }),
    registerSandboxClient: (registration, baseUrl) => registerSandboxClient(registration, { baseUrl }),
    discover: (input) => discovery.discover(input),
    uploadRelayCredential,
    forgetRelayCredential: deleteRelayCredential,
  };
}

/** Progress to sessionStorage and the chosen provider to the status bar, after each change of what they hold. */
function mirror(ctx: ReturnType<typeof createSessionContext>): () => void {
  let saved: FlowSessionState | undefined;
  const write = () => {
    const s = ctx.get();
    if (saved && saved.form === s.form && saved.activeIndex === s.activeIndex && saved.sources === s.sources && saved.numberDrafts === s.numberDrafts) return;
    const formChanged = saved?.form !== s.form;
    saved = s;
    // FlowForm holds no secret by contract: only the form, the step and where each value came from are written.
    const lastSave = ctx.persistence.save({ activeIndex: s.activeIndex, form: s.form, sources: s.sources, numberDrafts: s.numberDrafts });
    ctx.set('lastSave', (last) => (JSON.stringify(last) === JSON.stringify(lastSave) ? last : lastSave));
    if (formChanged) ctx.stores.identity.select(identityOfForm(s.form));
  };
  write();
  return ctx.store.subscribe(write);
}

/**
 * Makes the flow's session. Nothing happens until `start()` (the page's mount): no storage read beyond the
 * starting point, no request.
 */
export function createFlowSession(options: FlowSessionOptions): FlowSession {
  const { stores, persistence, config } = options;
  const sandboxUrl = options.sandboxUrl ?? config.config.provider.sandboxUrl;
  const relayUrl = config.config.relay.url;
  const deps: SessionDeps = { stores, persistence, sandboxUrl, relayUrl, services: { ...defaultServices(), ...options.effects } };
  const store = createStore(initialState(startingPoint(persistence.load(), config, options.shared ?? null), deps));
  const ctx = createSessionContext(deps, store);

  const form = formActions(ctx);
  const secrets = secretActions(ctx);
  const keys = keyActions(ctx);
  const preview = previewActions(ctx);
  const token = tokenActions(ctx, form, preview);
  const management = managementActions(ctx);
  const actions: FlowActions = {
    ...form, ...secrets, ...keys, ...preview,
    ...providerActions(ctx, secrets, keys),
    ...token,
    ...management,
    ...audienceActions(ctx, form, token, management),
    ...transportActions(ctx, form),
    start() {
      const stops = [mirror(ctx), store.subscribe(preview.sync)];
      preview.sync();
      void keys.loadKeys();
      if (ctx.get().sandbox.status === 'loading') void actions.reloadSandbox();
      if (ctx.get().form.dpop) actions.setDpop(true);
      return () => stops.forEach((stop) => stop());
    },
    signOut: () => stores.signOut(),
  };

  return { ...actions, getSnapshot: store.getSnapshot, subscribe: store.subscribe, stores, sandboxUrl, relayUrl };
}

/** The page's share link, if it was opened through one (the caller then drops the fragment from the address bar). */
export function sharedConfigOf(hash: string | undefined): SharedConfig | null {
  return hash ? readShareLink(hash) : null;
}
