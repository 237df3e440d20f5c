import { describe, expect, it, vi } from 'vitest';
import { setupTestEffects } from '../../../tests/support/effects';
import { provideEffects } from '../../utils/effects';
import { createMemoryStorage, type KeyValueStorage } from '../../utils/storage';
import { SETTINGS_STORAGE_KEY, createConfigStore, type ConfigLoadOptions, type ConfigStore } from './configStore';

setupTestEffects(() => ({}));

/** Loads with `fetch` answering settings.json (provided through effects, as the app's one HTTP seam reads it). */
function loadWith(store: ConfigStore, fetch: typeof globalThis.fetch, options: ConfigLoadOptions) {
  provideEffects({ fetch });
  return store.load(options);
}

function jsonFetch(body: unknown, status = 200): typeof fetch {
  return vi.fn(async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status })) as unknown as typeof fetch;
}

describe('configStore', () => {
  it('starts idle with defaults, then loads all layers', async () => {
    const store = createConfigStore();
    expect(store.getSnapshot().status).toBe('idle');
    const storage = createMemoryStorage({ [SETTINGS_STORAGE_KEY]: JSON.stringify({ provider: { clientId: 'from-local' } }) });
    const settings = jsonFetch({ oauth: { clientCredentials: { enabled: true, scopes: ['p1:read:user'] } } });
    const snap = await loadWith(store, settings, { env: { DEV: false, VITE_CLIENT_ID: 'from-env' }, storage });
    expect(snap.status).toBe('ready');
    expect(snap.config.oauth.clientCredentials.enabled).toBe(true);
    expect(snap.sources['oauth.clientCredentials.enabled']).toBe('settings.json');
    expect(snap.config.provider.clientId).toBe('from-local');
    expect(store.getSnapshot()).toBe(snap);
  });

  it('shows the defaults while loading (the shell paints before resolution), then the resolved values', async () => {
    const store = createConfigStore();
    const settings = jsonFetch({ provider: { clientId: 'from-settings' } });
    const notified: string[] = [];
    store.subscribe(() => notified.push(store.getSnapshot().status));
    const loaded = loadWith(store, settings, { env: { DEV: false }, storage: createMemoryStorage() });
    const during = store.getSnapshot();
    expect(during.status).toBe('idle');
    expect(during.config.provider.clientId).toBe('');
    expect(during.sources['provider.clientId']).toBe('default');
    const ready = await loaded;
    expect(ready.config.provider.clientId).toBe('from-settings');
    expect(ready.sources['provider.clientId']).toBe('settings.json');
    // Readers are told once, when there is something new to show: every notice re-renders the whole shell.
    expect(notified).toEqual(['ready']);
  });

  it('fetches once however many times load() is called', async () => {
    const store = createConfigStore();
    const fetchImpl = jsonFetch({});
    await Promise.all([loadWith(store, fetchImpl, { env: {} }), loadWith(store, fetchImpl, { env: {} })]);
    await loadWith(store, fetchImpl, { env: {} });
    expect(fetchImpl).toHaveBeenCalledTimes(1);
  });

  it('treats a missing or HTML settings.json as absent and bad JSON as an issue', async () => {
    const missing = await loadWith(createConfigStore(), jsonFetch('not found', 404), { env: { DEV: true }, storage: createMemoryStorage() });
    expect(missing.issues).toEqual([]);
    expect(missing.config.oauth.clientCredentials.enabled).toBe(true); // dev default
    const html = await loadWith(createConfigStore(), jsonFetch('<!doctype html><html></html>'), { env: {}, storage: createMemoryStorage() });
    expect(html.issues).toEqual([]);
    const broken = await loadWith(createConfigStore(), jsonFetch('{"oauth": '), { env: {}, storage: createMemoryStorage() });
    expect(broken.issues).toEqual([expect.objectContaining({ path: '(file)', source: 'settings.json', severity: 'error' })]);
    const refused = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    const offline = await loadWith(createConfigStore(), refused, { env: {}, storage: createMemoryStorage() });
    expect(offline.status).toBe('ready');
  });

  it('updateLocal writes a partial to localStorage, strips secrets and notifies', async () => {
    const storage = createMemoryStorage();
    const store = createConfigStore();
    await loadWith(store, jsonFetch({}), { env: {}, storage });
    const listener = vi.fn();
    store.subscribe(listener);
    const result = store.updateLocal({ provider: { clientId: 'abc', client_secret: 'nope' } as never });
    store.updateLocal({ oauth: { clientCredentials: { scopes: ['a'] } } });
    expect(result).toEqual({ ok: true });
    expect(listener).toHaveBeenCalledTimes(2);
    expect(JSON.parse(storage.getItem(SETTINGS_STORAGE_KEY) ?? '{}')).toEqual({ provider: { clientId: 'abc' }, oauth: { clientCredentials: { scopes: ['a'] } } });
    expect(store.getSnapshot().sources['provider.clientId']).toBe('localStorage');
    store.resetLocal();
    expect(storage.getItem(SETTINGS_STORAGE_KEY)).toBeNull();
    expect(store.getSnapshot().sources['provider.clientId']).toBe('default');
  });

  it('reports a blocked storage instead of throwing', async () => {
    const blocked: KeyValueStorage = { getItem: () => null, setItem: () => { throw new DOMException('full', 'QuotaExceededError'); }, removeItem: () => {} };
    const store = createConfigStore();
    await loadWith(store, jsonFetch({}), { env: {}, storage: blocked });
    expect(store.updateLocal({ provider: { clientId: 'x' } })).toEqual({ ok: false, reason: 'quota' });
    expect(store.getSnapshot().config.provider.clientId).toBe('x');
    expect(store.getSnapshot().issues).toEqual([expect.objectContaining({ path: '(storage)', source: 'localStorage' })]);
  });

  it('setTyped overlays values with the typed source', async () => {
    const store = createConfigStore();
    await loadWith(store, jsonFetch({}), { env: {}, storage: createMemoryStorage() });
    store.setTyped({ oauth: { clientCredentials: { audience: 'typed-aud' } } });
    expect(store.getSnapshot().sources['oauth.clientCredentials.audience']).toBe('typed');
    store.setTyped(null);
    expect(store.getSnapshot().config.oauth.clientCredentials.audience).toBe('');
  });
});
