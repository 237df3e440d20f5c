// The generic hosted-provider fields: rendered from each row's data with the spec's exact labels, typed values kept
// with their errors; and on the page, choosing a row fills `Token endpoint`, offers its methods, ticks the relay.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { PROVIDERS } from '../../../config/providers';
import { renderWithStores, SANDBOX, sandboxInfoFixture, setupFlowTestServer } from '../../../../tests/support/clientCredentialsFlow';
import { ClientCredentialsFlow } from '../../../pages/flows/ClientCredentialsFlow';
import { HostedFields } from './HostedProviderFields';

const server = setupFlowTestServer();

/** The product spec's accessible names for each row's fields (a contract). */
const SPEC_LABELS = {
  entra: ['Tenant ID or domain'],
  auth0: ['Auth0 domain'],
  okta: ['Okta domain', 'Authorization server'],
  keycloak: ['Keycloak base URL', 'Realm'],
  cognito: ['Cognito domain'],
} as const;

describe('HostedFields', () => {
  it.each(Object.entries(SPEC_LABELS))('%s: one input per row field, labelled exactly as the spec names it', (provider, labels) => {
    const fields = PROVIDERS[provider as keyof typeof SPEC_LABELS].hosted!.fields;
    render(<HostedFields fields={fields} values={{}} errors={{}} onChange={() => undefined} onBlur={() => undefined} />);
    for (const label of labels) expect(screen.getByLabelText(label, { exact: true })).toHaveAttribute('aria-required', 'true');
    expect(screen.getAllByRole('textbox')).toHaveLength(labels.length);
  });

  it('reports typing and blur by the row field key, and shows the field’s own error without replacing the text', async () => {
    const onChange = vi.fn();
    const onBlur = vi.fn();
    const fields = PROVIDERS.keycloak.hosted!.fields;
    render(
      <HostedFields fields={fields} values={{ baseUrl: 'ftp://sso', realm: '' }} errors={{ 'providerFields.baseUrl': 'Keycloak base URL must be an https:// URL' }} onChange={onChange} onBlur={onBlur} />,
    );
    const base = screen.getByLabelText('Keycloak base URL', { exact: true });
    expect(base).toHaveValue('ftp://sso');
    expect(base).toHaveAttribute('aria-invalid', 'true');
    expect(document.getElementById(base.getAttribute('aria-describedby')!.split(' ')[0]!)).toHaveTextContent(/must be an https/);
    await userEvent.setup().type(screen.getByLabelText('Realm', { exact: true }), 'a');
    expect(onChange).toHaveBeenCalledWith('realm', 'a');
    await userEvent.setup().tab();
    expect(onBlur).toHaveBeenCalledWith('realm');
  });
});

describe('a hosted row on the page', () => {
  it('Entra ID: the tenant fills Token endpoint, only its methods are offered, the relay is ticked with the reason', async () => {
    server.use(
      http.get(`${SANDBOX}/sandbox/info`, () => HttpResponse.json(sandboxInfoFixture())),
      // The ticked relay box checks the relay (the app's default relay URL).
      http.get('http://localhost:4600/health', () => HttpResponse.json({ relay: true, version: '1.1.0' })),
    );
    renderWithStores(<ClientCredentialsFlow />, { settings: { provider: { preset: 'custom' } } });
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Provider', { exact: true }), 'Microsoft Entra ID');
    await user.type(screen.getByLabelText('Tenant ID or domain', { exact: true }), 'contoso.onmicrosoft.com');
    expect(screen.getByLabelText('Token endpoint', { exact: true })).toHaveValue('https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token');
    const method = screen.getByLabelText('Authentication method', { exact: true });
    expect(within(method).getAllByRole('option').map((o) => o.textContent)).toEqual([...PROVIDERS.entra.authMethods]);
    expect(screen.getByRole('checkbox', { name: /Send through the local relay/ })).toBeChecked();
    expect(screen.getByText(/AADSTS9002326/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Discover' })).toBeInTheDocument();
    // The scope helper builds {resource}/.default.
    await user.type(screen.getByLabelText('Resource (application ID URI)', { exact: true }), 'https://graph.microsoft.com');
    await user.click(screen.getByRole('button', { name: 'Add scope' }));
    await waitFor(() => expect(screen.getByText(/already in Scopes/)).toBeInTheDocument());
    expect(screen.getByRole('button', { name: 'Add scope' })).toBeDisabled();
  });

  it('Auth0: the Audience field says it is required and a submit without it names the row’s message', async () => {
    renderWithStores(<ClientCredentialsFlow />, { settings: { provider: { preset: 'auth0' } } });
    const audience = await screen.findByLabelText('Audience', { exact: true });
    expect(audience).toHaveAttribute('aria-required', 'true');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Check configuration' }));
    await waitFor(() => expect(audience).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByLabelText('Auth0 domain', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  });
});
