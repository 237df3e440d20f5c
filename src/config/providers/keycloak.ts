// Keycloak: a server's base URL and a realm name every endpoint.
import { isLoopbackHost } from '../../utils/urlValidation';
import { NO_HOSTED_ENDPOINTS, pathSegmentFrom } from './fieldRules';
import type { HostedEndpoints, HostedRow, ProviderFieldValues } from './types';

const SERVICE_ACCOUNTS = 'https://www.keycloak.org/docs/latest/server_admin/#_service_accounts';
const ENDPOINTS = 'https://www.keycloak.org/securing-apps/oidc-layers';
const AUTHENTICATORS = 'https://www.keycloak.org/docs-api/latest/javadocs/org/keycloak/authentication/authenticators/client/package-summary.html';
const TOKEN_ENDPOINT_SOURCE = 'https://github.com/keycloak/keycloak/blob/main/services/src/main/java/org/keycloak/protocol/oidc/endpoints/TokenEndpoint.java';
const INTROSPECTION_AUDIENCE = 'https://github.com/keycloak/keycloak/pull/49131';
const JWT_AUDIENCES = 'https://github.com/keycloak/keycloak/issues/30599';

/** The base URL as typed, without a trailing slash: https, or http on this machine; no query or fragment. */
export function keycloakBase(value: string | undefined): string | undefined {
  const text = (value ?? '').trim().replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
  if (!secure || url.username !== '' || url.password !== '' || url.search !== '' || text.includes('#')) return undefined;
  return text;
}

function validateBase(value: string): string | undefined {
  if (value.trim() === '') return 'Keycloak base URL is required, for example https://sso.example.com.';
  if (keycloakBase(value) === undefined) return 'Keycloak base URL must be an https:// URL (http only on localhost), such as https://sso.example.com.';
  return undefined;
}

/**
 * A realm's endpoints under `{base}/realms/{realm}`: the issuer, its discovery document and the OIDC protocol
 * endpoints (token, certs, token/introspect, revoke).
 * @see https://www.keycloak.org/securing-apps/oidc-layers (Available Endpoints)
 */
export function keycloakEndpoints(values: ProviderFieldValues): HostedEndpoints {
  const base = keycloakBase(values.baseUrl);
  const realm = pathSegmentFrom(values.realm);
  if (base === undefined || realm === undefined) return { ...NO_HOSTED_ENDPOINTS };
  const issuer = `${base}/realms/${encodeURIComponent(realm)}`;
  const oidc = `${issuer}/protocol/openid-connect`;
  return {
    tokenEndpoint: `${oidc}/token`,
    issuer,
    discoveryUrl: `${issuer}/.well-known/openid-configuration`,
    jwksUri: `${oidc}/certs`,
    introspectionEndpoint: `${oidc}/token/introspect`,
    revocationEndpoint: `${oidc}/revoke`,
  };
}

export const KEYCLOAK: HostedRow = {
  fields: [
    {
      key: 'baseUrl',
      label: 'Keycloak base URL',
      placeholder: 'https://sso.example.com',
      help: 'The server\'s address; add /auth when your Keycloak still serves under that path (releases before 17).',
      validate: validateBase,
    },
    {
      key: 'realm',
      label: 'Realm',
      placeholder: 'my-realm',
      help: 'The realm the client is registered in (its name, as shown in the admin console).',
      validate: (v) => (v.trim() === '' ? 'Realm is required.' : pathSegmentFrom(v) === undefined ? 'Realm must be a name without / or spaces.' : undefined),
    },
  ],
  endpoints: keycloakEndpoints,
  // Client authenticators: client ID and secret (Basic or body), signed JWT, JWT signed with the client secret, X.509.
  authMethods: ['client_secret_basic', 'client_secret_post', 'private_key_jwt', 'client_secret_jwt', 'tls_client_auth'],
  tokenEndpointTemplate: '<keycloak-base-url>/realms/<realm>/protocol/openid-connect/token',
  // Accepted audiences (issue 30599's error text): the issuer, the token endpoint, the PAR and CIBA endpoints.
  assertionAudience: 'token_endpoint',
  requiredParameters: [],
  sources: [SERVICE_ACCOUNTS, ENDPOINTS, AUTHENTICATORS],
  quirks: [
    { text: 'The client must be confidential with Service Accounts Enabled; the service account\'s roles decide what the token carries.', source: SERVICE_ACCOUNTS },
    { text: 'A client assertion\'s aud must be the realm issuer or its token endpoint, also at introspection: the introspection URL itself is refused.', source: JWT_AUDIENCES },
    { text: 'Since 26.6.2 introspection answers active:false unless the client asking is in the token\'s aud (add an audience mapper).', source: INTROSPECTION_AUDIENCE },
  ],
  errorKnowledge: [
    {
      error: 'unauthorized_client',
      match: 'Client not enabled to retrieve service account',
      cause: 'Service accounts are off for this client.',
      fix: 'Turn on Service accounts roles (Client authentication on) in the client\'s settings.',
      source: TOKEN_ENDPOINT_SOURCE,
    },
    {
      error: 'unauthorized_client',
      match: 'Public client not allowed to retrieve service account',
      cause: 'The client is public, so it has no credentials of its own.',
      fix: 'Turn Client authentication on (a confidential client) and use its credentials.',
      source: TOKEN_ENDPOINT_SOURCE,
    },
    {
      error: 'invalid_client',
      match: 'Invalid client or Invalid client credentials',
      cause: 'Unknown client ID in this realm, or a wrong secret.',
      fix: 'Check the realm, the client ID and the secret in the client\'s Credentials tab.',
      source: 'https://github.com/keycloak/keycloak/blob/main/services/src/main/java/org/keycloak/authentication/AuthenticationProcessor.java',
    },
    {
      error: 'invalid_scope',
      match: 'Invalid scopes',
      cause: 'A requested scope is not a client scope assigned to this client.',
      fix: 'Assign the client scope (Default or Optional) to the client, or drop it from the request.',
      source: TOKEN_ENDPOINT_SOURCE,
    },
  ],
};
