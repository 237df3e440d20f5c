// Step 4's 403 diagnostics against the sandbox's PingOne API, in the p1:* scopes mode and PingOne's real roles mode.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { decodedToken, goToStep } from './support/flow';
import { findLeaks, readDomText, readLogDrawer, recordPage } from './support/leaks';
import { resetSandbox } from './support/sandbox';
import { getSandboxToken, setAuthzMode } from './support/useToken';

const ADA_ID = '7d3c1b2a-4e5f-4a6b-8c7d-9e0f1a2b3c01';
const SEED_HINT = 'This endpoint requires device or user scopes';
const ROLE = 'Identity Data Admin';
// ada.lovelace's seeded contacts (sandbox/pingone/seed.js): listed in roles mode, never shown or logged in full.
const ADA_CONTACTS = [
  { name: 'seeded phone', value: '+15555550101' },
  { name: 'seeded email', value: 'ada.lovelace@example.com' },
];

// Each test fetches a token through the UI first: allow for a busy 2-core machine.
test.describe.configure({ timeout: 45_000 });

test.beforeEach(async ({ request }) => {
  await resetSandbox(request);
});

/** Presses `List devices` for the console's first user (ada.lovelace) and returns the alert that answers. */
async function listDevicesRefused(page: Page) {
  await expect(page.getByRole('combobox', { name: 'User', exact: true })).toHaveValue(ADA_ID);
  await page.getByRole('button', { name: 'List devices' }).click();
  const card = page.getByRole('alert').filter({ hasText: 'HTTP 403' });
  await expect(card).toBeVisible();
  // The endpoint is the devices collection itself (the card's next term is "Method"), called with GET.
  await expect(card).toContainText(new RegExp(`Endpoint\\s*https?://[^/\\s]+/v1/environments/[\\w-]+/users/${ADA_ID}/devices\\s*Method\\s*GET`));
  await expect(card).toContainText(/Status\s*403 \(ACCESS_FAILED\)/);
  await expect(card).toContainText(SEED_HINT);
  await expect(card).toContainText(ROLE);
  await expect(page.getByRole('list', { name: 'MFA devices' })).toHaveCount(0);
  return card;
}

test('scopes mode: an under-scoped token (p1:read:user only) gets a 403 card naming the missing device scope', async ({ page }) => {
  await getSandboxToken(page, 'sandbox-underscoped');
  const card = await listDevicesRefused(page);
  await expect(card).toContainText('This call needs p1:read:device — your token does not have it.');
  // The sandbox's own reason is in the body snippet: the scope claim, not a role, refused it.
  await expect(card).toContainText("The access token's scope claim has none of: p1:read:device");
  await expect(page.getByRole('article', { name: /GET .*\/devices — HTTP 403/ })).toBeVisible();
});

test.describe('roles mode (PingOne’s real worker model)', () => {
  test.beforeEach(async ({ request }) => {
    await setAuthzMode(request, 'roles');
  });
  test.afterEach(async ({ request }) => {
    await setAuthzMode(request, 'scopes');
  });

  test('a worker with the Identity Data Admin role and no p1 scopes lists devices', async ({ page }) => {
    const recorder = recordPage(page);
    await getSandboxToken(page, 'sandbox-roles');
    await goToStep(page, 3);
    await expect(decodedToken(page)).toContainText('sandbox-roles');
    await expect(decodedToken(page)).not.toContainText('p1:');
    await goToStep(page, 4);
    await page.getByRole('button', { name: 'List devices' }).click();
    const devices = page.getByRole('list', { name: 'MFA devices' }).getByRole('listitem');
    await expect(devices).toHaveCount(3);
    await expect(devices.filter({ hasText: 'SMS' })).toContainText('+1•••••0101');
    await expect(page.getByRole('alert').filter({ hasText: 'HTTP 403' })).toHaveCount(0);

    const log = await readLogDrawer(page);
    expect(log.exported).toContain('/devices');
    const evidence = { page: await readDomText(page), console: recorder.console.join('\n'), 'log drawer': log.shown, 'log export': log.exported };
    expect(findLeaks(ADA_CONTACTS, evidence)).toEqual([]);
  });

  test('the under-scoped worker (no role) is refused with a 403 card that points at the role', async ({ page }) => {
    await getSandboxToken(page, 'sandbox-underscoped');
    const card = await listDevicesRefused(page);
    await expect(card).toContainText(`The client's role assignments do not include ${ROLE}`);
  });
});
