// Keyboard only: from home through all four steps, Get token, the decoded token, Reveal and Sign out — no mouse.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { decodedToken, stepButton, tokenStatus } from './support/flow';
import { resetSandbox } from './support/sandbox';

const MAX_TABS = 120;

async function holdsFocus(target: Locator): Promise<boolean> {
  return target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement));
}

/** Presses Tab (or Shift+Tab) until focus is on or inside `target`; fails if it is never reached. */
async function tabTo(page: Page, target: Locator, { backwards = false } = {}): Promise<void> {
  await target.waitFor();
  for (let i = 0; i < MAX_TABS; i += 1) {
    if (await holdsFocus(target)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${target} not reached with ${MAX_TABS} × ${backwards ? 'Shift+Tab' : 'Tab'}`);
}

/** Moves a focused, closed <select> with the arrow keys until it shows `value` (as a keyboard user would). */
async function arrowSelect(page: Page, select: Locator, value: string): Promise<void> {
  await expect(select).toBeFocused();
  const options = await select.locator('option').evaluateAll((els) => els.map((o) => (o as HTMLOptionElement).value));
  const wanted = options.indexOf(value);
  if (wanted < 0) throw new Error(`no option ${value} in ${options.join(', ')}`);
  const current = options.indexOf(await select.inputValue());
  const key = wanted > current ? 'ArrowDown' : 'ArrowUp';
  for (let i = 0; i < Math.abs(wanted - current); i += 1) await page.keyboard.press(key);
  await expect(select).toHaveValue(value);
}

/** The new step's heading has focus, and the focus is visible (a real outline, not suppressed). */
async function expectVisibleFocusOnHeading(page: Page, name: string): Promise<void> {
  const heading = page.getByRole('heading', { level: 2, name, exact: true });
  await expect(heading).toBeFocused();
  const style = await heading.evaluate((el) => {
    const css = getComputedStyle(el);
    return { focusVisible: el.matches(':focus-visible'), outline: css.outlineStyle, width: parseFloat(css.outlineWidth) };
  });
  expect(style.focusVisible, `${name} heading matches :focus-visible`).toBe(true);
  expect(style.outline).not.toBe('none');
  expect(style.width).toBeGreaterThan(0);
}

test.beforeEach(async ({ request }) => {
  await resetSandbox(request);
});

test('the whole flow is operable with the keyboard alone', async ({ page }) => {
  test.setTimeout(60_000); // many single key presses, each a round trip, on a loaded 2-core machine
  await page.goto('/');
  await tabTo(page, page.getByRole('link', { name: 'Start the Client Credentials flow' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/flows\/client-credentials$/);

  // Provider: away from the Local sandbox and back, by arrow keys, to show the select really works.
  const provider = page.getByLabel('Provider');
  await tabTo(page, provider);
  await arrowSelect(page, provider, 'pingone');
  await expect(page.getByLabel('Region')).toBeVisible();
  await arrowSelect(page, provider, 'sandbox');
  await expect(page.getByLabel('Token endpoint')).toHaveValue(/\/as\/token$/);

  const demo = page.getByLabel('Demo client');
  await tabTo(page, demo);
  await arrowSelect(page, demo, 'sandbox-post');
  await expect(page.getByLabel('Client ID')).toHaveValue('sandbox-post');
  await expect(page.getByLabel('Authentication method')).toHaveValue('client_secret_post');

  // Step 1 → 2 with the Next button.
  await tabTo(page, page.getByRole('button', { name: 'Next' }));
  await page.keyboard.press('Enter');
  await expectVisibleFocusOnHeading(page, 'Request');

  // Step 2 → 3 with the stepper: Shift+Tab to the current step, arrow to the next, Space to go.
  await tabTo(page, stepButton(page, 2), { backwards: true });
  await page.keyboard.press('ArrowRight');
  await expect(stepButton(page, 3)).toBeFocused();
  await page.keyboard.press('Space');
  await expect(stepButton(page, 3)).toHaveAttribute('aria-current', 'step');
  await expectVisibleFocusOnHeading(page, 'Token');

  await tabTo(page, page.getByRole('button', { name: 'Get token', exact: true }));
  await page.keyboard.press('Enter');
  await expect(decodedToken(page)).toContainText('"client_id"');
  await tabTo(page, decodedToken(page));

  // Reveal sits before the decoded token: go back to it.
  await tabTo(page, page.getByRole('button', { name: 'Reveal access token' }), { backwards: true });
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Hide access token' })).toBeFocused();
  await expect(decodedToken(page).getByRole('group', { name: 'Token parts' })).toContainText(/^eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+$/);

  await tabTo(page, page.getByRole('button', { name: 'Next' }));
  await page.keyboard.press('Enter');
  await expectVisibleFocusOnHeading(page, 'Use the token');

  await expect(tokenStatus(page)).toContainText('expires in');
  await tabTo(page, tokenStatus(page).getByRole('button', { name: 'Sign out' }));
  await page.keyboard.press('Enter');
  await expect(tokenStatus(page)).toContainText('No token');
});
