// Secret-leak sweep: for every auth method, no secret, key, token or assertion in logs, storage, URLs or the page.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { exportAs, exportLanguages, getToken, goToStep, openSandboxFlow, type SandboxClientWithJwks } from './support/flow';
import {
  findLeaks,
  jwsSignature,
  pemMaterialLines,
  readDomText,
  readIndexedDb,
  readLogDrawer,
  readWebStorage,
  recordPage,
  type Needle,
  type PageRecorder,
} from './support/leaks';
import { demoClient, resetSandbox } from './support/sandbox';

test.beforeEach(async ({ request }) => {
  await resetSandbox(request);
});

interface Run {
  method: string;
  /** Drives step 1 for this method; returns the needles it knows up front (secrets, key material). */
  configure(page: Page): Promise<Needle[]>;
  usesKey: boolean;
}

async function chooseDemoClient(page: Page, clientId: string): Promise<void> {
  await page.getByLabel('Demo client').selectOption(clientId);
  await expect(page.getByLabel('Client ID')).toHaveValue(clientId);
}

const runs: Run[] = [
  ...(['client_secret_basic', 'client_secret_post', 'client_secret_jwt'] as const).map((method) => {
    const clientId = { client_secret_basic: 'sandbox-basic', client_secret_post: 'sandbox-post', client_secret_jwt: 'sandbox-secret-jwt' }[method];
    return {
      method,
      usesKey: false,
      async configure(page: Page) {
        await chooseDemoClient(page, clientId);
        await expect(page.getByLabel('Authentication method')).toHaveValue(method);
        const secret = (await demoClient(page.request, clientId)).client_secret!;
        await expect(page.getByLabel('Client secret', { exact: true })).toHaveValue(secret);
        return [{ name: 'client secret', value: secret }];
      },
    };
  }),
  {
    method: 'private_key_jwt (generated key, Register with sandbox)',
    usesKey: true,
    async configure(page: Page) {
      await chooseDemoClient(page, 'sandbox-basic');
      await page.getByLabel('Authentication method').selectOption('private_key_jwt');
      await page.getByRole('button', { name: 'Generate key pair' }).click();
      await expect(page.getByLabel('Key ID (kid)')).not.toHaveValue('');
      await page.getByRole('button', { name: 'Register with sandbox' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Registered with the sandbox' })).toBeVisible();
      await expect(page.getByLabel('Client ID')).not.toHaveValue('sandbox-basic');
      return [];
    },
  },
  {
    method: 'private_key_jwt (imported PEM)',
    usesKey: true,
    async configure(page: Page) {
      const demo: SandboxClientWithJwks = await demoClient(page.request, 'sandbox-private-key-jwt');
      const pem = demo.private_key_pem!;
      await chooseDemoClient(page, 'sandbox-basic');
      await page.getByLabel('Authentication method').selectOption('private_key_jwt');
      await page.getByLabel('Signing algorithm').selectOption('RS256');
      await page.getByLabel('Private key').fill(pem);
      await page.getByRole('button', { name: 'Import key' }).click();
      // Imported non-extractable, then the text is cleared from the page.
      await expect(page.getByLabel('Private key')).toHaveValue('');
      await expect(page.getByLabel('Key ID (kid)')).toHaveValue(demo.jwks!.keys[0]!.kid!);
      await page.getByLabel('Client ID').fill('sandbox-private-key-jwt');
      return pemMaterialLines(pem).map((line, i) => ({ name: `PEM line ${i + 1}`, value: line }));
    },
  },
];

/** The credentials actually sent: the Basic credential, a posted secret or the client assertion. */
function sentCredentials(recorder: PageRecorder): Needle[] {
  const needles: Needle[] = [];
  for (const request of recorder.tokenRequests) {
    const basic = /^Basic (.+)$/i.exec(request.headers()['authorization'] ?? '')?.[1];
    if (basic) needles.push({ name: 'Basic credential', value: basic });
    const form = new URLSearchParams(request.postData() ?? '');
    const secret = form.get('client_secret');
    if (secret) needles.push({ name: 'posted client_secret', value: secret });
    const assertion = form.get('client_assertion');
    if (assertion) {
      needles.push({ name: 'client assertion', value: assertion }, { name: 'client assertion signature', value: jwsSignature(assertion) });
    }
  }
  return needles;
}

for (const run of runs) {
  test(`no leak with ${run.method}`, async ({ page }) => {
    const recorder = recordPage(page);
    const dom: Record<string, string> = {};
    await openSandboxFlow(page);
    const needles = await run.configure(page);
    dom['DOM step 1'] = await readDomText(page);

    await goToStep(page, 2);
    // Each export language in turn (the generators load on first use), so every program is on the page when read.
    for (const label of await exportLanguages(page)) {
      await exportAs(page, label);
      dom[`DOM step 2 (${label} export)`] = await readDomText(page);
    }
    expect(Object.keys(dom).length, 'step 1 plus eight exports').toBe(9);

    await getToken(page);
    await expect(page.getByRole('button', { name: 'Reveal access token' })).toBeVisible();
    dom['DOM step 3'] = await readDomText(page);
    await goToStep(page, 4);
    dom['DOM step 4'] = await readDomText(page);

    const storage = await readWebStorage(page);
    // One storage item holds every cached token, one per token cache key (src/utils/tokenStorage.ts): here, one token.
    expect(storage.tokenStore, 'exactly one token store item').toHaveLength(1);
    const { tokens } = JSON.parse(storage.tokenStore[0]!) as { tokens: Array<{ accessToken: string }> };
    expect(tokens, 'exactly one stored token').toHaveLength(1);
    const accessToken = tokens[0]!.accessToken;
    expect(accessToken.split('.')).toHaveLength(3);
    // The evidence is real: the page shows the masked token (first and last 10 characters), not nothing.
    expect(dom['DOM step 3']).toContain(`${accessToken.slice(0, 10)}…${accessToken.slice(-10)}`);
    const sent = sentCredentials(recorder);
    expect(sent.length, 'the token request carried credentials to look for').toBeGreaterThan(0);
    needles.push(...sent, { name: 'access token', value: accessToken }, { name: 'access token signature', value: jwsSignature(accessToken) });

    const logs = await readLogDrawer(page);
    expect(logs.exported).toContain('"module"');
    const idb = await readIndexedDb(page);

    const leaks = findLeaks(needles, {
      console: recorder.console.join('\n'),
      'log drawer': logs.shown,
      'log export': logs.exported,
      localStorage: storage.local.join('\n'),
      'sessionStorage (outside the token store)': storage.session.join('\n'),
      IndexedDB: idb.text,
      'requested URLs': recorder.urls.join('\n'),
      ...dom,
    });
    expect(leaks).toEqual([]);

    expect(idb.hasJwkD, 'no JWK private member d in IndexedDB').toBe(false);
    expect(idb.text).not.toMatch(/PRIVATE KEY/);
    const privateKeys = idb.cryptoKeys.filter((k) => k.type === 'private');
    if (run.usesKey) expect(privateKeys.length).toBeGreaterThan(0);
    for (const key of privateKeys) expect(key.extractable, `private CryptoKey ${key.algorithm}`).toBe(false);
  });
}
