// The first slice end to end: Local sandbox fills the form, client_secret_basic gets a real token from oidc-provider.
import { expect, test } from './support/fixtures';
import { resetSandbox } from './support/sandbox';

test.beforeEach(async ({ request }) => {
  await resetSandbox(request);
});

test('Local sandbox + client_secret_basic → masked token, decoded claims, TTL countdown', async ({ page }) => {
  await page.goto('/flows/client-credentials');
  await page.getByLabel('Provider').selectOption({ label: 'Local sandbox' });
  await page.getByLabel('Demo client').selectOption('sandbox-basic');
  await expect(page.getByLabel('Client ID')).toHaveValue('sandbox-basic');
  await expect(page.getByLabel('Token endpoint')).toHaveValue(/\/as\/token$/);
  await page.getByLabel('Authentication method').selectOption('client_secret_basic');

  await page.getByRole('button', { name: 'Step 3: Token' }).click();
  await page.getByRole('button', { name: 'Get token' }).click();

  const decoded = page.getByRole('region', { name: 'Decoded access token' });
  await expect(decoded).toContainText('"client_id"');
  await expect(decoded).toContainText('sandbox-basic');
  await expect(page.getByRole('region', { name: 'Token status' })).toContainText(/expires in \d{1,2}:\d{2}/);
  await expect(page.getByRole('button', { name: 'Reveal access token' })).toBeVisible();
});
