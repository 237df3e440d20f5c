import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RouterProvider, createMemoryRouter } from 'react-router-dom';
import { describe, expect, it, vi } from 'vitest';
import { ConfigProvider } from './contexts/ConfigContext';
import { createConfigStore } from './services/config/configStore';
import { createAppRoutes } from './routes';
import { provideEffects } from './utils/effects';
import { createMemoryStorage } from './utils/storage';
import { AuthStoresRoot } from './contexts/AuthStoresRoot';
import { createTestStores } from '../tests/support/clientCredentialsFlow';

/** The flow page's rules warm-up, watched (flowRules.ts): the route starts it when the flow's chunk has loaded. */
const flowRulesReady = vi.hoisted(() => vi.fn(() => Promise.resolve()));
vi.mock('./features/clientCredentials/model/flowRules', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./features/clientCredentials/model/flowRules')>()),
  flowRulesReady,
}));

async function renderAt(path: string, settings: unknown, env: Record<string, string | boolean> = { DEV: false }) {
  const store = createConfigStore();
  const restore = provideEffects({ fetch: (async () => new Response(JSON.stringify(settings))) as unknown as typeof fetch });
  try {
    await store.load({ env, storage: createMemoryStorage() });
  } finally {
    restore();
  }
  const router = createMemoryRouter(createAppRoutes(), { initialEntries: [path] });
  render(
    <ConfigProvider store={store}>
      <AuthStoresRoot stores={createTestStores()}>
        <RouterProvider router={router} />
      </AuthStoresRoot>
    </ConfigProvider>,
  );
  return { store, router };
}

const ON = { oauth: { clientCredentials: { enabled: true } } };
const OFF = { oauth: { clientCredentials: { enabled: false } } };

describe('feature flag oauth.clientCredentials.enabled', () => {
  // The first test to import the lazy flow route pays for transforming its whole module graph (15 s seen on a busy
  // 2-core machine, against the dom project's 20 s limit); nothing here is timed.
  it('while the configuration loads: the nav offers the flow and its route waits (no flow with unresolved settings)', { timeout: 60_000 }, async () => {
    const store = createConfigStore();
    let answer: (response: Response) => void = () => undefined;
    const restore = provideEffects({ fetch: (() => new Promise<Response>((resolve) => (answer = resolve))) as unknown as typeof fetch });
    const loaded = store.load({ env: { DEV: false }, storage: createMemoryStorage() });
    const router = createMemoryRouter(createAppRoutes(), { initialEntries: ['/flows/client-credentials'] });
    render(
      <ConfigProvider store={store}>
        <AuthStoresRoot stores={createTestStores()}>
          <RouterProvider router={router} />
        </AuthStoresRoot>
      </ConfigProvider>,
    );
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Client Credentials' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Loading the flow…');
    answer(new Response(JSON.stringify(OFF)));
    await loaded;
    restore();
    expect(await screen.findByRole('heading', { level: 1, name: /This flow is disabled/ })).toBeInTheDocument();
    expect(within(nav).queryByRole('link', { name: 'Client Credentials' })).toBeNull();
  });

  it('off: no nav item, and the route explains the flow is disabled', async () => {
    await renderAt('/flows/client-credentials', OFF);
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByRole('link', { name: 'Client Credentials' })).toBeNull();
    expect(screen.getByRole('heading', { level: 1, name: /This flow is disabled/ })).toBeInTheDocument();
    expect(screen.getByText('VITE_CC_ENABLED=true')).toBeInTheDocument();
    expect(screen.getByText(/switched off by settings\.json/)).toBeInTheDocument();
  });

  it('off in a production build by default (no layer sets it)', async () => {
    await renderAt('/flows/client-credentials', {}, { DEV: false });
    expect(screen.getByRole('heading', { level: 1, name: /This flow is disabled/ })).toBeInTheDocument();
    expect(screen.getByText(/production builds default to off/)).toBeInTheDocument();
  });

  it('on: nav item and the (lazy) flow page', async () => {
    await renderAt('/flows/client-credentials', ON);
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Client Credentials' })).toHaveAttribute('aria-current', 'page');
    // The flow chunk is imported on demand; the first import compiles its whole module graph.
    expect(await screen.findByRole('heading', { level: 1, name: /Client Credentials/ }, { timeout: 15_000 })).toBeInTheDocument();
    expect(screen.queryByText(/This flow is disabled/)).toBeNull();
    // Once the chunk has loaded, the page's rules are made ready, a step per task.
    await vi.waitFor(() => expect(flowRulesReady).toHaveBeenCalledTimes(1), { timeout: 15_000 });
  });

  it('"Enable in this browser" turns the flag on via localStorage', async () => {
    const user = userEvent.setup();
    const { store } = await renderAt('/flows/client-credentials', OFF);
    await user.click(screen.getByRole('button', { name: 'Enable in this browser' }));
    expect(store.getSnapshot().sources['oauth.clientCredentials.enabled']).toBe('localStorage');
    // The flow chunk is imported on demand; the first import compiles its whole module graph.
    expect(await screen.findByRole('heading', { level: 1, name: /Client Credentials/ }, { timeout: 15_000 })).toBeInTheDocument();
    expect(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Client Credentials' })).toBeInTheDocument();
  });
});

describe('app shell', () => {
  it('home lists the flow and the provider (with how to start the sandbox), and the status bar', async () => {
    await renderAt('/', ON);
    expect(screen.getByRole('heading', { level: 1, name: /OAuth M2M Playground/ })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Start the Client Credentials flow' })).toHaveAttribute('href', '/flows/client-credentials');
    expect(screen.getByRole('main')).toHaveTextContent('Local sandbox');
    expect(screen.getByRole('main')).toHaveTextContent('npm run sandbox');
    expect(screen.getByRole('region', { name: 'Token status' })).toHaveTextContent('No token');
  });

  it('unknown paths show a 404 page inside the layout', async () => {
    await renderAt('/nope', ON);
    expect(screen.getByRole('heading', { level: 1, name: /Page not found/ })).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument();
  });

  it('config issues show in the banner with field and source', async () => {
    await renderAt('/', { oauth: { clientCredentials: { enabled: true, proactiveRefreshSeconds: -5 } } });
    const alert = await screen.findByRole('alert'); // the banner loads once there are issues
    expect(alert).toHaveTextContent('oauth.clientCredentials.proactiveRefreshSeconds');
    expect(alert).toHaveTextContent('settings.json');
  });

  it('the Configuration dialog lists each value with its source', async () => {
    const user = userEvent.setup();
    await renderAt('/', ON);
    await user.click(screen.getByRole('button', { name: 'Configuration' }));
    const dialog = screen.getByRole('dialog', { name: /Configuration/ });
    // The dialog's contents are their own chunk, loaded on first open.
    const row = await within(dialog).findByRole('row', { name: /oauth\.clientCredentials\.enabled/ });
    expect(row).toHaveTextContent('true');
    expect(row).toHaveTextContent('settings.json');
    expect(within(dialog).getByRole('row', { name: /provider\.preset/ })).toHaveTextContent('default');
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('table')).toBeNull();
  });
});
