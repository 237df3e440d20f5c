// Long tasks with a 1 MB request body in step 4 (Custom provider, POST) on the production build: while typing into it,
// with a bare <textarea> on a page of the same origin as the same-run reference (Chromium lays out a 1 MB paragraph
// again on each key, whatever the page does), and from `Send request` until the exchange is on screen.
import type { Page } from '@playwright/test';
import { startSandbox } from '../sandbox/app.js';
import type { Figure } from './table';
import { FLOW_PATH, prepareContext, type FlowClient } from './support/flowPage';
import { ensureDist, launchChromium, startPreview } from './support/servers';

/** `{"big":"Z…"}` with this many Zs: about 1 MB of JSON, the size issue 19 saw freeze the tab for over 90 s. */
const BIG_LENGTH = 1_000_000;
const KEYSTROKES = 20;
/** Between keys, as a quick typist; the page gets the chance to run whatever each keystroke schedules. */
const KEY_DELAY_MS = 60;
const SETTLE_MS = 1_000;
const BUDGET_MS = 50;

// The Long Tasks API (https://w3c.github.io/longtasks/) reports every task over 50 ms, from page start (buffered).
const OBSERVER = `window.__longTasks = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration }); })
  .observe({ type: 'longtask', buffered: true });`;

type Window_ = Window & { __longTasks?: Array<{ start: number; duration: number }> };

async function longestIn(page: Page, from: number, to: number): Promise<number> {
  const tasks = await page.evaluate(() => (window as Window_).__longTasks ?? []);
  return Math.max(0, ...tasks.filter((t) => t.start < to && t.start + t.duration > from).map((t) => t.duration));
}

const now = (page: Page) => page.evaluate(() => performance.now());
const until = (page: Page, time: number) => page.waitForFunction((t) => performance.now() >= t, time, { polling: 100, timeout: 60_000 });

async function registerClient(sandboxUrl: string): Promise<FlowClient> {
  const response = await fetch(`${sandboxUrl}/sandbox/clients`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token_endpoint_auth_method: 'client_secret_basic', scope: 'p1:read:user' }),
  });
  if (response.status !== 201) throw new Error(`POST /sandbox/clients: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as FlowClient;
}

/** Custom provider with a bare token endpoint (the sandbox's), a token, then step 4 with the POST body editor. */
async function openBodyEditor(page: Page, tokenEndpoint: string, client: FlowClient): Promise<void> {
  await page.goto(FLOW_PATH);
  await page.getByLabel('Provider').selectOption({ label: 'Custom' });
  await page.getByLabel('Token endpoint').fill(tokenEndpoint);
  await page.getByLabel('Authentication method').selectOption('client_secret_basic');
  await page.getByLabel('Client ID').fill(client.client_id);
  await page.getByLabel('Client secret', { exact: true }).fill(client.client_secret);
  await page.getByRole('button', { name: 'Step 3: Token', exact: true }).click();
  await page.getByRole('button', { name: 'Get token', exact: true }).click();
  const alert = page.getByRole('alert');
  await page.getByRole('region', { name: 'Decoded access token' }).or(alert).first().waitFor({ timeout: 15_000 });
  if (await alert.count()) throw new Error(`Get token failed: ${(await alert.allInnerTexts()).join(' | ')}`);
  await page.getByRole('button', { name: 'Step 4: Use the token', exact: true }).click();
  await page.getByLabel('Method').selectOption('POST');
}

/**
 * Puts `body` in the editor (one input event, as a paste) and waits until the page is idle, then types
 * KEYSTROKES spaces at its end (still JSON). Returns the longest task while typing.
 */
async function typeInto(page: Page, body: string): Promise<number> {
  const editor = page.getByLabel('Request body (JSON)');
  await editor.fill(body, { timeout: 120_000 });
  await until(page, (await now(page)) + SETTLE_MS);
  await editor.focus();
  await page.keyboard.press('Control+End');
  const from = await now(page);
  await page.keyboard.type(' '.repeat(KEYSTROKES), { delay: KEY_DELAY_MS });
  // A keystroke's deferred work (a debounced preview, a transition) still belongs to the typing.
  const to = (await now(page)) + SETTLE_MS;
  await until(page, to);
  return longestIn(page, from, to);
}

/** The browser's own cost: the same body and keys in a lone textarea on a page served from the app's origin. */
async function typeIntoBareTextarea(page: Page, origin: string, body: string): Promise<number> {
  const url = `${origin}/__bench-bare-textarea`;
  await page.route(url, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><label>Request body (JSON) <textarea rows="5" spellcheck="false"></textarea></label>' }),
  );
  await page.goto(url);
  return typeInto(page, body);
}

/** From the `Send request` click until the exchange card is on screen, plus the settle time. */
async function sendIt(page: Page, url: string): Promise<number> {
  await page.getByLabel('URL').fill(url);
  const from = await now(page);
  await page.getByRole('button', { name: 'Send request' }).click();
  await page.getByRole('article').waitFor({ timeout: 120_000 });
  const to = (await now(page)) + SETTLE_MS;
  await until(page, to);
  return longestIn(page, from, to);
}

export default async function bodyTypingBench(): Promise<Figure[]> {
  ensureDist();
  const app = await startPreview();
  const sandbox = await startSandbox({ port: 0, quiet: true, corsOrigins: [app.origin] });
  const browser = await launchChromium();
  const body = JSON.stringify({ big: 'Z'.repeat(BIG_LENGTH) });
  try {
    const context = await browser.newContext({ baseURL: app.origin });
    await prepareContext(context, sandbox.baseUrl);
    await context.addInitScript({ content: OBSERVER });
    const page = await context.newPage();
    await openBodyEditor(page, sandbox.tokenEndpoint, await registerClient(sandbox.baseUrl));
    const typing = await typeInto(page, body);
    // Any URL that answers: the sandbox's info document allows the app's origin.
    const send = await sendIt(page, `${sandbox.baseUrl}/sandbox/info`);
    const bare = await typeIntoBareTextarea(await context.newPage(), app.origin, body);
    return [
      {
        figure: `Longest task: typing ${KEYSTROKES} keys into a 1 MB request body (step 4, Custom); reference: a lone textarea`,
        value: typing,
        unit: 'ms',
        reference: bare,
        ratio: typing / bare,
        budget: `≤ ${BUDGET_MS} ms`,
        met: typing <= BUDGET_MS,
      },
      {
        figure: 'Longest task: Send request with a 1 MB body → exchange on screen',
        value: send,
        unit: 'ms',
        budget: `≤ ${BUDGET_MS} ms`,
        met: send <= BUDGET_MS,
      },
    ];
  } finally {
    await browser.close();
    app.stop();
    await sandbox.close();
  }
}
