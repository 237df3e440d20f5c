// QA against a real tenant (issue 11 item 6): the auth-method specs read the target from E2E_* variables; every
// sandbox-only spec is then skipped with a printed reason (fixtures.ts), since a real server has no demo clients.
import { readFile } from 'node:fs/promises';
import { expect, type Page } from '@playwright/test';
import { FLOW_PATH, type AuthMethodName } from './flow';

/**
 * The hosted provider rows a real tenant can be: the `Provider` option, and each field's exact label (product spec)
 * with the variable that fills it (and its value when unset; none means required).
 */
const HOSTED_TENANTS = {
  entra: { option: 'Microsoft Entra ID', fields: [['Tenant ID or domain', 'E2E_ENTRA_TENANT']] },
  auth0: { option: 'Auth0', fields: [['Auth0 domain', 'E2E_AUTH0_DOMAIN']] },
  okta: { option: 'Okta', fields: [['Okta domain', 'E2E_OKTA_DOMAIN'], ['Authorization server', 'E2E_OKTA_AUTH_SERVER', 'default']] },
  keycloak: { option: 'Keycloak', fields: [['Keycloak base URL', 'E2E_KEYCLOAK_BASE_URL'], ['Realm', 'E2E_KEYCLOAK_REALM']] },
  cognito: { option: 'Amazon Cognito', fields: [['Cognito domain', 'E2E_COGNITO_DOMAIN']] },
} as const satisfies Record<string, { option: string; fields: ReadonlyArray<readonly [string, string, string?]> }>;
type HostedTenant = keyof typeof HOSTED_TENANTS;
const PROVIDERS = ['custom', 'pingone', ...Object.keys(HOSTED_TENANTS)] as const;

function isHosted(provider: string): provider is HostedTenant {
  return provider in HOSTED_TENANTS;
}

/** A hosted row's fields from its variables, by label; a missing required one stops the run with its name. */
function hostedFields(provider: HostedTenant, env: NodeJS.ProcessEnv): Array<[label: string, value: string]> {
  return HOSTED_TENANTS[provider].fields.map((field: readonly [string, string, string?]) => {
    const [label, variable, fallback] = field;
    const value = env[variable]?.trim() || fallback;
    if (!value) throw new Error(`E2E_PROVIDER=${provider}: ${variable} (${label}) is required`);
    return [label, value];
  });
}

export interface RealTenant {
  /**
   * `custom` (any OAuth server, by token endpoint or issuer), `pingone` (by issuer `https://auth.pingone.{tld}/{env}/as`),
   * or a hosted row (`entra`, `auth0`, `okta`, `keycloak`, `cognito`) named by its own fields' variables.
   */
  provider: (typeof PROVIDERS)[number];
  /** A hosted row's fields as [exact label, value]. */
  fields: Array<[label: string, value: string]>;
  /** `Audience` (Auth0 requires it: E2E_AUDIENCE). */
  audience?: string;
  /** Entra's certificate credential: a PEM certificate whose key is E2E_PRIVATE_KEY_FILE. */
  certificateFile?: string;
  tokenEndpoint?: string;
  issuer?: string;
  clientId: string;
  clientSecret?: string;
  privateKeyFile?: string;
  scopes: string[];
  viaRelay: boolean;
  /** The method the client is registered for: E2E_AUTH_METHOD, else private_key_jwt with a key file, else client_secret_basic. */
  method: AuthMethodName;
}

function readRealTenant(env: NodeJS.ProcessEnv): RealTenant | undefined {
  const provider = env.E2E_PROVIDER?.trim();
  if (!provider) return undefined;
  if (!(PROVIDERS as readonly string[]).includes(provider)) throw new Error(`E2E_PROVIDER=${provider}: expected one of ${PROVIDERS.join(', ')}`);
  const clientId = env.E2E_CLIENT_ID?.trim();
  if (!clientId) throw new Error('E2E_PROVIDER is set: E2E_CLIENT_ID is required too');
  const hosted = isHosted(provider);
  if (!hosted && !env.E2E_TOKEN_ENDPOINT && !env.E2E_ISSUER) throw new Error('E2E_PROVIDER is set: give E2E_TOKEN_ENDPOINT or E2E_ISSUER');
  const audience = env.E2E_AUDIENCE?.trim() || undefined;
  if (provider === 'auth0' && !audience) throw new Error('E2E_PROVIDER=auth0: E2E_AUDIENCE (the API identifier) is required');
  const method = (env.E2E_AUTH_METHOD?.trim() || (env.E2E_PRIVATE_KEY_FILE ? 'private_key_jwt' : 'client_secret_basic')) as AuthMethodName;
  return {
    provider: provider as RealTenant['provider'],
    fields: hosted ? hostedFields(provider, env) : [],
    audience,
    certificateFile: env.E2E_CERTIFICATE_FILE || undefined,
    tokenEndpoint: env.E2E_TOKEN_ENDPOINT?.trim() || undefined,
    issuer: env.E2E_ISSUER?.trim() || undefined,
    clientId,
    clientSecret: env.E2E_CLIENT_SECRET || undefined,
    privateKeyFile: env.E2E_PRIVATE_KEY_FILE || undefined,
    scopes: (env.E2E_SCOPES ?? '').split(/[\s,]+/).filter(Boolean),
    viaRelay: ['1', 'true', 'yes'].includes((env.E2E_VIA_RELAY ?? '').toLowerCase()),
    method,
  };
}

export const REAL_TENANT = readRealTenant(process.env);
/** The title tag of the tests that run against a real tenant; every other test is sandbox-only. */
export const REAL_TENANT_TAG = '@real-tenant';
export const SANDBOX_ONLY_REASON = 'E2E_PROVIDER is set: this spec needs the local sandbox (demo clients, faults, admin API), skipped against a real tenant';

if (REAL_TENANT) {
  // Once per worker: the list reporter shows skipped tests without their reason.
  console.warn(`[e2e] E2E_PROVIDER=${REAL_TENANT.provider}: only @real-tenant tests run (${REAL_TENANT.method}${REAL_TENANT.viaRelay ? ', via the local relay' : ''}); every other test is skipped: ${SANDBOX_ONLY_REASON}.`);
}

/** PingOne's issuer `https://auth.pingone.{tld}/{envId}/as` → the region code and environment ID the form asks for. */
function pingOneParts(issuer: string): { region: string; environmentId: string } {
  const match = /^https:\/\/auth\.pingone\.([a-z.]+)\/([0-9a-f-]{36})\/as\/?$/i.exec(issuer);
  if (!match) throw new Error(`E2E_ISSUER=${issuer} is not a PingOne issuer (https://auth.pingone.{tld}/{envId}/as)`);
  const regionByTld: Record<string, string> = { com: 'NA', ca: 'CA', eu: 'EU', 'com.au': 'AU', sg: 'SG', asia: 'AP' };
  return { region: regionByTld[match[1]!.toLowerCase()] ?? 'NA', environmentId: match[2]! };
}

/** Step 1 for the real tenant, as a person would fill it. */
export async function configureRealTenant(page: Page, t: RealTenant): Promise<void> {
  await page.goto(FLOW_PATH);
  if (t.provider === 'pingone') {
    await page.getByLabel('Provider').selectOption({ label: 'PingOne' });
    const { region, environmentId } = pingOneParts(t.issuer ?? '');
    await page.getByLabel('Region').selectOption(region);
    await page.getByLabel('Environment ID').fill(environmentId);
  } else if (isHosted(t.provider)) {
    await page.getByLabel('Provider').selectOption({ label: HOSTED_TENANTS[t.provider].option });
    for (const [label, value] of t.fields) await page.getByLabel(label, { exact: true }).fill(value);
    await expect(page.getByLabel('Token endpoint')).not.toHaveValue('');
  } else {
    await page.getByLabel('Provider').selectOption({ label: 'Custom' });
    if (t.issuer) {
      await page.getByLabel('Issuer or discovery URL').fill(t.issuer);
      await page.getByRole('button', { name: 'Discover' }).click();
      await expect(page.getByLabel('Token endpoint')).not.toHaveValue('');
    }
    if (t.tokenEndpoint) await page.getByLabel('Token endpoint').fill(t.tokenEndpoint);
  }
  await page.getByLabel('Authentication method').selectOption(t.method);
  await page.getByLabel('Client ID').fill(t.clientId);
  if (t.clientSecret && t.method.startsWith('client_secret')) await page.getByLabel('Client secret', { exact: true }).fill(t.clientSecret);
  if (t.privateKeyFile && t.method === 'private_key_jwt' && t.certificateFile) {
    // A certificate credential (Entra ID): the certificate and its key, pasted together.
    await page.getByLabel('Certificate (PEM)', { exact: true }).fill(await readFile(t.certificateFile, 'utf8'));
    await page.getByLabel('Certificate key (PEM)', { exact: true }).fill(await readFile(t.privateKeyFile, 'utf8'));
    await page.getByRole('button', { name: 'Import certificate' }).click();
  } else if (t.privateKeyFile && t.method === 'private_key_jwt') {
    await page.getByLabel('Private key', { exact: true }).fill(await readFile(t.privateKeyFile, 'utf8'));
    await page.getByRole('button', { name: 'Import key' }).click();
  }
  if (t.audience) await page.getByLabel('Audience', { exact: true }).fill(t.audience);
  if (t.scopes.length > 0) {
    const scopes = page.getByLabel('Scopes');
    for (const scope of t.scopes) {
      await scopes.fill(scope);
      await scopes.press('Enter');
    }
  }
  // A row that refuses browsers (Entra ID) has the box ticked already; check() leaves it ticked.
  if (t.viaRelay) await page.getByRole('checkbox', { name: 'Send through the local relay' }).first().check();
}
