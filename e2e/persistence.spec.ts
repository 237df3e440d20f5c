// Token persistence: a reload keeps the token and its countdown from the absolute expiry; Sign out purges every store.
import { expect, test } from './support/fixtures';
import { configureSandbox, getToken, remainingSeconds, scanStorage, storedAccessToken, tokenStatus } from './support/flow';
import { resetSandbox } from './support/sandbox';

test.beforeEach(async ({ page, request }) => {
  await resetSandbox(request);
  await configureSandbox(page, { client: 'sandbox-basic' });
  await getToken(page);
  await expect(tokenStatus(page)).toContainText(/expires in [\d:]+/);
});

test('reload → the token is still there and the countdown continues from the absolute expiry', async ({ page }) => {
  const claims = page.getByRole('region', { name: 'Decoded access token' }).getByRole('group', { name: 'Claims' });
  const { iat, exp } = JSON.parse(await claims.innerText()) as { iat: number; exp: number };
  const ttl = exp - iat;

  const start = await remainingSeconds(page);
  expect(start).toBeLessThanOrEqual(ttl);
  // Let the countdown visibly run for ~2 s (polled from the UI, no fixed sleep).
  await expect.poll(() => remainingSeconds(page), { timeout: 5_000 }).toBeLessThanOrEqual(start - 2);
  const beforeReload = await remainingSeconds(page);

  await page.reload();
  await expect(tokenStatus(page)).toContainText(/expires in [\d:]+/);
  const afterReload = await remainingSeconds(page);
  // A reset would start again at the full TTL: the restored token must keep its absolute expiry.
  expect(afterReload).toBeLessThanOrEqual(beforeReload);
  expect(afterReload).toBeLessThan(ttl - 1);
  // Step 3, before any request of this visit, says the restored token is there rather than only asking for one.
  await expect(page.getByText(/The cache holds this configuration's token/)).toBeVisible();
});

test('Sign out → No token, and the access token is gone from sessionStorage, localStorage and IndexedDB', async ({ page }) => {
  const token = await storedAccessToken(page);
  const before = await scanStorage(page, token);
  expect(before.holding.some((where) => where.startsWith('sessionStorage:'))).toBe(true);

  await tokenStatus(page).getByRole('button', { name: 'Sign out' }).click();
  await expect(tokenStatus(page)).toContainText('No token');
  await expect(tokenStatus(page)).not.toContainText('expires in');
  await expect.poll(async () => (await scanStorage(page, token)).holding, { timeout: 5_000 }).toEqual([]);

  // Nothing left to restore either: a reload still has no token.
  await page.reload();
  await expect(tokenStatus(page)).toContainText('No token');
  expect((await scanStorage(page, token)).holding).toEqual([]);
});
