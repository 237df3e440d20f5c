// The flow session without React: one table over providers × auth methods (configure → Get token → cache, identity,
// preview), then sign-out, the DPoP key across sessions, cancellation, and introspection — each on real core code,
// with the token endpoint played by msw checking the client authentication it receives.
import { IDBFactory } from 'fake-indexeddb';
import { decodeProtectedHeader, importJWK, jwtVerify, type JWTPayload } from 'jose';
import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { setupMswServer } from '../../../../tests/support/msw';
import { createAuthStores, type AuthStores } from '../../../contexts/authStores';
import type { ProviderId } from '../../../config/providerBasics';
import { resolveConfig } from '../../../services/config/resolve';
import { createDefaultSettings } from '../../../services/config/settings';
import type { SandboxInfo } from '../../../services/sandboxAdmin';
import type { AuthMethod } from '../../../types/token';
import { toJwks } from '../../../utils/keys';
import { createMemoryStorage } from '../../../utils/storage';
import { createFlowPersistence } from './flowPersistence';
import { createFlowSession, type FlowSession } from './flowSession';
import { selectedKeyOf } from './session/sessionContext';
import { isPreviewPending } from './session/previewActions';

const ENV_ID = '6a1c2e4d-8b3f-4c5a-9e7d-1f2b3c4d5e6f';
const SECRET = 'a-client-secret-of-thirty-two-chars-or-more!';
const ACCESS_TOKEN = 'opaque-access-token-0123456789';
const SANDBOX_ISSUER = `https://sandbox.example.com/${ENV_ID}/as`;

/** Where each provider's token endpoint ends up once its fields are filled. */
const TOKEN_ENDPOINTS: Record<'sandbox' | 'pingone' | 'microauthd' | 'custom', string> = {
  sandbox: `${SANDBOX_ISSUER}/token`,
  pingone: `https://auth.pingone.com/${ENV_ID}/as/token`,
  microauthd: 'https://mad.example.com/token',
  custom: 'https://as.example.com/oauth2/token',
};

const sandboxInfo = (): SandboxInfo => ({
  environmentId: ENV_ID, issuer: SANDBOX_ISSUER, tokenEndpoint: TOKEN_ENDPOINTS.sandbox, discoveryUrl: `${SANDBOX_ISSUER}/.well-known/openid-configuration`,
  jwksUri: `${SANDBOX_ISSUER}/jwks`, apiBase: 'https://sandbox.example.com/v1', authz: 'scopes', users: [], clients: [],
});

const server = setupMswServer();
const clock = () => Date.now();

interface Received {
  method: AuthMethod | 'none';
  claims?: JWTPayload;
}

/**
 * A token endpoint that checks the client authentication it is sent, as a server would: the Basic header, the
 * body secret, or the assertion's signature, `iss`/`sub`/`aud`. Anything else is `invalid_client`.
 */
function tokenEndpoint(url: string, publicJwks: () => { keys: object[] }, received: Received[]) {
  return http.post(url, async ({ request }) => {
    const body = new URLSearchParams(await request.text());
    const basic = request.headers.get('authorization');
    const refuse = () => HttpResponse.json({ error: 'invalid_client' }, { status: 401 });
    if (basic) {
      const [id, secret] = atob(basic.replace(/^Basic /, '')).split(':').map(decodeURIComponent);
      if (id !== 'client-1' || secret !== SECRET) return refuse();
      received.push({ method: 'client_secret_basic' });
    } else if (body.has('client_secret')) {
      if (body.get('client_id') !== 'client-1' || body.get('client_secret') !== SECRET) return refuse();
      received.push({ method: 'client_secret_post' });
    } else if (body.has('client_assertion')) {
      const assertion = body.get('client_assertion')!;
      const hs = decodeProtectedHeader(assertion).alg === 'HS256';
      const key = hs ? new TextEncoder().encode(SECRET) : await importJWK(publicJwks().keys[0] as never);
      const verified = await jwtVerify(assertion, key, { audience: url, issuer: 'client-1', subject: 'client-1' }).catch(() => undefined);
      if (!verified) return refuse();
      received.push({ method: hs ? 'client_secret_jwt' : 'private_key_jwt', claims: verified.payload });
    } else {
      return refuse();
    }
    return HttpResponse.json({ access_token: ACCESS_TOKEN, token_type: 'Bearer', expires_in: 3600 });
  });
}

function newStores(options: Parameters<typeof createAuthStores>[0] = {}): AuthStores {
  return createAuthStores({ indexedDB: new IDBFactory(), sessionStorage: createMemoryStorage(), localStorage: createMemoryStorage(), ...options });
}

function newSession(stores: AuthStores, preset: ProviderId = 'custom', sessionStorage = createMemoryStorage()) {
  const config = resolveConfig({ defaults: createDefaultSettings({ clientCredentialsEnabled: true }), typed: { provider: { preset } } });
  const session = createFlowSession({
    stores, config, persistence: createFlowPersistence(() => sessionStorage),
    effects: { getSandboxInfo: async () => sandboxInfo() },
  });
  const stop = session.start();
  return { session, stop, sessionStorage };
}

/** Step 1 for each provider, as a person fills it in. */
async function configure(session: FlowSession, provider: keyof typeof TOKEN_ENDPOINTS) {
  if (provider === 'sandbox') await vi.waitFor(() => expect(session.getSnapshot().form.tokenEndpoint).toBe(TOKEN_ENDPOINTS.sandbox));
  if (provider === 'pingone') {
    await session.setProvider('pingone');
    session.setPingOneField('environmentId', ENV_ID);
  }
  if (provider === 'microauthd') {
    await session.setProvider('microauthd');
    session.setMicroauthdBase('https://mad.example.com');
  }
  if (provider === 'custom') session.setField('tokenEndpoint', TOKEN_ENDPOINTS.custom);
  session.setField('clientId', 'client-1');
  session.setField('scopes', []);
}

async function chooseMethod(session: FlowSession, method: AuthMethod) {
  session.setAuthMethod(method);
  if (method === 'private_key_jwt') await session.generateKey('ES256');
  else session.changeSecret(SECRET);
}

const CASES: Array<[keyof typeof TOKEN_ENDPOINTS, AuthMethod]> = (['sandbox', 'pingone', 'microauthd', 'custom'] as const).flatMap((provider) =>
  (['client_secret_basic', 'client_secret_post', 'client_secret_jwt', 'private_key_jwt'] as const)
    // microauthd speaks only the two secret methods (facts.md)
    .filter((method) => provider !== 'microauthd' || method === 'client_secret_basic' || method === 'client_secret_post')
    .map((method) => [provider, method] as [keyof typeof TOKEN_ENDPOINTS, AuthMethod]),
);

describe('flow session: providers × auth methods', () => {
  it.each(CASES)('%s with %s: configure, Get token → the run, the cache, the identity and the preview agree', async (provider, method) => {
    const stores = newStores();
    const { session, stop, sessionStorage } = newSession(stores, provider === 'sandbox' ? 'sandbox' : 'custom');
    const received: Received[] = [];
    server.use(tokenEndpoint(TOKEN_ENDPOINTS[provider], () => toJwks([selectedKeyOf(session.getSnapshot())!]), received));
    await configure(session, provider);
    await chooseMethod(session, method);

    expect(session.checkConfiguration()).toBeUndefined();
    const run = await session.getToken();

    expect(run).toMatchObject({ status: 'success', record: { accessToken: ACCESS_TOKEN } });
    expect(received.map((r) => r.method)).toEqual([method]);
    const s = session.getSnapshot();
    expect(s.run).toBe(run);
    expect(stores.cache.getSnapshot().entries.map((e) => e.record.accessToken)).toEqual([ACCESS_TOKEN]);
    const [entry] = stores.cache.getSnapshot().entries;
    expect(stores.identity.getSnapshot().byToken.get(entry!.key)?.provider).toBe(provider);
    // The preview shows what was sent: the same URL, and for a JWT method an assertion like the one verified.
    await vi.waitFor(() => expect(isPreviewPending(session.getSnapshot())).toBe(false));
    expect(session.getSnapshot().preview.description?.url).toBe(TOKEN_ENDPOINTS[provider]);
    if (received[0]?.claims) expect(received[0].claims.exp! - received[0].claims.iat!).toBeLessThanOrEqual(60);
    // Progress is saved for a reload; the secret never is.
    expect(sessionStorage.getItem('m2m-playground:flow:client-credentials')).toContain('client-1');
    expect(JSON.stringify(sessionStorage.keys().map((k) => sessionStorage.getItem(k)))).not.toContain(SECRET);
    stop();
  });
});

describe('flow session: sign-out and what it leaves', () => {
  it('Sign out forgets the token, the secret, the keys, the DPoP key, the relay certificate (asking the relay) and the identity', async () => {
    const forgetRelayCredential = vi.fn(async () => undefined);
    const stores = newStores({ forgetRelayCredential });
    const { session } = newSession(stores);
    server.use(tokenEndpoint(TOKEN_ENDPOINTS.custom, () => ({ keys: [] }), []));
    await configure(session, 'custom');
    await chooseMethod(session, 'client_secret_basic');
    session.setDpop(true);
    await vi.waitFor(() => expect(stores.dpop.getSnapshot().status).toBe('ready'));
    stores.relayCredential.hold({ relayUrl: 'http://localhost:4600', credential: { credentialId: 'c1', subject: 's', issuer: 'i', notAfter: 'n', x5tS256: 't' } });
    await session.getToken();
    expect(stores.identity.getSnapshot().selected?.provider).toBe('custom');

    await session.signOut();

    expect(stores.cache.getSnapshot().entries).toEqual([]);
    expect(stores.credentialManager.getSecret('client-1')).toBeUndefined();
    expect(await stores.credentialManager.loadKeys()).toEqual([]);
    expect(stores.dpop.getSnapshot()).toEqual({ status: 'idle' });
    expect(stores.relayCredential.getSnapshot()).toBeUndefined();
    expect(forgetRelayCredential).toHaveBeenCalledTimes(1);
    expect(stores.identity.getSnapshot()).toMatchObject({ selected: null, byToken: new Map() });
  });

  it('Forget certificate drops the relay\'s pasted certificate here and asks the relay to drop it, once', async () => {
    const forgetRelayCredential = vi.fn(async () => undefined);
    const stores = newStores({ forgetRelayCredential });
    const { session } = newSession(stores);
    const held = { relayUrl: 'http://localhost:4600', credential: { credentialId: 'c2', subject: 's', issuer: 'i', notAfter: 'n', x5tS256: 't' } };
    stores.relayCredential.hold(held);
    session.forgetCertificate();
    await vi.waitFor(() => expect(forgetRelayCredential).toHaveBeenCalledWith(held));
    expect(stores.relayCredential.getSnapshot()).toBeUndefined();
    await session.signOut();
    expect(forgetRelayCredential).toHaveBeenCalledTimes(1);
  });

  it('a session started after a sign-out keeps the DPoP key made since (it used to delete it on every visit)', async () => {
    const stores = newStores();
    const first = newSession(stores);
    first.session.setDpop(true);
    await vi.waitFor(() => expect(stores.dpop.getSnapshot().status).toBe('ready'));
    await first.session.signOut();
    first.stop();

    // Tick DPoP again (a new key), leave the page, come back: the same key.
    const second = newSession(stores);
    second.session.setDpop(true);
    await vi.waitFor(() => expect(stores.dpop.getSnapshot().status).toBe('ready'));
    const jkt = stores.dpop.jkt();
    second.stop();
    const third = newSession(stores);
    await vi.waitFor(() => expect(stores.dpop.getSnapshot().status).toBe('ready'));
    expect(stores.dpop.jkt()).toBe(jkt);
    expect((await stores.dpop.binding()).key.jkt).toBe(jkt);
    third.stop();
  });
});

describe('flow session: in flight', () => {
  it('Cancel ends a slow request as cancelled, naming the token endpoint, and a later Get token works', async () => {
    const stores = newStores();
    const { session } = newSession(stores);
    let slow = true;
    server.use(
      http.post(TOKEN_ENDPOINTS.custom, async () => {
        if (slow) await delay('infinite');
        return HttpResponse.json({ access_token: ACCESS_TOKEN, token_type: 'Bearer', expires_in: 3600 });
      }),
    );
    await configure(session, 'custom');
    await chooseMethod(session, 'client_secret_post');
    const pending = session.getToken();
    await vi.waitFor(() => expect(session.getSnapshot().run.status).toBe('running'));
    session.cancelToken();
    const run = await pending;
    expect(run).toMatchObject({ status: 'error', error: { code: 'ABORTED', message: expect.stringContaining('the token endpoint') } });
    expect(session.getSnapshot().run.status).toBe('error');
    slow = false;
    expect((await session.getToken()).status).toBe('success');
  });

  it('a revocation reports its status, leaves the cache, and is recorded against the token it was about', async () => {
    const stores = newStores();
    const { session } = newSession(stores, 'custom');
    server.use(
      tokenEndpoint(TOKEN_ENDPOINTS.custom, () => ({ keys: [] }), []),
      http.post('https://as.example.com/oauth2/revoke', () => new HttpResponse(null, { status: 200 })),
      http.get('https://as.example.com/.well-known/openid-configuration', () =>
        HttpResponse.json({ issuer: 'https://as.example.com', token_endpoint: TOKEN_ENDPOINTS.custom, revocation_endpoint: 'https://as.example.com/oauth2/revoke' })),
    );
    session.setField('issuerOrDiscoveryUrl', 'https://as.example.com');
    await session.discover();
    await configure(session, 'custom');
    await chooseMethod(session, 'client_secret_basic');
    await session.getToken();
    await session.revoke(ACCESS_TOKEN);
    const { management } = session.getSnapshot();
    expect(management.run).toMatchObject({ kind: 'revoke', status: 'success', attempts: [{ outcome: 'success', status: 200 }] });
    expect(management.revoked.has(ACCESS_TOKEN)).toBe(true);
    expect(stores.cache.getSnapshot().entries).toEqual([]);
    expect(stores.revokedAt()).toBeLessThanOrEqual(clock());
  });
});
