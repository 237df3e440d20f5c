// Sturdy under attack, take two (issue 19), the app's side end to end: a pasted certificate with its server CA
// reaches the sandbox's private-CA mTLS listener, a slow token request can be cancelled, and signing out in one tab
// purges the other tab's token.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './support/fixtures';
import { configureSandbox, decodedToken, getToken, goToStep, tokenStatus } from './support/flow';
import { CERT_DIR } from './support/relay';
import { injectFault, resetSandbox } from './support/sandbox';

test.beforeEach(async ({ request }) => {
  await resetSandbox(request);
});

test('a pasted certificate, key and server CA handed to the relay get a certificate-bound token (private CA)', async ({ page }) => {
  await configureSandbox(page, { client: 'sandbox-tls' });
  for (const field of ['Client certificate file', 'Client key file', 'Server CA file']) await page.getByLabel(field).fill('');
  await page.getByText('Or paste a certificate and key').click();
  await page.getByLabel('Certificate (PEM)').fill(await readFile(join(CERT_DIR, 'DEMO-ONLY-sandbox-tls.crt.pem'), 'utf8'));
  await page.getByLabel('Private key (PEM)').fill(await readFile(join(CERT_DIR, 'DEMO-ONLY-sandbox-tls.key.pem'), 'utf8'));
  await page.getByLabel('Server CA (PEM, optional)').fill(await readFile(join(CERT_DIR, 'DEMO-ONLY-sandbox-ca.pem'), 'utf8'));
  await page.getByRole('button', { name: 'Hand to the relay' }).click();
  await expect(page.getByRole('group', { name: 'Certificate held by the relay' })).toBeVisible();

  await getToken(page);
  await expect(decodedToken(page)).toContainText('x5t#S256');
});

test('Cancel ends a slow token request at once, and nothing typed is lost', async ({ page, request }) => {
  await configureSandbox(page, { client: 'sandbox-basic' });
  await injectFault(request, { target: 'token', count: 1, delayMs: 10_000 });
  await goToStep(page, 3);
  await page.getByRole('button', { name: 'Get token', exact: true }).click();
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText(/cancelled/i);
  await goToStep(page, 1);
  await expect(page.getByLabel('Client ID')).toHaveValue('sandbox-basic');
});

test('Sign out in one tab purges the token of another tab of the app', async ({ page, context }) => {
  // The first tab first: it writes the moved ports to the shared localStorage the second tab reads.
  await configureSandbox(page, { client: 'sandbox-post' });
  const other = await context.newPage();
  await configureSandbox(other, { client: 'sandbox-basic' });
  await getToken(other);
  await expect(tokenStatus(other)).toContainText('expires in');

  await tokenStatus(page).getByRole('button', { name: 'Sign out' }).click();

  await expect(tokenStatus(other)).toContainText('No token');
  expect(await other.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('m2m-playground:token')))).toEqual([]);
});
