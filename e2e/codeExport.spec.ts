// Step 2's code export end to end (issue 23): for client_secret_basic and private_key_jwt against the sandbox,
// `Export as` offers every language, `Exported code` shows each program, `Copy code` puts exactly that on the
// clipboard, and no credential is in any of them unless `Reveal secrets in export` is ticked (cURL and fetch only).
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { configureSandbox, exportAs, exportLanguages, goToStep, openSandboxFlow, type SandboxClientWithJwks } from './support/flow';
import { pemMaterialLines, type Needle } from './support/leaks';
import { demoClient, resetSandbox } from './support/sandbox';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test.beforeEach(async ({ request }) => {
  await resetSandbox(request);
});

/** What `Export as` lists, and a line only that language's export has (so the region shows the chosen program). */
const LANGUAGES: ReadonlyArray<readonly [label: string, marker: string]> = [
  ['cURL', 'curl --request POST'],
  ['fetch', 'await fetch('],
  ['Node', 'class TokenCache {'],
  ['Python', 'import requests'],
  ['Go', 'package main'],
  ['Java', 'public class Token {'],
  ['C#', 'sealed class TokenCache'],
  ['PowerShell', '$Params = @('],
];
const PROGRAMS = LANGUAGES.map(([label]) => label).filter((label) => label !== 'cURL' && label !== 'fetch');

/** A compact JWS anywhere in a text: a preview assertion copied into an export would look like this. */
const COMPACT_JWS = /eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/;

/** RFC 6749 §2.3.1's Basic credential for the demo client, to look for in the exports. */
function basicCredential(clientId: string, secret: string): string {
  const encode = (value: string) => new URLSearchParams([['', value]]).toString().slice(1);
  return Buffer.from(`${encode(clientId)}:${encode(secret)}`).toString('base64');
}

const readClipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

function expectNoNeedle(text: string, needles: readonly Needle[], where: string): void {
  for (const needle of needles) expect(text.includes(needle.value), `${needle.name} in ${where}`).toBe(false);
}

/** Shows and copies every export in turn; returns each one's code, checked against the needles and for a JWS. */
async function exportEverything(page: Page, needles: readonly Needle[], expected: { tokenEndpoint: string; clientId: string }) {
  expect(await exportLanguages(page)).toEqual(LANGUAGES.map(([label]) => label));
  const codes: Record<string, string> = {};
  for (const [label, marker] of LANGUAGES) {
    const { figure, code } = await exportAs(page, label);
    expect(code, label).toContain(marker);
    expect(code, label).toContain(expected.tokenEndpoint);
    if (PROGRAMS.includes(label)) expect(code, label).toContain(expected.clientId);
    expectNoNeedle(code, needles, label);
    expect(code, `${label} carries no signed JWT`).not.toMatch(COMPACT_JWS);

    await figure.getByRole('button', { name: 'Copy code' }).click();
    // The clipboard holds exactly what the region shows (each language's code differs, so this is this copy).
    await expect.poll(() => readClipboard(page), { message: `clipboard after copying ${label}` }).toBe(code);
    codes[label] = code;
  }
  return codes;
}

test('client_secret_basic: every language is offered, shown and copied, the secret only in a revealed cURL and fetch', async ({ page, request }) => {
  const secret = (await demoClient(request, 'sandbox-basic')).client_secret!;
  const basic = basicCredential('sandbox-basic', secret);
  const needles: Needle[] = [
    { name: 'client secret', value: secret },
    { name: 'Basic credential', value: basic },
  ];
  await configureSandbox(page, { client: 'sandbox-basic' });
  const tokenEndpoint = await page.getByLabel('Token endpoint').inputValue();
  await goToStep(page, 2);

  const codes = await exportEverything(page, needles, { tokenEndpoint, clientId: 'sandbox-basic' });
  expect(codes['cURL']).toContain('${BASIC_CREDENTIALS}');
  for (const program of PROGRAMS) expect(codes[program], program).toContain('OAUTH_CLIENT_SECRET');

  await page.getByRole('checkbox', { name: 'Reveal secrets in export' }).check();
  expect((await exportAs(page, 'cURL')).code).toContain(basic);
  expect((await exportAs(page, 'fetch')).code).toContain(basic);
  // A program reads the secret from its environment whatever the box says.
  for (const program of PROGRAMS) expectNoNeedle((await exportAs(page, program)).code, needles, `${program} (revealed)`);
});

test('private_key_jwt: every language is offered, shown and copied; programs read the key file, never a key or an assertion', async ({ page, request }) => {
  const client: SandboxClientWithJwks = await demoClient(request, 'sandbox-private-key-jwt');
  const pem = client.private_key_pem;
  const kid = client.jwks?.keys[0]?.kid;
  if (!pem || !kid) throw new Error('/sandbox/info lists no private_key_pem or registered kid for the private_key_jwt demo client');
  const needles = pemMaterialLines(pem).map((line, i) => ({ name: `PEM line ${i + 1}`, value: line }));
  expect(needles.length).toBeGreaterThan(0);

  await openSandboxFlow(page);
  await page.getByLabel('Authentication method').selectOption('private_key_jwt');
  await page.getByLabel('Client ID').fill(client.client_id);
  await page.getByLabel('Signing algorithm').selectOption('RS256');
  await page.getByLabel('Private key').fill(pem);
  await page.getByRole('button', { name: 'Import key' }).click();
  await expect(page.getByLabel('Private key')).toHaveValue('');
  await page.getByLabel('Key ID (kid)').fill(kid);
  const tokenEndpoint = await page.getByLabel('Token endpoint').inputValue();
  await goToStep(page, 2);

  const codes = await exportEverything(page, needles, { tokenEndpoint, clientId: client.client_id });
  expect(codes['cURL']).toContain('${CLIENT_ASSERTION}');
  for (const program of PROGRAMS) {
    expect(codes[program], program).toContain('private-key.pem');
    expect(codes[program], program).toContain(kid);
    // The signing algorithm chosen in step 1 (Go: jwt.SigningMethodRS256, .NET: SecurityAlgorithms.RsaSha256).
    expect(codes[program], program).toMatch(/RS256|SecurityAlgorithms\.RsaSha256/);
  }

  // Revealed, cURL carries the preview assertion (short-lived, one jti); the programs still sign their own.
  await page.getByRole('checkbox', { name: 'Reveal secrets in export' }).check();
  expect((await exportAs(page, 'cURL')).code).toMatch(COMPACT_JWS);
  for (const program of PROGRAMS) {
    const { code } = await exportAs(page, program);
    expectNoNeedle(code, needles, `${program} (revealed)`);
    expect(code, `${program} (revealed)`).not.toMatch(COMPACT_JWS);
  }
});
