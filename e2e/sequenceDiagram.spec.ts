// The live sequence diagram and the token lifetime timeline (issue 13): the diagram's text alternative lists the
// exchanges in order for a clean run, for 503×2 then success, and for a 403 in step 4; the timeline across one
// proactive refresh of a 20 s token. Screenshots go to /tmp/screenshots (outside the repo) for the note.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { configureSandbox, getToken, openSandboxFlow } from './support/flow';
import { SANDBOX_URL, injectFault, resetSandbox } from './support/sandbox';
import { getSandboxToken } from './support/useToken';

const SHOTS = process.env.E2E_SCREENSHOT_DIR ?? '/tmp/screenshots';
const TOKEN_POST = 'POST /[\\w-]+/as/token client_secret_basic';

const diagram = (page: Page) => page.getByRole('figure', { name: 'Sequence diagram' });
const textAlternative = (page: Page) => diagram(page).getByRole('list', { name: 'Exchanges in order' }).getByRole('listitem');
const line = (text: string) => new RegExp(`^${text}$`);
/** The fixed status bar would cover the bottom of an element screenshot. */
const shot = (path: string) => ({ path: `${SHOTS}/${path}`, style: '[aria-label="Token status"] { visibility: hidden !important; }' });

test.beforeEach(async ({ request }) => {
  await resetSandbox(request);
});

test('a clean run: one token POST with its auth method, answered 200', async ({ page }) => {
  await configureSandbox(page, { client: 'sandbox-basic' });
  await getToken(page);
  await expect(textAlternative(page)).toHaveText([line(`Playground → Token endpoint: ${TOKEN_POST} — HTTP 200`)]);
  await expect(diagram(page).getByRole('group', { name: 'Exchanges' }).getByRole('button')).toHaveCount(1);
  await diagram(page).screenshot(shot('diagram-clean-run.png'));
});

test('503 twice, then success: each retry with its status and wait, in order', async ({ page, request }) => {
  await configureSandbox(page, { client: 'sandbox-basic' });
  await injectFault(request, { target: 'token', count: 2, status: 503 });
  await getToken(page);
  await expect(textAlternative(page)).toHaveText([
    line(`Playground → Token endpoint: ${TOKEN_POST} — HTTP 503(?: \\S+)?, waited [\\d.]+ m?s \\((?:backoff|Retry-After)\\)`),
    line(`Playground → Token endpoint: ${TOKEN_POST} — HTTP 503(?: \\S+)?, attempt 2, waited [\\d.]+ m?s \\((?:backoff|Retry-After)\\)`),
    line(`Playground → Token endpoint: ${TOKEN_POST} — HTTP 200, attempt 3`),
  ]);
  // Selecting the first arrow shows that attempt's request, masked.
  await diagram(page).getByRole('group', { name: 'Exchanges' }).getByRole('button').first().click();
  const selected = diagram(page).getByRole('region', { name: 'Selected exchange' });
  await expect(selected).toContainText(/Authorization: Basic (?:\[redacted\]|•+)\n/);
  await diagram(page).screenshot(shot('diagram-503x2-then-success.png'));
});

test('a 403 in step 4: the token POST, then the device list refused with the hint marker', async ({ page }) => {
  await getSandboxToken(page, 'sandbox-underscoped');
  await page.getByRole('button', { name: 'List devices' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'HTTP 403' })).toBeVisible();
  await expect(textAlternative(page)).toHaveText([
    line(`Playground → Token endpoint: POST /[\\w-]+/as/token client_secret_basic — HTTP 200`),
    line('Playground → PingOne API: GET /v1/environments/[\\w-]+/users/[\\w-]+/devices — HTTP 403, hint: needs p1:read:device'),
  ]);
  await diagram(page).screenshot(shot('diagram-403-step4.png'));
});

test('the timeline of a 20 s token across one proactive refresh', async ({ page, request }) => {
  test.setTimeout(60_000); // up to 20 s of real waiting for the refresh
  const registered = await request.post(`${SANDBOX_URL}/sandbox/clients`, {
    data: { token_endpoint_auth_method: 'client_secret_basic', scope: 'p1:read:user p1:read:device', token_ttl: 20 },
  });
  expect(registered.status()).toBe(201);
  const client = (await registered.json()) as { client_id: string; client_secret: string };
  await openSandboxFlow(page);
  await page.getByLabel('Demo client').selectOption('sandbox-basic');
  await page.getByLabel('Client ID').fill(client.client_id);
  await page.getByLabel('Client secret', { exact: true }).fill(client.client_secret);
  await page.getByRole('button', { name: 'Advanced' }).click();
  const refreshField = page.getByLabel('Proactive refresh (seconds before expiry)');
  await refreshField.fill('5');
  await refreshField.blur();
  await getToken(page);

  const timeline = page.getByRole('figure', { name: 'Token lifetime' });
  await expect(timeline.getByRole('img')).toHaveAccessibleName(/^Lifetime 20 s · proactive refresh in 00:\d\d · expires in 00:\d\d$/);
  await expect(timeline.locator('.tt-scale text')).toHaveText(['0', '5 s', '10 s', '15 s', '20 s']);
  await timeline.screenshot(shot('timeline-20s-before-refresh.png'));

  // The refresh lands at 15 s: a row in the diagram, a mark on the timeline, the first token faded behind it.
  await expect(textAlternative(page).last()).toHaveText(/\(proactive refresh\) — HTTP 200$/, { timeout: 20_000 });
  await expect(timeline.getByText(/1 earlier token \(faded\) · refreshed 1×/)).toBeVisible();
  await expect(timeline.locator('.tt-earlier')).toHaveCount(1);
  await expect(timeline.locator('.tt-mark--refreshed')).toHaveCount(1);
  await timeline.screenshot(shot('timeline-20s-after-refresh.png'));
  await diagram(page).screenshot(shot('diagram-proactive-refresh.png'));
});
