// Profiles in the flow session without React (issue 22): the upgrade from the one configuration kept before
// profiles, switching (nothing of the previous profile stays; each shows its own cached token), export without
// secrets, import with a clash question, a hostile import that changes nothing, share links, sign-out and forget.
import { IDBFactory } from 'fake-indexeddb';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { setupMswServer } from '../../../../tests/support/msw';
import { createAuthStores, type AuthStores } from '../../../contexts/authStores';
import { resolveConfig } from '../../../services/config/resolve';
import { createDefaultSettings } from '../../../services/config/settings';
import type { SandboxInfo } from '../../../services/sandboxAdmin';
import { createMemoryStorage } from '../../../utils/storage';
import { PROFILES_STORAGE_KEY } from '../../../utils/profiles/profileStore';
import { flowFormShape } from './flowFormSchema';
import { CC_FLOW_PROGRESS_KEY, createFlowPersistence } from './flowPersistence';
import { createFlowSession } from './flowSession';
import { createFlowProfileStore, profileConfigSchema } from './profileConfig';
import type { SharedConfig } from './shareLink';

const SECRET_A = 'secret-of-profile-a-0123456789-abcdef';
const SECRET_B = 'secret-of-profile-b-0123456789-abcdef';
const A = 'https://a.example.com/oauth2/token';
const B = 'https://b.example.com/oauth2/token';

const server = setupMswServer();

/** Each token endpoint accepts only its own client and secret, and names the token after its client. */
function tokenEndpoints() {
  return [[A, 'client-a', SECRET_A], [B, 'client-b', SECRET_B]].map(([url, id, secret]) =>
    http.post(url!, async ({ request }) => {
      const body = new URLSearchParams(await request.text());
      if (body.get('client_id') !== id || body.get('client_secret') !== secret) return HttpResponse.json({ error: 'invalid_client' }, { status: 401 });
      return HttpResponse.json({ access_token: `token-for-${id}`, token_type: 'Bearer', expires_in: 3600 });
    }),
  );
}

interface Device {
  stores: AuthStores;
  local: ReturnType<typeof createMemoryStorage>;
  session: ReturnType<typeof createMemoryStorage>;
}

function newDevice(): Device {
  const local = createMemoryStorage();
  const session = createMemoryStorage();
  return { local, session, stores: createAuthStores({ indexedDB: new IDBFactory(), sessionStorage: session, localStorage: local }) };
}

const DEMO_SECRET = 'demo-secret-of-the-sandbox-0123456789';
const SANDBOX_ISSUER = 'https://sandbox.example.com/env/as';
const sandboxInfo = async (): Promise<SandboxInfo> => ({
  environmentId: 'env', issuer: SANDBOX_ISSUER, tokenEndpoint: `${SANDBOX_ISSUER}/token`, discoveryUrl: `${SANDBOX_ISSUER}/.well-known/openid-configuration`,
  jwksUri: `${SANDBOX_ISSUER}/jwks`, apiBase: 'https://sandbox.example.com/v1', authz: 'scopes', users: [],
  clients: [{ client_id: 'demo', client_secret: DEMO_SECRET, token_endpoint_auth_method: 'client_secret_basic', scope: 'p1:read:user', purpose: 'demo', roles: [], provider: 'pingone' }],
});

function open(device: Device, shared: SharedConfig | null = null, preset: 'custom' | 'sandbox' = 'custom') {
  const config = resolveConfig({ defaults: createDefaultSettings({ clientCredentialsEnabled: true }), typed: { provider: { preset } } });
  const flow = createFlowSession({
    stores: device.stores, config, shared, persistence: createFlowPersistence(() => device.session), profileStore: createFlowProfileStore(device.local),
    effects: { getSandboxInfo: preset === 'sandbox' ? sandboxInfo : async () => { throw new Error('no sandbox here'); } },
  });
  const stop = flow.start();
  return { flow, stop };
}

type Flow = ReturnType<typeof open>['flow'];

function fill(flow: Flow, endpoint: string, clientId: string, secret: string, audience = '') {
  flow.setField('tokenEndpoint', endpoint);
  flow.setField('clientId', clientId);
  flow.setAuthMethod('client_secret_post');
  flow.setField('scopes', []);
  flow.setField('audience', audience);
  flow.changeSecret(secret);
  flow.commitSecret();
}

const names = (flow: Flow) => flow.getSnapshot().profiles.collection.profiles.map((p) => p.name);
const activeName = (flow: Flow) => {
  const { collection } = flow.getSnapshot().profiles;
  return collection.profiles.find((p) => p.id === collection.activeId)?.name;
};

describe('profiles in the flow session', () => {
  it('the schema is the form: every FlowForm field is saved, exported and imported', () => {
    expect(Object.keys(profileConfigSchema().shape)).toEqual(Object.keys(flowFormShape()));
  });

  it('upgrade: the one configuration kept before profiles becomes the first profile, nothing lost', () => {
    const device = newDevice();
    const legacy = { v: 1, activeIndex: 1, form: { provider: 'custom', tokenEndpoint: A, clientId: 'client-a', audience: 'api://a' }, sources: { clientId: 'typed' } };
    device.session.setItem(CC_FLOW_PROGRESS_KEY, JSON.stringify(legacy));
    const { flow, stop } = open(device);
    const s = flow.getSnapshot();
    expect(names(flow)).toEqual(['Default']);
    expect(s.form).toMatchObject({ tokenEndpoint: A, clientId: 'client-a', audience: 'api://a' });
    expect(s.activeIndex).toBe(1);
    const saved = JSON.parse(device.local.getItem(PROFILES_STORAGE_KEY)!) as { profiles: Array<{ name: string; config: { clientId: string } }> };
    expect(saved.profiles[0]).toMatchObject({ name: 'Default', config: { clientId: 'client-a' } });
    expect(device.stores.identity.getSnapshot().profile).toBe('Default');
    stop();
  });

  it('switching keeps nothing of the previous profile and shows each profile its own cached token', async () => {
    server.use(...tokenEndpoints());
    const device = newDevice();
    const { flow, stop } = open(device);
    fill(flow, A, 'client-a', SECRET_A, 'api://only-a');
    expect((await flow.getToken()).status).toBe('success');
    expect(flow.newProfile('B')).toBe(true);
    // A new profile starts from the configuration: A's audience and secret are gone, and so is A's token.
    expect(flow.getSnapshot()).toMatchObject({ form: { audience: '', clientId: '' }, secret: '', run: { status: 'idle' } });
    fill(flow, B, 'client-b', SECRET_B);
    expect((await flow.getToken()).record?.accessToken).toBe('token-for-client-b');
    const [a, b] = flow.getSnapshot().profiles.collection.profiles;

    flow.switchProfile(a!.id);
    expect(flow.getSnapshot()).toMatchObject({ form: { clientId: 'client-a', audience: 'api://only-a', tokenEndpoint: A }, secret: SECRET_A, run: { record: { accessToken: 'token-for-client-a' } } });
    expect(device.stores.identity.getSnapshot().profile).toBe('Default');
    flow.switchProfile(b!.id);
    expect(flow.getSnapshot()).toMatchObject({ form: { clientId: 'client-b', audience: '' }, secret: SECRET_B, run: { record: { accessToken: 'token-for-client-b' } } });
    expect(device.stores.identity.getSnapshot().profile).toBe('B');
    stop();

    // A new session (as after a reload) finds B selected, and a switch shows A's token from the cache alone.
    const again = open(device);
    expect(activeName(again.flow)).toBe('B');
    again.flow.switchProfile(a!.id);
    expect(again.flow.getSnapshot().run).toMatchObject({ status: 'success', record: { accessToken: 'token-for-client-a' }, response: { access_token: 'token-for-client-a' } });
    again.stop();
  });

  it('a new sandbox profile moved to another provider leaves the first profile its demo secret (secrets are per client)', async () => {
    const device = newDevice();
    const { flow, stop } = open(device, null, 'sandbox');
    await vi.waitFor(() => expect(flow.getSnapshot()).toMatchObject({ form: { clientId: 'demo' }, secret: DEMO_SECRET }));
    flow.newProfile('Elsewhere');
    await vi.waitFor(() => expect(flow.getSnapshot().form.tokenEndpoint).toBe(`${SANDBOX_ISSUER}/token`));
    await flow.setProvider('custom');
    expect(flow.getSnapshot()).toMatchObject({ form: { clientId: '' }, secret: '' });
    flow.switchProfile(flow.getSnapshot().profiles.collection.profiles[0]!.id);
    expect(flow.getSnapshot()).toMatchObject({ form: { clientId: 'demo' }, secret: DEMO_SECRET });
    stop();
  });

  it('storage that refuses the profiles is said once, and the flow goes on in memory', () => {
    const device = newDevice();
    const full = { getItem: () => null, setItem: () => { throw new DOMException('full', 'QuotaExceededError'); }, removeItem: () => undefined };
    const config = resolveConfig({ defaults: createDefaultSettings({ clientCredentialsEnabled: true }), typed: { provider: { preset: 'custom' } } });
    const flow = createFlowSession({ stores: device.stores, config, persistence: createFlowPersistence(() => device.session), profileStore: createFlowProfileStore(full) });
    const stop = flow.start();
    flow.setField('clientId', 'typed');
    expect(flow.getSnapshot().profiles.notice?.text).toMatch(/would not store the profiles/);
    expect(flow.duplicateProfile('Copy')).toBe(true);
    expect(names(flow)).toEqual(['Default', 'Copy']);
    stop();
  });

  it('duplicate, rename and delete; a taken name is refused with a message', () => {
    const device = newDevice();
    const { flow, stop } = open(device);
    fill(flow, A, 'client-a', SECRET_A);
    expect(flow.duplicateProfile('Copy')).toBe(true);
    expect(flow.getSnapshot().form.clientId).toBe('client-a');
    expect(flow.renameProfile('default')).toBe(false);
    expect(flow.getSnapshot().profiles.notice).toEqual({ kind: 'error', text: 'A profile named “default” exists already.' });
    expect(flow.renameProfile('Staging')).toBe(true);
    expect(names(flow)).toEqual(['Default', 'Staging']);
    flow.deleteProfile();
    expect(names(flow)).toEqual(['Default']);
    flow.deleteProfile(); // the last one: a fresh first profile from the configuration
    expect(names(flow)).toEqual(['Default']);
    expect(flow.getSnapshot().form.clientId).toBe('');
    stop();
  });

  it('export carries no secret, remembered or not; import into another device asks before replacing', async () => {
    const device = newDevice();
    const { flow, stop } = open(device);
    fill(flow, A, 'client-a', SECRET_A);
    flow.changeRemember(true);
    flow.newProfile('B');
    fill(flow, B, 'client-b', SECRET_B);
    const file = flow.exportProfiles();
    expect(file).not.toContain(SECRET_A);
    expect(file).not.toContain(SECRET_B);
    expect(JSON.parse(file)).toMatchObject({ version: 1, profiles: [{ name: 'Default', config: { clientId: 'client-a' } }, { name: 'B', config: { clientId: 'client-b' } }] });
    stop();

    const other = newDevice();
    const fresh = open(other);
    fresh.flow.setField('clientId', 'mine');
    fresh.flow.importProfiles(file);
    expect(fresh.flow.getSnapshot().profiles.pendingImport?.clashes).toEqual(['Default']);
    expect(names(fresh.flow)).toEqual(['Default']);
    fresh.flow.confirmImport(false);
    expect(fresh.flow.getSnapshot().form.clientId).toBe('mine');
    fresh.flow.importProfiles(file);
    fresh.flow.confirmImport(true);
    expect(names(fresh.flow)).toEqual(['Default', 'B']);
    expect(fresh.flow.getSnapshot()).toMatchObject({ form: { clientId: 'client-a' }, secret: '' });
    fresh.stop();
  });

  it.each([
    ['a secret smuggled in', JSON.stringify({ format: 'oauth-m2m-playground/profiles', version: 1, profiles: [{ name: 'X', config: { clientSecret: 'x' } }] })],
    ['a later version', JSON.stringify({ format: 'oauth-m2m-playground/profiles', version: 2, profiles: [] })],
    ['an oversized file', 'x'.repeat(300 * 1024)],
  ])('a hostile import (%s) is refused with an alert and changes nothing', async (_, text) => {
    const device = newDevice();
    const { flow, stop } = open(device);
    fill(flow, A, 'client-a', SECRET_A);
    const before = device.local.getItem(PROFILES_STORAGE_KEY);
    const form = flow.getSnapshot().form;
    await flow.importProfilesFile(new Blob([text]));
    expect(flow.getSnapshot().profiles.notice?.kind).toBe('error');
    expect(device.local.getItem(PROFILES_STORAGE_KEY)).toBe(before);
    expect(flow.getSnapshot().form).toBe(form);
    stop();
  });

  it('a share link opens unsaved (no saved profile is overwritten) until the person saves it', () => {
    const device = newDevice();
    const first = open(device);
    fill(first.flow, A, 'client-a', SECRET_A);
    first.stop();
    const { flow, stop } = open(device, { clientId: 'shared-client', tokenEndpoint: B });
    expect(flow.getSnapshot().profiles.collection.activeId).toBeNull();
    flow.setField('audience', 'edited');
    expect(device.local.getItem(PROFILES_STORAGE_KEY)).toContain('client-a');
    expect(device.local.getItem(PROFILES_STORAGE_KEY)).not.toContain('shared-client');
    expect(flow.saveAsProfile('From a colleague')).toBe(true);
    expect(activeName(flow)).toBe('From a colleague');
    expect(device.local.getItem(PROFILES_STORAGE_KEY)).toContain('shared-client');
    stop();
  });

  it('sign-out purges secrets and tokens of every profile but keeps the profiles; Forget profiles removes them', async () => {
    server.use(...tokenEndpoints());
    const device = newDevice();
    const { flow, stop } = open(device);
    fill(flow, A, 'client-a', SECRET_A);
    flow.changeRemember(true);
    await flow.getToken();
    flow.newProfile('B');
    fill(flow, B, 'client-b', SECRET_B);
    await flow.signOut();
    stop();
    expect(device.stores.credentialManager.getSecret('client-a')).toBeUndefined();
    expect(device.stores.credentialManager.getSecret('client-b')).toBeUndefined();
    expect(device.stores.cache.getSnapshot().entries).toEqual([]);

    const after = open(device);
    expect(names(after.flow)).toEqual(['Default', 'B']);
    expect(after.flow.getSnapshot()).toMatchObject({ form: { clientId: 'client-b' }, secret: '' });
    after.flow.forgetProfiles();
    expect(names(after.flow)).toEqual(['Default']);
    expect(after.flow.getSnapshot().form.clientId).toBe('');
    expect(device.local.getItem(PROFILES_STORAGE_KEY)).not.toContain('client-a');
    after.stop();
  });
});
