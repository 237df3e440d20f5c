// Test support for the Client Credentials page: a /sandbox/info fixture and a render with fresh, isolated stores.
import { render } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach } from 'vitest';
import { setupMswServer } from './msw';
import { IDBFactory } from 'fake-indexeddb';
import type { ReactElement } from 'react';
import { ConfigProvider } from '../../src/contexts/ConfigContext';
import { createAuthStores, type AuthStores } from '../../src/contexts/authStores';
import { AuthStoresRoot } from '../../src/contexts/AuthStoresRoot';
import { createConfigStore } from '../../src/services/config/configStore';
import { resolveConfig } from '../../src/services/config/resolve';
import type { SettingsPatch } from '../../src/services/config/settings';
import type { SandboxInfo } from '../../src/services/sandboxAdmin';

export const SANDBOX = 'http://localhost:4500';
export const ENV_ID = '6a1c2e4d-8b3f-4c5a-9e7d-1f2b3c4d5e6f';
export const ISSUER = `${SANDBOX}/${ENV_ID}/as`;
export const TOKEN_ENDPOINT = `${ISSUER}/token`;
export const BASIC_SECRET = 'demo-secret-basic-DO-NOT-USE-IN-PRODUCTION';
export const POST_SECRET = 'demo-secret-post-DO-NOT-USE-IN-PRODUCTION';

/** What the sandbox's GET /sandbox/info answers (trimmed to what the page reads). */
export function sandboxInfoFixture(): SandboxInfo {
  const all = 'p1:read:user p1:update:user p1:create:device p1:read:device p1:update:device p1:delete:device p1:create:pairingKey';
  return {
    environmentId: ENV_ID,
    issuer: ISSUER,
    tokenEndpoint: TOKEN_ENDPOINT,
    discoveryUrl: `${ISSUER}/.well-known/openid-configuration`,
    jwksUri: `${ISSUER}/jwks`,
    apiBase: `${SANDBOX}/v1`,
    microauthdBase: `${SANDBOX}/microauthd`,
    authz: 'scopes',
    clients: [
      { client_id: 'sandbox-basic', client_secret: BASIC_SECRET, token_endpoint_auth_method: 'client_secret_basic', scope: all, purpose: 'Basic demo', roles: [], provider: 'pingone' },
      { client_id: 'sandbox-post', client_secret: POST_SECRET, token_endpoint_auth_method: 'client_secret_post', scope: all, purpose: 'Post demo', roles: [], provider: 'pingone' },
      { client_id: 'support-portal', client_secret: 'microauthd-demo-secret', token_endpoint_auth_method: 'client_secret_basic', scope: 'u1 u2', scope_names: 'admin::read_user admin::list_users', purpose: 'microauthd', roles: [], provider: 'microauthd' },
    ],
    users: [{ id: 'user-1', username: 'alice' }],
  };
}

export interface RenderFlowOptions {
  settings?: SettingsPatch;
  stores?: AuthStores;
}

/** Fresh stores over jsdom's Web Storage and a private IndexedDB, so tests never share keys or tokens. */
export function createTestStores(): AuthStores {
  return createAuthStores({ indexedDB: new IDBFactory() });
}

export function renderWithStores(ui: ReactElement, options: RenderFlowOptions = {}) {
  // Resolves synchronously (no load(): these tests set layers directly and fetch no settings.json).
  const configStore = createConfigStore({ resolve: resolveConfig });
  if (options.settings) configStore.setTyped(options.settings);
  const stores = options.stores ?? createTestStores();
  const view = render(
    <ConfigProvider store={configStore}>
      <AuthStoresRoot stores={stores}>{ui}</AuthStoresRoot>
    </ConfigProvider>,
  );
  return { ...view, stores, configStore };
}

/**
 * The page's test server: msw lifecycle, the sandbox's fault list (step 3's Break it panel reads it), and clean
 * Web Storage before each test so progress and tokens never leak between tests.
 */
export function setupFlowTestServer() {
  const server = setupMswServer(http.get(`${SANDBOX}/sandbox/faults`, () => HttpResponse.json([])));
  beforeEach(() => {
    sessionStorage.clear();
    localStorage.clear();
  });
  return server;
}
