// DPoP (RFC 9449) end to end: a bound token (token_type DPoP, cnf.jkt shown and checked) lists MFA devices with a
// proof per call; the sandbox API refuses the same token as plain Bearer, and a replayed proof.
import type { Request } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { configureSandbox, decodedToken, getToken, goToStep } from './support/flow';
import { resetSandbox } from './support/sandbox';

test.describe.configure({ timeout: 45_000 });

test.beforeEach(async ({ request }) => {
  await resetSandbox(request);
});

test('a DPoP-bound token lists MFA devices; as Bearer or with a replayed proof the API refuses it', async ({ page, request }) => {
  await configureSandbox(page, { client: 'sandbox-dpop' });
  await page.getByLabel('Bind the token with DPoP').check();
  const jkt = (await page.getByText(/DPoP key thumbprint \(jkt\)/).locator('code').textContent())?.trim() ?? '';
  expect(jkt).toMatch(/^[A-Za-z0-9_-]{43}$/);

  // Step 2: a preview proof, decoded and linted; the cURL carries a placeholder, never a reusable proof.
  await goToStep(page, 2);
  const proofPanel = page.getByRole('region', { name: 'DPoP proof' });
  await expect(proofPanel).toContainText('"typ": "dpop+jwt"');
  await expect(proofPanel).toContainText('"htm": "POST"');
  await expect(proofPanel).toContainText('Looks right: every check passed.');
  await expect(page.getByText(/DPoP: <DPoP proof: a new ES256 JWT/).first()).toBeVisible();

  const tokenRequests: Request[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/as/token')) tokenRequests.push(r);
  });
  await getToken(page);
  // The sandbox wants a nonce: the first proof is answered use_dpop_nonce, the retry carries it.
  expect(tokenRequests.length).toBe(2);
  await expect(page.getByText('token_type is DPoP: the token is bound to the DPoP key.')).toBeVisible();
  await expect(decodedToken(page)).toContainText(jkt);
  await expect(page.getByText(`cnf.jkt is the thumbprint of this browser's DPoP key (${jkt}).`)).toBeVisible();

  await goToStep(page, 4);
  const apiCalls: Request[] = [];
  page.on('request', (r) => {
    if (r.method() === 'GET' && r.url().includes('/devices')) apiCalls.push(r);
  });
  await page.getByRole('combobox', { name: 'User', exact: true }).selectOption({ label: 'grace.hopper' });
  await page.getByRole('button', { name: 'List devices' }).click();
  await expect(page.getByRole('list', { name: 'MFA devices' }).getByRole('listitem')).toHaveCount(2);

  const sent = apiCalls.at(-1);
  if (!sent) throw new Error('no device list request seen');
  const headers = await sent.allHeaders();
  const authorization = headers.authorization ?? '';
  const proof = headers.dpop ?? '';
  expect(authorization).toMatch(/^DPoP /);
  expect(proof).toMatch(/^eyJ/);
  const token = authorization.slice('DPoP '.length);

  const asBearer = await request.get(sent.url(), { headers: { authorization: `Bearer ${token}` } });
  expect(asBearer.status()).toBe(401);
  expect(asBearer.headers()['www-authenticate']).toMatch(/^DPoP error="invalid_token"/);

  const replayed = await request.get(sent.url(), { headers: { authorization, dpop: proof } });
  expect(replayed.status()).toBe(401);
  expect(replayed.headers()['www-authenticate']).toMatch(/^DPoP error="invalid_dpop_proof".*replay/);
});
