// Issue 19: a token shorter than the refresh floor is refreshed at most once per 5 s, and the timeline says so.
import { expect, test } from './support/fixtures';
import { getToken, openSandboxFlow } from './support/flow';
import { SANDBOX_URL, resetSandbox } from './support/sandbox';

/** The sandbox's shortest lifetime (sandbox/clientRegistration.js): half of it, 2.5 s, was the old refresh period. */
const TOKEN_TTL_SECONDS = 5;
/** src/utils/tokenRefreshSchedule.ts MIN_REFRESH_INTERVAL_MS, written out: the app is what is being tested. */
const FLOOR_MS = 5_000;
/** Resource Timing starts are taken in the page: allow the timer's own jitter, never a machine's slowness. */
const JITTER_MS = 250;

test.beforeEach(async ({ request }) => {
  await resetSandbox(request);
});

test('a 5 s token is refreshed once per 5 s, not at its half-life, and the timeline says why', async ({ page, request }) => {
  test.setTimeout(60_000); // setup, then ~12 s of real refreshes
  const registered = await request.post(`${SANDBOX_URL}/sandbox/clients`, {
    data: { token_endpoint_auth_method: 'client_secret_basic', scope: 'p1:read:user', token_ttl: TOKEN_TTL_SECONDS },
  });
  expect(registered.status()).toBe(201);
  const client = (await registered.json()) as { client_id: string; client_secret: string };
  await openSandboxFlow(page);
  await page.getByLabel('Demo client').selectOption('sandbox-basic');
  await page.getByLabel('Client ID').fill(client.client_id);
  await page.getByLabel('Client secret', { exact: true }).fill(client.client_secret);
  await getToken(page);

  const timeline = page.getByRole('figure', { name: 'Token lifetime' });
  await expect(timeline.getByRole('img')).toHaveAccessibleName(/refresh held to one per 5 s$/);

  // Two proactive refreshes after Get token; then the gaps between the token requests' starts.
  const starts = async () =>
    page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((e) => new URL(e.name).pathname.endsWith('/as/token'))
        .map((e) => e.startTime),
    );
  await expect.poll(async () => (await starts()).length, { timeout: 20_000, intervals: [250] }).toBeGreaterThanOrEqual(3);
  const seen = await starts();
  const gaps = seen.slice(1).map((start, i) => start - seen[i]!);
  test.info().annotations.push({ type: 'gaps between token requests (ms)', description: gaps.map(Math.round).join(', ') });
  for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(FLOOR_MS - JITTER_MS);
});
