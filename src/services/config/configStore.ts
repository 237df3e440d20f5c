// The app's config as an external store: loads the layers once, re-resolves on local edits, notifies React.

import { effects } from '../../utils/effects';
import { fetchWithTimeout } from '../../utils/http';
import { createSafeStorage, webStorage, type KeyValueStorage, type StorageWriteResult } from '../../utils/storage';
import { resolveConfig, type ResolvedConfig } from './resolve';
import { createDefaultSettings, type Settings, type SettingsPatch } from './schema';
import { deepMerge, parseSettingsText, stripSecretKeys, type ConfigIssue, type EnvLike } from './sources';

/** localStorage key holding the user's partial settings overrides. */
export const SETTINGS_STORAGE_KEY = 'm2m-playground:settings';
/** Where settings.json is served from (public/settings.json). */
export const SETTINGS_URL = '/settings.json';

export interface ConfigSnapshot extends ResolvedConfig {
  /** `idle` before load(), `loading` while settings.json is fetched, then `ready`. */
  status: 'idle' | 'loading' | 'ready';
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

/** Creates a config store. The app uses the shared {@link configStore}; tests create their own. */
export function createConfigStore(): ConfigStore {
  const log = () => effects().logger.child('config');
  const listeners = new Set<() => void>();
  let env: EnvLike = {};
  let settingsJson: unknown;
  let local: unknown;
  let typed: unknown;
  let loadIssues: ConfigIssue[] = [];
  let storage = createSafeStorage(webStorage('localStorage'));
  let status: ConfigSnapshot['status'] = 'idle';
  let loading: Promise<ConfigSnapshot> | undefined;

  function defaultsFor(e: EnvLike): Settings {
    // The flag is on in development builds and off in production ones unless a layer turns it on.
    return createDefaultSettings({ clientCredentialsEnabled: e.DEV === true });
  }

  function compute(): ConfigSnapshot {
    const resolved = resolveConfig({ env, settingsJson, local, typed, defaults: defaultsFor(env) });
    return { ...resolved, issues: [...loadIssues, ...resolved.issues], status };
  }

  let snapshot = compute();

  function publish() {
    snapshot = compute();
    for (const listener of [...listeners]) listener();
  }

  function readLocal(): unknown {
    const text = storage.getItem(SETTINGS_STORAGE_KEY);
    if (text === null) return undefined;
    const { value, issue } = parseSettingsText('localStorage', text);
    if (issue) loadIssues.push(issue);
    return value;
  }

  async function fetchSettings(url: string): Promise<unknown> {
    try {
      const response = await fetchWithTimeout(url, { headers: { accept: 'application/json' }, cache: 'no-store' }, { peer: 'settings.json' });
      // A missing settings.json is normal: the defaults and .env apply.
      if (!response.ok) return undefined;
      const { value, issue } = parseSettingsText('settings.json', await response.text());
      if (issue) loadIssues.push(issue);
      return value;
    } catch (error) {
      log().warn('settings.json could not be fetched; continuing without it', { error });
      return undefined;
    }
  }

  async function doLoad(options: ConfigLoadOptions): Promise<ConfigSnapshot> {
    env = options.env ?? (import.meta.env as unknown as EnvLike);
    if (options.storage) {
      const given = options.storage;
      storage = createSafeStorage(() => given);
    }
    status = 'loading';
    loadIssues = [];
    publish();
    settingsJson = await fetchSettings(options.settingsUrl ?? SETTINGS_URL);
    local = readLocal();
    status = 'ready';
    publish();
    log().info(`config resolved with ${snapshot.issues.length} issue(s)`, {
      enabled: snapshot.config.oauth.clientCredentials.enabled,
      preset: snapshot.config.provider.preset,
    });
    for (const issue of snapshot.issues) log().warn(`${issue.path} from ${issue.source}: ${issue.message}`);
    return snapshot;
  }

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    getSnapshot: () => snapshot,
    load(options = {}) {
      loading ??= doLoad(options);
      return loading;
    },
    updateLocal(patch) {
      local = stripSecretKeys(deepMerge(local ?? {}, patch));
      const result = storage.setItem(SETTINGS_STORAGE_KEY, JSON.stringify(local));
      loadIssues = loadIssues.filter((i) => !(i.source === 'localStorage' && i.path === '(storage)'));
      if (!result.ok) {
        loadIssues.push({
          path: '(storage)',
          source: 'localStorage',
          severity: 'warning',
          message: `Could not save settings (${result.reason}); the change lasts until the page is reloaded.`,
        });
      }
      publish();
      return result;
    },
    resetLocal() {
      local = undefined;
      storage.removeItem(SETTINGS_STORAGE_KEY);
      loadIssues = loadIssues.filter((i) => i.source !== 'localStorage');
      publish();
    },
    setTyped(patch) {
      typed = patch === null ? undefined : stripSecretKeys(patch);
      publish();
    },
  };
}

/** The app-wide config store; `main.tsx` calls `load()` once before the first render. */
export const configStore: ConfigStore = createConfigStore();
