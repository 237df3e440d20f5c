// Auth0: the tenant's domain (or its custom domain) names every endpoint; `audience` selects the API.
import { hostFrom, hostMessage, NO_HOSTED_ENDPOINTS } from './fieldRules';
import type { HostedEndpoints, HostedRow, ProviderFieldValues } from './types';

const CLIENT_CREDS = 'https://auth0.com/docs/secure/tokens/access-tokens/get-access-tokens';
const CREDENTIALS = 'https://auth0.com/docs/secure/application-credentials';
const PRIVATE_KEY_JWT = 'https://auth0.com/docs/get-started/authentication-and-authorization-flow/authenticate-with-private-key-jwt';
const MTLS = 'https://auth0.com/docs/get-started/applications/configure-mtls/configure-mtls-for-a-tenant';
const DPOP = 'https://auth0.com/docs/secure/sender-constraining/demonstrating-proof-of-possession-dpop';
const AUDIENCE = 'https://support.auth0.com/center/s/article/Client-credentials-grant-requires-audience-parameter';

/**
 * Auth0's endpoints under `https://{domain}/`. The issuer keeps its trailing slash (the assertion `aud` is "the
 * tenant URL … Include the trailing slash", authenticate-with-private-key-jwt). `/oauth/revoke` revokes refresh
 * tokens only and Auth0 has no introspection endpoint, so neither is offered for client-credentials tokens.
 */
export function auth0Endpoints(values: ProviderFieldValues): HostedEndpoints {
  const domain = hostFrom(values.domain);
  if (domain === undefined) return { ...NO_HOSTED_ENDPOINTS };
  const base = `https://${domain}`;
  return {
    tokenEndpoint: `${base}/oauth/token`,
    issuer: `${base}/`,
    discoveryUrl: `${base}/.well-known/openid-configuration`,
    jwksUri: `${base}/.well-known/jwks.json`,
  };
}

export const AUTH0: HostedRow = {
  fields: [
    {
      key: 'domain',
      label: 'Auth0 domain',
      placeholder: 'your-tenant.us.auth0.com',
      help: 'The Domain from the application\'s Settings, or your custom domain.',
      validate: (v) => hostMessage(v, 'Auth0 domain', 'your-tenant.us.auth0.com'),
    },
  ],
  endpoints: auth0Endpoints,
  // Client Secret (Post and Basic), Private Key JWT and mTLS for OAuth (CA-signed or self-signed certificate).
  authMethods: ['client_secret_post', 'client_secret_basic', 'private_key_jwt', 'tls_client_auth', 'self_signed_tls_client_auth'],
  tokenEndpointTemplate: 'https://<auth0-domain>/oauth/token',
  // aud = https://{yourTenant}.auth0.com/ (or the custom domain): the issuer identifier.
  assertionAudience: 'issuer',
  requiredParameters: [
    {
      field: 'audience',
      message: 'Auth0 needs the audience: the Identifier of the API (APIs → your API → Settings).',
      source: CLIENT_CREDS,
    },
  ],
  sources: [CLIENT_CREDS, CREDENTIALS, PRIVATE_KEY_JWT],
  quirks: [
    { text: 'The audience parameter selects the API; without it the client-credentials grant does not return a token for your API.', source: AUDIENCE },
    { text: 'The application must be authorized for the API (a client grant) with the scopes it may request.', source: CLIENT_CREDS },
    { text: 'A Private Key JWT assertion lives at most 5 minutes; its aud is the tenant URL with its trailing slash, or the custom domain.', source: PRIVATE_KEY_JWT },
    { text: 'mTLS for OAuth needs a custom domain configured to accept client certificates.', source: MTLS },
    { text: 'DPoP binds the access token to a key; the Auth0 page marks the feature as Early Access in some versions.', source: DPOP },
  ],
  // Auth0's documentation pages do not list these responses; the texts are Auth0's own, as quoted in the
  // issue trackers of Auth0's SDKs.
  errorKnowledge: [
    {
      error: 'access_denied',
      match: 'is not authorized to access',
      cause: 'The application is not authorized for this API (no client grant for this audience).',
      fix: 'In APIs → your API → Machine to Machine Applications, authorize the application and choose its scopes.',
      source: 'https://github.com/auth0/auth0-python/issues/173',
    },
    {
      error: 'unauthorized_client',
      match: "Grant type 'client_credentials' not allowed",
      cause: 'The Client Credentials grant is not enabled for this application.',
      fix: 'Enable Client Credentials in the application\'s Advanced Settings → Grant Types.',
      source: 'https://github.com/auth0/ruby-auth0/issues/190',
    },
  ],
};
