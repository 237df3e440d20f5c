// Client authentication end to end against the sandbox: the assertion audience (and the error card's suggestion),
// a hand-typed introspection endpoint, and the profile checks for a FAPI-shaped and a secret-based configuration.
import AxeBuilder from '@axe-core/playwright';
import type { Page, Request } from '@playwright/test';
import { decodeJwt } from 'jose';
import { expect, test } from './support/fixtures';
import { configureSandbox, decodedToken, getToken, goToStep, openSandboxFlow, requestToken, type SandboxClientWithJwks } from './support/flow';
import { demoClient, resetSandbox, sandboxInfo } from './support/sandbox';

test.describe.configure({ timeout: 45_000 });

test.beforeEach(async ({ request }) => {
  await resetSandbox(request);
});

/** Opens step 1's Advanced section (the audience, typ and endpoint fields live there). */
async function openAdvanced(page: Page): Promise<void> {
  await goToStep(page, 1);
  const toggle = page.getByRole('button', { name: 'Advanced', exact: true });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
}

/** A JWT demo client, with its demo key (imported by the `Demo client` choice) and its registered kid. */
async function configureJwtClient(page: Page, request: Parameters<typeof demoClient>[0], clientId: string): Promise<void> {
  const client = (await demoClient(request, clientId)) as SandboxClientWithJwks;
  const kid = client.jwks?.keys[0]?.kid;
  if (!kid) throw new Error(`/sandbox/info lists no registered kid for ${clientId}`);
  await configureSandbox(page, { client: clientId });
  await expect(page.getByRole('button', { name: 'Copy public JWKS' })).toBeVisible();
  await page.getByLabel('Key ID (kid)').fill(kid);
}

/** Every POST to a URL for which `match` holds, as sent by the page. */
function recordPosts(page: Page, match: (url: string) => boolean): Request[] {
  const seen: Request[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && match(r.url())) seen.push(r);
  });
  return seen;
}

/** The `aud` of the client assertion a recorded request carried. */
function assertionAud(request: Request): unknown {
  const assertion = new URLSearchParams(request.postData() ?? '').get('client_assertion');
  if (!assertion) throw new Error(`no client_assertion in the request to ${request.url()}`);
  return decodeJwt(assertion).aud;
}

test('sandbox-strict-audience: the default token-endpoint audience is refused; the card\'s audience button gets the token', async ({ page, request }) => {
  const { issuer, tokenEndpoint } = await sandboxInfo(request);
  await configureJwtClient(page, request, 'sandbox-strict-audience');
  const sent = recordPosts(page, (url) => url === tokenEndpoint);

  await requestToken(page);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('invalid_client');
  const suggestion = alert.getByRole('button', { name: /audience/ });
  await expect(suggestion).toHaveCount(1);
  await expect(suggestion).toHaveText('Try the issuer as audience (RFC 7523bis)');

  await suggestion.click();
  await expect(decodedToken(page)).toContainText('"client_id": "sandbox-strict-audience"', { timeout: 15_000 });
  expect(sent.map(assertionAud)).toEqual([tokenEndpoint, issuer]);

  // The mode is kept for the next calls, and what was typed is still there.
  await openAdvanced(page);
  await expect(page.getByLabel('Assertion audience')).toHaveValue('issuer');
  await expect(page.getByLabel('Client ID')).toHaveValue('sandbox-strict-audience');
});

test('sandbox-private-key-jwt with "endpoint called": introspection authenticates with the introspection URL as aud', async ({ page, request }) => {
  const { issuer, tokenEndpoint } = await sandboxInfo(request);
  const introspectionEndpoint = `${issuer}/introspect`;
  await configureJwtClient(page, request, 'sandbox-private-key-jwt');
  await openAdvanced(page);
  await page.getByLabel('Assertion audience').selectOption({ label: 'endpoint called' });
  const sent = recordPosts(page, (url) => url === tokenEndpoint || url === introspectionEndpoint);

  await goToStep(page, 2);
  await expect(page.locator('.cc-assertion-audience__sent')).toContainText(tokenEndpoint);
  await expect(page.getByRole('link', { name: 'RFC 7523bis' }).first()).toBeVisible();
  await getToken(page);
  await page.getByRole('button', { name: 'Introspect token', exact: true }).click();
  // A JWT access token is not stored, so the sandbox calls it inactive — but only once the client authenticated.
  await expect(page.getByRole('region', { name: 'Introspection result' })).toContainText('active: false');
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(sent.map((r) => [r.url(), assertionAud(r)])).toEqual([[tokenEndpoint, tokenEndpoint], [introspectionEndpoint, introspectionEndpoint]]);
});

test('an introspection endpoint typed by hand is the one called', async ({ page, request }) => {
  const { issuer } = await sandboxInfo(request);
  // The sandbox's own introspection endpoint, spelled differently from the derived one, so only the typed URL matches.
  const typed = `${issuer}/introspect?typed=by-hand`;
  await configureSandbox(page, { client: 'sandbox-opaque' });
  await openAdvanced(page);
  const field = page.getByLabel('Introspection endpoint');
  await expect(field).toHaveAttribute('placeholder', `${issuer}/introspect`);
  await field.fill(typed);
  const sent = recordPosts(page, (url) => url.startsWith(`${issuer}/introspect`));

  await getToken(page);
  await page.getByRole('button', { name: 'Introspect token', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Introspection result' })).toContainText('active: true');
  expect(sent.map((r) => r.url())).toEqual([typed]);
});

/** The `Profile checks` lines as shown: the status word and the line's text. */
async function profileLines(page: Page): Promise<Array<{ status: string; text: string }>> {
  const region = page.getByRole('region', { name: 'Profile checks' });
  const details = region.locator('details');
  if ((await details.getAttribute('open')) === null) await region.getByText(/^Each requirement/).click();
  return region.getByRole('list', { name: 'Profile requirements' }).getByRole('listitem').evaluateAll((items) =>
    items.map((li) => ({ status: li.querySelector('strong')?.textContent ?? '', text: li.textContent ?? '' })));
}

test('Profile checks: private_key_jwt + DPoP + issuer audience meets FAPI 2.0; client_secret_basic names each unmet line', async ({ page }) => {
  await openSandboxFlow(page);
  await page.getByLabel('Authentication method').selectOption('private_key_jwt');
  await page.getByRole('button', { name: 'Generate key pair' }).click();
  await expect(page.getByLabel('Key ID (kid)')).toHaveValue(/^[\w-]{43}$/);
  await page.getByLabel('Bind the token with DPoP').check();
  await openAdvanced(page);
  await page.getByLabel('Assertion audience').selectOption({ label: 'issuer (RFC 7523bis)' });

  await expect(page.getByRole('region', { name: 'Profile checks' })).toContainText('FAPI 2.0 Security Profile (final): 6 met');
  const fapi = (await profileLines(page)).filter((l) => l.text.includes('FAPI 2.0 Security Profile (final)'));
  expect(fapi.map((l) => l.status)).toEqual(['met', 'met', 'met', 'met', 'met', 'met']);
  expect(fapi[5]?.text).toContain('5.3.2.1');
  // The new fields and lines, open, pass axe like the rest of step 1.
  const axe = await new AxeBuilder({ page }).include('.cc-form').analyze();
  expect(axe.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`))).toEqual([]);

  await page.getByLabel('Authentication method').selectOption('client_secret_basic');
  await page.getByLabel('Bind the token with DPoP').uncheck();
  await expect(page.getByLabel('Client secret', { exact: true })).toBeVisible();
  const unmet = (await profileLines(page)).filter((l) => l.status === 'not met');
  expect(unmet.map((l) => l.text)).toEqual([
    expect.stringMatching(/FAPI 2\.0 Security Profile \(final\) 5\.3\.3\.1.*client_secret_basic is neither mTLS nor private_key_jwt/),
    expect.stringMatching(/FAPI 2\.0 Security Profile \(final\) 5\.3\.3\.1.*Neither DPoP nor a client certificate/),
    expect.stringMatching(/OAuth 2\.1 \(draft-ietf-oauth-v2-1-16\) 2\.4\.1.*client_secret_basic is optional/),
  ]);
});
