// The flow session with a hosted provider row (Entra ID, Auth0, Okta, Keycloak, Cognito), without React: choosing the
// row, typing its fields, what they fill, the row's defaults, field-level errors, the relay pre-tick, persistence,
// and Entra's certificate credential in the request's assertion header — all on real core code.
import { readFileSync } from 'node:fs';
import { IDBFactory } from 'fake-indexeddb';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { describe, expect, it, vi } from 'vitest';
import { createAuthStores, type AuthStores } from '../../../contexts/authStores';
import type { ProviderId } from '../../../config/providerBasics';
import { PROVIDERS } from '../../../config/providers';
import { resolveConfig } from '../../../services/config/resolve';
import { createDefaultSettings } from '../../../services/config/settings';
import { createMemoryStorage, type KeyValueStorage } from '../../../utils/storage';
import { createFlowPersistence } from './flowPersistence';
import { createFlowSession, type FlowSession } from './flowSession';
import { managementEndpointsOf } from './session/managementActions';
import { isPreviewPending } from './session/previewActions';
import { selectedKeyOf } from './session/sessionContext';

const fixture = (name: string) => readFileSync(new URL(`../../../../tests/providers/fixtures/${name}`, import.meta.url), 'utf8');
/** openssl-computed thumbprints of the TEST-ONLY fixture certificate (see src/utils/x509Thumbprint.test.ts). */
const CERT_X5T_S256 = '1s5Z7wTstJ1L2uCjwB98DsWF4HTHKcOEr9cs_W0IRXI';

type Hosted = 'entra' | 'auth0' | 'okta' | 'keycloak' | 'cognito';

/** Each row's fields as a person types them, and the token endpoint its documentation gives for them. */
const ROWS: Record<Hosted, { fields: Record<string, string>; tokenEndpoint: string }> = {
  // https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow#get-a-token
  entra: { fields: { tenant: 'contoso.onmicrosoft.com' }, tokenEndpoint: 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token' },
  // https://auth0.com/docs/secure/tokens/access-tokens/get-access-tokens
  auth0: { fields: { domain: 'example-tenant.us.auth0.com' }, tokenEndpoint: 'https://example-tenant.us.auth0.com/oauth/token' },
  // https://developer.okta.com/docs/guides/implement-client-creds/ (the `default` server the field starts with)
  okta: { fields: { domain: 'dev-123456.okta.com' }, tokenEndpoint: 'https://dev-123456.okta.com/oauth2/default/v1/token' },
  // https://www.keycloak.org/securing-apps/oidc-layers
  keycloak: { fields: { baseUrl: 'https://sso.example.com', realm: 'acme' }, tokenEndpoint: 'https://sso.example.com/realms/acme/protocol/openid-connect/token' },
  // https://docs.aws.amazon.com/cognito/latest/developerguide/token-endpoint.html
  cognito: { fields: { domain: 'my-prefix.auth.us-east-1.amazoncognito.com' }, tokenEndpoint: 'https://my-prefix.auth.us-east-1.amazoncognito.com/oauth2/token' },
};
const HOSTED = Object.keys(ROWS) as Hosted[];

function newStores(indexedDB = new IDBFactory()): AuthStores {
  return createAuthStores({ indexedDB, sessionStorage: createMemoryStorage(), localStorage: createMemoryStorage() });
}

function newSession(stores: AuthStores, storage: KeyValueStorage = createMemoryStorage(), preset: ProviderId = 'sandbox') {
  const config = resolveConfig({ defaults: createDefaultSettings({ clientCredentialsEnabled: true }), typed: { provider: { preset } } });
  // No sandbox here: /sandbox/info is "unreachable", as when it is not running.
  const effects = { getSandboxInfo: async () => Promise.reject(new Error('no sandbox')) };
  const session = createFlowSession({ stores, config, persistence: createFlowPersistence(() => storage), effects });
  const stop = session.start();
  return { session, stop, storage };
}

async function choose(session: FlowSession, provider: Hosted, fields: Record<string, string> = ROWS[provider].fields) {
  await session.setProvider(provider);
  for (const [key, value] of Object.entries(fields)) session.setProviderField(key, value);
}

describe('choosing a hosted provider row', () => {
  it.each(HOSTED)('%s: its fields fill the token endpoint, its methods and defaults apply, its relay note is followed', async (provider) => {
    const stores = newStores();
    const { session, stop } = newSession(stores);
    await choose(session, provider);
    const { form, sources } = session.getSnapshot();
    const row = PROVIDERS[provider];

    expect(form.provider).toBe(provider);
    expect(form.tokenEndpoint).toBe(ROWS[provider].tokenEndpoint);
    expect(sources.tokenEndpoint).toBe('typed');
    expect(row.authMethods).toContain(form.authMethod);
    // The sandbox's default PingOne scopes mean nothing to this provider.
    expect(form.scopes).toEqual([]);
    // Only Entra refuses browser calls (AADSTS9002326): the relay comes pre-ticked there and nowhere else.
    expect(form.viaRelay).toBe(row.hosted?.browserRefused !== undefined);
    expect((form as { assertionAudience?: string }).assertionAudience).toBe(row.assertionAudience);
    expect(form.issuerOrDiscoveryUrl).toBe(row.hosted?.endpoints(form.providerFields).discoveryUrl);
    // The status bar names the row and the server its fields point at.
    expect(stores.identity.getSnapshot().selected).toEqual({ provider, label: row.label, host: new URL(ROWS[provider].tokenEndpoint).host });
    stop();
  });

  it('a field typed wrong shows its own error on blur, keeps the text, and leaves the token endpoint empty', async () => {
    const { session } = newSession(newStores());
    await choose(session, 'entra', { tenant: 'common' });
    session.touch('providerFields.tenant');
    const s = session.getSnapshot();
    expect(s.errors['providerFields.tenant']).toMatch(/AADSTS9001023/);
    expect(s.form.providerFields.tenant).toBe('common');
    expect(s.form.tokenEndpoint).toBe('');
    // The error goes away as soon as the value is fixed.
    session.setProviderField('tenant', 'contoso.onmicrosoft.com');
    expect(session.getSnapshot().errors['providerFields.tenant']).toBeUndefined();
  });

  it('submit names the row fields first (screen order) and Auth0’s required audience with the row’s message', async () => {
    const { session } = newSession(newStores());
    await session.setProvider('auth0');
    const first = session.checkConfiguration();
    expect(first).toBe('providerFields.domain');
    expect(session.getSnapshot().errors.audience).toBe(PROVIDERS.auth0.hosted?.requiredParameters[0]?.message);
    session.setField('audience', 'https://api.example.com/');
    session.touch('audience');
    expect(session.getSnapshot().errors.audience).toBeUndefined();
  });

  it('switching rows starts the new row’s fields afresh (Auth0’s domain is not Okta’s) and the relay leaves with Entra', async () => {
    const { session } = newSession(newStores());
    await choose(session, 'auth0');
    await session.setProvider('okta');
    expect(session.getSnapshot().form.providerFields).toEqual({ domain: '', authorizationServer: 'default' });
    expect(session.getSnapshot().form.tokenEndpoint).toBe('');
    await choose(session, 'entra');
    expect(session.getSnapshot().form.viaRelay).toBe(true);
    await session.setProvider('custom');
    expect(session.getSnapshot().form).toMatchObject({ viaRelay: false, providerFields: {}, tokenEndpoint: '' });
  });

  it('the row’s fields survive a reload, and Okta’s and Keycloak’s give introspection and revocation', async () => {
    const stores = newStores();
    const first = newSession(stores);
    await choose(first.session, 'keycloak');
    first.stop();
    const { session } = newSession(stores, first.storage);
    const s = session.getSnapshot();
    expect(s.form).toMatchObject({ provider: 'keycloak', providerFields: ROWS.keycloak.fields, tokenEndpoint: ROWS.keycloak.tokenEndpoint });
    expect(managementEndpointsOf(s)).toEqual({
      introspection: 'https://sso.example.com/realms/acme/protocol/openid-connect/token/introspect',
      revocation: 'https://sso.example.com/realms/acme/protocol/openid-connect/revoke',
    });
  });
});

/** A 2048-bit RSA key in PKCS#8 PEM that is not the fixture certificate's. */
async function anotherRsaKeyPem(): Promise<string> {
  const pair = await crypto.subtle.generateKey(
    { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, true, ['sign', 'verify'],
  );
  const der = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
  const base64 = btoa(String.fromCharCode(...der)).replace(/(.{64})/g, '$1\n');
  return `-----BEGIN PRIVATE KEY-----\n${base64}\n-----END PRIVATE KEY-----\n`;
}

describe('Entra ID certificate credential', () => {
  async function previewHeader(session: FlowSession) {
    await vi.waitFor(() => {
      const s = session.getSnapshot();
      expect(isPreviewPending(s)).toBe(false);
      expect(s.preview.description).not.toBeNull();
    });
    const body = new URLSearchParams(session.getSnapshot().preview.description!.body);
    const assertion = body.get('client_assertion')!;
    return { header: decodeProtectedHeader(assertion), claims: decodeJwt(assertion) };
  }

  it('the imported certificate’s thumbprint goes in the assertion header, with x5t too when chosen, and survives a reload', async () => {
    const indexedDB = new IDBFactory();
    const stores = newStores(indexedDB);
    const { session, stop } = newSession(stores);
    await choose(session, 'entra');
    session.setField('clientId', '11111111-2222-3333-4444-555555555555');
    session.setAuthMethod('private_key_jwt');

    expect(await session.importCertificate(fixture('TEST-ONLY-entra-cert.pem'), fixture('TEST-ONLY-entra-key.pem'))).toBeUndefined();
    const key = selectedKeyOf(session.getSnapshot());
    expect(key?.privateKey.extractable).toBe(false);
    const first = await previewHeader(session);
    let { header } = first;
    const { claims } = first;
    // certificate-credentials: alg PS256, x5t#S256; aud = the tenant's v2.0 token endpoint.
    expect(header).toMatchObject({ alg: 'PS256', 'x5t#S256': CERT_X5T_S256 });
    expect(header.x5t).toBeUndefined();
    expect(claims.aud).toBe(ROWS.entra.tokenEndpoint);

    session.setField('certificateHeader', 'both');
    ({ header } = await previewHeader(session));
    expect(header['x5t#S256']).toBe(CERT_X5T_S256);
    expect(typeof header.x5t).toBe('string');
    stop();

    // The key store keeps the thumbprints with the (non-extractable) key.
    const [record] = await newStores(indexedDB).credentialManager.loadKeys();
    expect(record?.certificate?.['x5t#S256']).toBe(CERT_X5T_S256);
  });

  it('a key that is not the certificate’s is refused with a message (no key material in it) and nothing is selected', async () => {
    const { session } = newSession(newStores());
    await choose(session, 'entra');
    session.setAuthMethod('private_key_jwt');
    const other = await anotherRsaKeyPem();
    const message = await session.importCertificate(fixture('TEST-ONLY-entra-cert.pem'), other);
    expect(message).toMatch(/does not belong to the certificate/);
    expect(message).not.toContain('BEGIN');
    expect(selectedKeyOf(session.getSnapshot())).toBeUndefined();
  });

  it('a plain generated key sends no thumbprint header', async () => {
    const { session } = newSession(newStores());
    await choose(session, 'entra');
    session.setField('clientId', 'client-1');
    session.setAuthMethod('private_key_jwt');
    await session.generateKey('ES256');
    const { header } = await previewHeader(session);
    expect(header['x5t#S256']).toBeUndefined();
  });
});
