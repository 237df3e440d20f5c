// The Client Credentials flow as one plain-TypeScript store: the form, the step, the signing keys, the sandbox,
// discovery, the preview, the token run, introspection/revocation, and the actions that change them. React reads it
// with useSyncExternalStore and small selectors (hooks/useFlowSession.ts); the steps receive what they show.
import type { ResolvedConfig } from '../../../services/config/resolve';
import { createDiscoveryService } from '../../../services/discoveryService';
import { uploadRelayCredential } from '../../../services/relayAdmin';
import { getSandboxInfo, registerSandboxClient } from '../../../services/sandboxAdmin';
import { PROVIDERS } from '../../../config/providers';
import { whenIdle } from '../../../utils/idle';
import { createStore } from '../../../utils/store';
import { updateProfileConfig } from '../../../utils/profiles/profileCollection';
import type { ProfileStore } from '../../../utils/profiles/profileStore';
import { formFromConfig } from './configToForm';
import type { FlowPersistence } from './flowPersistence';
import { cacheKeyParts } from './flowRequest';
import type { FlowForm } from './flowTypes';
import { createFlowProfileStore, profileConfigOf, type ProfileConfig } from './profileConfig';
import { startingPointWithProfiles, type StartingPoint } from './profileStart';
import { identityOfForm } from './providerPresets';
import type { SharedConfig } from './shareLink';
import { audienceActions, type AudienceActions } from './session/audienceActions';
import { formActions, type FormActions } from './session/formActions';
import { keyActions, type KeyActions } from './session/keyActions';
import { managementActions, type ManagementActions } from './session/managementActions';
import { isPreviewPending, previewActions, type PreviewActions } from './session/previewActions';
import { PROFILES_NOT_STORED, profileActions, type ProfileActions } from './session/profileActions';
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
  /** The saved profiles (default: this device's localStorage). */
  profileStore?: ProfileStore<ProfileConfig>;
  /**
   * Runs the preview's describing later, while step 1 is on screen (default: the browser's next idle period). Step 1
   * does not show the preview, so a page load does not sign one per start-up change; step 2 describes at once.
   */
  whenIdle?: (run: () => void) => void;
}


/**
 * The preview's sync after a change: at once on steps 2–4 (they show it), otherwise once in the next idle period
 * however many changes came meanwhile (the start-up's sandbox, form, keys and DPoP key make one preview, not four).
 */
function previewScheduler(ctx: ReturnType<typeof createSessionContext>, sync: () => void, whenIdle: (run: () => void) => void) {
  let waiting = false;
  let stopped = false;
  const schedule = () => {
    if (!isPreviewPending(ctx.get())) return; // the preview shown is for these inputs (its own arrival, say)
    if (ctx.get().activeIndex > 0) return sync();
    if (waiting) return;
    waiting = true;
    whenIdle(() => {
      waiting = false;
      if (!stopped) sync();
    });
  };
  return { schedule, stop: () => void (stopped = true) };
}

export type FlowActions = FormActions & SecretActions & KeyActions & ProviderActions & PreviewActions & TokenActions
  & ManagementActions & TransportActions & AudienceActions & ProfileActions & {
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

function initialState({ start, collection }: StartingPoint, deps: Pick<SessionDeps, 'stores'>): FlowSessionState {
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
    profiles: { collection, pendingImport: null, notice: null },
  };
}

function defaultServices(): FlowServices {
  const discovery = createDiscoveryService();
  return {
    getSandboxInfo: (baseUrl) => getSandboxInfo({ baseUrl }),
    registerSandboxClient: (registration, baseUrl) => registerSandboxClient(registration, { baseUrl }),
    discover: (input) => discovery.discover(input),
    uploadRelayCredential,
  };
}

/**
 * The edited form into its saved profile (localStorage), and the profile's name to the status bar. Returns whether
 * the profile store now holds this form (false with no active profile, or when the store refused the write).
 */
function mirrorProfile(ctx: ReturnType<typeof createSessionContext>, s: FlowSessionState): boolean {
  const { collection } = s.profiles;
  const active = collection.activeId;
  if (active === null) return false;
  const config = profileConfigOf(s.form);
  // The profile as it was shown (a page load, a switch) is written as it is, and kept as the same object: no render.
  const current = collection.profiles.find((p) => p.id === active);
  const same = current !== undefined && JSON.stringify(current.config) === JSON.stringify(config) && JSON.stringify(current.sources) === JSON.stringify(s.sources);
  const next = same ? collection : updateProfileConfig(collection, active, config, s.sources);
  const written = ctx.profileStore.save(next);
  if (same && written.ok) return true;
  const notice = written.ok ? undefined : { kind: 'error' as const, text: PROFILES_NOT_STORED };
  ctx.set('profiles', (p) => (p.collection === collection ? { ...p, collection: next, notice: notice ?? p.notice } : p));
  return written.ok;
}

/**
 * Progress to sessionStorage, the profile to localStorage and the chosen provider to the status bar, after each change.
 * The form has one owner: the active profile when it took the write, else the progress (see FlowProgress.profileHoldsForm).
 */
function mirror(ctx: ReturnType<typeof createSessionContext>): () => void {
  let saved: FlowSessionState | undefined;
  let profileHoldsForm = false;
  const write = () => {
    const s = ctx.get();
    const { collection } = s.profiles;
    // Renames too: the status bar names the profile in use (the identity store ignores a same name).
    ctx.stores.identity.selectProfile(collection.profiles.find((p) => p.id === collection.activeId)?.name ?? null);
    if (saved && saved.form === s.form && saved.activeIndex === s.activeIndex && saved.sources === s.sources && saved.numberDrafts === s.numberDrafts && saved.profiles.collection.activeId === collection.activeId) return;
    const formChanged = saved?.form !== s.form || saved.sources !== s.sources;
    const profileChanged = saved?.profiles.collection.activeId !== collection.activeId;
    saved = s;
    // The form's token request too: the status bar counts down this configuration's token, not the newest one.
    if (formChanged) ctx.stores.identity.select(identityOfForm(s.form), { parts: cacheKeyParts(s.form), dpop: s.form.dpop });
    // The profile first: whether it took the form decides whether the progress keeps a copy.
    if (formChanged || profileChanged) profileHoldsForm = mirrorProfile(ctx, s);
    // FlowForm holds no secret by contract: only the form, the step and where each value came from are written.
    const profileId = collection.activeId;
    const result = ctx.persistence.save({ activeIndex: s.activeIndex, form: s.form, sources: s.sources, numberDrafts: s.numberDrafts, profileId, profileHoldsForm });
    // A save that kept everything has nothing to show: null, as before the first save (no render for it).
    const lastSave = result.ok && result.notSaved.length === 0 ? null : result;
    ctx.set('lastSave', (last) => (JSON.stringify(last) === JSON.stringify(lastSave) ? last : lastSave));
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
  const profileStore = options.profileStore ?? createFlowProfileStore();
  const startForm = formFromConfig(config);
  const deps: SessionDeps = { stores, persistence, sandboxUrl, relayUrl, services: { ...defaultServices(), ...options.effects }, profileStore, startForm };
  const starting = startingPointWithProfiles({ stored: persistence.load(), saved: profileStore.load(), startForm, shared: options.shared ?? null });
  const store = createStore(initialState(starting, deps));
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
    ...profileActions(ctx, { onShown: (shown) => onProfileShown(shown) }),
    start() {
      const later = previewScheduler(ctx, preview.sync, options.whenIdle ?? ((run) => whenIdle(run)));
      // One transaction: the mirror's first write, the keys' and the sandbox's loading states notify readers once.
      const stops = store.batch(() => {
        const stopMirror = mirror(ctx);
        const unsubscribe = store.subscribe(later.schedule);
        later.schedule();
        void keys.loadKeys();
        if (ctx.get().sandbox.status === 'loading') void actions.reloadSandbox();
        if (ctx.get().form.dpop) actions.setDpop(true);
        return [stopMirror, unsubscribe, later.stop];
      });
      return () => stops.forEach((stop) => stop());
    },
    signOut: () => stores.signOut(),
  };

  /**
   * A shown profile that binds with DPoP loads its key; a sandbox-backed one without endpoints yet (a new profile)
   * is filled from /sandbox/info as a first visit is.
   */
  function onProfileShown(shown: FlowForm) {
    if (shown.dpop) void stores.dpop.binding().catch(() => undefined);
    if (PROVIDERS[shown.provider].sandbox && shown.tokenEndpoint.trim() === '') void actions.setProvider(shown.provider);
  }

  return { ...actions, getSnapshot: store.getSnapshot, subscribe: store.subscribe, stores, sandboxUrl, relayUrl };
}
