// Every client authentication method gets a real token from the sandbox; JWT methods show their decoded assertion.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { configureSandbox, decodedToken, getToken, goToStep, openSandboxFlow, type AuthMethodName, type SandboxClientWithJwks } from './support/flow';
import { configureRealTenant, REAL_TENANT, REAL_TENANT_TAG } from './support/realTenant';
import { demoClient, resetSandbox } from './support/sandbox';

test.beforeEach(async ({ request }) => {
  if (!REAL_TENANT) await resetSandbox(request);
});

/** Step 2 shows the decoded client assertion for JWT methods (iss = sub = client ID), and none for secret methods. */
async function expectAssertion(page: Page, clientId: string, expected: boolean): Promise<void> {
  await goToStep(page, 2);
  await expect(page.getByRole('table', { name: 'Headers' })).toBeVisible();
  const claims = page.getByRole('group', { name: 'Assertion claims' });
  if (!expected) {
    await expect(claims).toHaveCount(0);
    return;
  }
  await expect(claims).toContainText(`"iss": "${clientId}"`);
  await expect(claims).toContainText(`"sub": "${clientId}"`);
  await expect(page.getByRole('group', { name: 'Assertion header' })).toContainText('"alg"');
}

/** Gets a token and checks the decoded access token names the client. */
async function expectTokenFor(page: Page, clientId: string): Promise<void> {
  await getToken(page);
  await expect(decodedToken(page)).toContainText(`"client_id": "${clientId}"`);
}

interface MethodCase {
  method: AuthMethodName;
  clientId: string;
  /** how the case is set up beyond the defaults (the imported PEM) */
  how: string;
  jwt: boolean;
  configure(page: Page, client: SandboxClientWithJwks): Promise<void>;
}

const byDemoClient = (method: AuthMethodName) => async (page: Page, client: SandboxClientWithJwks) => {
  await configureSandbox(page, { client: client.client_id, method });
};

const CASES: MethodCase[] = [
  { method: 'client_secret_basic', clientId: 'sandbox-basic', how: 'demo secret', jwt: false, configure: byDemoClient('client_secret_basic') },
  { method: 'client_secret_post', clientId: 'sandbox-post', how: 'demo secret', jwt: false, configure: byDemoClient('client_secret_post') },
  { method: 'client_secret_jwt', clientId: 'sandbox-secret-jwt', how: 'demo secret (HS256)', jwt: true, configure: byDemoClient('client_secret_jwt') },
  {
    method: 'private_key_jwt',
    clientId: 'sandbox-private-key-jwt',
    how: 'imported PEM',
    jwt: true,
    async configure(page, client) {
      const pem = client.private_key_pem;
      const kid = client.jwks?.keys[0]?.kid;
      if (!pem || !kid) throw new Error('/sandbox/info lists no private_key_pem or registered kid for the private_key_jwt demo client');
      await openSandboxFlow(page);
      await page.getByLabel('Authentication method').selectOption('private_key_jwt');
      await page.getByLabel('Client ID').fill(client.client_id);
      await page.getByLabel('Signing algorithm').selectOption('RS256');
      await page.getByLabel('Private key').fill(pem);
      await page.getByRole('button', { name: 'Import key' }).click();
      // The import clears the textarea: the key now lives non-extractable in the browser.
      await expect(page.getByLabel('Private key')).toHaveValue('');
      await expect(page.getByRole('button', { name: 'Copy public JWKS' })).toBeVisible();
      await page.getByLabel('Key ID (kid)').fill(kid);
    },
  },
];

for (const c of CASES) {
  test(`${c.method} (${c.how}) → token for ${c.clientId}${c.jwt ? ', decoded assertion on step 2' : ''}`, async ({ page, request }) => {
    const client = (await demoClient(request, c.clientId)) as SandboxClientWithJwks;
    expect(client.token_endpoint_auth_method).toBe(c.method);
    await c.configure(page, client);
    await expectAssertion(page, c.clientId, c.jwt);
    await expectTokenFor(page, c.clientId);
  });
}

test('private_key_jwt with a key generated in the browser and registered with the sandbox', async ({ page }) => {
  await openSandboxFlow(page);
  await page.getByLabel('Authentication method').selectOption('private_key_jwt');
  await page.getByRole('button', { name: 'Generate key pair' }).click();
  const kid = page.getByLabel('Key ID (kid)');
  // kid defaults to the RFC 7638 thumbprint (base64url SHA-256: 43 characters).
  await expect(kid).toHaveValue(/^[\w-]{43}$/);

  const before = await page.getByLabel('Client ID').inputValue();
  await page.getByRole('button', { name: 'Register with sandbox' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Registered with the sandbox' })).toBeVisible();
  const clientId = page.getByLabel('Client ID');
  await expect(clientId).not.toHaveValue(before);
  await expect(clientId).not.toHaveValue('');
  const registered = await clientId.inputValue();

  await expectAssertion(page, registered, true);
  await expectTokenFor(page, registered);
});

// Against a real tenant (E2E_PROVIDER …, see e2e/support/realTenant.ts): the one method its client is registered for.
test('real tenant: the configured client gets a token', { tag: REAL_TENANT_TAG }, async ({ page }) => {
  test.skip(REAL_TENANT === undefined, 'E2E_PROVIDER is not set: no real tenant to target (the sandbox cases above cover every method)');
  const tenant = REAL_TENANT!;
  await configureRealTenant(page, tenant);
  await getToken(page);
  await expect(decodedToken(page)).toBeVisible();
});
