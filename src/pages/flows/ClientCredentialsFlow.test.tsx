// The page end to end against msw: Get token always sends, saves everywhere, signs a fresh assertion; progress survives reload.
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { decodeJwt } from 'jose';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, onTestFinished } from 'vitest';
import { provideEffects } from '../../utils/effects';
import { BASIC_SECRET, createTestStores, renderWithStores, sandboxInfoFixture, SANDBOX, TOKEN_ENDPOINT, setupFlowTestServer } from '../../../tests/support/clientCredentialsFlow';
import { IDBFactory } from 'fake-indexeddb';
import { PINGONE_TOKEN_FAILURE_MESSAGE, PINGONE_WORKER_SCOPES } from '../../config/pingone';
import { createAuthStores } from '../../contexts/authStores';
import { createLogger } from '../../utils/logger';
import { TOKEN_STORAGE_PREFIX } from '../../utils/tokenStorage';
import { ClientCredentialsFlow } from './ClientCredentialsFlow';
import { createShareLink } from '../../features/clientCredentials/model/shareLink';
import { DEFAULT_FLOW_FORM } from '../../features/clientCredentials/model/flowFormSchema';
import { createFlowPersistence } from '../../features/clientCredentials/model/flowPersistence';

// Step 3 shows the sandbox's Break it panel, which reads the active faults.
const server = setupFlowTestServer();

function tokenEndpoint(bodies: URLSearchParams[]) {
  return http.post(TOKEN_ENDPOINT, async ({ request }) => {
    bodies.push(new URLSearchParams(await request.text()));
    return HttpResponse.json({ access_token: `token-${bodies.length}-abcdefghijklmnop`, token_type: 'Bearer', expires_in: 3600, scope: 'p1:read:user' });
  });
}

async function goToTokenStep(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'Check configuration' }));
  await screen.findByRole('heading', { name: 'Request', level: 2 });
  await waitFor(() => expect(screen.getByRole('table', { name: 'Headers' })).toBeInTheDocument());
  await user.click(screen.getByRole('button', { name: /Next/ }));
  await screen.findByRole('heading', { name: 'Token', level: 2 });
}

describe('Client Credentials flow', () => {
  it('Get token always sends a new request and saves the token to storage, cache and history', async () => {
    const bodies: URLSearchParams[] = [];
    server.use(http.get(`${SANDBOX}/sandbox/info`, () => HttpResponse.json(sandboxInfoFixture())), tokenEndpoint(bodies));
    const stores = createTestStores();
    const { container } = renderWithStores(<ClientCredentialsFlow />, { stores });
    const user = userEvent.setup();
    await waitFor(() => expect(screen.getByLabelText('Client ID', { exact: true })).toHaveValue('sandbox-basic'));
    await goToTokenStep(user);
    // The pictures (their own chunk) are not even mounted before the first exchange.
    expect(container.querySelector('.cc-pictures')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Get token' }));
    await waitFor(() => expect(stores.cache.getSnapshot().entries).toHaveLength(1));
    expect(await screen.findByRole('figure', { name: 'Sequence diagram' })).toBeInTheDocument();
    expect(bodies).toHaveLength(1);
    expect(JSON.parse(sessionStorage.getItem(`${TOKEN_STORAGE_PREFIX}client_credentials`) ?? '{}')).toMatchObject({ tokens: [{ accessToken: 'token-1-abcdefghijklmnop' }] });
    expect(stores.cache.getSnapshot().entries.map((e) => e.record.accessToken)).toEqual(['token-1-abcdefghijklmnop']);
    await waitFor(() => expect(stores.history.list()).toHaveLength(1));
    expect(JSON.stringify(stores.history.list())).not.toContain('token-1-abcdefghijklmnop');

    // A valid token is cached, yet the button still asks the server.
    await user.click(screen.getByRole('button', { name: 'Get token' }));
    await waitFor(() => expect(bodies).toHaveLength(2));
    await waitFor(() => expect(stores.cache.getSnapshot().entries[0]?.record.accessToken).toBe('token-2-abcdefghijklmnop'));
  });

  it('a failed worker token is logged with the PingOne failure message, the status and the scopes — never the secret', async () => {
    server.use(
      http.get(`${SANDBOX}/sandbox/info`, () => HttpResponse.json(sandboxInfoFixture())),
      http.post(TOKEN_ENDPOINT, () => HttpResponse.json({ error: 'invalid_client', error_description: 'client authentication failed' }, { status: 401 })),
    );
    const logger = createLogger({ capacity: 100 });
    const restore = provideEffects({ logger }); // the stores and the token run log through effects()
    onTestFinished(restore);
    const stores = createAuthStores({ indexedDB: new IDBFactory() });
    renderWithStores(<ClientCredentialsFlow />, { stores });
    const user = userEvent.setup();
    await waitFor(() => expect(screen.getByLabelText('Client ID', { exact: true })).toHaveValue('sandbox-basic'));
    await goToTokenStep(user);
    await user.click(screen.getByRole('button', { name: 'Get token' }));
    expect((await screen.findAllByText(/invalid_client/, { selector: '[role="alert"] *' })).length).toBeGreaterThan(0);

    const entry = logger.entries().find((e) => e.message === PINGONE_TOKEN_FAILURE_MESSAGE);
    expect(entry?.level).toBe('error');
    expect(entry?.data).toMatchObject({ status: 401, scope: expect.stringContaining(PINGONE_WORKER_SCOPES[0] as string) });
    expect(JSON.stringify(entry?.data)).toContain('invalid_client');
    expect(logger.exportJson()).not.toContain(BASIC_SECRET);
  });

  it('private_key_jwt: the key is registered with the sandbox and Get token signs a new assertion (fresh jti)', async () => {
    const bodies: URLSearchParams[] = [];
    let registered: { jwks?: { keys: Array<Record<string, unknown>> }; token_endpoint_auth_method?: string } = {};
    server.use(
      http.get(`${SANDBOX}/sandbox/info`, () => HttpResponse.json(sandboxInfoFixture())),
      http.post(`${SANDBOX}/sandbox/clients`, async ({ request }) => {
        registered = (await request.json()) as typeof registered;
        return HttpResponse.json({ client_id: 'registered-1', token_endpoint_auth_method: 'private_key_jwt', scope: 'p1:read:user', purpose: '', roles: [], provider: 'pingone' }, { status: 201 });
      }),
      tokenEndpoint(bodies),
    );
    renderWithStores(<ClientCredentialsFlow />);
    const user = userEvent.setup();
    await waitFor(() => expect(screen.getByLabelText('Client ID', { exact: true })).toHaveValue('sandbox-basic'));
    await user.selectOptions(screen.getByLabelText('Authentication method', { exact: true }), 'private_key_jwt');
    await user.click(screen.getByRole('button', { name: 'Generate key pair' }));
    await user.click(await screen.findByRole('button', { name: 'Register with sandbox' }));
    await waitFor(() => expect(screen.getByLabelText('Client ID', { exact: true })).toHaveValue('registered-1'));
    expect(registered.token_endpoint_auth_method).toBe('private_key_jwt');
    expect(registered.jwks?.keys[0]).not.toHaveProperty('d');

    await user.click(screen.getByRole('button', { name: 'Check configuration' }));
    const claims = await screen.findByLabelText('Assertion claims');
    const previewJti = (JSON.parse(claims.textContent ?? '{}') as { jti: string }).jti;
    await user.click(screen.getByRole('button', { name: /Next/ }));
    await user.click(await screen.findByRole('button', { name: 'Get token' }));
    await waitFor(() => expect(bodies).toHaveLength(1));

    const sent = decodeJwt(bodies[0]?.get('client_assertion') ?? '');
    expect(sent).toMatchObject({ iss: 'registered-1', sub: 'registered-1', aud: TOKEN_ENDPOINT });
    expect(sent.jti).toMatch(/\S/);
    expect(sent.jti).not.toBe(previewJti);
    expect((sent.exp ?? 0) - (sent.iat ?? 0)).toBeLessThanOrEqual(60);
  });

  it('progress (step and non-secret fields) survives a reload; the secret does not', async () => {
    server.use(http.get(`${SANDBOX}/sandbox/info`, () => HttpResponse.json(sandboxInfoFixture())));
    const first = renderWithStores(<ClientCredentialsFlow />, { settings: { provider: { preset: 'custom' }, oauth: { clientCredentials: { authMethod: 'client_secret_post' } } } });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Token endpoint', { exact: true }), 'https://as.example.com/token');
    await user.type(screen.getByLabelText('Client ID', { exact: true }), 'client-1');
    await user.type(screen.getByLabelText('Client secret', { exact: true }), 'a-secret-value');
    await user.click(screen.getByRole('button', { name: 'Check configuration' }));
    await screen.findByRole('heading', { name: 'Request', level: 2 });
    first.unmount();

    renderWithStores(<ClientCredentialsFlow />, { settings: { provider: { preset: 'custom' } } });
    expect(await screen.findByRole('heading', { name: 'Request', level: 2 })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Back/ }));
    expect(screen.getByLabelText('Token endpoint', { exact: true })).toHaveValue('https://as.example.com/token');
    expect(screen.getByLabelText('Client ID', { exact: true })).toHaveValue('client-1');
    expect(screen.getByLabelText('Client secret', { exact: true })).toHaveValue('');
  });

  it('advanced number drafts come back as typed after a reload, and a too-long Client ID does not take the other changes with it', async () => {
    const first = renderWithStores(<ClientCredentialsFlow />, { settings: { provider: { preset: 'custom' } } });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Advanced' }));
    const refresh = screen.getByLabelText('Proactive refresh (seconds before expiry)', { exact: true });
    await user.clear(refresh);
    await user.type(refresh, 'abc');
    await user.tab();
    await screen.findByText(/Proactive refresh must be a number/);
    const skew = screen.getByLabelText('Clock-skew tolerance (seconds)', { exact: true });
    await user.clear(skew);
    await user.type(skew, '1e3');
    await user.type(screen.getByLabelText('Audience', { exact: true }), 'https://api.example.com');
    await user.click(screen.getByLabelText('Client ID', { exact: true }));
    await user.paste('x'.repeat(10_000));
    expect(await screen.findByText(/Client ID .*not kept/)).toBeInTheDocument();
    first.unmount();

    renderWithStores(<ClientCredentialsFlow />, { settings: { provider: { preset: 'custom' } } });
    await user.click(screen.getByRole('button', { name: 'Advanced' }));
    expect(screen.getByLabelText('Proactive refresh (seconds before expiry)', { exact: true })).toHaveValue('abc');
    expect(screen.getByLabelText('Clock-skew tolerance (seconds)', { exact: true })).toHaveValue('1e3');
    expect(screen.getByLabelText('Audience', { exact: true })).toHaveValue('https://api.example.com');
  });

  it('says so when the progress cannot be saved (storage full)', async () => {
    const full = { getItem: () => null, setItem: () => { throw new DOMException('quota', 'QuotaExceededError'); }, removeItem: () => undefined };
    renderWithStores(<ClientCredentialsFlow persistence={createFlowPersistence(full)} />, { settings: { provider: { preset: 'custom' } } });
    await userEvent.setup().type(screen.getByLabelText('Audience', { exact: true }), 'x');
    expect(await screen.findByText(/storage is full/)).toBeInTheDocument();
  });

  it('a share link restores the configuration (marked as from the link) and carries no secret', async () => {
    const link = createShareLink(
      { ...DEFAULT_FLOW_FORM, provider: 'custom', tokenEndpoint: 'https://as.example.com/token', clientId: 'shared-client', authMethod: 'client_secret_post', scopes: ['read'] },
      'https://playground.example/flows/client-credentials',
    );
    renderWithStores(<ClientCredentialsFlow shareHash={new URL(link).hash} />);
    expect(screen.getByLabelText('Token endpoint', { exact: true })).toHaveValue('https://as.example.com/token');
    expect(screen.getByLabelText('Client ID', { exact: true })).toHaveValue('shared-client');
    expect(screen.getByLabelText('Authentication method', { exact: true })).toHaveValue('client_secret_post');
    expect(screen.getAllByText('from share link').length).toBeGreaterThanOrEqual(3);
    expect(screen.getByLabelText('Client secret', { exact: true })).toHaveValue('');
  });
});
