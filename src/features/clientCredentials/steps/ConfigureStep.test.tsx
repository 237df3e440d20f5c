// Step 1 (Configure) driven by role and label: presets, sandbox fill, field-level errors, discovery, secrets, keys.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { AUTH_METHODS } from '../../../types/token';
import { PINGONE_OPTIONAL_SCOPES, PINGONE_WORKER_SCOPES } from '../../../config/pingone';
import { renderWithStores, sandboxInfoFixture, BASIC_SECRET, ENV_ID, SANDBOX, TOKEN_ENDPOINT, setupFlowTestServer } from '../../../../tests/support/clientCredentialsFlow';
import { ClientCredentialsFlow } from '../../../pages/flows/ClientCredentialsFlow';

const server = setupFlowTestServer();

const infoHandler = () => http.get(`${SANDBOX}/sandbox/info`, () => HttpResponse.json(sandboxInfoFixture()));

function storedText(): string {
  const all: string[] = [];
  for (const storage of [sessionStorage, localStorage]) {
    for (let i = 0; i < storage.length; i += 1) {
      const key = storage.key(i) ?? '';
      all.push(key, storage.getItem(key) ?? '');
    }
  }
  return all.join('\n');
}

describe('Configure step', () => {
  it('labels every field exactly and names the auth methods by their RFC names', async () => {
    server.use(infoHandler());
    renderWithStores(<ClientCredentialsFlow />, { settings: { provider: { preset: 'custom' } } });
    for (const label of ['Provider', 'Issuer or discovery URL', 'Token endpoint', 'Client ID', 'Authentication method', 'Scopes', 'Audience', 'Resource']) {
      expect(screen.getByLabelText(label, { exact: true })).toBeInTheDocument();
    }
    const method = screen.getByLabelText('Authentication method', { exact: true });
    expect(within(method).getAllByRole('option').map((o) => o.textContent)).toEqual([...AUTH_METHODS]);
    const provider = screen.getByLabelText('Provider', { exact: true });
    expect(within(provider).getAllByRole('option').map((o) => o.textContent)).toEqual(['Local sandbox', 'PingOne', 'microauthd', 'Microsoft Entra ID', 'Auth0', 'Okta', 'Keycloak', 'Amazon Cognito', 'Custom']);

    const user = userEvent.setup();
    await user.selectOptions(method, 'client_secret_basic');
    expect(screen.getByLabelText('Client secret', { exact: true })).toHaveAttribute('type', 'password');
    await user.selectOptions(method, 'private_key_jwt');
    for (const label of ['Private key', 'Key ID (kid)', 'Signing algorithm']) {
      expect(screen.getByLabelText(label, { exact: true })).toBeInTheDocument();
    }
    await user.selectOptions(provider, 'PingOne');
    expect(screen.getByLabelText('Region', { exact: true })).toBeInTheDocument();
    expect(screen.getByLabelText('Environment ID', { exact: true })).toBeInTheDocument();
  });

  it('Local sandbox fills the environment, token endpoint and a demo client from /sandbox/info', async () => {
    server.use(infoHandler());
    renderWithStores(<ClientCredentialsFlow />);
    await waitFor(() => expect(screen.getByLabelText('Token endpoint', { exact: true })).toHaveValue(TOKEN_ENDPOINT));
    expect(screen.getByLabelText('Environment ID', { exact: true })).toHaveValue(ENV_ID);
    expect(screen.getByLabelText('Client ID', { exact: true })).toHaveValue('sandbox-basic');
    expect(screen.getByLabelText('Authentication method', { exact: true })).toHaveValue('client_secret_basic');
    expect(screen.getByLabelText('Client secret', { exact: true })).toHaveValue(BASIC_SECRET);
    expect(screen.getByText("You're using the local sandbox")).toBeInTheDocument();

    await userEvent.setup().selectOptions(screen.getByLabelText('Demo client', { exact: true }), 'sandbox-post');
    expect(screen.getByLabelText('Client ID', { exact: true })).toHaveValue('sandbox-post');
    expect(screen.getByLabelText('Authentication method', { exact: true })).toHaveValue('client_secret_post');
  });

  it('an unreachable sandbox shows an alert with the command that starts it', async () => {
    server.use(http.get(`${SANDBOX}/sandbox/info`, () => HttpResponse.error()));
    renderWithStores(<ClientCredentialsFlow />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("We can't reach the local sandbox");
    expect(alert).toHaveTextContent('npm run sandbox');
    expect(alert).toHaveTextContent('npm start');
  });

  it.each([['/as/token'], ['javascript:alert(1)'], ['http://evil.example.com/token']])(
    'an invalid token endpoint (%s) gets a field-level error and keeps the typed text',
    async (typed) => {
      renderWithStores(<ClientCredentialsFlow />, { settings: { provider: { preset: 'custom' } } });
      const user = userEvent.setup();
      const field = screen.getByLabelText('Token endpoint', { exact: true });
      await user.type(field, typed);
      await user.tab();
      expect(field).toHaveValue(typed);
      expect(field).toHaveAttribute('aria-invalid', 'true');
      const error = document.getElementById(field.getAttribute('aria-describedby')?.split(' ')[0] ?? '');
      expect(error).toHaveTextContent(/Token endpoint must/);

      await user.clear(field);
      await user.type(field, 'https://as.example.com/token');
      expect(field).not.toHaveAttribute('aria-invalid');
    },
  );

  it('discovery fills the token endpoint and offers only advertised methods, unless overridden', async () => {
    const issuer = 'https://as.example.com';
    server.use(
      http.get(`${issuer}/.well-known/openid-configuration`, () =>
        HttpResponse.json({
          issuer,
          token_endpoint: `${issuer}/oauth/token`,
          jwks_uri: `${issuer}/jwks`,
          grant_types_supported: ['client_credentials'],
          token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt'],
        }),
      ),
    );
    renderWithStores(<ClientCredentialsFlow />, { settings: { provider: { preset: 'custom' } } });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Issuer or discovery URL', { exact: true }), issuer);
    await user.click(screen.getByRole('button', { name: 'Discover' }));
    await waitFor(() => expect(screen.getByLabelText('Token endpoint', { exact: true })).toHaveValue(`${issuer}/oauth/token`));

    const method = screen.getByLabelText('Authentication method', { exact: true });
    const options = () => within(method).getAllByRole('option').map((o) => o.textContent);
    expect(options()).toEqual(['client_secret_post', 'private_key_jwt']);
    await user.click(screen.getByRole('checkbox', { name: /override discovery/ }));
    expect(options()).toEqual([...AUTH_METHODS]);
  });

  it('keeps the secret out of sessionStorage and localStorage unless "Remember on this device" is ticked', async () => {
    renderWithStores(<ClientCredentialsFlow />, { settings: { provider: { preset: 'custom', clientId: 'my-client' }, oauth: { clientCredentials: { authMethod: 'client_secret_basic' } } } });
    const user = userEvent.setup();
    const secret = 'correct-horse-battery-staple-42';
    await user.type(screen.getByLabelText('Client secret', { exact: true }), secret);
    await user.type(screen.getByLabelText('Token endpoint', { exact: true }), 'https://as.example.com/token');
    await waitFor(() => expect(sessionStorage.length).toBeGreaterThan(0)); // progress was saved…
    expect(storedText()).not.toContain(secret); // …without the secret

    await user.click(screen.getByRole('checkbox', { name: 'Remember on this device' }));
    expect(localStorage.getItem('m2m-playground:secret:my-client')).toBe(secret);
    expect(Object.keys(sessionStorage).join(' ') + Object.values(sessionStorage).join(' ')).not.toContain(secret);

    await user.click(screen.getByRole('checkbox', { name: 'Remember on this device' }));
    expect(storedText()).not.toContain(secret);
  });

  it('with Remember ticked, editing the client ID writes one remembered copy, on blur; un-ticking removes them all', async () => {
    renderWithStores(<ClientCredentialsFlow />, { settings: { provider: { preset: 'custom', clientId: 'my-client' }, oauth: { clientCredentials: { authMethod: 'client_secret_basic' } } } });
    const user = userEvent.setup();
    const secret = 'correct-horse-battery-staple-42';
    const rememberedKeys = () => Object.keys(localStorage).filter((k) => k.startsWith('m2m-playground:secret:')).sort();
    await user.type(screen.getByLabelText('Client secret', { exact: true }), secret);
    await user.click(screen.getByRole('checkbox', { name: 'Remember on this device' }));
    expect(rememberedKeys()).toEqual(['m2m-playground:secret:my-client']);

    const clientId = screen.getByLabelText('Client ID', { exact: true });
    await user.clear(clientId);
    await user.type(clientId, 'other-client');
    expect(rememberedKeys()).toEqual(['m2m-playground:secret:my-client']); // nothing per keystroke
    await user.tab();
    expect(rememberedKeys()).toEqual(['m2m-playground:secret:my-client', 'm2m-playground:secret:other-client']);
    expect(localStorage.getItem('m2m-playground:secret:other-client')).toBe(secret);

    await user.click(screen.getByRole('checkbox', { name: 'Remember on this device' }));
    expect(rememberedKeys()).toEqual([]);
    expect(storedText()).not.toContain(secret);
    expect(screen.getByLabelText('Client secret', { exact: true })).toHaveValue(secret);
  });

  it('Generate key pair selects private_key_jwt and the copied public JWKS has no private member', async () => {
    renderWithStores(<ClientCredentialsFlow />, { settings: { provider: { preset: 'custom' }, oauth: { clientCredentials: { authMethod: 'client_secret_post' } } } });
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Authentication method', { exact: true }), 'private_key_jwt');
    await user.click(screen.getByRole('button', { name: 'Generate key pair' }));
    await screen.findByRole('button', { name: 'Copy public JWKS' });
    expect(screen.getByLabelText('Authentication method', { exact: true })).toHaveValue('private_key_jwt');
    const kid = (screen.getByLabelText('Key ID (kid)', { exact: true }) as HTMLInputElement).value;
    expect(kid).toMatch(/^[A-Za-z0-9_-]{43}$/); // an RFC 7638 SHA-256 thumbprint

    await user.click(screen.getByRole('button', { name: 'Copy public JWKS' }));
    expect(await screen.findByText('Copied!')).toBeInTheDocument();
    const jwks = JSON.parse(await navigator.clipboard.readText()) as { keys: Array<Record<string, unknown>> };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', kid, alg: 'ES256', use: 'sig' });
    for (const member of ['d', 'p', 'q', 'dp', 'dq', 'qi']) expect(jwks.keys[0]).not.toHaveProperty(member);
  });

  it('the least-privilege preset is the PingOne worker scopes (PINGONE_WORKER_SCOPES) plus configured extras, deduplicated, order kept', async () => {
    const extra = PINGONE_OPTIONAL_SCOPES[0] as string;
    renderWithStores(<ClientCredentialsFlow />, {
      settings: { provider: { preset: 'pingone', pingone: { extraScopes: [PINGONE_WORKER_SCOPES[0] as string, extra] } } },
    });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'MFA device management — least privilege' }));
    const chips = within(screen.getByRole('list', { name: 'Selected scopes' })).getAllByRole('listitem').map((li) => li.textContent ?? '');
    expect(chips.map((c) => c.replace(/×$/, '').trim())).toEqual([...PINGONE_WORKER_SCOPES, extra]);
  });

  it('Delete key removes the generated key from the key store and the form', async () => {
    const { stores } = renderWithStores(<ClientCredentialsFlow />, { settings: { provider: { preset: 'custom' }, oauth: { clientCredentials: { authMethod: 'private_key_jwt' } } } });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Generate key pair' }));
    await screen.findByRole('button', { name: 'Copy public JWKS' });
    expect(await stores.credentialManager.loadKeys()).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Delete key' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Copy public JWKS' })).not.toBeInTheDocument());
    await waitFor(async () => expect(await stores.credentialManager.loadKeys()).toHaveLength(0));
  });

  it('a malformed PEM gets a field-level error on Private key and the pasted text stays', async () => {
    renderWithStores(<ClientCredentialsFlow />, { settings: { provider: { preset: 'custom' }, oauth: { clientCredentials: { authMethod: 'private_key_jwt' } } } });
    const user = userEvent.setup();
    const field = screen.getByLabelText('Private key', { exact: true });
    const pem = '-----BEGIN PRIVATE KEY-----\nnot really base64 !!\n-----END PRIVATE KEY-----';
    await user.click(field);
    await user.paste(pem);
    await user.click(screen.getByRole('button', { name: 'Import key' }));
    await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'));
    expect(field).toHaveValue(pem);
    expect(document.getElementById(`${field.id}-error`)?.textContent).toMatch(/\S/);
    expect(screen.queryByRole('button', { name: 'Copy public JWKS' })).not.toBeInTheDocument();
  });

  it('an RSA PKCS#8 PEM imported while ES256 is pre-selected is taken as RS256, selected, and the step can proceed', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const pem = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    renderWithStores(<ClientCredentialsFlow />, {
      settings: { provider: { preset: 'custom', custom: { tokenEndpoint: 'https://as.example.com/token' }, clientId: 'c1' }, oauth: { clientCredentials: { authMethod: 'private_key_jwt' } } },
    });
    const user = userEvent.setup();
    expect(screen.getByLabelText('Signing algorithm', { exact: true })).toHaveValue('ES256');
    await user.click(screen.getByLabelText('Private key', { exact: true }));
    await user.paste(pem);
    await user.click(screen.getByRole('button', { name: 'Import key' }));
    await screen.findByRole('button', { name: 'Copy public JWKS' });
    expect(screen.getByLabelText('Signing algorithm', { exact: true })).toHaveValue('RS256');
    expect(screen.getByLabelText('Private key', { exact: true })).not.toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('button', { name: /^Next/ })).toBeEnabled();
  });
});
