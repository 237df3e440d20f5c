// axe-core checks: home, each step of the Client Credentials flow (with a real token for 3–4), the disabled page.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { configureSandbox, exportedCode, getToken, goToStep } from './support/flow';
import { resetSandbox } from './support/sandbox';

const SETTINGS_KEY = 'm2m-playground:settings';

/** Runs axe on the whole page and lists violations as `rule: target (summary)` so a failure names the element. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.flatMap((v) => v.nodes.map((n) => `${v.id} [${v.impact ?? ''}]: ${n.target.join(' ')} — ${n.failureSummary ?? v.help}`));
}

test.beforeEach(async ({ request }) => {
  await resetSandbox(request);
});

test('home has no axe violations', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('steps 1 and 2 of the flow have no axe violations', async ({ page }) => {
  test.setTimeout(45_000); // two full axe passes on a loaded 2-core machine
  await configureSandbox(page, { client: 'sandbox-basic' });
  expect.soft(await violations(page), 'step 1: Configure').toEqual([]);

  await goToStep(page, 2);
  await expect(page.getByRole('heading', { level: 2, name: 'Request' })).toBeVisible();
  // The export's code loads on demand: scan it too, not its loading line.
  await expect(exportedCode(page).getByRole('button', { name: 'Copy code' })).toBeVisible();
  expect.soft(await violations(page), 'step 2: Request').toEqual([]);
});

test('steps 3 and 4 of the flow, with a real token, have no axe violations', async ({ page }) => {
  test.setTimeout(45_000); // a token run and two full axe passes on a loaded 2-core machine
  await configureSandbox(page, { client: 'sandbox-basic' });
  await getToken(page);
  await expect(page.getByRole('button', { name: 'Reveal access token' })).toBeVisible();
  expect.soft(await violations(page), 'step 3: Token').toEqual([]);

  await goToStep(page, 4);
  await expect(page.getByRole('heading', { level: 2, name: 'Use the token' })).toBeVisible();
  expect.soft(await violations(page), 'step 4: Use the token').toEqual([]);
});

test('the disabled-flow page has no axe violations', async ({ page }) => {
  await page.addInitScript(([key]) => {
    const current = JSON.parse(window.localStorage.getItem(key!) ?? '{}') as Record<string, unknown>;
    window.localStorage.setItem(key!, JSON.stringify({ ...current, oauth: { clientCredentials: { enabled: false } } }));
  }, [SETTINGS_KEY]);
  await page.goto('/flows/client-credentials');
  await expect(page.getByRole('heading', { name: /disabled/i })).toBeVisible();
  expect(await violations(page)).toEqual([]);
});
