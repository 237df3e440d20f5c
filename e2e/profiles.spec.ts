// Profiles (issue 22): three saved configurations each get their own token, switch back and forth, survive a reload,
// export without a secret or key, import into a fresh browser (keys reported missing), and a hostile import changes
// nothing.
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from '@playwright/test';
import { expect, pointAtSuiteServers, test } from './support/fixtures';
import { decodedToken, FLOW_PATH, getToken, goToStep, openSandboxFlow, remainingSeconds, scanStorage, tokenStatus } from './support/flow';
import { demoClient, resetSandbox, SANDBOX_URL, sandboxInfo } from './support/sandbox';

const PROFILES_KEY = 'm2m-playground:profiles';

test.beforeEach(async ({ request }) => {
  await resetSandbox(request);
});

const profileSelect = (page: Page) => page.getByLabel('Profile', { exact: true });

async function nameProfile(page: Page, button: string, name: string, confirm: string) {
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.getByLabel('Profile name').fill(name);
  await page.getByRole('button', { name: confirm, exact: true }).click();
  await expect(profileSelect(page).locator('option:checked')).toHaveText(name);
}

async function switchTo(page: Page, name: string) {
  await goToStep(page, 1);
  await profileSelect(page).selectOption({ label: name });
  await expect(profileSelect(page).locator('option:checked')).toHaveText(name);
}

/** Step 3 shows this profile's token (from the cache), not another profile's. */
async function expectTokenOf(page: Page, clientId: string) {
  await goToStep(page, 3);
  await expect(decodedToken(page)).toContainText(`"client_id": "${clientId}"`);
}

async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  // A new context starts with nothing of the first one: the same moved ports as the fixture's page.
  await pointAtSuiteServers(page);
  await page.goto(FLOW_PATH);
  return page;
}

test('three profiles: own tokens, switching, reload, export, import elsewhere, hostile import refused', async ({ page, request, browser, context }) => {
  const info = await sandboxInfo(request);
  const basicSecret = (await demoClient(request, 'sandbox-basic')).client_secret!;
  const postSecret = (await demoClient(request, 'sandbox-post')).client_secret!;

  // 1. Sandbox client_secret_basic, in the first profile (renamed).
  await openSandboxFlow(page);
  await nameProfile(page, 'Rename profile', 'Basic', 'Save new name');
  await page.getByLabel('Demo client').selectOption('sandbox-basic');
  await getToken(page);
  await expect(decodedToken(page)).toContainText('"client_id": "sandbox-basic"');

  // 2. Sandbox private_key_jwt with a key generated here and registered.
  await goToStep(page, 1);
  await nameProfile(page, 'New profile', 'Key', 'Create profile');
  await expect(page.getByRole('textbox', { name: 'Token endpoint' })).toHaveValue(/\/as\/token$/);
  await page.getByLabel('Authentication method').selectOption('private_key_jwt');
  await page.getByRole('button', { name: 'Generate key pair' }).click();
  await expect(page.getByLabel('Key ID (kid)')).toHaveValue(/^[\w-]{43}$/);
  await page.getByRole('button', { name: 'Register with sandbox' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Registered with the sandbox' })).toBeVisible();
  await expect(page.getByLabel('Client ID')).not.toHaveValue('sandbox-basic');
  const registered = await page.getByLabel('Client ID').inputValue();
  await getToken(page);
  await expect(decodedToken(page)).toContainText(`"client_id": "${registered}"`);

  // 3. Custom: the sandbox's token endpoint typed by hand, client_secret_post.
  await goToStep(page, 1);
  await nameProfile(page, 'New profile', 'Custom', 'Create profile');
  await page.getByLabel('Provider').selectOption({ label: 'Custom' });
  await page.getByRole('textbox', { name: 'Token endpoint' }).fill(info.tokenEndpoint);
  await page.getByLabel('Client ID').fill('sandbox-post');
  await page.getByLabel('Authentication method').selectOption('client_secret_post');
  await page.getByLabel('Client secret', { exact: true }).fill(postSecret);
  await getToken(page);
  await expect(decodedToken(page)).toContainText('"client_id": "sandbox-post"');
  await expect(tokenStatus(page)).toContainText('Custom');

  // Back and forth: each profile shows its own token; the status bar names the profile in use.
  await switchTo(page, 'Basic');
  await expect(page.getByLabel('Client ID')).toHaveValue('sandbox-basic');
  await expectTokenOf(page, 'sandbox-basic');
  await expect(tokenStatus(page)).toContainText('Basic');
  await switchTo(page, 'Key');
  await expectTokenOf(page, registered);
  await switchTo(page, 'Custom');
  await expect(page.getByRole('textbox', { name: 'Token endpoint' })).toHaveValue(info.tokenEndpoint);
  await expectTokenOf(page, 'sandbox-post');
  await switchTo(page, 'Basic');
  await expectTokenOf(page, 'sandbox-basic');

  // Reload: all three and the selection survive.
  await page.reload();
  await goToStep(page, 1); // this tab's step came back too (step 3)
  await expect(profileSelect(page).locator('option')).toHaveText(['Basic', 'Key', 'Custom']);
  await expect(profileSelect(page).locator('option:checked')).toHaveText('Basic');
  await expect(page.getByLabel('Client ID')).toHaveValue('sandbox-basic');

  // Export: names and configurations, never a secret or a key.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export profiles' }).click();
  const file = await readFile(await (await download).path(), 'utf8');
  const exported = JSON.parse(file) as { version: number; profiles: Array<{ name: string; config: Record<string, unknown> }> };
  expect(exported.version).toBe(1);
  expect(exported.profiles.map((p) => p.name)).toEqual(['Basic', 'Key', 'Custom']);
  for (const secret of [basicSecret, postSecret]) expect(file).not.toContain(secret);
  expect(file).not.toMatch(/PRIVATE KEY|"d"\s*:/);

  // The share link and storage hold no secret either (none was remembered).
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy share link' }).click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toContain('#cc=');
  for (const secret of [basicSecret, postSecret]) {
    expect(decodeURIComponent(link)).not.toContain(secret);
    expect((await scanStorage(page, secret)).holding).toEqual([]);
  }

  // Import into a fresh browser: the same profiles, no secret, the generated key reported missing.
  const other = await freshPage(browser);
  await expect(profileSelect(other).locator('option')).toHaveText(['Default']);
  await other.getByLabel('Import profiles').setInputFiles({ name: 'profiles.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await expect(other.getByRole('status').filter({ hasText: 'Imported profiles' })).toContainText('Key missing in this browser for “Key”');
  await expect(profileSelect(other).locator('option')).toHaveText(['Default', 'Basic', 'Key', 'Custom']);
  await switchTo(other, 'Custom');
  await expect(other.getByRole('textbox', { name: 'Token endpoint' })).toHaveValue(info.tokenEndpoint);
  await expect(other.getByLabel('Client secret', { exact: true })).toHaveValue('');
  await switchTo(other, 'Key');
  await expect(other.getByRole('note').filter({ hasText: 'Key missing' })).toBeVisible();

  // A name clash asks first; cancelling changes nothing.
  await other.getByLabel('Import profiles').setInputFiles({ name: 'profiles.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await expect(other.getByRole('alert').filter({ hasText: 'Replace saved profiles?' })).toContainText('“Basic”, “Key”, “Custom”');
  await other.getByRole('button', { name: 'Cancel import' }).click();

  // A hostile file: refused with an alert, nothing changed (select, storage).
  const before = await other.evaluate((key) => localStorage.getItem(key), PROFILES_KEY);
  const hostile = { format: 'oauth-m2m-playground/profiles', version: 1, profiles: [{ name: '<img src=x onerror=alert(1)>', config: { clientId: 'x', clientSecret: 'stolen' } }] };
  await other.getByLabel('Import profiles').setInputFiles({ name: 'evil.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(hostile)) });
  await expect(other.getByRole('alert')).toContainText('unknown field “clientSecret”');
  await expect(profileSelect(other).locator('option')).toHaveText(['Default', 'Basic', 'Key', 'Custom']);
  expect(await other.evaluate((key) => localStorage.getItem(key), PROFILES_KEY)).toBe(before);
  await other.context().close();
});

test('two profiles with tokens: a reload brings both back, and the status bar counts down the active one', async ({ page, request }) => {
  test.setTimeout(90_000); // two profiles, two tokens, a reload and three switches on a shared machine
  // A second client whose tokens live 5 minutes, so the two countdowns tell the profiles apart (the sandbox's
  // default is an hour).
  const SHORT_TTL_SECONDS = 300;
  const registered = await request.post(`${SANDBOX_URL}/sandbox/clients`, {
    data: { token_endpoint_auth_method: 'client_secret_basic', scope: 'p1:read:user p1:read:device', token_ttl: SHORT_TTL_SECONDS },
  });
  expect(registered.status()).toBe(201);
  const short = (await registered.json()) as { client_id: string; client_secret: string };
  const countsDownShort = () => expect.poll(() => remainingSeconds(page)).toBeLessThanOrEqual(SHORT_TTL_SECONDS);
  const countsDownHour = () => expect.poll(() => remainingSeconds(page)).toBeGreaterThan(30 * 60);

  await openSandboxFlow(page);
  await nameProfile(page, 'Rename profile', 'Hour', 'Save new name');
  await page.getByLabel('Demo client').selectOption('sandbox-basic');
  await getToken(page);
  await countsDownHour();

  await goToStep(page, 1);
  await nameProfile(page, 'New profile', 'Short', 'Create profile');
  await page.getByLabel('Demo client').selectOption('sandbox-basic');
  await page.getByLabel('Client ID').fill(short.client_id);
  await page.getByLabel('Client secret', { exact: true }).fill(short.client_secret);
  await getToken(page);
  await expect(decodedToken(page)).toContainText(`"client_id": "${short.client_id}"`);
  await countsDownShort();

  // The newest token is Short's; the bar follows the active profile, not the newest token.
  await switchTo(page, 'Hour');
  await countsDownHour();
  await expectTokenOf(page, 'sandbox-basic');

  // After a reload both tokens are back in the cache: each profile's own lifetime shows when it is active (the
  // held secrets are not, so step 3 stays out of reach for the registered client; the countdowns tell the tokens apart).
  await page.reload();
  await goToStep(page, 1);
  await expect(profileSelect(page).locator('option:checked')).toHaveText('Hour');
  await countsDownHour();
  await switchTo(page, 'Short');
  await countsDownShort();
  await switchTo(page, 'Hour');
  await countsDownHour();
});
