// Icons never depend on fonts (issue 13): no emoji is rendered on the flow page outside the log drawer, whose
// lines keep theirs (`[emoji TAG] message`, seed 001 §6). A machine without an emoji font shows empty boxes.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { getToken, goToStep, openSandboxFlow } from './support/flow';
import { resetSandbox } from './support/sandbox';
import { getSandboxToken } from './support/useToken';

/** Each rendered text node holding an emoji, outside the log drawer, with its parent's text for context. */
async function emojiOutsideLogDrawer(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const drawer = document.querySelector('.log-drawer');
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || drawer?.contains(parent) || parent.closest('script, style, title')) continue;
      // Rendered only: a folded section's body or a hidden panel would not show its boxes either.
      if (!parent.checkVisibility({ visibilityProperty: true })) continue;
      if (/\p{Extended_Pictographic}/u.test(node.textContent ?? '')) found.push((parent.textContent ?? '').trim().slice(0, 120));
    }
    return found;
  });
}

test.beforeEach(async ({ request }) => {
  await resetSandbox(request);
});

test('the flow page renders no emoji outside the log drawer: every step, after a token and an MFA call', async ({ page }) => {
  await getSandboxToken(page, 'sandbox-basic');
  await page.getByRole('button', { name: 'List devices' }).click();
  await expect(page.getByRole('list', { name: 'MFA devices' })).toBeVisible();
  // The folded sections too: what a curious stakeholder opens must not show boxes either.
  for (const toggle of await page.locator('.collapsible__toggle[aria-expanded="false"]').all()) await toggle.click();

  // The drawer open, so the scan provably leaves its emoji alone rather than finding none because it is closed.
  await page.getByRole('button', { name: /^Logs/ }).click();
  await expect(page.getByRole('region', { name: 'Log' }).getByRole('listitem').first()).toContainText(/\p{Extended_Pictographic}/u);

  const found: Record<string, string[]> = {};
  for (const step of [4, 3, 2, 1]) {
    await goToStep(page, step);
    if (step === 3) for (const toggle of await page.locator('.collapsible__toggle[aria-expanded="false"]').all()) await toggle.click();
    found[`step ${step}`] = await emojiOutsideLogDrawer(page);
  }
  expect(found).toEqual({ 'step 4': [], 'step 3': [], 'step 2': [], 'step 1': [] });
});

test('private_key_jwt: the key manager, the registration note and the assertion lint render no emoji', async ({ page }) => {
  await openSandboxFlow(page);
  await page.getByLabel('Authentication method').selectOption('private_key_jwt');
  await page.getByRole('button', { name: 'Generate key pair' }).click();
  await page.getByRole('button', { name: 'Register with sandbox' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Registered with the sandbox' })).toBeVisible();
  const found: Record<string, string[]> = { 'step 1': await emojiOutsideLogDrawer(page) };
  await goToStep(page, 2);
  // The decoded assertion and its lint (pass/fail marks) are on step 2.
  await expect(page.getByText('Client assertion (decoded)')).toBeVisible();
  for (const toggle of await page.locator('.collapsible__toggle[aria-expanded="false"]').all()) await toggle.click();
  found['step 2'] = await emojiOutsideLogDrawer(page);
  await getToken(page);
  found['step 3'] = await emojiOutsideLogDrawer(page);
  expect(found).toEqual({ 'step 1': [], 'step 2': [], 'step 3': [] });
});
