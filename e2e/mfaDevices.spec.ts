// Step 4 against the sandbox's PingOne API: masked device lists, the EMAIL device lifecycle, mfaEnabled, no leaks.
import { expect, test } from './support/fixtures';
import { findLeaks, readDomText, readLogDrawer, recordPage } from './support/leaks';
import { resetSandbox } from './support/sandbox';
import { findDigitLeaks, getSandboxToken, pingOneGet, readOutbox } from './support/useToken';

// Seeded in sandbox/pingone/seed.js.
const GRACE = { id: '7d3c1b2a-4e5f-4a6b-8c7d-9e0f1a2b3c02', phone: '+15555550102', email: 'grace.hopper@example.com' };
const KATHERINE_ID = '7d3c1b2a-4e5f-4a6b-8c7d-9e0f1a2b3c04';
const NEW_EMAIL = 'e2e.inbox.owner@example.com';
const SEEDED_CONTACTS = [
  { name: 'seeded phone', value: GRACE.phone },
  { name: 'seeded phone digits', value: GRACE.phone.slice(2) },
  { name: 'seeded email', value: GRACE.email },
];

// The whole lifecycle runs in one page, and a token is fetched first: allow for a busy 2-core machine.
test.describe.configure({ timeout: 45_000 });

test.beforeEach(async ({ request }) => {
  await resetSandbox(request);
});

test('lists a seeded user’s devices with phone and email masked; the MFA enabled switch writes through', async ({ page, request }) => {
  const recorder = recordPage(page);
  await getSandboxToken(page, 'sandbox-basic');

  await page.getByRole('combobox', { name: 'User', exact: true }).selectOption({ label: 'grace.hopper' });
  await page.getByRole('button', { name: 'List devices' }).click();
  const devices = page.getByRole('list', { name: 'MFA devices' }).getByRole('listitem');
  await expect(devices).toHaveCount(2);
  await expect(devices.filter({ hasText: 'SMS' })).toContainText('+1•••••0102');
  await expect(devices.filter({ hasText: 'EMAIL' })).toContainText('•••@example.com');
  await expect(page.getByRole('article', { name: /GET .*\/devices — HTTP 200/ })).toBeVisible();

  // mfaEnabled: grace starts on; switch it off; the sandbox stored it, and a fresh read in the UI agrees.
  const mfa = page.getByRole('region', { name: 'MFA enabled flag' });
  const toggle = mfa.getByRole('switch', { name: 'MFA enabled' });
  await mfa.getByRole('button', { name: 'Read MFA status' }).click();
  await expect(mfa).toContainText('MFA is on');
  await expect(toggle).toBeChecked();
  await toggle.click();
  await expect(mfa).toContainText('MFA is off');
  await expect(toggle).not.toBeChecked();
  expect(await pingOneGet(request, 'sandbox-basic', `${GRACE.id}/mfaEnabled`)).toMatchObject({ mfaEnabled: false });
  await page.getByRole('combobox', { name: 'User', exact: true }).selectOption({ label: 'ada.lovelace' });
  await page.getByRole('combobox', { name: 'User', exact: true }).selectOption({ label: 'grace.hopper' });
  await expect(mfa).toContainText('Not read yet.');
  await mfa.getByRole('button', { name: 'Read MFA status' }).click();
  await expect(mfa).toContainText('MFA is off');

  const log = await readLogDrawer(page);
  expect(log.exported).toContain('mfaEnabled');
  const evidence = { page: await readDomText(page), console: recorder.console.join('\n'), 'log drawer': log.shown, 'log export': log.exported };
  expect(findLeaks(SEEDED_CONTACTS, evidence)).toEqual([]);
});

test('EMAIL device: add needing activation, activate with the outbox OTP, rename, delete — nothing leaks', async ({ page, request }) => {
  const recorder = recordPage(page);
  await getSandboxToken(page, 'sandbox-basic');

  await page.getByRole('combobox', { name: 'User', exact: true }).selectOption({ label: 'katherine.johnson' });
  await page.getByRole('button', { name: 'List devices' }).click();
  const list = page.getByRole('list', { name: 'MFA devices' });
  await expect(page.getByText('This user has no MFA devices yet.')).toBeVisible();
  await expect(list.getByRole('listitem')).toHaveCount(0);

  const form = page.getByRole('form', { name: 'Add an MFA device' });
  await form.getByLabel('Device type').selectOption('EMAIL');
  await form.getByLabel('Email').fill(NEW_EMAIL);
  await form.getByLabel('Nickname').fill('E2E inbox');
  await form.getByLabel('Require activation').check();
  await form.getByRole('button', { name: 'Add device' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(1);
  const row = list.getByRole('listitem');
  await expect(row).toContainText('ACTIVATION_REQUIRED');
  await expect(row).toContainText('E2E inbox');
  await expect(row).toContainText('e•••@example.com');
  await expect(form.getByLabel('Email')).toHaveValue('');

  const sent = (await readOutbox(request)).filter((m) => m.to === NEW_EMAIL);
  expect(sent).toHaveLength(1);
  const { otp, deviceId, userId } = sent[0]!;
  expect(userId).toBe(KATHERINE_ID);
  await expect(row).toContainText(deviceId);

  // The UI's outbox helper fills the same OTP; activation makes the device ACTIVE and removes the OTP form.
  await row.getByRole('button', { name: 'Read OTP from sandbox outbox' }).click();
  await expect(row.getByLabel('OTP')).toHaveValue(otp);
  await row.getByRole('button', { name: 'Activate device' }).click();
  await expect(row.getByLabel('OTP')).toHaveCount(0);
  await expect(row).not.toContainText('ACTIVATION_REQUIRED');
  await expect(row).toContainText('ACTIVE');

  await row.getByRole('button', { name: 'Rename' }).click();
  const rename = row.getByRole('form', { name: 'Rename device' });
  await rename.getByLabel('Nickname').fill('Renamed inbox');
  await rename.getByRole('button', { name: 'Save' }).click();
  await expect(rename).toHaveCount(0);
  await expect(row).toContainText('Renamed inbox');
  await expect(row).not.toContainText('E2E inbox');
  expect(await pingOneGet(request, 'sandbox-basic', `${KATHERINE_ID}/devices/${deviceId}`)).toMatchObject({
    status: 'ACTIVE',
    nickname: 'Renamed inbox',
  });

  await row.getByRole('button', { name: 'Delete device' }).click();
  const dialog = row.getByRole('alertdialog', { name: 'Confirm delete' });
  await expect(dialog).toContainText('Renamed inbox');
  await dialog.getByRole('button', { name: 'Confirm delete' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(0);
  const left = (await pingOneGet(request, 'sandbox-basic', `${KATHERINE_ID}/devices`)) as { _embedded: { devices: unknown[] } };
  expect(left._embedded.devices).toEqual([]);

  // The log did record the create and activate bodies — masked — so the sweep below looks where a leak would be.
  const log = await readLogDrawer(page);
  expect(log.shown).toContain('e•••@example.com');
  expect(log.shown).toMatch(/otp\W+\[redacted\]/);
  const evidence = { page: await readDomText(page), console: recorder.console.join('\n'), 'log drawer': log.shown, 'log export': log.exported };
  expect(findLeaks([{ name: 'new device email', value: NEW_EMAIL }], evidence)).toEqual([]);
  expect(findDigitLeaks('OTP', otp, evidence)).toEqual([]);
});
