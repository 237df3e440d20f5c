// Token errors a person must understand: a wrong secret, a down-scoped grant, and a 403 with an empty body.
import { expect, test } from './support/fixtures';
import { configureSandbox, decodedToken, getToken, requestToken } from './support/flow';
import { demoClient, injectFault, resetSandbox } from './support/sandbox';

const splitScope = (scope: string) => scope.split(' ').filter(Boolean);

test.beforeEach(async ({ request }) => {
  await resetSandbox(request);
});

test('wrong client secret → an alert naming invalid_client, and no token', async ({ page }) => {
  await configureSandbox(page, { client: 'sandbox-basic', secret: 'not-the-registered-secret' });
  await requestToken(page);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('invalid_client');
  await expect(alert).toContainText(/the server rejected the client credentials/i);
  await expect(decodedToken(page)).toHaveCount(0);
});

test('under-scoped client asking for the worker preset → a token with fewer scopes, and the difference explained', async ({ page, request }) => {
  const underscoped = splitScope((await demoClient(request, 'sandbox-underscoped')).scope);
  const fullSet = splitScope((await demoClient(request, 'sandbox-basic')).scope);
  expect(underscoped.length).toBeGreaterThan(0);

  await configureSandbox(page, { client: 'sandbox-underscoped' });
  await page.getByRole('button', { name: 'MFA device management — least privilege' }).click();
  await getToken(page);

  const comparison = page.getByRole('region', { name: 'Requested vs granted scopes' });
  const requested = (await comparison.getByRole('list', { name: 'Requested scopes' }).locator('code').allInnerTexts()).map((s) => s.trim());
  // What the sandbox may grant to a full worker but not to this client: it must be missing from the grant.
  const missing = requested.filter((s) => fullSet.includes(s) && !underscoped.includes(s));
  expect(missing.length).toBeGreaterThan(0);

  const granted = comparison.getByRole('list', { name: 'Granted scopes' }).getByRole('listitem');
  await expect(granted).toHaveText(underscoped.filter((s) => requested.includes(s)));
  await expect(comparison.getByRole('heading', { name: 'Why are the granted scopes different?' })).toBeVisible();
  const why = comparison.getByText(/^Not granted:/);
  for (const scope of missing) {
    await expect(why).toContainText(scope);
    await expect(comparison.getByRole('list', { name: 'Requested scopes' }).getByRole('listitem').filter({ hasText: scope })).toContainText('not granted');
  }
});

test('403 with an empty body → an alert saying the server rejected the client credentials', async ({ page, request }) => {
  await configureSandbox(page, { client: 'sandbox-basic' });
  await injectFault(request, { target: 'token', count: 1, status: 403, body: '' });
  await requestToken(page);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(/the server rejected the client credentials/i);
  await expect(alert).toContainText('403');
  await expect(decodedToken(page)).toHaveCount(0);
});
