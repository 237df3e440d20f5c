// The status bar names the provider actually in use: a token from a Custom server is not shown as the sandbox's.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { RouterProvider, createMemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { createTestStores, ENV_ID, SANDBOX, sandboxInfoFixture, setupFlowTestServer } from '../../../tests/support/clientCredentialsFlow';
import { AuthStoresRoot } from '../../contexts/AuthStoresRoot';
import { ConfigProvider } from '../../contexts/ConfigContext';
import { createConfigStore } from '../../services/config/configStore';
import { createAppRoutes } from '../../routes';
import { createMemoryStorage } from '../../utils/storage';

const server = setupFlowTestServer();
const CUSTOM_TOKEN_ENDPOINT = 'https://as.example.com/oauth2/token';

async function renderApp() {
  const store = createConfigStore();
  const settings = { provider: { preset: 'sandbox', pingone: { environmentId: ENV_ID } }, oauth: { clientCredentials: { enabled: true } } };
  server.use(http.get('*/settings.json', () => HttpResponse.json(settings)));
  await store.load({ env: { DEV: false }, storage: createMemoryStorage() });
  render(
    <ConfigProvider store={store}>
      <AuthStoresRoot stores={createTestStores()}>
        <RouterProvider router={createMemoryRouter(createAppRoutes(), { initialEntries: ['/flows/client-credentials'] })} />
      </AuthStoresRoot>
    </ConfigProvider>,
  );
}

describe('status bar identity', () => {
  it('with the Custom provider it shows the custom server, not the sandbox environment and region', async () => {
    server.use(
      http.get(`${SANDBOX}/sandbox/info`, () => HttpResponse.json(sandboxInfoFixture())),
      http.post(CUSTOM_TOKEN_ENDPOINT, () => HttpResponse.json({ access_token: 'custom-token-abcdefghijklmnop', token_type: 'Bearer', expires_in: 3600 })),
    );
    await renderApp();
    const user = userEvent.setup();
    const clientId = await screen.findByLabelText('Client ID', { exact: true }, { timeout: 15_000 });
    await waitFor(() => expect(clientId).toHaveValue('sandbox-basic'));
    const bar = () => within(screen.getByRole('region', { name: 'Token status' }));
    expect(bar().getByText('Local sandbox')).toBeInTheDocument(); // before the switch: the sandbox is the provider

    await user.selectOptions(screen.getByLabelText('Provider', { exact: true }), 'Custom');
    await user.type(screen.getByLabelText('Token endpoint', { exact: true }), CUSTOM_TOKEN_ENDPOINT);
    await user.type(screen.getByLabelText('Client ID', { exact: true }), 'custom-client');
    await user.type(screen.getByLabelText('Client secret', { exact: true }), 'custom-secret');
    await user.click(screen.getByRole('button', { name: 'Check configuration' }));
    await user.click(await screen.findByRole('button', { name: /Next/ }));
    await user.click(await screen.findByRole('button', { name: 'Get token' }));

    await waitFor(() => expect(bar().getByText(/expires in/)).toBeInTheDocument());
    expect(bar().getByText('as.example.com')).toBeInTheDocument();
    expect(bar().getByText('Custom')).toBeInTheDocument();
    expect(bar().queryByText('Local sandbox')).toBeNull();
    expect(bar().queryByText(ENV_ID)).toBeNull();
  });
});
