// The flow session (issue 18), end to end against the sandbox and the relay: one sign-out forgets everything but the
// saved profiles — the token, storage, the DPoP key (a key made after it survives leaving and coming back), a pasted
// mTLS certificate at the relay — and an opaque token is "not applicable" to the RFC 9068 checks, with introspection and revocation drawn
// in the sequence diagram in order.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { configureSandbox, getToken, goToStep, tokenStatus } from './support/flow';
import { CERT_DIR, RELAY_URL } from './support/relay';
import { resetSandbox, SANDBOX_MTLS_ORIGIN } from './support/sandbox';

test.beforeEach(async ({ request }) => {
  await resetSandbox(request);
});

/** The DPoP key thumbprint step 1 shows (the box must be ticked). */
async function shownJkt(page: Page): Promise<string> {
  const code = page.getByText(/DPoP key thumbprint \(jkt\)/).locator('code');
  await expect(code).toHaveText(/^[A-Za-z0-9_-]{43}$/);
  return (await code.textContent()) ?? '';
}

/** Every key in both Web Storages and every record in the app's IndexedDB key store, as text. */
async function storedEverything(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const web = [sessionStorage, localStorage].flatMap((s) => Object.keys(s).map((k) => `${k}=${s.getItem(k)}`));
    const keys = await new Promise<string[]>((resolve) => {
      const open = indexedDB.open('m2m-playground');
      open.onerror = () => resolve([]);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('keys')) return resolve([]);
        const all = db.transaction('keys').objectStore('keys').getAllKeys();
        all.onsuccess = () => resolve(all.result.map(String));
        all.onerror = () => resolve([]);
      };
    });
    return JSON.stringify({ web, keys });
  });
}

test('Sign out forgets the DPoP key once: a key made after it is the same after going Home and back', async ({ page }) => {
  await configureSandbox(page, { client: 'sandbox-dpop' });
  await page.getByLabel('Bind the token with DPoP').check();
  const before = await shownJkt(page);
  await getToken(page);
  await expect(tokenStatus(page)).toContainText('expires in');

  await tokenStatus(page).getByRole('button', { name: 'Sign out' }).click();
  await expect(tokenStatus(page)).toContainText('No token');
  // Nothing of that session is left: no token, no history, no secret, no signing key. The saved profile stays (it
  // holds configuration, never a secret: issue 22), so the box may come back ticked — with a new key, never the old.
  const stored = await storedEverything(page);
  for (const prefix of ['m2m-playground:token', 'm2m-playground:history', 'm2m-playground:secret:']) expect(stored).not.toContain(prefix);
  expect(JSON.parse(stored).keys.filter((k: string) => k !== 'dpop-key')).toEqual([]);

  await page.getByLabel('Bind the token with DPoP').check();
  const after = await shownJkt(page);
  expect(after).not.toBe(before);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Client Credentials' }).click();
  await expect(page.getByLabel('Bind the token with DPoP')).toBeChecked();
  expect(await shownJkt(page)).toBe(after);
});

test('Sign out asks the relay to drop a pasted certificate: its credential id no longer works', async ({ page, request }) => {
  await configureSandbox(page, { client: 'sandbox-tls' });
  for (const field of ['Client certificate file', 'Client key file']) await page.getByLabel(field).fill('');
  await page.getByText('Or paste a certificate and key').click();
  await page.getByLabel('Certificate (PEM)').fill(await readFile(join(CERT_DIR, 'DEMO-ONLY-sandbox-tls.crt.pem'), 'utf8'));
  await page.getByLabel('Private key (PEM)').fill(await readFile(join(CERT_DIR, 'DEMO-ONLY-sandbox-tls.key.pem'), 'utf8'));
  const uploaded = page.waitForResponse((r) => r.url().endsWith('/credentials') && r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Hand to the relay' }).click();
  const { credentialId } = (await (await uploaded).json()) as { credentialId: string };
  await expect(page.getByRole('group', { name: 'Certificate held by the relay' })).toBeVisible();

  // The id works at the relay now (same origin as the page)...
  const origin = new URL(page.url()).origin;
  const forward = () =>
    request.post(`${RELAY_URL}/forward`, {
      headers: { origin },
      data: { method: 'GET', url: `${SANDBOX_MTLS_ORIGIN}/sandbox/info`, headers: {}, body: null, mtls: { credentialId } },
    });
  expect((await forward()).status()).not.toBe(400);

  await tokenStatus(page).getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('group', { name: 'Certificate held by the relay' })).toHaveCount(0);
  // ...and after sign-out the relay no longer knows it.
  await expect.poll(async () => (await forward()).status()).toBe(400);
});

test('an opaque token: the checks say not applicable, nothing red; introspect and revoke are drawn in order', async ({ page }) => {
  await configureSandbox(page, { client: 'sandbox-opaque' });
  await goToStep(page, 3);
  await page.getByRole('button', { name: 'Get token', exact: true }).click();
  const checks = page.getByRole('region', { name: 'Token checks (RFC 9068)' });
  await expect(checks).toContainText('Not applicable to this token.');
  await expect(checks).not.toContainText(/failed/i);
  await expect(page.locator('.check-failed, .checks-failed')).toHaveCount(0);

  await page.getByRole('button', { name: 'Introspect token', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Introspection result' })).toContainText('active: true');
  await page.getByRole('button', { name: 'Revoke token', exact: true }).click();
  await expect(tokenStatus(page)).toContainText('revoked');

  const listed = page.getByRole('figure', { name: 'Sequence diagram' }).getByRole('list', { name: 'Exchanges in order' }).getByRole('listitem');
  await expect(listed).toHaveCount(3);
  await expect(listed.nth(0)).toContainText(/POST \/[\w-]+\/as\/token/);
  await expect(listed.nth(1)).toContainText(/POST \/[\w-]+\/as\/introspect/);
  await expect(listed.nth(2)).toContainText(/POST \/[\w-]+\/as\/revoke/);
});
