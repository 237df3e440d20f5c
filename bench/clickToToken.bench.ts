// Click-to-token: time from the `Get token` click to the decoded token on screen, minus the token fetch itself.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { startSandbox } from '../sandbox/app.js';
import { ROOT, ensureDist } from './bundleSize.bench';

const RUNS = 20;
const WARMUP = 2;
const SETTINGS_KEY = 'm2m-playground:settings';
// The same flags as playwright.config.ts, so figures match what the E2E suite drives.
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
/** A demo client per method; private_key_jwt signs with the sandbox's demo RSA key, imported non-extractable. */
const METHODS = [
  ['client_secret_basic', 'sandbox-basic'],
  ['client_secret_post', 'sandbox-post'],
  ['client_secret_jwt', 'sandbox-secret-jwt'],
  ['private_key_jwt', 'sandbox-private-key-jwt'],
] as const;

type BenchWindow = Window & { __clickAt?: number; __rendered?: Promise<number> };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`vite preview exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const round1 = (n: number) => Math.round(n * 10) / 10;

/** One click: arm a DOM observer for a *new* decoded-token region, click, and read the token request's timing. */
async function measureOnce(page: Page): Promise<{ uiMs: number; fetchMs: number }> {
  await page.evaluate(() => {
    const w = window as BenchWindow;
    performance.clearResourceTimings();
    w.__clickAt = undefined;
    const isDecoded = (el: Element) => {
      const label = document.getElementById(el.getAttribute('aria-labelledby') ?? '');
      return label?.textContent?.trim() === 'Decoded access token' && (el.textContent ?? '').includes('"client_id"');
    };
    const before = new Set(document.querySelectorAll('section[aria-labelledby]'));
    w.__rendered = new Promise<number>((resolve) => {
      const observer = new MutationObserver(() => {
        const fresh = [...document.querySelectorAll('section[aria-labelledby]')].find((el) => !before.has(el) && isDecoded(el));
        if (fresh) {
          observer.disconnect();
          resolve(performance.now());
        }
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    });
  });
  await page.getByRole('button', { name: 'Get token', exact: true }).click();
  return page.evaluate(async () => {
    const w = window as BenchWindow;
    const renderedAt = await w.__rendered!;
    const fetches = performance.getEntriesByType('resource').filter((e) => new URL(e.name).pathname.endsWith('/as/token')) as PerformanceResourceTiming[];
    const last = fetches.at(-1);
    if (w.__clickAt === undefined || !last) throw new Error('no click or no token request recorded');
    const fetchMs = last.responseEnd - last.startTime;
    return { uiMs: renderedAt - w.__clickAt - fetchMs, fetchMs };
  });
}

async function benchMethod(page: Page, clientId: string): Promise<{ uiMs: number[]; fetchMs: number[] }> {
  await page.goto('/flows/client-credentials');
  await page.getByLabel('Provider').selectOption({ label: 'Local sandbox' });
  await page.getByLabel('Demo client').selectOption(clientId);
  await page.getByLabel('Key ID (kid)').or(page.getByLabel('Client secret', { exact: true })).first().waitFor();
  if (clientId === 'sandbox-private-key-jwt') await page.getByRole('button', { name: 'Copy public JWKS' }).waitFor(); // the demo key is imported
  await page.getByRole('button', { name: 'Step 3: Token' }).click();
  // The click time is taken in the page, in the capture phase, before React handles it.
  await page.evaluate(() => {
    document.addEventListener(
      'click',
      (event) => {
        const button = (event.target as Element | null)?.closest('button');
        if (button?.textContent?.trim() === 'Get token') (window as BenchWindow).__clickAt = performance.now();
      },
      true,
    );
  });
  const uiMs: number[] = [];
  const fetchMs: number[] = [];
  for (let i = 0; i < WARMUP + RUNS; i += 1) {
    const sample = await measureOnce(page);
    if (i >= WARMUP) {
      uiMs.push(sample.uiMs);
      fetchMs.push(sample.fetchMs);
    }
  }
  return { uiMs, fetchMs };
}

export default async function clickToTokenBench(): Promise<Record<string, number | string>> {
  ensureDist();
  const appPort = await freePort();
  const appOrigin = `http://localhost:${appPort}`;
  const sandbox = await startSandbox({ port: 0, quiet: true, corsOrigins: [appOrigin] });
  const preview = spawn(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'preview', '--port', String(appPort), '--strictPort'], {
    cwd: ROOT,
    stdio: 'ignore',
  });
  const stopPreview = () => preview.exitCode === null && preview.kill('SIGTERM');
  process.once('exit', stopPreview);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS }).catch((error: unknown) => {
    stopPreview();
    throw error;
  });
  try {
    await waitForHttp(appOrigin, preview);
    const figures: Record<string, number | string> = { runs: `${RUNS} per method (after ${WARMUP} warm-up)` };
    for (const [method, clientId] of METHODS) {
      // A fresh context per method: no token, key or flow progress carried over.
      const context = await browser.newContext({ baseURL: appOrigin });
      // tsx (esbuild keepNames) wraps named functions inside evaluated callbacks in __name(); give the page one.
      await context.addInitScript({ content: 'window.__name = (fn) => fn;' });
      await context.addInitScript(([key, url]) => window.localStorage.setItem(key!, JSON.stringify({ provider: { sandboxUrl: url } })), [SETTINGS_KEY, sandbox.baseUrl]);
      const page = await context.newPage();
      const { uiMs, fetchMs } = await benchMethod(page, clientId);
      figures[`${method} click→decoded minus fetch, median (ms)`] = round1(median(uiMs));
      figures[`${method} token fetch, median (ms)`] = round1(median(fetchMs));
      await context.close();
    }
    return figures;
  } finally {
    await browser.close();
    stopPreview();
    process.off('exit', stopPreview);
    await sandbox.close();
  }
}
