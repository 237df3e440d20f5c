// Hostile server text: an error_description carrying HTML is shown as text, never parsed or executed.
import { expect, test } from './support/fixtures';
import { configureSandbox, decodedToken, requestToken } from './support/flow';
import { SANDBOX_URL, resetSandbox } from './support/sandbox';

const HOSTILE_DESCRIPTION = '<img src=x onerror=window.__xss=1>';

test.beforeEach(async ({ request }) => {
  await resetSandbox(request);
});

test('an HTML error_description renders literally: no <img>, no script run', async ({ page, request }) => {
  // contentType is set explicitly: the sandbox would otherwise guess from the body's first character.
  const fault = await request.post(`${SANDBOX_URL}/sandbox/faults`, {
    data: {
      target: 'token',
      count: 1,
      status: 400,
      contentType: 'application/json',
      body: JSON.stringify({ error: 'invalid_request', error_description: HOSTILE_DESCRIPTION }),
    },
  });
  expect(fault.status()).toBe(201);

  await configureSandbox(page, { client: 'sandbox-basic' });
  await requestToken(page);

  const alert = page.getByRole('alert');
  await expect(alert).toContainText('invalid_request');
  await expect(alert).toContainText('<img src=x onerror=');
  await expect(alert).toContainText(HOSTILE_DESCRIPTION);
  await expect(decodedToken(page)).toHaveCount(0);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as Window & { __xss?: unknown }).__xss)).toBeUndefined();
});
