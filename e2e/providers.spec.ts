// The hosted provider rows in the browser (Entra ID, Auth0, Okta, Keycloak, Cognito), with no network to any of them:
// choosing a row and typing its fields fills `Token endpoint`; step 2 previews the request for every method the row
// offers (secrets typed, keys generated, Entra's TEST-ONLY certificate pasted); the relay comes pre-ticked where the
// row says browsers are refused. Every request to a provider host is aborted and fails the test.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { FLOW_PATH, goToStep } from './support/flow';

const fixture = (name: string) => readFileSync(new URL(`../tests/providers/fixtures/${name}`, import.meta.url), 'utf8');
/** openssl-computed thumbprints of the TEST-ONLY fixture certificate (src/utils/x509Thumbprint.test.ts). */
const CERT_X5T_S256 = '1s5Z7wTstJ1L2uCjwB98DsWF4HTHKcOEr9cs_W0IRXI';
const SECRET = 'e2e-secret-of-at-least-thirty-two-characters';

type Method = 'client_secret_basic' | 'client_secret_post' | 'client_secret_jwt' | 'private_key_jwt' | 'tls_client_auth' | 'self_signed_tls_client_auth';

interface Row {
  label: string;
  fields: Array<[label: string, value: string]>;
  tokenEndpoint: string;
  methods: Method[];
  /** The row says browsers are refused: `Send through the local relay` comes ticked. */
  relay: boolean;
  /** The assertion `aud` the row documents for JWT methods. */
  aud: string;
  audience?: string;
}

const ROWS: Row[] = [
  {
    label: 'Microsoft Entra ID', fields: [['Tenant ID or domain', 'contoso.onmicrosoft.com']],
    tokenEndpoint: 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token',
    methods: ['client_secret_post', 'client_secret_basic', 'private_key_jwt'], relay: true,
    aud: 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token',
  },
  {
    label: 'Auth0', fields: [['Auth0 domain', 'example-tenant.us.auth0.com']], tokenEndpoint: 'https://example-tenant.us.auth0.com/oauth/token',
    methods: ['client_secret_post', 'client_secret_basic', 'private_key_jwt', 'tls_client_auth', 'self_signed_tls_client_auth'], relay: false,
    aud: 'https://example-tenant.us.auth0.com/', audience: 'https://api.example.com/',
  },
  {
    label: 'Okta', fields: [['Okta domain', 'dev-123456.okta.com'], ['Authorization server', 'default']],
    tokenEndpoint: 'https://dev-123456.okta.com/oauth2/default/v1/token',
    methods: ['client_secret_basic', 'client_secret_post', 'private_key_jwt', 'client_secret_jwt'], relay: false,
    aud: 'https://dev-123456.okta.com/oauth2/default/v1/token',
  },
  {
    label: 'Keycloak', fields: [['Keycloak base URL', 'https://sso.example.com'], ['Realm', 'acme']],
    tokenEndpoint: 'https://sso.example.com/realms/acme/protocol/openid-connect/token',
    methods: ['client_secret_basic', 'client_secret_post', 'private_key_jwt', 'client_secret_jwt', 'tls_client_auth'], relay: false,
    aud: 'https://sso.example.com/realms/acme/protocol/openid-connect/token',
  },
  {
    label: 'Amazon Cognito', fields: [['Cognito domain', 'my-prefix.auth.us-east-1.amazoncognito.com']],
    tokenEndpoint: 'https://my-prefix.auth.us-east-1.amazoncognito.com/oauth2/token', methods: ['client_secret_basic'], relay: false, aud: '',
  },
];

const PROVIDER_HOSTS = /microsoftonline\.com|auth0\.com|okta\.com|sso\.example\.com|amazoncognito\.com|api\.example\.com/;

/** Aborts (and records) any request to a provider: these tests must never reach one. */
async function refuseProviderTraffic(page: Page): Promise<string[]> {
  const hits: string[] = [];
  await page.route(PROVIDER_HOSTS, async (route) => {
    hits.push(route.request().url());
    await route.abort();
  });
  return hits;
}

/** The method's credential, as a person provides it in step 1. */
async function provideCredential(page: Page, row: Row, method: Method): Promise<void> {
  if (method.startsWith('client_secret')) {
    await page.getByLabel('Client secret', { exact: true }).fill(SECRET);
  } else if (method === 'private_key_jwt' && row.label === 'Microsoft Entra ID') {
    await page.getByLabel('Certificate (PEM)', { exact: true }).fill(fixture('TEST-ONLY-entra-cert.pem'));
    await page.getByLabel('Certificate key (PEM)', { exact: true }).fill(fixture('TEST-ONLY-entra-key.pem'));
    await page.getByRole('button', { name: 'Import certificate' }).click();
    await page.getByLabel('Certificate thumbprint header', { exact: true }).selectOption('both');
  } else if (method === 'private_key_jwt') {
    await page.getByRole('button', { name: 'Generate key pair' }).click();
    await expect(page.getByLabel('Key ID (kid)', { exact: true })).not.toHaveValue('');
  } else {
    // mTLS: the relay presents the certificate; the files are named, the preview shows the request as sent.
    await expect(page.getByRole('checkbox', { name: 'Send through the local relay' })).toBeChecked();
    await page.getByLabel('Client certificate file', { exact: true }).fill('client.pem');
    await page.getByLabel('Client key file', { exact: true }).fill('client-key.pem');
  }
}

/** Step 2 for the method: the URL, the client authentication where the method puts it, and the assertion's aud. */
async function expectPreview(page: Page, row: Row, method: Method): Promise<void> {
  await goToStep(page, 2);
  await expect(page.locator('.cc-request__line code.color-coded-url')).toHaveText(row.tokenEndpoint);
  const body = page.getByRole('table', { name: /Form body/ });
  await expect(body).toContainText('grant_type');
  const headers = page.getByRole('table', { name: 'Headers' });
  if (method === 'client_secret_basic') await expect(headers).toContainText('Authorization');
  else await expect(headers).not.toContainText('Authorization');
  if (method === 'client_secret_post') await expect(body).toContainText('client_secret');
  if (row.audience) await expect(body).toContainText(row.audience);
  const claims = page.getByRole('group', { name: 'Assertion claims' });
  if (method.endsWith('_jwt')) {
    await expect(claims).toContainText(`"aud": "${row.aud}"`);
    await expect(claims).toContainText('"iss": "e2e-client"');
  } else {
    await expect(claims).toHaveCount(0);
  }
  if (method === 'private_key_jwt' && row.label === 'Microsoft Entra ID') {
    const header = page.getByRole('group', { name: 'Assertion header' });
    await expect(header).toContainText(`"x5t#S256": "${CERT_X5T_S256}"`);
    await expect(header).toContainText('"x5t": "');
    await expect(header).toContainText('"alg": "PS256"');
  }
}

for (const row of ROWS) {
  test(`${row.label}: its fields fill Token endpoint, and step 2 previews every method it offers`, async ({ page }) => {
    const hits = await refuseProviderTraffic(page);
    await page.goto(FLOW_PATH);
    await page.getByLabel('Provider', { exact: true }).selectOption({ label: row.label });
    for (const [label, value] of row.fields) await page.getByLabel(label, { exact: true }).fill(value);
    await expect(page.getByLabel('Token endpoint', { exact: true })).toHaveValue(row.tokenEndpoint);
    const relay = page.getByRole('checkbox', { name: 'Send through the local relay' });
    if (row.relay) {
      await expect(relay).toBeChecked();
      await expect(page.getByText(/AADSTS9002326/)).toBeVisible();
    } else {
      await expect(relay).not.toBeChecked();
    }
    const method = page.getByLabel('Authentication method', { exact: true });
    await expect(method.getByRole('option')).toHaveText(row.methods);
    await page.getByLabel('Client ID', { exact: true }).fill('e2e-client');
    if (row.audience) await page.getByLabel('Audience', { exact: true }).fill(row.audience);

    for (const name of row.methods) {
      await goToStep(page, 1);
      await method.selectOption(name);
      await provideCredential(page, row, name);
      await expectPreview(page, row, name);
    }
    expect(hits).toEqual([]);
  });
}

test('a hosted row and its fields survive a reload; the share-link hint names the row', async ({ page }) => {
  await refuseProviderTraffic(page);
  await page.goto(FLOW_PATH);
  await page.getByLabel('Provider', { exact: true }).selectOption({ label: 'Keycloak' });
  await page.getByLabel('Keycloak base URL', { exact: true }).fill('https://sso.example.com');
  await page.getByLabel('Realm', { exact: true }).fill('acme');
  await expect(page.getByText('A link that opens this configuration (Keycloak)')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Realm', { exact: true })).toHaveValue('acme');
  await expect(page.getByLabel('Token endpoint', { exact: true })).toHaveValue('https://sso.example.com/realms/acme/protocol/openid-connect/token');
});
