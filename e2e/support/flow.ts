// Page helpers for the Client Credentials flow: configure against the sandbox, move between steps, get a token.
import { expect, type Locator, type Page } from '@playwright/test';
import type { SandboxClient } from './sandbox';

export const FLOW_PATH = '/flows/client-credentials';

/** The RFC names the `Authentication method` select offers. */
export type AuthMethodName = 'client_secret_basic' | 'client_secret_post' | 'client_secret_jwt' | 'private_key_jwt';

/** A demo client as /sandbox/info lists it, with the public JWKS the private_key_jwt one carries. */
export type SandboxClientWithJwks = SandboxClient & { jwks?: { keys: Array<{ kid?: string }> } };

const STEP_TITLES = ['Configure', 'Request', 'Token', 'Use the token'] as const;

export interface ConfigureOptions {
  /** A demo client ID from /sandbox/info, chosen in the `Demo client` select. */
  client: string;
  /** Switch `Authentication method` after the demo client filled its own. */
  method?: AuthMethodName;
  /** Overwrite the `Client secret` the demo client filled in (e.g. a wrong one). */
  secret?: string;
}

/** Opens the flow with the Local sandbox preset and waits until the sandbox's demo clients are listed. */
export async function openSandboxFlow(page: Page): Promise<void> {
  await page.goto(FLOW_PATH);
  await page.getByLabel('Provider').selectOption({ label: 'Local sandbox' });
  await expect(page.getByLabel('Token endpoint')).toHaveValue(/\/as\/token$/);
  await expect(page.getByLabel('Demo client')).toBeVisible();
}

/** Opens the flow and configures it for one demo client (and, optionally, another method or secret). */
export async function configureSandbox(page: Page, { client, method, secret }: ConfigureOptions): Promise<void> {
  await openSandboxFlow(page);
  await page.getByLabel('Demo client').selectOption(client);
  await expect(page.getByLabel('Client ID')).toHaveValue(client);
  if (method) {
    await page.getByLabel('Authentication method').selectOption(method);
    await expect(page.getByLabel('Authentication method')).toHaveValue(method);
  }
  if (secret !== undefined) await page.getByLabel('Client secret', { exact: true }).fill(secret);
}

/** The stepper's button for step `n` (1-based). */
export function stepButton(page: Page, n: number): Locator {
  const title = STEP_TITLES[n - 1];
  if (!title) throw new RangeError(`no step ${n}: the flow has ${STEP_TITLES.length} steps`);
  return page.getByRole('button', { name: `Step ${n}: ${title}`, exact: true });
}

/**
 * Moves to step `n` through the stepper, and waits until it is the current step and its content is shown (steps 2–4
 * come from chunks of their own: usually prefetched by then, else loaded now).
 */
export async function goToStep(page: Page, n: number): Promise<void> {
  const button = stepButton(page, n);
  await button.click();
  await expect(button).toHaveAttribute('aria-current', 'step');
  await expect(page.getByText('Loading this step…')).toHaveCount(0);
}

/** The `Decoded access token` region (present only after a successful run). */
export function decodedToken(page: Page): Locator {
  return page.getByRole('region', { name: 'Decoded access token' });
}

/** Step 2's `Exported code` region: the `Export as` select, the code and its `Copy code` button. */
export function exportedCode(page: Page): Locator {
  return page.getByRole('region', { name: 'Exported code' });
}

/**
 * Chooses `label` (e.g. `cURL`, `Python`) in step 2's `Export as` and returns the code shown for it, once the
 * lazily loaded generators have rendered it (the figure is titled `<label> — <file name>`).
 */
export async function exportAs(page: Page, label: string): Promise<{ figure: Locator; code: string }> {
  const region = exportedCode(page);
  await region.getByRole('combobox', { name: 'Export as' }).selectOption({ label });
  const figure = region.getByRole('figure', { name: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} — `) });
  await expect(figure).toBeVisible();
  return { figure, code: (await figure.getByRole('code').textContent()) ?? '' };
}

/** The labels step 2's `Export as` lists, in order. */
export async function exportLanguages(page: Page): Promise<string[]> {
  return exportedCode(page).getByRole('combobox', { name: 'Export as' }).getByRole('option').allTextContents();
}

/** The status bar landmark. */
export function tokenStatus(page: Page): Locator {
  return page.getByRole('region', { name: 'Token status' });
}

/** The attempts timeline (an ordered list) and its items. */
export function attempts(page: Page): Locator {
  return page.getByRole('list', { name: 'Attempts', exact: true }).getByRole('listitem');
}

/** Clicks `Get token` on step 3; the caller asserts the outcome (a token, or an alert). */
export async function requestToken(page: Page): Promise<void> {
  await goToStep(page, 3);
  await page.getByRole('button', { name: 'Get token', exact: true }).click();
}

/** Gets a token on step 3 and waits until it shows with its details; fails with the alert's text if one appears. */
export async function getToken(page: Page): Promise<void> {
  await requestToken(page);
  const alert = page.getByRole('alert');
  await expect(decodedToken(page).or(alert).first()).toBeVisible({ timeout: 15_000 });
  if (await alert.count()) throw new Error(`Get token failed: ${(await alert.allInnerTexts()).join(' | ')}`);
  // The token's checks, scope comparison and raw response render right after the token, in a deferred render.
  await expect(page.getByRole('region', { name: 'Raw response' })).toBeVisible();
}

/**
 * The access token as stored in sessionStorage: the first value that is, or holds in JSON, a compact JWS.
 * Read from storage, not the UI, so the token need not be revealed on screen.
 */
export async function storedAccessToken(page: Page): Promise<string> {
  const token = await page.evaluate(() => {
    const jwt = /eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/;
    for (let i = 0; i < window.sessionStorage.length; i += 1) {
      const key = window.sessionStorage.key(i);
      const match = key === null ? null : jwt.exec(window.sessionStorage.getItem(key) ?? '');
      if (match) return match[0];
    }
    return null;
  });
  if (!token) throw new Error('no JWT-looking value in sessionStorage');
  return token;
}

export interface StorageScan {
  /** `sessionStorage:key`, `localStorage:key` or `indexedDB:db/store` entries that contain the needle */
  holding: string[];
  /** every IndexedDB `db/store` that was read, so a test can tell the scan saw the stores at all */
  scannedStores: string[];
}

/** Where `needle` appears in the page's Web Storage and IndexedDB (every database, store and record). */
export async function scanStorage(page: Page, needle: string): Promise<StorageScan> {
  return page.evaluate(async (text) => {
    const found: string[] = [];
    const scanned: string[] = [];
    for (const [name, storage] of [['sessionStorage', window.sessionStorage], ['localStorage', window.localStorage]] as const) {
      for (let i = 0; i < storage.length; i += 1) {
        const key = storage.key(i);
        if (key !== null && `${key}=${storage.getItem(key) ?? ''}`.includes(text)) found.push(`${name}:${key}`);
      }
    }
    // Records may hold CryptoKeys and other non-JSON values: walk them rather than JSON.stringify.
    const holds = (value: unknown, seen: Set<unknown>): boolean => {
      if (typeof value === 'string') return value.includes(text);
      if (value === null || typeof value !== 'object' || seen.has(value)) return false;
      seen.add(value);
      if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
        const bytes = value instanceof ArrayBuffer ? new Uint8Array(value) : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
        return new TextDecoder().decode(bytes).includes(text);
      }
      const entries = value instanceof Map ? [...value.entries()].flat() : Object.values(value as Record<string, unknown>);
      return entries.some((v) => holds(v, seen));
    };
    const request = <T>(r: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await request(indexedDB.open(info.name));
      for (const storeName of Array.from(db.objectStoreNames)) {
        scanned.push(`${info.name}/${storeName}`);
        const store = db.transaction(storeName, 'readonly').objectStore(storeName);
        const [keys, values] = await Promise.all([request(store.getAllKeys()), request(store.getAll())]);
        if (holds([keys, values], new Set())) found.push(`indexedDB:${info.name}/${storeName}`);
      }
      db.close();
    }
    return { holding: found, scannedStores: scanned };
  }, needle);
}

/**
 * Reads the status bar's remaining time (`expires in mm:ss` or `h:mm:ss`) in seconds. The bar is a chunk of its own
 * that loads after the first paint (its placeholder says "No token"), so a page just loaded may show the flow before
 * it: the countdown is waited for, not read at once.
 */
export async function remainingSeconds(page: Page): Promise<number> {
  await expect(tokenStatus(page)).toContainText('expires in');
  const text = await tokenStatus(page).innerText();
  const match = /expires in (?:(\d+):)?(\d{2}):(\d{2})/.exec(text);
  if (!match) throw new Error(`no "expires in" countdown in the status bar: ${text}`);
  return Number(match[1] ?? 0) * 3600 + Number(match[2]) * 60 + Number(match[3]);
}
