// mTLS client authentication (RFC 8705) end to end: tls_client_auth and self_signed_tls_client_auth get
// certificate-bound tokens through the relay, step 4 lists MFA devices with the same certificate, and the bound
// token without its certificate is refused (checked from Node, outside the app).
import { readFile } from 'node:fs/promises';
import { request as httpsRequest } from 'node:https';
import { join } from 'node:path';
import { expect, test } from './support/fixtures';
import { configureSandbox, decodedToken, getToken, goToStep, requestToken, storedAccessToken } from './support/flow';
import { CERT_DIR } from './support/relay';
import { resetSandbox, sandboxInfo } from './support/sandbox';

test.describe.configure({ timeout: 60_000 });

test.beforeEach(async ({ request }) => {
  await resetSandbox(request);
});

/** A GET over HTTPS from Node that trusts only `ca` and sends no client certificate. */
function getWithoutCertificate(url: string, token: string, ca: string): Promise<{ status: number; wwwAuthenticate: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(url, { method: 'GET', ca, headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, wwwAuthenticate: String(res.headers['www-authenticate'] ?? ''), body }));
    });
    req.on('error', reject);
    req.end();
  });
}

for (const { method, client } of [
  { method: 'tls_client_auth', client: 'sandbox-tls' },
  { method: 'self_signed_tls_client_auth', client: 'sandbox-self-signed-tls' },
] as const) {
  test(`${method}: one demo-client selection → a certificate-bound token and an MFA device list through the relay`, async ({ page, request }) => {
    await configureSandbox(page, { client });
    await expect(page.getByLabel('Authentication method')).toHaveValue(method);
    await expect(page.getByRole('checkbox', { name: 'Send through the local relay' })).toBeChecked();

    await goToStep(page, 2);
    await expect(page.getByText('via local relay', { exact: true })).toBeVisible();

    await getToken(page);
    const decoded = decodedToken(page);
    await expect(decoded).toContainText(`"client_id": "${client}"`);
    await expect(decoded).toContainText('"x5t#S256"');
    await expect(page.getByText(/Bound to a client certificate \(cnf\.x5t#S256/)).toBeVisible();

    const info = await sandboxInfo(request);
    const { mtls } = info;
    if (!mtls) throw new Error('/sandbox/info lists no mTLS listener');
    const grace = info.users.find((u) => u.username === 'grace.hopper');
    if (!grace) throw new Error('/sandbox/info lists no grace.hopper');
    await goToStep(page, 4);
    await page.getByRole('combobox', { name: 'User', exact: true }).selectOption({ label: 'grace.hopper' });
    await page.getByRole('button', { name: 'List devices' }).click();
    await expect(page.getByRole('list', { name: 'MFA devices' }).getByRole('listitem')).toHaveCount(2);
    // On the sandbox's mutual-TLS listener, with the certificate the token is bound to.
    const call = page.getByRole('article', { name: /GET \/v1\/.*\/devices — HTTP 200/ });
    await expect(call).toContainText(`${mtls.apiBase}/environments/`);

    // The same token, without the certificate it is bound to, is refused by the API (RFC 8705 §3).
    const ca = await readFile(join(CERT_DIR, mtls.caRef), 'utf8');
    const token = await storedAccessToken(page);
    const refused = await getWithoutCertificate(`${mtls.apiBase}/environments/${info.environmentId}/users/${grace.id}/devices`, token, ca);
    expect(refused.status).toBe(401);
    expect(`${refused.wwwAuthenticate} ${refused.body}`).toMatch(/invalid_token/i);
  });
}

test('a server certificate the relay cannot verify gets the TLS card, and the form keeps what was set', async ({ page }) => {
  await configureSandbox(page, { client: 'sandbox-tls' });
  // Without the demo CA the relay refuses the sandbox's self-issued server certificate (it never skips verification).
  await page.getByLabel('Server CA file').fill('');
  await requestToken(page);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('TLS handshake failed');
  await expect(alert).toContainText(/tls [A-Z_]+/); // the relay's kind and OpenSSL code
  await goToStep(page, 1);
  await expect(page.getByLabel('Client certificate file')).toHaveValue('DEMO-ONLY-sandbox-tls.crt.pem');
  await expect(page.getByLabel('Authentication method')).toHaveValue('tls_client_auth');
});
