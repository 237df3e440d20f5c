// Evidence for the leak sweep: what a page said (console, logs), kept (storage, IndexedDB), requested and showed.
import { readFile } from 'node:fs/promises';
import type { Page, Request } from '@playwright/test';

/** sessionStorage keys of the token store: the one place the access token may live. */
export const TOKEN_STORE_PREFIX = 'm2m-playground:token:';

/** Everything a page printed and requested, recorded from before its first navigation. */
export interface PageRecorder {
  console: string[];
  urls: string[];
  /** The token endpoint requests as sent (their bodies and headers hold the credentials to look for). */
  tokenRequests: Request[];
}

/** Starts recording console messages, page errors, every request URL and every main-frame URL. */
export function recordPage(page: Page, tokenPath = '/as/token'): PageRecorder {
  const recorder: PageRecorder = { console: [], urls: [], tokenRequests: [] };
  page.on('console', (message) => recorder.console.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => recorder.console.push(`pageerror: ${error.message}\n${error.stack ?? ''}`));
  page.on('request', (request) => {
    recorder.urls.push(request.url());
    if (request.method() === 'POST' && new URL(request.url()).pathname.endsWith(tokenPath)) recorder.tokenRequests.push(request);
  });
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) recorder.urls.push(frame.url());
  });
  return recorder;
}

/** Web Storage contents as `key=value` lines; token store entries are reported apart. */
export async function readWebStorage(page: Page): Promise<{ local: string[]; session: string[]; tokenStore: string[] }> {
  return page.evaluate((prefix) => {
    const dump = (storage: Storage) => Array.from({ length: storage.length }, (_, i) => storage.key(i)!).map((k) => [k, storage.getItem(k) ?? ''] as const);
    const session = dump(window.sessionStorage);
    return {
      local: dump(window.localStorage).map(([k, v]) => `${k}=${v}`),
      session: session.filter(([k]) => !k.startsWith(prefix)).map(([k, v]) => `${k}=${v}`),
      tokenStore: session.filter(([k]) => k.startsWith(prefix)).map(([, v]) => v),
    };
  }, TOKEN_STORE_PREFIX);
}

/** A CryptoKey as IndexedDB holds it: everything script can see about it (never its material). */
export interface CryptoKeySummary {
  type: string;
  extractable: boolean;
  algorithm: string;
  usages: string[];
}

export interface IndexedDbDump {
  /** Every record of every store of every database, serialised (CryptoKeys as `{ $cryptoKey }` summaries). */
  text: string;
  cryptoKeys: CryptoKeySummary[];
  /** Whether any record, at any depth, has a JWK private member `d`. */
  hasJwkD: boolean;
}

/** Reads every record of every object store of every IndexedDB database of the origin. */
export async function readIndexedDb(page: Page): Promise<IndexedDbDump> {
  return page.evaluate(async () => {
    const cryptoKeys: CryptoKeySummary[] = [];
    let hasJwkD = false;
    const toPlain = (value: unknown): unknown => {
      if (value instanceof CryptoKey) {
        const summary = { type: value.type, extractable: value.extractable, algorithm: JSON.stringify(value.algorithm), usages: [...value.usages] };
        cryptoKeys.push(summary);
        return { $cryptoKey: summary };
      }
      if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
        const bytes = value instanceof ArrayBuffer ? new Uint8Array(value) : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
        return { $bytes: btoa(String.fromCharCode(...bytes)) };
      }
      if (Array.isArray(value)) return value.map(toPlain);
      if (value !== null && typeof value === 'object') {
        if ('d' in value) hasJwkD = true;
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toPlain(v)]));
      }
      return value;
    };
    const promised = <T,>(request: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const out: unknown[] = [];
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await promised(indexedDB.open(info.name));
      for (const storeName of Array.from(db.objectStoreNames)) {
        const store = db.transaction(storeName, 'readonly').objectStore(storeName);
        const [keys, values] = await Promise.all([promised(store.getAllKeys()), promised(store.getAll())]);
        out.push({ db: info.name, store: storeName, keys, values: values.map(toPlain) });
      }
      db.close();
    }
    return { text: JSON.stringify(out), cryptoKeys, hasJwkD };
  });
}

/** The page's visible text plus the values of its form controls, except the `Client secret` input's own value. */
export async function readDomText(page: Page): Promise<string> {
  const secretField = page.getByLabel('Client secret', { exact: true });
  const secretId = (await secretField.count()) > 0 ? await secretField.getAttribute('id') : null;
  return page.evaluate((skipId) => {
    const values = Array.from(document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('input, textarea, select'))
      .filter((el) => !skipId || el.id !== skipId)
      .map((el) => `${el.id || el.name}=${el.value}`);
    return `${document.body.innerText}\n${values.join('\n')}`;
  }, secretId);
}

/** Opens the Logs drawer, reads what it shows and the `Export JSON` download, and closes it again. */
export async function readLogDrawer(page: Page): Promise<{ shown: string; exported: string }> {
  const toggle = page.getByRole('button', { name: /^Logs/ });
  await toggle.click();
  const panel = page.getByRole('region', { name: 'Log', exact: true });
  // The log panel is its own chunk (it loads when first opened): read it once it is there, not its spinner.
  await panel.getByRole('button', { name: 'Export JSON' }).waitFor();
  const shown = await panel.innerText();
  const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Export JSON' }).click()]);
  const path = await download.path();
  const exported = await readFile(path, 'utf8');
  await toggle.click();
  return { shown, exported };
}

/** A named secret value and the evidence places it must not be found in. */
export interface Needle {
  name: string;
  value: string;
}

/** The places (name → text) where any needle was found; empty when the evidence is clean. */
export function findLeaks(needles: readonly Needle[], haystacks: Record<string, string>): string[] {
  const found: string[] = [];
  for (const needle of needles) {
    if (needle.value.length < 8) throw new Error(`needle ${needle.name} is too short to search for meaningfully`);
    for (const [place, text] of Object.entries(haystacks)) if (text.includes(needle.value)) found.push(`${needle.name} in ${place}`);
  }
  return found;
}

/** The base64 body of a PEM (its key material) as lines long enough to be unambiguous. */
export function pemMaterialLines(pem: string): string[] {
  return pem.split(/\r?\n/).filter((line) => line.length >= 40 && !line.startsWith('-----'));
}

/** The last dot-separated segment of a compact JWS: its signature. */
export function jwsSignature(jws: string): string {
  return jws.slice(jws.lastIndexOf('.') + 1);
}

