// Okta: the org's domain plus an authorization server, `org` (the org authorization server) or a custom one's ID.
import { hostFrom, hostMessage, NO_HOSTED_ENDPOINTS, pathSegmentFrom } from './fieldRules';
import type { HostedEndpoints, HostedRow, ProviderFieldValues } from './types';

const CLIENT_CREDS = 'https://developer.okta.com/docs/guides/implement-client-creds/';
const CLIENT_AUTH = 'https://developer.okta.com/docs/api/openapi/okta-oauth/guides/client-auth';
const SERVICE_APP = 'https://developer.okta.com/docs/guides/implement-oauth-for-okta-serviceapp/';
const AUTH_SERVERS = 'https://developer.okta.com/docs/concepts/auth-servers/';
const DPOP = 'https://developer.okta.com/docs/guides/dpop/oktaresourceserver/main/';
const CUSTOM_SCOPES = 'https://support.okta.com/help/s/article/understanding-authorization-error-custom-scopes-are-not-allowed-for-this-request';
const SCOPES_NOT_CONFIGURED = 'https://support.okta.com/help/s/article/error-one-or-more-scopes-are-not-configured-for-the-authorization-server-resource';

/** The value that names the org authorization server (the only one that mints `okta.*` scopes). */
export const OKTA_ORG_SERVER = 'org';

function validateServer(value: string): string | undefined {
  if (value.trim() === '') return 'Authorization server is required: org, default, or a custom authorization server ID.';
  if (pathSegmentFrom(value) === undefined) return 'Authorization server must be org or an ID such as default or aus1a2b3c4d5e6f7g8h9.';
  return undefined;
}

/**
 * The org authorization server lives at `/oauth2/v1/…` with the org URL as issuer; a custom one at
 * `/oauth2/{authorizationServerId}/v1/…` with that path as issuer (`default` is the one every org starts with).
 * @see https://developer.okta.com/docs/concepts/auth-servers/
 */
export function oktaEndpoints(values: ProviderFieldValues): HostedEndpoints {
  const domain = hostFrom(values.domain);
  const server = pathSegmentFrom(values.authorizationServer);
  if (domain === undefined || server === undefined) return { ...NO_HOSTED_ENDPOINTS };
  const org = `https://${domain}`;
  const issuer = server.toLowerCase() === OKTA_ORG_SERVER ? org : `${org}/oauth2/${encodeURIComponent(server)}`;
  const api = server.toLowerCase() === OKTA_ORG_SERVER ? `${org}/oauth2/v1` : `${issuer}/v1`;
  return {
    tokenEndpoint: `${api}/token`,
    issuer,
    discoveryUrl: `${issuer}/.well-known/openid-configuration`,
    jwksUri: `${api}/keys`,
    introspectionEndpoint: `${api}/introspect`,
    revocationEndpoint: `${api}/revoke`,
  };
}

export const OKTA: HostedRow = {
  fields: [
    {
      key: 'domain',
      label: 'Okta domain',
      placeholder: 'dev-123456.okta.com',
      help: 'Your Okta org\'s domain, without https:// and without -admin.',
      validate: (v) => hostMessage(v, 'Okta domain', 'dev-123456.okta.com'),
    },
    {
      key: 'authorizationServer',
      label: 'Authorization server',
      placeholder: 'default',
      help: 'org for Okta API scopes (okta.*); default or a custom authorization server ID for your own APIs\' scopes.',
      initialValue: 'default',
      validate: validateServer,
    },
  ],
  endpoints: oktaEndpoints,
  // client_secret_basic is the default when none is registered (client-auth guide).
  authMethods: ['client_secret_basic', 'client_secret_post', 'private_key_jwt', 'client_secret_jwt'],
  tokenEndpointTemplate: 'https://<okta-domain>/oauth2/<authorization-server>/v1/token',
  // client-auth guide: aud is the full URL of the endpoint the JWT authenticates to (the token endpoint here).
  assertionAudience: 'token_endpoint',
  requiredParameters: [],
  sources: [CLIENT_CREDS, CLIENT_AUTH, AUTH_SERVERS],
  quirks: [
    { text: 'Only the org authorization server mints access tokens with Okta API scopes (okta.*); custom scopes need a custom authorization server.', source: SERVICE_APP },
    { text: 'A service app that asks the org authorization server for okta.* scopes authenticates with private_key_jwt.', source: SERVICE_APP },
    { text: 'A custom authorization server\'s client-credentials request names at least one custom scope you created.', source: CLIENT_CREDS },
    { text: 'DPoP is an app setting ("Require Demonstrating Proof of Possession (DPoP) header in token requests"); with it on, token requests need a DPoP proof.', source: DPOP },
  ],
  errorKnowledge: [
    {
      error: 'invalid_scope',
      match: 'Custom scopes are not allowed for this request',
      cause: 'A custom scope was requested from the org authorization server, which only knows Okta API scopes.',
      fix: 'Use a custom authorization server (default or its ID) for your own scopes.',
      source: CUSTOM_SCOPES,
    },
    {
      error: 'invalid_scope',
      match: 'One or more scopes are not configured for the authorization server resource',
      cause: 'A requested scope does not exist on this authorization server.',
      fix: 'Create the scope on the authorization server, or request one it has.',
      source: SCOPES_NOT_CONFIGURED,
    },
  ],
};
