// The app's config as an external store: loads the layers once, re-resolves on local edits, notifies React.
// Resolution validates with zod, so it is loaded with the settings (not in the first paint): until it has arrived,
// the snapshot is the defaults, with status `loading`.

import { effects } from '../../utils/effects';
import { createListenerSet } from '../../utils/listeners';
import { createSafeStorage, webStorage, type KeyValueStorage, type SafeStorage, type StorageWriteResult } from '../../utils/storage';
import type { ResolvedConfig, ResolveConfigInput } from './resolve';
import { CONFIG_PATHS, createDefaultSettings, type ConfigPath, type Settings, type SettingsPatch } from './settings';
import { deepMerge, parseSettingsText, stripSecretKeys, type ConfigIssue, type ConfigSource, type EnvLike } from './settingsText';

/** localStorage key holding the user's partial settings overrides. */
export const SETTINGS_STORAGE_KEY = 'm2m-playground:settings';
/** Where settings.json is served from (public/settings.json). */
export const SETTINGS_URL = '/settings.json';

export interface ConfigSnapshot extends ResolvedConfig {
  /**
   * `idle` (the defaults only) until load() has resolved settings.json, the environment and localStorage, then
   * `ready`. There is no `loading` snapshot: nothing shows one, and publishing it re-rendered every reader of the
   * configuration for nothing in the task right after the first paint (issue 24).
   */
  status: 'idle' | 'ready';
}

/** settings.json is fetched through the HTTP seam (`effects().fetch`, default timeout). */
export interface ConfigLoadOptions {
  /** Defaults to `import.meta.env`. */
  env?: EnvLike;
  /** Defaults to `window.localStorage` (looked up at call time; blocked storage is tolerated). */
  storage?: KeyValueStorage;
  settingsUrl?: string;
}

export interface ConfigStore {
  subscribe(listener: () => void): () => void;
  getSnapshot(): ConfigSnapshot;
  /** Reads all layers once; later calls return the first call's promise (Strict Mode safe). Never rejects. */
  load(options?: ConfigLoadOptions): Promise<ConfigSnapshot>;
  /** Merges `patch` into the localStorage layer (secret-looking keys are dropped) and re-resolves. */
  updateLocal(patch: SettingsPatch): StorageWriteResult;
  /** Forgets every localStorage override. */
  resetLocal(): void;
  /** Sets (or clears, with null) the in-memory `typed` layer: values entered in the UI this session. */
  setTyped(patch: SettingsPatch | null): void;
}

const log = () => effects().logger.child('config');

function defaultsFor(e: EnvLike): Settings {
  // The flag is on in development builds and off in production ones unless a layer turns it on.
  return createDefaultSettings({ clientCredentialsEnabled: e.DEV === true });
}

/** The four layers over the defaults, lowest first: .env, settings.json, localStorage, typed this session. */
interface ConfigLayers {
  env: EnvLike;
  settingsJson?: unknown;
  local?: unknown;
  typed?: unknown;
}

export type Resolver = (input: ResolveConfigInput) => ResolvedConfig;

/** Before the resolver has loaded: every field at its default (nothing has been read yet either). */
function defaultsOnly(input: ResolveConfigInput): ResolvedConfig {
  const sources = Object.fromEntries(CONFIG_PATHS.map((path) => [path, 'default'])) as Record<ConfigPath, ConfigSource>;
  return { config: input.defaults, sources, issues: [] };
}

function resolveSnapshot(resolve: Resolver, layers: ConfigLayers, loadIssues: readonly ConfigIssue[], status: ConfigSnapshot['status']): ConfigSnapshot {
  const resolved = resolve({ ...layers, defaults: defaultsFor(layers.env) });
  return { ...resolved, issues: [...loadIssues, ...resolved.issues], status };
}

/** The storage load() was given, made safe; else the one in use. */
function storageFor(options: ConfigLoadOptions, current: SafeStorage): SafeStorage {
  const given = options.storage;
  return given ? createSafeStorage(() => given) : current;
}

/** The localStorage layer, or undefined when nothing is stored; a bad text becomes an issue. */
function readLocalLayer(storage: SafeStorage, addIssue: (issue: ConfigIssue) => void): unknown {
  const text = storage.getItem(SETTINGS_STORAGE_KEY);
  if (text === null) return undefined;
  const { value, issue } = parseSettingsText('localStorage', text);
  if (issue) addIssue(issue);
  return value;
}

/** The settings.json layer, or undefined when it is missing or unreachable; a bad text becomes an issue. */
async function fetchSettingsLayer(url: string, addIssue: (issue: ConfigIssue) => void): Promise<unknown> {
  try {
    // The HTTP seam loads with the first request, after the first paint: the shell's bundle does not carry it.
    const { fetchWithTimeout } = await import('../../utils/http');
    const response = await fetchWithTimeout(url, { headers: { accept: 'application/json' }, cache: 'no-store' }, { peer: 'settings.json' });
    // A missing settings.json is normal: the defaults and .env apply.
    if (!response.ok) return undefined;
    const { value, issue } = parseSettingsText('settings.json', await response.text());
    if (issue) addIssue(issue);
    return value;
  } catch (error) {
    log().warn('settings.json could not be fetched; continuing without it', { error });
    return undefined;
  }
}

/** The validating resolver; if its chunk cannot be loaded (e.g. a deploy replaced it), the defaults stay, said once. */
async function loadResolver(addIssue: (issue: ConfigIssue) => void): Promise<Resolver> {
  try {
    return (await import('./resolve')).resolveConfig;
  } catch (error) {
    log().error('the configuration resolver could not be loaded; using the defaults', { error });
    addIssue({ path: '(root)', source: 'default', severity: 'error', message: 'the configuration could not be loaded (reload the page); using the defaults' });
    return defaultsOnly;
  }
}

/** The issues with the previous save's warning replaced by this save's outcome. */
function withSaveOutcome(issues: ConfigIssue[], result: StorageWriteResult): ConfigIssue[] {
  const kept = issues.filter((i) => !(i.source === 'localStorage' && i.path === '(storage)'));
  if (result.ok) return kept;
  return [
    ...kept,
    {
      path: '(storage)',
      source: 'localStorage',
      severity: 'warning',
      message: `Could not save settings (${result.reason}); the change lasts until the page is reloaded.`,
    },
  ];
}

function logResolved(snapshot: ConfigSnapshot): void {
  log().info(`config resolved with ${snapshot.issues.length} issue(s)`, {
    enabled: snapshot.config.oauth.clientCredentials.enabled,
    preset: snapshot.config.provider.preset,
  });
  for (const issue of snapshot.issues) log().warn(`${issue.path} from ${issue.source}: ${issue.message}`);
}

export interface ConfigStoreOptions {
  /**
   * The resolver to use from the start (tests that set layers without loading, with `resolveConfig` from
   * ./resolve). Default: the defaults only, until `load()` brings the validating resolver.
   */
  resolve?: Resolver;
}

/** Creates a config store. The app uses the shared {@link configStore}; tests create their own. */
export function createConfigStore(options: ConfigStoreOptions = {}): ConfigStore {
  const listeners = createListenerSet();
  const layers: ConfigLayers = { env: {} };
  let loadIssues: ConfigIssue[] = [];
  let storage = createSafeStorage(webStorage('localStorage'));
  let status: ConfigSnapshot['status'] = 'idle';
  let loading: Promise<ConfigSnapshot> | undefined;
  let resolve: Resolver = options.resolve ?? defaultsOnly;
  // Pushes to the current list: a save during the settings.json fetch replaces it.
  const addIssue = (issue: ConfigIssue) => loadIssues.push(issue);

  let snapshot = resolveSnapshot(resolve, layers, loadIssues, status);

  function publish() {
    snapshot = resolveSnapshot(resolve, layers, loadIssues, status);
    listeners.notify();
  }

  async function doLoad(options: ConfigLoadOptions): Promise<ConfigSnapshot> {
    layers.env = options.env ?? (import.meta.env as unknown as EnvLike);
    storage = storageFor(options, storage);
    loadIssues = [];
    // The resolver's module and settings.json load side by side.
    const [resolver, settingsJson] = await Promise.all([loadResolver(addIssue), fetchSettingsLayer(options.settingsUrl ?? SETTINGS_URL, addIssue)]);
    resolve = resolver;
    layers.settingsJson = settingsJson;
    layers.local = readLocalLayer(storage, addIssue);
    status = 'ready';
    publish();
    logResolved(snapshot);
    return snapshot;
  }

  return {
    subscribe: listeners.subscribe,
    getSnapshot: () => snapshot,
    load(options = {}) {
      loading ??= doLoad(options);
      return loading;
    },
    updateLocal(patch) {
      layers.local = stripSecretKeys(deepMerge(layers.local ?? {}, patch));
      const result = storage.setItem(SETTINGS_STORAGE_KEY, JSON.stringify(layers.local));
      loadIssues = withSaveOutcome(loadIssues, result);
      publish();
      return result;
    },
    resetLocal() {
      layers.local = undefined;
      storage.removeItem(SETTINGS_STORAGE_KEY);
      loadIssues = loadIssues.filter((i) => i.source !== 'localStorage');
      publish();
    },
    setTyped(patch) {
      layers.typed = patch === null ? undefined : stripSecretKeys(patch);
      publish();
    },
  };
}

/** The app-wide config store; `main.tsx` calls `load()` once, at start-up, without waiting for it to render. */
export const configStore: ConfigStore = createConfigStore();
