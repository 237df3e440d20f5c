// The local relay end to end (issue 11): a server that refuses browser CORS fails direct with the CORS diagnosis and
// gives a token through the relay; a relay that is not running gets its own card and loses nothing typed.
import { expect, patchSettings, test } from './support/fixtures';
import { configureSandbox, decodedToken, exportAs, goToStep, requestToken } from './support/flow';
import { CLOSED_RELAY_URL } from './support/relay';
import { resetSandbox } from './support/sandbox';

const RELAY_BOX = 'Send through the local relay';

test.beforeEach(async ({ request }) => {
  await resetSandbox(request);
});

test('sandbox-no-cors fails direct as "blocked by CORS", then gets a token through the local relay', async ({ page }) => {
  await configureSandbox(page, { client: 'sandbox-no-cors' });
  await requestToken(page);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Blocked by CORS', { timeout: 20_000 });
  await expect(alert).not.toContainText('unreachable');

  await alert.getByRole('checkbox', { name: RELAY_BOX }).check();
  await page.getByRole('button', { name: 'Get token', exact: true }).click();
  await expect(decodedToken(page)).toContainText('"client_id": "sandbox-no-cors"', { timeout: 15_000 });

  // Step 1 shows the same setting ticked; step 2 says where the request goes, while the exports stay the direct request.
  await goToStep(page, 1);
  await expect(page.getByRole('checkbox', { name: RELAY_BOX })).toBeChecked();
  await goToStep(page, 2);
  await expect(page.getByText('via local relay', { exact: true })).toBeVisible();
  for (const label of ['cURL', 'fetch', 'Node']) {
    const { code } = await exportAs(page, label);
    expect(code, label).toContain('/as/token');
    expect(code, label).not.toContain('/forward');
  }
});

test('the relay setting survives a reload like the other non-secret fields', async ({ page }) => {
  await configureSandbox(page, { client: 'sandbox-no-cors' });
  await page.getByRole('checkbox', { name: RELAY_BOX }).check();
  await page.reload();
  await expect(page.getByRole('checkbox', { name: RELAY_BOX })).toBeChecked();
});

test('a relay that is not running gets its own card and loses nothing typed', async ({ page }) => {
  await patchSettings(page, { relay: { url: CLOSED_RELAY_URL } });
  await configureSandbox(page, { client: 'sandbox-basic', secret: 'typed-secret-kept' });
  await page.getByRole('checkbox', { name: RELAY_BOX }).check();
  await expect(page.getByRole('status').filter({ hasText: 'not running' })).toContainText('npm run relay');

  await requestToken(page);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(`The local relay is not running at ${CLOSED_RELAY_URL}`);
  await expect(alert).toContainText('npm run relay');

  await goToStep(page, 1);
  await expect(page.getByLabel('Client ID')).toHaveValue('sandbox-basic');
  await expect(page.getByLabel('Client secret', { exact: true })).toHaveValue('typed-secret-kept');
});
