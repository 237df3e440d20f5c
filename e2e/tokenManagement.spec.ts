// Introspection (RFC 7662) and revocation (RFC 7009) in step 3, end to end against the sandbox.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { configureSandbox, requestToken, tokenStatus } from './support/flow';
import { resetSandbox } from './support/sandbox';

test.describe.configure({ timeout: 45_000 });

test.beforeEach(async ({ request }) => {
  await resetSandbox(request);
});

const introspection = (page: Page) => page.getByRole('region', { name: 'Introspection result' });

test('sandbox-opaque: introspect → active: true; revoke → the status bar says revoked and introspection says active: false', async ({ page }) => {
  await configureSandbox(page, { client: 'sandbox-opaque' });
  await requestToken(page);
  await expect(page.getByRole('status').filter({ hasText: 'Token acquired' })).toBeVisible({ timeout: 15_000 });

  await page.getByRole('button', { name: 'Introspect token', exact: true }).click();
  await expect(introspection(page)).toContainText('active: true');
  await expect(introspection(page)).toContainText('"client_id"');
  await expect(introspection(page)).toContainText('sandbox-opaque');

  await page.getByRole('button', { name: 'Revoke token', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Token revoked' })).toBeVisible();
  await expect(tokenStatus(page)).toContainText(/revoked/i);
  const stored = await page.evaluate(() => Object.keys(window.sessionStorage).filter((k) => k.startsWith('m2m-playground:token:')));
  expect(stored).toEqual([]);

  await page.getByRole('button', { name: 'Introspect token', exact: true }).click();
  await expect(introspection(page)).toContainText('active: false');
});

test('a JWT cannot be revoked at the sandbox: the card names unsupported_token_type', async ({ page }) => {
  await configureSandbox(page, { client: 'sandbox-basic' });
  await requestToken(page);
  await expect(page.getByRole('status').filter({ hasText: 'Token acquired' })).toBeVisible({ timeout: 15_000 });
  await page.getByRole('button', { name: 'Revoke token', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('unsupported_token_type');
  // The token is still valid, so it stays: the status bar keeps counting it down.
  await expect(tokenStatus(page)).toContainText(/expires in/);
});
