// Driving the Client Credentials flow against the in-process sandbox, as e2e/support/flow.ts does.
import type { BrowserContext, Page } from '@playwright/test';

export const FLOW_PATH = '/flows/client-credentials';
const SETTINGS_KEY = 'm2m-playground:settings';

/** The app's localStorage settings that point it at `sandboxUrl` (the sandbox runs on a free port in benches). */
export function sandboxSettings(sandboxUrl: string): Record<string, string> {
  return { [SETTINGS_KEY]: JSON.stringify({ provider: { sandboxUrl } }) };
}

/**
 * tsx (esbuild keepNames) wraps named functions inside evaluated callbacks in __name(): a no-op for the pages a bench
 * evaluates such callbacks in.
 */
export const TSX_NAME_SHIM = 'window.__name = (fn) => fn;';

/** Points the app at `sandboxUrl` (its settings in localStorage) and gives tsx's __name wrapper a no-op in the page. */
export async function prepareContext(context: BrowserContext, sandboxUrl: string): Promise<void> {
  await context.addInitScript({ content: TSX_NAME_SHIM });
  const [[key, value]] = Object.entries(sandboxSettings(sandboxUrl)) as [[string, string]];
  await context.addInitScript({ content: `localStorage.setItem(${JSON.stringify(key)}, ${JSON.stringify(value)});` });
}

export interface FlowClient {
  client_id: string;
  client_secret: string;
}

/** Opens the flow with the Local sandbox preset and fills a client_secret_basic client registered by the bench. */
export async function configureFlow(page: Page, client: FlowClient): Promise<void> {
  await page.goto(FLOW_PATH);
  await page.getByLabel('Provider').selectOption({ label: 'Local sandbox' });
  await page.getByLabel('Demo client').selectOption('sandbox-basic');
  await page.getByLabel('Client ID').fill(client.client_id);
  await page.getByLabel('Authentication method').selectOption('client_secret_basic');
  await page.getByLabel('Client secret', { exact: true }).fill(client.client_secret);
  // The registered client has the MFA worker scopes only; the preset requests exactly those.
  await page.getByRole('button', { name: 'MFA device management — least privilege' }).click();
  await page.getByRole('button', { name: 'Step 3: Token', exact: true }).click();
}

/** Clicks `Get token` and waits for the decoded token; returns page-clock times of the click and of the render. */
export async function getToken(page: Page): Promise<{ clickAt: number; renderedAt: number }> {
  const clickAt = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: 'Get token', exact: true }).click();
  const decoded = page.getByRole('region', { name: 'Decoded access token' });
  const alert = page.getByRole('alert');
  await decoded.or(alert).first().waitFor({ timeout: 15_000 });
  if (await alert.count()) throw new Error(`Get token failed: ${(await alert.allInnerTexts()).join(' | ')}`);
  return { clickAt, renderedAt: await page.evaluate(() => performance.now()) };
}

/** The page's token requests (resource timing), in order. */
export function tokenFetches(page: Page): Promise<Array<{ start: number; end: number }>> {
  return page.evaluate(() =>
    (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((e) => new URL(e.name).pathname.endsWith('/as/token'))
      .map((e) => ({ start: e.startTime, end: e.responseEnd })),
  );
}
