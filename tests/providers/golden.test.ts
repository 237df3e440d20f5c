// Golden token requests for every hosted provider row × the methods it offers, built with the real core
// (provider row → endpoints → describeClientCredentialsRequest + ClientAuth factory) on a fixed clock. Every golden
// value comes from the provider's documentation page named beside it, not from the code under test.
import { readFileSync } from 'node:fs';
import { decodeJwt, decodeProtectedHeader, importX509, jwtVerify } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROVIDERS, hostedEndpoints } from '../../src/config/providers';
import type { ProviderId } from '../../src/config/providerBasics';
import type { AuthMethod, SigningAlg } from '../../src/types/token';
import { cognitoScope, entraDefaultScope } from '../../src/utils/providerScopes';
import { buildClientCredentialsBody } from '../../src/utils/oauth/body';
import {
  CLIENT_ASSERTION_TYPE,
  clientSecretBasic,
  clientSecretJwt,
  clientSecretPost,
  privateKeyJwt,
  tlsClientAuth,
  type ClientAuth,
} from '../../src/utils/oauth/clientAuth';
import { describeClientCredentialsRequest, FORM_CONTENT_TYPE } from '../../src/utils/oauth/description';
import { generateSigningKeyPair, type SigningKey } from '../../src/utils/keys';
import { importCertificateCredential, x509HeaderParameters, type CertificateCredential } from '../../src/utils/x509Thumbprint';
import { setupTestEffects } from '../support/effects';
import { VirtualClock } from '../support/virtualClock';

const fx = setupTestEffects(() => ({ clock: new VirtualClock() }));
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const CERT_PEM = fixture('TEST-ONLY-entra-cert.pem');
/** openssl-computed SHA-256 thumbprint of the fixture certificate (see src/utils/x509Thumbprint.test.ts). */
const CERT_X5T_S256 = '1s5Z7wTstJ1L2uCjwB98DsWF4HTHKcOEr9cs_W0IRXI';

let certificate: CertificateCredential;
let es256: SigningKey;
beforeAll(async () => {
  certificate = await importCertificateCredential(CERT_PEM, fixture('TEST-ONLY-entra-key.pem'), 'PS256');
  es256 = await generateSigningKeyPair('ES256');
});

interface Golden {
  provider: ProviderId;
  method: AuthMethod;
  values: Record<string, string>;
  clientId: string;
  secret?: string;
  scope?: string;
  audience?: string;
  /** Golden request: URL, Authorization header (absent = none) and the exact form body. */
  url: string;
  authorization?: string;
  body: Record<string, string>;
  /** For JWT methods: the assertion header and `aud` the provider documents. */
  assertion?: { header: Record<string, string>; aud: string };
}

const ENTRA = { tenant: 'contoso.onmicrosoft.com' };
const ENTRA_ID = '11111111-2222-3333-4444-555555555555';
// https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow#get-a-token:
// POST /{tenant}/oauth2/v2.0/token on login.microsoftonline.com; scope = {resource}/.default.
const ENTRA_TOKEN = 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token';
const GRAPH_DEFAULT = 'https://graph.microsoft.com/.default';

const AUTH0 = { domain: 'example-tenant.us.auth0.com' };
// https://auth0.com/docs/secure/tokens/access-tokens/get-access-tokens: POST https://{yourDomain}/oauth/token with audience.
const AUTH0_TOKEN = 'https://example-tenant.us.auth0.com/oauth/token';
const API = 'https://api.example.com/';

const OKTA = { domain: 'dev-123456.okta.com', authorizationServer: 'default' };
// https://developer.okta.com/docs/guides/implement-client-creds/: the custom authorization server's /v1/token.
const OKTA_TOKEN = 'https://dev-123456.okta.com/oauth2/default/v1/token';
// https://developer.okta.com/docs/guides/implement-oauth-for-okta-serviceapp/: the org authorization server.
const OKTA_ORG_TOKEN = 'https://dev-123456.okta.com/oauth2/v1/token';

const KEYCLOAK = { baseUrl: 'https://sso.example.com', realm: 'acme' };
// https://www.keycloak.org/securing-apps/oidc-layers: /realms/{realm-name}/protocol/openid-connect/token.
const KEYCLOAK_TOKEN = 'https://sso.example.com/realms/acme/protocol/openid-connect/token';

const COGNITO = { domain: 'my-prefix.auth.us-east-1.amazoncognito.com' };
// https://docs.aws.amazon.com/cognito/latest/developerguide/token-endpoint.html: POST https://{domain}/oauth2/token.
const COGNITO_TOKEN = 'https://my-prefix.auth.us-east-1.amazoncognito.com/oauth2/token';

const CASES: Golden[] = [
  // Entra ID: the secret in the body as Microsoft's example sends it; Basic "is also supported".
  { provider: 'entra', method: 'client_secret_post', values: ENTRA, clientId: ENTRA_ID, secret: 'entra-secret.value', scope: entraDefaultScope('https://graph.microsoft.com'),
    url: ENTRA_TOKEN, body: { grant_type: 'client_credentials', scope: GRAPH_DEFAULT, client_id: ENTRA_ID, client_secret: 'entra-secret.value' } },
  { provider: 'entra', method: 'client_secret_basic', values: ENTRA, clientId: ENTRA_ID, secret: 'entra-secret.value', scope: entraDefaultScope('https://graph.microsoft.com'),
    url: ENTRA_TOKEN, authorization: 'Basic MTExMTExMTEtMjIyMi0zMzMzLTQ0NDQtNTU1NTU1NTU1NTU1OmVudHJhLXNlY3JldC52YWx1ZQ==',
    body: { grant_type: 'client_credentials', scope: GRAPH_DEFAULT } },
  // https://learn.microsoft.com/entra/identity-platform/certificate-credentials: alg PS256, typ JWT, x5t#S256;
  // aud https://login.microsoftonline.com/{tenantId}/oauth2/v2.0/token; iss = sub = client ID.
  { provider: 'entra', method: 'private_key_jwt', values: ENTRA, clientId: ENTRA_ID, scope: entraDefaultScope('https://graph.microsoft.com'),
    url: ENTRA_TOKEN, body: { grant_type: 'client_credentials', scope: GRAPH_DEFAULT, client_id: ENTRA_ID, client_assertion_type: CLIENT_ASSERTION_TYPE },
    assertion: { header: { alg: 'PS256', typ: 'JWT', 'x5t#S256': CERT_X5T_S256 }, aud: ENTRA_TOKEN } },

  // Auth0: audience required; Client Secret (Post/Basic), Private Key JWT (aud = tenant URL with trailing slash), mTLS.
  { provider: 'auth0', method: 'client_secret_post', values: AUTH0, clientId: 'm2m-client-id', secret: 'auth0-secret', audience: API,
    url: AUTH0_TOKEN, body: { grant_type: 'client_credentials', audience: API, client_id: 'm2m-client-id', client_secret: 'auth0-secret' } },
  { provider: 'auth0', method: 'client_secret_basic', values: AUTH0, clientId: 'm2m-client-id', secret: 'auth0-secret', audience: API,
    url: AUTH0_TOKEN, authorization: 'Basic bTJtLWNsaWVudC1pZDphdXRoMC1zZWNyZXQ=', body: { grant_type: 'client_credentials', audience: API } },
  // https://auth0.com/docs/get-started/authentication-and-authorization-flow/authenticate-with-private-key-jwt
  { provider: 'auth0', method: 'private_key_jwt', values: AUTH0, clientId: 'm2m-client-id', audience: API,
    url: AUTH0_TOKEN, body: { grant_type: 'client_credentials', audience: API, client_id: 'm2m-client-id', client_assertion_type: CLIENT_ASSERTION_TYPE },
    // The issuer as audience carries RFC 7523bis's typ (draft-ietf-oauth-rfc7523bis-11 §4; servers are advised to accept it).
    assertion: { header: { alg: 'ES256', typ: 'client-authentication+jwt' }, aud: 'https://example-tenant.us.auth0.com/' } },
  // https://auth0.com/docs/get-started/authentication-and-authorization-flow/authenticate-with-mtls: the certificate is the credential.
  { provider: 'auth0', method: 'tls_client_auth', values: AUTH0, clientId: 'm2m-client-id', audience: API,
    url: AUTH0_TOKEN, body: { grant_type: 'client_credentials', audience: API, client_id: 'm2m-client-id' } },
  { provider: 'auth0', method: 'self_signed_tls_client_auth', values: AUTH0, clientId: 'm2m-client-id', audience: API,
    url: AUTH0_TOKEN, body: { grant_type: 'client_credentials', audience: API, client_id: 'm2m-client-id' } },

  // Okta: Basic (the default method) with a custom scope of the custom authorization server.
  { provider: 'okta', method: 'client_secret_basic', values: OKTA, clientId: '0oa1b2c3d4e5f6g7h8i9', secret: 'okta-secret', scope: 'orders.read',
    url: OKTA_TOKEN, authorization: 'Basic MG9hMWIyYzNkNGU1ZjZnN2g4aTk6b2t0YS1zZWNyZXQ=', body: { grant_type: 'client_credentials', scope: 'orders.read' } },
  { provider: 'okta', method: 'client_secret_post', values: OKTA, clientId: '0oa1b2c3d4e5f6g7h8i9', secret: 'okta-secret', scope: 'orders.read',
    url: OKTA_TOKEN, body: { grant_type: 'client_credentials', scope: 'orders.read', client_id: '0oa1b2c3d4e5f6g7h8i9', client_secret: 'okta-secret' } },
  // https://developer.okta.com/docs/api/openapi/okta-oauth/guides/client-auth: aud = the full URL of the endpoint.
  { provider: 'okta', method: 'client_secret_jwt', values: OKTA, clientId: '0oa1b2c3d4e5f6g7h8i9', secret: 'okta-secret-of-32-characters-min', scope: 'orders.read',
    url: OKTA_TOKEN, body: { grant_type: 'client_credentials', scope: 'orders.read', client_id: '0oa1b2c3d4e5f6g7h8i9', client_assertion_type: CLIENT_ASSERTION_TYPE },
    assertion: { header: { alg: 'HS256', typ: 'JWT' }, aud: OKTA_TOKEN } },
  { provider: 'okta', method: 'private_key_jwt', values: { ...OKTA, authorizationServer: 'org' }, clientId: '0oa1b2c3d4e5f6g7h8i9', scope: 'okta.users.read',
    url: OKTA_ORG_TOKEN, body: { grant_type: 'client_credentials', scope: 'okta.users.read', client_id: '0oa1b2c3d4e5f6g7h8i9', client_assertion_type: CLIENT_ASSERTION_TYPE },
    assertion: { header: { alg: 'ES256', typ: 'JWT' }, aud: OKTA_ORG_TOKEN } },

  // Keycloak: "client credentials … in Authorization: Basic header" by default, or the body; signed JWTs; X.509.
  { provider: 'keycloak', method: 'client_secret_basic', values: KEYCLOAK, clientId: 'orders-job', secret: 'keycloak-secret',
    url: KEYCLOAK_TOKEN, authorization: 'Basic b3JkZXJzLWpvYjprZXljbG9hay1zZWNyZXQ=', body: { grant_type: 'client_credentials' } },
  { provider: 'keycloak', method: 'client_secret_post', values: KEYCLOAK, clientId: 'orders-job', secret: 'keycloak-secret',
    url: KEYCLOAK_TOKEN, body: { grant_type: 'client_credentials', client_id: 'orders-job', client_secret: 'keycloak-secret' } },
  // https://github.com/keycloak/keycloak/issues/30599: the token endpoint is among the accepted audiences.
  { provider: 'keycloak', method: 'private_key_jwt', values: KEYCLOAK, clientId: 'orders-job',
    url: KEYCLOAK_TOKEN, body: { grant_type: 'client_credentials', client_id: 'orders-job', client_assertion_type: CLIENT_ASSERTION_TYPE },
    assertion: { header: { alg: 'ES256', typ: 'JWT' }, aud: KEYCLOAK_TOKEN } },
  { provider: 'keycloak', method: 'client_secret_jwt', values: KEYCLOAK, clientId: 'orders-job', secret: 'keycloak-secret',
    url: KEYCLOAK_TOKEN, body: { grant_type: 'client_credentials', client_id: 'orders-job', client_assertion_type: CLIENT_ASSERTION_TYPE },
    assertion: { header: { alg: 'HS256', typ: 'JWT' }, aud: KEYCLOAK_TOKEN } },
  { provider: 'keycloak', method: 'tls_client_auth', values: KEYCLOAK, clientId: 'orders-job',
    url: KEYCLOAK_TOKEN, body: { grant_type: 'client_credentials', client_id: 'orders-job' } },

  // Cognito: Basic only; scope {resourceServerIdentifier}/{scope} (token-endpoint page, client-credentials sample).
  { provider: 'cognito', method: 'client_secret_basic', values: COGNITO, clientId: '4example3cognito2client1id', secret: 'cognito-secret',
    scope: cognitoScope('https://api.example.com', 'orders.read'), url: COGNITO_TOKEN,
    authorization: 'Basic NGV4YW1wbGUzY29nbml0bzJjbGllbnQxaWQ6Y29nbml0by1zZWNyZXQ=',
    body: { grant_type: 'client_credentials', scope: 'https://api.example.com/orders.read' } },
];

/** The ClientAuth for a case, with the row's documented assertion audience and certificate header. */
function authFor(c: Golden): { auth: ClientAuth; alg?: SigningAlg } {
  const entry = PROVIDERS[c.provider];
  const audience = entry.assertionAudience === 'issuer' ? 'issuer' : 'token_endpoint';
  switch (c.method) {
    case 'client_secret_basic':
      return { auth: clientSecretBasic(c.secret ?? '') };
    case 'client_secret_post':
      return { auth: clientSecretPost(c.secret ?? '') };
    case 'client_secret_jwt':
      return { auth: clientSecretJwt(c.secret ?? '', { audience }) };
    case 'private_key_jwt': {
      const header = entry.hosted?.certificateHeader;
      if (header) {
        const x509 = x509HeaderParameters(certificate.thumbprints, header);
        return { auth: privateKeyJwt(certificate.key.privateKey, { alg: certificate.key.alg, audience, x509 }), alg: certificate.key.alg };
      }
      return { auth: privateKeyJwt(es256.privateKey, { alg: 'ES256', audience }), alg: 'ES256' };
    }
    case 'tls_client_auth':
    case 'self_signed_tls_client_auth':
      return { auth: tlsClientAuth() };
  }
}

async function verifyAssertion(c: Golden, jwt: string): Promise<void> {
  const { alg } = decodeProtectedHeader(jwt);
  const key =
    alg === 'HS256'
      ? new TextEncoder().encode(c.secret)
      : alg === 'PS256'
        ? await importX509(CERT_PEM, 'PS256')
        : (await import('jose')).importJWK(es256.publicJwk, 'ES256');
  await jwtVerify(jwt, await key, { currentDate: new Date(fx.clock.now()), audience: c.assertion?.aud, issuer: c.clientId, subject: c.clientId });
}

describe.each(CASES.map((c) => ({ ...c, name: `${c.provider} × ${c.method}` })))('$name', (c) => {
  it('matches the documented request', async () => {
    const entry = PROVIDERS[c.provider];
    expect(entry.authMethods).toContain(c.method);
    const endpoints = hostedEndpoints(c.provider, c.values);
    expect(endpoints?.tokenEndpoint).toBe(c.url);

    const desc = await describeClientCredentialsRequest({
      tokenEndpoint: endpoints?.tokenEndpoint ?? '',
      issuer: endpoints?.issuer || undefined,
      clientId: c.clientId,
      auth: authFor(c).auth,
      params: buildClientCredentialsBody({ scope: c.scope, audience: c.audience }),
    });

    expect(desc.url).toBe(c.url);
    expect(desc.method).toBe('POST');
    const headers: Record<string, string> = { 'Content-Type': FORM_CONTENT_TYPE, Accept: 'application/json' };
    if (c.authorization) headers.Authorization = c.authorization;
    expect(desc.headers).toEqual(headers);

    const body = Object.fromEntries(new URLSearchParams(desc.body));
    const assertion = body.client_assertion;
    delete body.client_assertion;
    expect(body).toEqual(c.body);

    if (!c.assertion) {
      expect(assertion).toBeUndefined();
      return;
    }
    expect(decodeProtectedHeader(assertion ?? '')).toMatchObject(c.assertion.header);
    const claims = decodeJwt(assertion ?? '');
    const now = Math.floor(fx.clock.now() / 1000);
    expect(claims).toMatchObject({ iss: c.clientId, sub: c.clientId, aud: c.assertion.aud, iat: now, exp: now + 60 });
    expect(claims.jti).toMatch(/^[0-9a-f-]{36}$/);
    await verifyAssertion(c, assertion ?? '');
  });
});

it('covers every method every hosted row offers', () => {
  for (const id of ['entra', 'auth0', 'okta', 'keycloak', 'cognito'] as const) {
    const covered = new Set(CASES.filter((c) => c.provider === id).map((c) => c.method));
    expect([...covered].sort()).toEqual([...PROVIDERS[id].authMethods].sort());
  }
});
