// Retries under injected token-endpoint faults, read from the attempts timeline: backoff, Retry-After, no retry of 4xx.
import type { Locator } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { attempts, configureSandbox, decodedToken, getToken, requestToken } from './support/flow';
import { injectFault, resetSandbox } from './support/sandbox';

/** The wait an attempt recorded before the next one (`waited 850 ms`, `waited 2.1 s (Retry-After)`), in ms. */
async function waitedMs(item: Locator): Promise<number> {
  const text = await item.innerText();
  const match = /waited (\d+(?:\.\d+)?) (ms|s)/.exec(text);
  if (!match) throw new Error(`no "waited …" in attempt: ${text}`);
  return Number(match[1]) * (match[2] === 's' ? 1000 : 1);
}

test.beforeEach(async ({ page, request }) => {
  await resetSandbox(request);
  await configureSandbox(page, { client: 'sandbox-basic' });
});

test('503 twice, then success → three attempts in the timeline and a token', async ({ page, request }) => {
  await injectFault(request, { target: 'token', count: 2, status: 503 });
  await getToken(page);
  await expect(decodedToken(page)).toContainText('"client_id": "sandbox-basic"');

  const items = attempts(page);
  await expect(items).toHaveCount(3);
  for (const n of [0, 1]) {
    await expect(items.nth(n)).toContainText(`Attempt ${n + 1}`);
    await expect(items.nth(n)).toContainText('HTTP 503');
    await expect(items.nth(n)).toContainText('will retry');
    await expect(items.nth(n)).toContainText(/waited \d/);
  }
  await expect(items.nth(2)).toContainText('Attempt 3');
  await expect(items.nth(2)).toContainText('succeeded');
  await expect(items.nth(2)).not.toContainText('waited');
});

test('429 with Retry-After: 2 → the timeline records a wait of at least 2 s, then success', async ({ page, request }) => {
  await injectFault(request, { target: 'token', count: 1, status: 429, retryAfter: 2 });
  await getToken(page);

  const items = attempts(page);
  await expect(items).toHaveCount(2);
  await expect(items.first()).toContainText('HTTP 429');
  await expect(items.first()).toContainText('(Retry-After)');
  expect(await waitedMs(items.first())).toBeGreaterThanOrEqual(2000);
  await expect(items.nth(1)).toContainText('succeeded');
});

test('wrong secret (invalid_client) → exactly one attempt: a 4xx is never retried', async ({ page }) => {
  await page.getByLabel('Client secret', { exact: true }).fill('not-the-registered-secret');
  await requestToken(page);
  // The alert appears once the run has settled, so the timeline is final by then.
  await expect(page.getByRole('alert')).toContainText('invalid_client');
  const items = attempts(page);
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText(/HTTP 40[01]/);
  await expect(items.first()).toContainText('failed');
  await expect(items.first()).not.toContainText('will retry');
});
