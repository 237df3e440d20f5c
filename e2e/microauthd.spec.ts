// Step 4 against the sandbox's microauthd emulation: scope-gated user calls, and 403 cards naming the missing scope.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { findLeaks, readDomText, readLogDrawer, recordPage } from './support/leaks';
import { resetSandbox } from './support/sandbox';
import { getSandboxToken } from './support/useToken';

// Seeded in sandbox/microauthd/seed.js.
const BOB_ID = '5e0f8f8a-1c3b-4d7e-9a21-000000000b22';
const SEEDED_EMAILS = ['alice', 'bob', 'carol', 'dave'].map((name) => ({ name: `${name}'s email`, value: `${name}@example.test` }));
const NEW_PASSWORD = 'E2E-new-password-4f7c';

test.describe.configure({ timeout: 45_000 });

test.beforeEach(async ({ request }) => {
  await resetSandbox(request);
});

/** The 403 card now on screen: the exact endpoint and method, and the scope the call needs, which the token lacks. */
async function expectRefused(page: Page, method: string, path: string, scope: string): Promise<void> {
  const card = page.getByRole('alert').filter({ hasText: 'HTTP 403' });
  await expect(card).toContainText(`This call needs ${scope} — your token does not have it.`);
  await expect(card).toHaveCount(1);
  // The endpoint ends exactly at `path` (the card's next term is "Method"): /user is not /users or /user/{id}.
  await expect(card).toContainText(new RegExp(`Endpoint\\s*https?://[^/\\s]+${path}\\s*Method\\s*${method}`));
  await expect(card).toContainText('Permission Denied');
}

const usersTable = (page: Page) => page.getByRole('table', { name: 'microauthd users' });
const oneUser = (page: Page) => page.getByRole('region', { name: 'One user' });

test('support portal: list, read and reset work; deactivate is refused naming admin::deactivate_users', async ({ page }) => {
  const recorder = recordPage(page);
  await getSandboxToken(page, 'microauthd-support-portal', 'microauthd');

  await page.getByRole('button', { name: 'List users' }).click();
  await expect(usersTable(page).getByRole('row')).toHaveCount(5);
  const bobRow = usersTable(page).getByRole('row').filter({ hasText: 'bob' });
  await expect(bobRow).toContainText('b•••@example.test');
  await expect(page.getByRole('article', { name: /GET .*\/users — HTTP 200/ })).toBeVisible();

  await bobRow.getByRole('button', { name: 'Use the ID of bob' }).click();
  await expect(oneUser(page).getByLabel('User ID')).toHaveValue(BOB_ID);
  await oneUser(page).getByRole('button', { name: 'Read user' }).click();
  const result = page.getByRole('status', { name: 'Result' });
  await expect(result).toContainText('"username": "bob"');
  await expect(result).toContainText(BOB_ID);

  await oneUser(page).getByLabel('New password').fill(NEW_PASSWORD);
  await oneUser(page).getByRole('button', { name: 'Reset password' }).click();
  await expect(result).toContainText("Password reset for user 'bob'");
  await expect(oneUser(page).getByLabel('New password')).toHaveValue('');

  await oneUser(page).getByRole('button', { name: 'Deactivate user' }).click();
  await expectRefused(page, 'POST', `/microauthd/user/${BOB_ID}/deactivate`, 'admin::deactivate_users');
  await expect(result).toHaveCount(0);
  // Refused means refused: bob is still active.
  await page.getByRole('button', { name: 'List users' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'HTTP 403' })).toHaveCount(0);
  await expect(bobRow.getByRole('cell').nth(1)).toHaveText('yes');

  const log = await readLogDrawer(page);
  expect(log.exported).toContain('admin::deactivate_users');
  const evidence = { page: await readDomText(page), console: recorder.console.join('\n'), 'log drawer': log.shown, 'log export': log.exported };
  expect(findLeaks([...SEEDED_EMAILS, { name: 'new password', value: NEW_PASSWORD }], evidence)).toEqual([]);
});

test('unscoped client: list, read, reset, deactivate and provision are each refused naming their own scope', async ({ page }) => {
  const recorder = recordPage(page);
  await getSandboxToken(page, 'microauthd-unscoped', 'microauthd');

  await page.getByRole('button', { name: 'List users' }).click();
  await expectRefused(page, 'GET', '/microauthd/users', 'admin::list_users');
  await expect(usersTable(page)).toHaveCount(0);

  await oneUser(page).getByLabel('User ID').fill(BOB_ID);
  await oneUser(page).getByRole('button', { name: 'Read user' }).click();
  await expectRefused(page, 'GET', `/microauthd/user/${BOB_ID}`, 'admin::read_user');

  await oneUser(page).getByLabel('New password').fill(NEW_PASSWORD);
  await oneUser(page).getByRole('button', { name: 'Reset password' }).click();
  await expectRefused(page, 'POST', `/microauthd/user/${BOB_ID}/reset`, 'admin::reset_passwords');

  await oneUser(page).getByRole('button', { name: 'Deactivate user' }).click();
  await expectRefused(page, 'POST', `/microauthd/user/${BOB_ID}/deactivate`, 'admin::deactivate_users');

  const provision = page.getByRole('form', { name: 'Provision user' });
  await provision.getByLabel('Username').fill('e2e.provisioned');
  await provision.getByLabel('Email').fill('e2e.provisioned@example.test');
  await provision.getByLabel('Password').fill(NEW_PASSWORD);
  await provision.getByRole('button', { name: 'Provision user' }).click();
  await expectRefused(page, 'POST', '/microauthd/user', 'admin::provision_users');

  // Five calls, five refusals in the exchange list.
  await expect(page.getByRole('article', { name: /— HTTP 403$/ })).toHaveCount(5);
  const log = await readLogDrawer(page);
  expect(findLeaks([{ name: 'new password', value: NEW_PASSWORD }], { console: recorder.console.join('\n'), 'log drawer': log.shown, 'log export': log.exported })).toEqual([]);
});
