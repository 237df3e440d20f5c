// Where each field's value came from, across provider switches: a value the last server gave (the sandbox's info or
// demo client, discovery) must not keep saying so under a provider it did not come from. One table over every pair
// of providers, each compared with a first visit of the provider switched to.
import { IDBFactory } from 'fake-indexeddb';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { setupMswServer } from '../../../../tests/support/msw';
import { createAuthStores } from '../../../contexts/authStores';
import { PROVIDER_IDS, type ProviderId } from '../../../config/providerBasics';
import { PROVIDERS } from '../../../config/providers';
import { resolveConfig } from '../../../services/config/resolve';
import { createDefaultSettings } from '../../../services/config/settings';
import type { SandboxInfo } from '../../../services/sandboxAdmin';
import { createMemoryStorage } from '../../../utils/storage';
import { createFlowPersistence } from './flowPersistence';
import { createFlowSession, type FlowSession } from './flowSession';

const server = setupMswServer();
const ISSUER = 'https://sandbox.example.com/env/as';

/** A sandbox whose first PingOne demo client is an mTLS one, so the relay and certificate fields come from it too. */
const sandboxInfo = async (): Promise<SandboxInfo> => ({
  environmentId: 'env', issuer: ISSUER, tokenEndpoint: `${ISSUER}/token`, discoveryUrl: `${ISSUER}/.well-known/openid-configuration`,
  jwksUri: `${ISSUER}/jwks`, apiBase: 'https://sandbox.example.com/v1', microauthdBase: 'https://sandbox.example.com/microauthd', users: [],
  clients: [
    {
      client_id: 'demo-tls', token_endpoint_auth_method: 'tls_client_auth', scope: 'p1:read:user', purpose: 'demo', roles: [], provider: 'pingone',
      certRef: 'tls.crt.pem', keyRef: 'tls.key.pem', caRef: 'ca.pem', mtls_token_endpoint: 'https://sandbox.example.com:4443/env/as/token',
    },
    { client_id: 'demo-mad', client_secret: 'demo-secret-0123456789', token_endpoint_auth_method: 'client_secret_post', scope: 'read', purpose: 'demo', roles: [], provider: 'microauthd' },
  ],
});

function open(preset: ProviderId): FlowSession {
  const config = resolveConfig({ defaults: createDefaultSettings({ clientCredentialsEnabled: true }), typed: { provider: { preset } } });
  const stores = createAuthStores({ indexedDB: new IDBFactory(), sessionStorage: createMemoryStorage(), localStorage: createMemoryStorage() });
  const session = createFlowSession({ stores, config, persistence: createFlowPersistence(createMemoryStorage), effects: { getSandboxInfo: sandboxInfo } });
  session.start();
  return session;
}

/** A session once start-up has settled (the sandbox read and its form filled, for a provider it serves). */
async function opened(preset: ProviderId): Promise<FlowSession> {
  const session = open(preset);
  if (PROVIDERS[preset].sandbox) await vi.waitFor(() => expect(session.getSnapshot().sandbox.status).toBe('ready'));
  return session;
}

const fieldsFrom = (session: FlowSession, source: string) =>
  Object.entries(session.getSnapshot().sources).filter(([, s]) => s === source).map(([field]) => field).sort();

const PAIRS = PROVIDER_IDS.flatMap((from) => PROVIDER_IDS.filter((to) => to !== from).map((to) => [from, to] as const));

describe('field sources across provider switches', () => {
  it.each(PAIRS)('from the sandbox through %s to %s: the fields saying "from sandbox" are those a first visit of the second shows', async (from, to) => {
    const firstVisit = fieldsFrom(await opened(to), 'sandbox');
    const session = await opened('sandbox');
    expect(fieldsFrom(session, 'sandbox')).toContain('authMethod');
    if (from !== 'sandbox') await session.setProvider(from);
    await session.setProvider(to);
    expect(fieldsFrom(session, 'sandbox')).toEqual(firstVisit);
  });

  it('the Authentication method a sandbox demo client set no longer says "from sandbox" under Custom, and keeps its value', async () => {
    const session = await opened('sandbox');
    expect(session.getSnapshot()).toMatchObject({ form: { authMethod: 'tls_client_auth' }, sources: { authMethod: 'sandbox' } });
    await session.setProvider('custom');
    const { form, sources } = session.getSnapshot();
    expect(form.authMethod).toBe('tls_client_auth');
    expect(sources.authMethod).toBeUndefined();
  });

  it.each(PROVIDER_IDS.filter((p) => p !== 'custom'))('custom → %s: no field still says "from discovery"', async (to) => {
    server.use(http.get('https://as.example.com/.well-known/openid-configuration', () => HttpResponse.json({
      issuer: 'https://as.example.com', token_endpoint: 'https://as.example.com/token', jwks_uri: 'https://as.example.com/jwks',
      token_endpoint_auth_methods_supported: ['client_secret_post'],
    })));
    const session = await opened('custom');
    session.setField('issuerOrDiscoveryUrl', 'https://as.example.com');
    await session.discover();
    expect(fieldsFrom(session, 'discovery')).toEqual(['authMethod', 'issuer', 'jwksUri', 'mtlsTokenEndpoint', 'tokenEndpoint']);
    await session.setProvider(to);
    expect(fieldsFrom(session, 'discovery')).toEqual([]);
  });
});
