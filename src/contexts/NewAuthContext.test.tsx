// The app's auth stores and their React glue: token presence via the cache, saveToken into every store, one
// sign-out purging every store (in every tab), and one set of stores shared by every reader under the root.
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IDBFactory } from 'fake-indexeddb';
import { Suspense } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { generateSigningKeyPair } from '../utils/keys';
import { TOKEN_STORAGE_PREFIX } from '../utils/tokenStorage';
import { REMEMBERED_SECRET_PREFIX } from '../utils/credentialManager';
import { createAuthStores, FLOW_PROGRESS_PREFIX, type AuthStoresOptions } from './authStores';
import { AuthStoresRoot, createAuthStoresHandle } from './AuthStoresRoot';
import { useAuthStores, useCurrentToken, useSessionEpoch } from './NewAuthContext';
import type { SessionBroadcast, SessionMessage } from './sessionBroadcast';

const META = { clientId: 'client-1', env: 'env-1', scope: ['p1:read:user'], authMethod: 'client_secret_basic' as const };
const record = (token: string) => ({ accessToken: token, tokenType: 'bearer', obtainedAt: Date.now(), expAt: Date.now() + 3_600_000, expiresIn: 3600 });
const CREDENTIAL = { credentialId: 'cred-1', subject: 'CN=demo', issuer: 'CN=ca', notAfter: '2030-01-01T00:00:00Z', x5tS256: 'thumb' };

const stores = (options: AuthStoresOptions = {}) => createAuthStores({ indexedDB: new IDBFactory(), ...options });

/** Tabs of one browser: what one posts, the others hear (a BroadcastChannel does not echo to its sender). */
function tabsHub() {
  const tabs: Array<(message: SessionMessage) => void> = [];
  return (): SessionBroadcast => {
    let mine: ((message: SessionMessage) => void) | undefined;
    return {
      post: (message) => tabs.filter((t) => t !== mine).forEach((t) => t(message)),
      listen(listener) {
        mine = listener;
        tabs.push(listener);
        return () => tabs.splice(tabs.indexOf(listener), 1);
      },
    };
  };
}

function Probe() {
  const s = useAuthStores();
  const token = useCurrentToken(s);
  return (
    <div>
      <p>{token ? `has token ${token.record.accessToken.slice(0, 7)}` : 'No token'}</p>
      <p>epoch {useSessionEpoch(s)}</p>
      <button type="button" onClick={() => void s.signOut()}>
        Sign out
      </button>
    </div>
  );
}

/** Reads only the session epoch (a second reader, as the status bar is beside the flow). */
function EpochProbe() {
  return <p>other {useSessionEpoch(useAuthStores())}</p>;
}

beforeEach(() => {
  sessionStorage.clear();
  localStorage.clear();
});

describe('auth stores', () => {
  it('saveToken puts the token in storage, cache and history, and the token readers follow the cache', async () => {
    const s = stores();
    render(<AuthStoresRoot stores={s}><Probe /></AuthStoresRoot>);
    expect(screen.getByText('No token')).toBeInTheDocument();
    await act(() => s.saveToken(record('token-A-0123456789'), META));
    expect(screen.getByText('has token token-A')).toBeInTheDocument();
    expect(sessionStorage.getItem(`${TOKEN_STORAGE_PREFIX}client_credentials`)).toContain('token-A-0123456789');
    expect(s.history.list()).toHaveLength(1);
    expect(s.cache.peek(META)?.accessToken).toBe('token-A-0123456789');
  });

  it('the cache holds a new token at once; storage and history get it a task later, and not after a sign-out or revocation', async () => {
    const key = `${TOKEN_STORAGE_PREFIX}client_credentials`;
    const s = stores();
    const saved = s.saveToken(record('token-L-0123456789'), META);
    // What the click's render reads is there; the writes wait for the fingerprint (issue 24).
    expect(s.cache.peek(META)?.accessToken).toBe('token-L-0123456789');
    expect(sessionStorage.getItem(key)).toBeNull();
    expect(s.history.list()).toHaveLength(0);
    await saved;
    expect(sessionStorage.getItem(key)).toContain('token-L-0123456789');
    expect(s.history.list()).toHaveLength(1);

    const signedOut = stores();
    const beforeSignOut = signedOut.saveToken(record('token-M-0123456789'), { ...META, clientId: 'client-2' });
    await Promise.all([beforeSignOut, signedOut.signOut()]);
    expect(sessionStorage.getItem(key) ?? '').not.toContain('token-M-0123456789');
    expect(signedOut.history.list()).toHaveLength(0);

    const revoked = stores();
    const beforeRevocation = revoked.saveToken(record('token-N-0123456789'), { ...META, clientId: 'client-3' });
    revoked.revokeToken({ ...META, clientId: 'client-3' });
    await beforeRevocation;
    expect(sessionStorage.getItem(key) ?? '').not.toContain('token-N-0123456789');
  });

  it('revokeToken drops the token from cache and storage and says revoked until the next token', async () => {
    const s = stores();
    await s.saveToken(record('token-R-0123456789'), META);
    s.revokeToken(META);
    expect(s.cache.peek(META)).toBeUndefined();
    expect(sessionStorage.getItem(`${TOKEN_STORAGE_PREFIX}client_credentials`)).toBeNull();
    expect(s.revokedAt()).toEqual(expect.any(Number));
    expect(stores().cache.peek(META)).toBeUndefined();
    await s.saveToken(record('token-S-0123456789'), META);
    expect(s.revokedAt()).toBeNull();
  });

  it('restores a stored token into the cache after a reload (new stores over the same sessionStorage)', async () => {
    await stores().saveToken(record('token-B-0123456789'), META);
    expect(stores().cache.peek(META)?.accessToken).toBe('token-B-0123456789');
  });

  it('restores every stored token after a reload, one per key, and revoking one leaves the others stored', async () => {
    const before = stores();
    await before.saveToken(record('token-P-0123456789'), META);
    await before.saveToken(record('token-Q-0123456789'), { ...META, clientId: 'client-2' });
    const after = stores();
    expect(after.cache.peek(META)?.accessToken).toBe('token-P-0123456789');
    expect(after.cache.peek({ ...META, clientId: 'client-2' })?.accessToken).toBe('token-Q-0123456789');
    after.revokeToken(META);
    expect(stores().cache.getSnapshot().entries.map((e) => e.record.accessToken)).toEqual(['token-Q-0123456789']);
  });

  it('the current token is the one of the configuration in use; the newest only while none is selected', async () => {
    const s = stores();
    const identity = { provider: 'custom' as const, label: 'Custom', host: 'as.example.com' };
    const { jkt } = (await s.dpop.binding()).key;
    await s.saveToken({ ...record('token-E-0123456789'), obtainedAt: 1 }, META);
    await s.saveToken({ ...record('token-F-0123456789'), obtainedAt: 2 }, { ...META, clientId: 'client-2' });
    await s.saveToken({ ...record('token-G-0123456789'), obtainedAt: 3 }, { ...META, clientId: 'client-2', jkt });
    render(<AuthStoresRoot stores={s}><Probe /></AuthStoresRoot>);
    expect(screen.getByText('has token token-G')).toBeInTheDocument();
    // Scope order does not make another configuration (RFC 6749 §3.3: a set).
    act(() => s.identity.select(identity, { parts: { ...META, scope: ['p1:read:user'] }, dpop: false }));
    expect(screen.getByText('has token token-E')).toBeInTheDocument();
    act(() => s.identity.select(identity, { parts: { ...META, clientId: 'client-2' }, dpop: false }));
    expect(screen.getByText('has token token-F')).toBeInTheDocument();
    act(() => s.identity.select(identity, { parts: { ...META, clientId: 'client-2' }, dpop: true }));
    expect(screen.getByText('has token token-G')).toBeInTheDocument();
    act(() => s.identity.select(identity, { parts: { ...META, clientId: 'client-3' }, dpop: false }));
    expect(screen.getByText('No token')).toBeInTheDocument();
  });

  it('after a reload, a DPoP configuration shows its bound token before the DPoP key is loaded again', async () => {
    const before = stores();
    const { jkt } = (await before.dpop.binding()).key;
    await before.saveToken(record('token-H-0123456789'), META);
    await before.saveToken(record('token-I-0123456789'), { ...META, jkt });
    const s = stores(); // a reload: the DPoP key is not loaded until a request needs it
    expect(s.dpop.jkt()).toBeUndefined();
    s.identity.select({ provider: 'custom', label: 'Custom', host: 'as.example.com' }, { parts: META, dpop: true });
    render(<AuthStoresRoot stores={s}><Probe /></AuthStoresRoot>);
    expect(screen.getByText('has token token-I')).toBeInTheDocument();
  });

  it('Sign out purges tokens, history, secrets, keys, the DPoP key, the relay certificate (asking the relay), the identity and progress', async () => {
    const forgetRelayCredential = vi.fn(async () => undefined);
    const s = stores({ forgetRelayCredential });
    await s.saveToken(record('token-C-0123456789'), META);
    s.credentialManager.setSecret('client-1', 'remembered-secret', { remember: true });
    s.credentialManager.setSecret('client-2', 'memory-secret', { remember: false });
    await s.credentialManager.saveKey(await generateSigningKeyPair('ES256'));
    const { key: dpopKey } = await s.dpop.binding();
    s.relayCredential.hold({ relayUrl: 'http://localhost:4600', credential: CREDENTIAL });
    s.identity.select({ provider: 'custom', label: 'Custom', host: 'as.example.com' });
    sessionStorage.setItem(`${FLOW_PROGRESS_PREFIX}client-credentials`, '{"v":1}');
    sessionStorage.setItem('unrelated', 'kept');

    render(<AuthStoresRoot stores={s}><Probe /></AuthStoresRoot>);
    expect(screen.getByText('has token token-C')).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Sign out' }));

    // The token leaves the cache first; the epoch counts once the relay, DPoP and key-store purges have settled.
    expect(await screen.findByText('epoch 1')).toBeInTheDocument();
    expect(screen.getByText('No token')).toBeInTheDocument();
    expect(sessionStorage.getItem(`${TOKEN_STORAGE_PREFIX}client_credentials`)).toBeNull();
    expect(s.cache.getSnapshot().entries).toHaveLength(0);
    expect(s.history.list()).toHaveLength(0);
    expect(localStorage.getItem(`${REMEMBERED_SECRET_PREFIX}client-1`)).toBeNull();
    expect(s.credentialManager.getSecret('client-1')).toBeUndefined();
    expect(s.credentialManager.getSecret('client-2')).toBeUndefined();
    expect(await s.credentialManager.loadKeys()).toHaveLength(0);
    expect(s.dpop.getSnapshot()).toEqual({ status: 'idle' });
    expect((await s.dpop.binding()).key.jkt).not.toBe(dpopKey.jkt);
    expect(s.relayCredential.getSnapshot()).toBeUndefined();
    expect(forgetRelayCredential).toHaveBeenCalledWith({ relayUrl: 'http://localhost:4600', credential: CREDENTIAL });
    expect(s.identity.getSnapshot().selected).toBeNull();
    expect(sessionStorage.getItem(`${FLOW_PROGRESS_PREFIX}client-credentials`)).toBeNull();
    expect(sessionStorage.getItem('unrelated')).toBe('kept');
  });

  it('a sign-out in one tab purges the other tab too (its cache, its held secrets), and counts a session there', async () => {
    const tab = tabsHub();
    const first = stores({ broadcast: tab() });
    const second = stores({ broadcast: tab() });
    await second.saveToken(record('token-D-0123456789'), META);
    second.credentialManager.holdSecret('client-1', 'typed-in-the-other-tab');

    await first.signOut();
    await vi.waitFor(() => expect(second.sessionEpoch()).toBe(1));
    expect(second.cache.peek(META)).toBeUndefined();
    expect(second.credentialManager.getSecret('client-1')).toBeUndefined();
    expect(first.sessionEpoch()).toBe(1); // once, not again by its own message
  });

  it('every reader under the root shares one set of stores: a sign-out read by one counts in the other', async () => {
    render(
      <AuthStoresRoot stores={stores()}>
        <Probe />
        <EpochProbe />
      </AuthStoresRoot>,
    );
    await userEvent.setup().click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByText('epoch 1')).toBeInTheDocument();
    expect(screen.getByText('other 1')).toBeInTheDocument();
  });

  it('without given stores, the root makes them once, on first use, for every reader', async () => {
    const make = vi.fn(async () => stores());
    const handle = createAuthStoresHandle(make);
    expect(handle.current()).toBeUndefined();
    const [a, b] = await Promise.all([handle.load(), handle.load()]);
    expect(a).toBe(b);
    expect(handle.current()).toBe(a);
    expect(make).toHaveBeenCalledTimes(1);
  });

  it('the root suspends its readers until the stores are made', async () => {
    let ready: (made: ReturnType<typeof stores>) => void = () => undefined;
    const handle = createAuthStoresHandle(() => new Promise((resolve) => (ready = resolve)));
    // React retries a suspended render through act() in tests: render and the stores being made both go through it.
    await act(async () => {
      render(
        <AuthStoresRoot handle={handle}>
          <Suspense fallback={<p>loading stores</p>}>
            <EpochProbe />
          </Suspense>
        </AuthStoresRoot>,
      );
    });
    expect(screen.getByText('loading stores')).toBeInTheDocument();
    await act(async () => {
      ready(stores());
      await handle.load();
    });
    expect(await screen.findByText('other 0')).toBeInTheDocument();
  });

  it('getM2MToken without a registered token source fails clearly instead of hanging', async () => {
    await expect(stores().cache.get(META)).rejects.toMatchObject({ message: expect.stringMatching(/get a token in the Client Credentials flow/) });
  });

  it('useAuthStores outside the root throws a clear error', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<Probe />)).toThrow(/AuthStoresRoot/);
    vi.restoreAllMocks();
  });
});
