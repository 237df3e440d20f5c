// Step 4's request body editor (CodeMirror, issue 19) in the production build, under its CSP: typed from the keyboard,
// undone and redone, refused when not JSON (no axe violation then), a large pasted body copied out and sent whole,
// markup shown as text.
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { FLOW_PATH, getToken, goToStep } from './support/flow';
import { demoClient, resetSandbox, SANDBOX_URL, sandboxInfo } from './support/sandbox';

/** Markup that would run if the editor parsed what it shows, and enough Zs that it cannot all be on screen. */
const HOSTILE = '<img src=x onerror=window.__xss=1>';
const LARGE_BODY = JSON.stringify({ note: HOSTILE, big: 'Z'.repeat(200_000) });
/** Any URL of the sandbox answers with CORS for the app; what matters here is the request that leaves. */
const TARGET = `${SANDBOX_URL}/sandbox/info`;

test.beforeEach(async ({ request }) => {
  await resetSandbox(request);
});

/** Counts Content-Security-Policy violations from the first script on (the build's policy is a meta tag). */
async function recordCspViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as Window & { __cspViolations?: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__cspViolations!.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

/** A Custom provider pointed at the sandbox's token endpoint, a token, then step 4 with POST: returns the body editor. */
async function openBodyEditor(page: Page, tokenEndpoint: string, secret: string): Promise<Locator> {
  await page.goto(FLOW_PATH);
  await page.getByLabel('Provider').selectOption({ label: 'Custom' });
  await page.getByRole('textbox', { name: 'Token endpoint' }).fill(tokenEndpoint);
  await page.getByLabel('Client ID').fill('sandbox-post');
  await page.getByLabel('Authentication method').selectOption('client_secret_post');
  await page.getByLabel('Client secret', { exact: true }).fill(secret);
  await getToken(page);
  await goToStep(page, 4);
  await page.getByLabel('URL').fill(TARGET);
  await page.getByLabel('Method').selectOption('POST');
  const body = page.getByRole('textbox', { name: 'Request body (JSON)' });
  await expect(body).toBeVisible();
  return body;
}

/** Clicks `Send request` and returns the body of the POST that left the page. */
async function send(page: Page): Promise<string> {
  const sent = page.waitForRequest((r) => r.method() === 'POST' && r.url() === TARGET);
  await page.getByRole('button', { name: 'Send request' }).click();
  return (await sent).postData() ?? '';
}

test('the body editor: keys, undo, JSON error, a large paste copied and sent whole, markup as text, no CSP violation', async ({ page, request, context }) => {
  test.setTimeout(60_000); // a token run plus a 200 KB paste and send on a loaded 2-core machine
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await recordCspViolations(page);
  const info = await sandboxInfo(request);
  const body = await openBodyEditor(page, info.tokenEndpoint, (await demoClient(request, 'sandbox-post')).client_secret!);

  // Clicking the label puts the caret in the editor; typing, undo (Ctrl+Z) and redo (Ctrl+Y) as in a textarea.
  await page.getByText('Request body (JSON)', { exact: true }).click();
  await expect(body).toBeFocused();
  await page.keyboard.type('{"a":1}');
  await expect(body).toHaveText('{"a":1}');
  await page.keyboard.press('Control+z');
  await expect(body).toHaveText('');
  await page.keyboard.press('Control+y');
  await expect(body).toHaveText('{"a":1}');

  // Not JSON: nothing leaves, the error is the editor's description.
  await page.keyboard.press('Control+a');
  await page.keyboard.type('{not json');
  await page.getByRole('button', { name: 'Send request' }).click();
  await expect(body).toHaveAccessibleDescription(/valid JSON/);
  await expect(body).toHaveAttribute('aria-invalid', 'true');
  const axe = await new AxeBuilder({ page }).include('form[aria-label="Call an API with the token"]').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // A large body pasted over it: only part of it is in the DOM, all of it is copied out and sent.
  await page.evaluate((text) => navigator.clipboard.writeText(text), LARGE_BODY);
  await body.focus();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Control+v');
  // The caret, and so the view, is at the end of the paste.
  await expect(body).toContainText('ZZZ"}');
  expect((await body.textContent())!.length).toBeLessThan(LARGE_BODY.length / 10);
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Control+c');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(LARGE_BODY);
  expect(await send(page)).toBe(LARGE_BODY);
  await expect(page.getByRole('article')).toBeVisible();
  await expect(body).not.toHaveAttribute('aria-invalid');

  // The markup (at the start of the body) is text: no element from it, nothing ran.
  await body.focus();
  await page.keyboard.press('Control+Home');
  await expect(body).toContainText(`{"note":"${HOSTILE}","big":"ZZZ`);
  await expect(body.locator('img[src]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as Window & { __xss?: number }).__xss)).toBeUndefined();

  // Tab leaves the editor for the button: the editor does not trap keyboard users.
  await body.focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Send request' })).toBeFocused();

  // CodeMirror's own styles (a <style> element, allowed by style-src 'unsafe-inline') applied, with no violation.
  await expect(page.locator('.cm-editor')).toHaveCSS('display', 'flex');
  expect(await page.evaluate(() => (window as Window & { __cspViolations?: string[] }).__cspViolations)).toEqual([]);
});
