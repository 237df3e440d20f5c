// NewAuthContext: token presence via the cache, saveToken into every store, signOut purging every store.
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { useNewAuth } from '../hooks/useNewAuth';
import { generateSigningKeyPair } from '../utils/keys';
import { TOKEN_STORAGE_PREFIX } from '../utils/tokenStorage';
import { REMEMBERED_SECRET_PREFIX } from '../utils/credentialManager';
import { createAuthStores, FLOW_PROGRESS_PREFIX } from './authStores';
import { NewAuthProvider } from './NewAuthContext';

const META = { clientId: 'client-1', env: 'env-1', scope: ['p1:read:user'], authMethod: 'client_secret_basic' as const };
const record = (token: string) => ({ accessToken: token, tokenType: 'bearer', obtainedAt: Date.now(), expAt: Date.now() + 3_600_000, expiresIn: 3600 });

function Probe() {
  const auth = useNewAuth();
  return (
    <div>
      <p>{auth.hasToken ? `has token ${auth.currentToken?.record.accessToken.slice(0, 7)}` : 'No token'}</p>
      <p>epoch {auth.sessionEpoch}</p>
      <button type="button" onClick={() => void auth.signOut()}>
        Sign out
      </button>
    </div>
  );
}

/** Reads only the session epoch (placed under a second provider). */
function EpochProbe() {
  return <p>other {useNewAuth().sessionEpoch}</p>;
}

beforeEach(() => {
  sessionStorage.clear();
  localStorage.clear();
});

describe('NewAuthContext', () => {
  it('saveToken puts the token in storage, cache and history, and hasToken follows the cache', async () => {
    const stores = createAuthStores({ indexedDB: new IDBFactory() });
    render(
      <NewAuthProvider stores={stores}>
        <Probe />
      </NewAuthProvider>,
    );
    expect(screen.getByText('No token')).toBeInTheDocument();
    await act(() => stores.saveToken(record('token-A-0123456789'), META));
    expect(screen.getByText('has token token-A')).toBeInTheDocument();
    expect(sessionStorage.getItem(`${TOKEN_STORAGE_PREFIX}client_credentials`)).toContain('token-A-0123456789');
    expect(stores.history.list()).toHaveLength(1);
    expect(stores.cache.peek(META)?.accessToken).toBe('token-A-0123456789');
  });

  it('revokeToken drops the token from cache and storage and says revoked until the next token', async () => {
    const stores = createAuthStores({ indexedDB: new IDBFactory() });
    await stores.saveToken(record('token-R-0123456789'), META);
    stores.revokeToken(META);
    expect(stores.cache.peek(META)).toBeUndefined();
    expect(sessionStorage.getItem(`${TOKEN_STORAGE_PREFIX}client_credentials`)).toBeNull();
    expect(stores.revokedAt()).toEqual(expect.any(Number));
    expect(createAuthStores({ indexedDB: new IDBFactory() }).cache.peek(META)).toBeUndefined();
    await stores.saveToken(record('token-S-0123456789'), META);
    expect(stores.revokedAt()).toBeNull();
  });

  it('restores a stored token into the cache after a reload (new stores over the same sessionStorage)', async () => {
    const before = createAuthStores({ indexedDB: new IDBFactory() });
    await before.saveToken(record('token-B-0123456789'), META);
    const after = createAuthStores({ indexedDB: new IDBFactory() });
    expect(after.cache.peek(META)?.accessToken).toBe('token-B-0123456789');
  });

  it('Sign out purges tokens, cache, history, remembered secrets, stored keys and flow progress', async () => {
    const stores = createAuthStores({ indexedDB: new IDBFactory() });
    await stores.saveToken(record('token-C-0123456789'), META);
    stores.credentialManager.setSecret('client-1', 'remembered-secret', { remember: true });
    stores.credentialManager.setSecret('client-2', 'memory-secret', { remember: false });
    const key = await generateSigningKeyPair('ES256');
    await stores.credentialManager.saveKey(key);
    expect(await stores.credentialManager.loadKeys()).toHaveLength(1);
    sessionStorage.setItem(`${FLOW_PROGRESS_PREFIX}client-credentials`, '{"v":1}');
    sessionStorage.setItem('unrelated', 'kept');

    render(
      <NewAuthProvider stores={stores}>
        <Probe />
      </NewAuthProvider>,
    );
    expect(screen.getByText('has token token-C')).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Sign out' }));

    expect(await screen.findByText('No token')).toBeInTheDocument();
    expect(screen.getByText('epoch 1')).toBeInTheDocument();
    expect(sessionStorage.getItem(`${TOKEN_STORAGE_PREFIX}client_credentials`)).toBeNull();
    expect(stores.cache.getSnapshot().entries).toHaveLength(0);
    expect(stores.history.list()).toHaveLength(0);
    expect(localStorage.getItem(`${REMEMBERED_SECRET_PREFIX}client-1`)).toBeNull();
    expect(stores.credentialManager.getSecret('client-1')).toBeUndefined();
    expect(stores.credentialManager.getSecret('client-2')).toBeUndefined();
    expect(await stores.credentialManager.loadKeys()).toHaveLength(0);
    expect(sessionStorage.getItem(`${FLOW_PROGRESS_PREFIX}client-credentials`)).toBeNull();
    expect(sessionStorage.getItem('unrelated')).toBe('kept');
  });

  it('two providers over the same stores (status bar, flow) see one session: a sign-out in one counts in both', async () => {
    const stores = createAuthStores({ indexedDB: new IDBFactory() });
    render(
      <>
        <NewAuthProvider stores={stores}>
          <Probe />
        </NewAuthProvider>
        <NewAuthProvider stores={stores}>
          <EpochProbe />
        </NewAuthProvider>
      </>,
    );
    await userEvent.setup().click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByText('epoch 1')).toBeInTheDocument();
    expect(screen.getByText('other 1')).toBeInTheDocument();
  });

  it('getM2MToken without a registered token source fails clearly instead of hanging', async () => {
    const stores = createAuthStores({ indexedDB: new IDBFactory() });
    await expect(stores.cache.get(META)).rejects.toMatchObject({ message: expect.stringMatching(/get a token in the Client Credentials flow/) });
  });

  it('useNewAuth outside the provider throws a clear error', () => {
    expect(() => render(<Probe />)).toThrow(/NewAuthProvider/);
  });
});
