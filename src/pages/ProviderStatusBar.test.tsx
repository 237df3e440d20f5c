// The status bar over the auth stores: "No token" vs "expires in", TTL from the absolute expiry after a reload,
// the provider in use, sign-out.
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReactNode } from 'react';
import { AuthStoresRoot } from '../contexts/AuthStoresRoot';
import { ConfigProvider } from '../contexts/ConfigContext';
import { createAuthStores, type AuthStores } from '../contexts/authStores';
import { createConfigStore } from '../services/config/configStore';
import { resolveConfig } from '../services/config/resolve';
import type { TokenRecord } from '../types/token';
import { setupTestEffects } from '../../tests/support/effects';
import { VirtualClock } from '../../tests/support/virtualClock';
import { noopLogger } from '../utils/logger';
import { createMemoryStorage, type KeyValueStorage } from '../utils/storage';
import { ProviderStatusBar } from './ProviderStatusBar';

/** The bar as the app mounts it: under the configuration and the app's one set of auth stores. */
function renderBar(s: AuthStores, ui: ReactNode = <ProviderStatusBar />) {
  return render(
    <ConfigProvider store={createConfigStore({ resolve: resolveConfig })}>
      <AuthStoresRoot stores={s}>{ui}</AuthStoresRoot>
    </ConfigProvider>,
  );
}

const T0 = Date.UTC(2025, 0, 1, 12, 0, 0);
// The cache and the countdowns read this clock through effects().
const fx = setupTestEffects(() => ({ clock: new VirtualClock(T0), logger: noopLogger }));

const opened: AuthStores[] = [];
function stores(session: KeyValueStorage): AuthStores {
  const s = createAuthStores({ sessionStorage: session, localStorage: createMemoryStorage() });
  opened.push(s);
  return s;
}

const record = (obtainedAt: number, expiresIn: number): TokenRecord => ({
  accessToken: 'eyJhbGciOiJFUzI1NiJ9.e30.c2ln',
  tokenType: 'bearer',
  expiresIn,
  obtainedAt,
  expAt: obtainedAt + expiresIn * 1000,
});
const META = { clientId: 'cc-basic', env: 'env-123', scope: ['p1:read:user'], authMethod: 'client_secret_basic' as const };

afterEach(() => {
  for (const s of opened.splice(0)) s.cache.clear();
});

describe('TokenStatusBar', () => {
  it('reads "No token" without a token, then "expires in" once one is saved', async () => {
    const s = stores(createMemoryStorage());
    renderBar(s);
    const bar = screen.getByRole('region', { name: 'Token status' });
    expect(bar).toHaveTextContent('No token');
    expect(bar).not.toHaveTextContent('expires in');
    expect(bar).toHaveTextContent(/v\d+\.\d+\.\d+/);

    await act(() => s.saveToken(record(T0, 3600), META));
    expect(bar).toHaveTextContent('expires in 1:00:00');
    expect(bar).toHaveTextContent('next refresh in 58:30');
    expect(bar).not.toHaveTextContent('No token');
  });

  it('names the provider the token came from (the stores\' identity), over the one chosen in the flow', async () => {
    const s = stores(createMemoryStorage());
    s.identity.select({ provider: 'pingone', label: 'PingOne', environmentId: 'env-chosen', region: 'EU' });
    renderBar(s);
    const bar = screen.getByRole('region', { name: 'Token status' });
    expect(bar).toHaveTextContent('PingOne');
    expect(bar).toHaveTextContent('env-chosen');
    await act(() => s.saveToken(record(T0, 3600), META));
    const key = s.cache.getSnapshot().entries[0]!.key;
    act(() => s.identity.tokenObtained(key, { provider: 'custom', label: 'Custom', host: 'as.example.com' }));
    expect(bar).toHaveTextContent('as.example.com');
    expect(bar).not.toHaveTextContent('env-chosen');
  });

  it('continues the countdown from the absolute expiry after a reload', async () => {
    const session = createMemoryStorage();
    await stores(session).saveToken(record(T0, 3600), META);
    fx.clock.advance(10 * 60_000); // ten minutes later, the page is reloaded
    renderBar(stores(session));
    expect(screen.getByRole('region', { name: 'Token status' })).toHaveTextContent('expires in 50:00');
  });

  it('counts down the token of the configuration in use, not the newest one; after a reload too', async () => {
    const session = createMemoryStorage();
    const before = stores(session);
    const PROFILE_B = { ...META, clientId: 'cc-other' };
    await before.saveToken(record(T0, 3600), META); // profile A: an hour
    await before.saveToken(record(T0 + 1000, 600), PROFILE_B); // profile B, newer: ten minutes
    fx.clock.advance(60_000);
    const s = stores(session); // a reload: both tokens come back
    expect(s.cache.getSnapshot().entries).toHaveLength(2);
    const pingone = { provider: 'pingone' as const, label: 'PingOne', environmentId: 'env-123', region: 'EU' };
    // Nothing selected yet: the newest, as before.
    renderBar(s);
    const bar = screen.getByRole('region', { name: 'Token status' });
    expect(bar).toHaveTextContent('expires in 09:01');
    act(() => s.identity.select(pingone, { parts: { clientId: 'cc-basic', env: 'env-123', scope: ['p1:read:user'] }, dpop: false }));
    expect(bar).toHaveTextContent('expires in 59:00');
    act(() => s.identity.select(pingone, { parts: { clientId: 'cc-other', env: 'env-123', scope: ['p1:read:user'] }, dpop: false }));
    expect(bar).toHaveTextContent('expires in 09:01');
    // A configuration without a token of its own shows none, rather than another profile's.
    act(() => s.identity.select(pingone, { parts: { clientId: 'cc-new', env: 'env-123', scope: ['p1:read:user'] }, dpop: false }));
    expect(bar).toHaveTextContent('No token');
  });

  it('Sign out purges the token', async () => {
    const user = userEvent.setup();
    const session = createMemoryStorage();
    const s = stores(session);
    await s.saveToken(record(T0, 3600), META);
    s.identity.select({ provider: 'custom', label: 'Custom', host: 'as.example.com' });
    renderBar(s);
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByText('No token')).toBeInTheDocument();
    expect(s.tokenStorage.list('client_credentials')).toEqual([]);
    // The provider identity is forgotten too: the bar falls back to the configured provider.
    expect(screen.getByRole('region', { name: 'Token status' })).not.toHaveTextContent('as.example.com');
  });
});
