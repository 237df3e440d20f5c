// Which store owns the form: the active profile (localStorage) when it took the write, the tab's progress
// (sessionStorage) otherwise — so the form is kept once, and a reload, a share link, a refusing store and a second
// tab each find it where README's profiles section says.
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createAuthStores } from '../../../contexts/authStores';
import { resolveConfig } from '../../../services/config/resolve';
import { createDefaultSettings } from '../../../services/config/settings';
import { createMemoryStorage, type KeyValueStorage } from '../../../utils/storage';
import { PROFILES_STORAGE_KEY } from '../../../utils/profiles/profileStore';
import { CC_FLOW_PROGRESS_KEY, createFlowPersistence } from './flowPersistence';
import { createFlowSession } from './flowSession';
import { createFlowProfileStore } from './profileConfig';
import type { SharedConfig } from './shareLink';

const ENDPOINT = 'https://as.example.com/oauth2/token';

/** A browser: one localStorage for every tab, one sessionStorage per tab. */
function newBrowser(local: KeyValueStorage = createMemoryStorage()) {
  return { local, tab: () => ({ session: createMemoryStorage(), local }) };
}

function open(tab: { session: KeyValueStorage; local: KeyValueStorage }, shared: SharedConfig | null = null) {
  const config = resolveConfig({ defaults: createDefaultSettings({ clientCredentialsEnabled: true }), typed: { provider: { preset: 'custom' } } });
  const stores = createAuthStores({ indexedDB: new IDBFactory(), sessionStorage: tab.session, localStorage: tab.local });
  const flow = createFlowSession({
    stores, config, shared, persistence: createFlowPersistence(() => tab.session), profileStore: createFlowProfileStore(tab.local),
    effects: { getSandboxInfo: async () => { throw new Error('no sandbox here'); } },
  });
  const stop = flow.start();
  return { flow, stop };
}

const progressOf = (session: KeyValueStorage) => JSON.parse(session.getItem(CC_FLOW_PROGRESS_KEY)!) as Record<string, unknown>;

describe('the form is kept once', () => {
  it('with a saved profile active, the progress keeps the step, the number drafts and the profile, and a reload reads the form from the profile', () => {
    const tab = newBrowser().tab();
    const first = open(tab);
    first.flow.setField('tokenEndpoint', ENDPOINT);
    first.flow.setField('clientId', 'client-a');
    first.flow.setNumberField('clockSkewSeconds', '12a');
    first.flow.setActiveIndex(1);
    first.stop();

    const progress = progressOf(tab.session);
    expect(progress).toMatchObject({ activeIndex: 1, numberDrafts: { clockSkewSeconds: '12a' }, profileId: expect.any(String) as unknown, form: {}, sources: {} });
    expect(tab.session.getItem(CC_FLOW_PROGRESS_KEY)).not.toContain('client-a');
    expect(tab.local.getItem(PROFILES_STORAGE_KEY)).toContain('client-a');

    const again = open(tab);
    expect(again.flow.getSnapshot()).toMatchObject({ activeIndex: 1, form: { tokenEndpoint: ENDPOINT, clientId: 'client-a' }, sources: { clientId: 'typed' }, numberDrafts: { clockSkewSeconds: '12a' } });
    expect(Number.isNaN(again.flow.getSnapshot().form.clockSkewSeconds)).toBe(true);
    again.stop();
  });

  it('a value over its limit is still named as not kept when the profile holds the form', () => {
    const tab = newBrowser().tab();
    const { flow, stop } = open(tab);
    flow.setField('clientId', 'x'.repeat(300));
    expect(flow.getSnapshot().lastSave).toMatchObject({ ok: true, notSaved: ['clientId'] });
    stop();
  });

  it('an unsaved configuration (a share link) is kept by the progress, and comes back after a reload', () => {
    const tab = newBrowser().tab();
    const first = open(tab, { clientId: 'shared-client', tokenEndpoint: ENDPOINT });
    first.flow.setField('audience', 'edited');
    first.stop();
    expect(progressOf(tab.session)).toMatchObject({ profileId: null, form: { clientId: 'shared-client', audience: 'edited' } });
    const again = open(tab);
    expect(again.flow.getSnapshot()).toMatchObject({ form: { clientId: 'shared-client', audience: 'edited' }, profiles: { collection: { activeId: null } } });
    again.stop();
  });

  it('a profile store that refuses the write leaves the form to the progress, so this tab still finds it after a reload', () => {
    const refusing = { getItem: () => null, setItem: () => { throw new DOMException('full', 'QuotaExceededError'); }, removeItem: () => undefined };
    const tab = newBrowser(refusing).tab();
    const first = open(tab);
    first.flow.setField('clientId', 'kept-in-this-tab');
    first.stop();
    expect(progressOf(tab.session)).toMatchObject({ form: { clientId: 'kept-in-this-tab' }, sources: { clientId: 'typed' } });
    const again = open(tab);
    expect(again.flow.getSnapshot().form.clientId).toBe('kept-in-this-tab');
    again.stop();
  });

  it('a second tab shows the profile as the first tab saved it; each tab keeps its own step', () => {
    const browser = newBrowser();
    const [one, two] = [browser.tab(), browser.tab()];
    const first = open(one);
    first.flow.setField('clientId', 'from-tab-one');
    first.flow.setActiveIndex(1);
    const second = open(two);
    expect(second.flow.getSnapshot()).toMatchObject({ activeIndex: 0, form: { clientId: 'from-tab-one' } });
    second.stop();
    first.stop();
  });

  it('sign-out forgets the progress but keeps the profile: a reload shows the profile on step 1', async () => {
    const tab = newBrowser().tab();
    const first = open(tab);
    first.flow.setField('clientId', 'client-a');
    first.flow.setActiveIndex(1);
    await first.flow.signOut();
    first.stop();
    expect(tab.session.getItem(CC_FLOW_PROGRESS_KEY)).toBeNull();
    const again = open(tab);
    expect(again.flow.getSnapshot()).toMatchObject({ activeIndex: 0, form: { clientId: 'client-a' } });
    again.stop();
  });
});
