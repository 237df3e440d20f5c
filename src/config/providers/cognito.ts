// Amazon Cognito user pools: the pool's domain (prefix domain or custom domain) names the token endpoint.
import { cognitoScope } from '../../utils/providerScopes';
import { hostFrom, hostMessage, NO_HOSTED_ENDPOINTS } from './fieldRules';
import type { HostedEndpoints, HostedRow, ProviderFieldValues } from './types';

const TOKEN_ENDPOINT = 'https://docs.aws.amazon.com/cognito/latest/developerguide/token-endpoint.html';
const RESOURCE_SERVERS = 'https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-define-resource-servers.html';

/**
 * The token endpoint under the user pool's domain. Issuer, discovery and JWKS live under
 * `https://cognito-idp.{region}.amazonaws.com/{userPoolId}`, which the domain does not give, so they stay empty.
 * Cognito's `/oauth2/revoke` revokes refresh tokens and it has no introspection endpoint.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/token-endpoint.html
 */
export function cognitoEndpoints(values: ProviderFieldValues): HostedEndpoints {
  const domain = hostFrom(values.domain);
  if (domain === undefined) return { ...NO_HOSTED_ENDPOINTS };
  return { ...NO_HOSTED_ENDPOINTS, tokenEndpoint: `https://${domain}/oauth2/token` };
}

const textInput = (key: string, label: string, placeholder: string, help: string) => ({
  key,
  label,
  placeholder,
  help,
  validate: (v: string) => (v.trim() === '' || /\s/.test(v.trim()) ? `${label} is required (no spaces).` : undefined),
});

export const COGNITO: HostedRow = {
  fields: [
    {
      key: 'domain',
      label: 'Cognito domain',
      placeholder: 'my-prefix.auth.us-east-1.amazoncognito.com',
      help: 'The user pool\'s domain (App integration → Domain): the prefix domain or your custom domain, the whole host.',
      validate: (v) => hostMessage(v, 'Cognito domain', 'my-prefix.auth.us-east-1.amazoncognito.com'),
    },
  ],
  endpoints: cognitoEndpoints,
  // "the client must pass its client_id and client_secret in the authorization header through Basic HTTP
  // authorization"; no JWT client authentication is documented for the user pool token endpoint.
  authMethods: ['client_secret_basic'],
  tokenEndpointTemplate: 'https://<cognito-domain>/oauth2/token',
  // No client assertion is accepted; the table's default is kept for a uniform row shape.
  assertionAudience: 'token_endpoint',
  requiredParameters: [],
  sources: [TOKEN_ENDPOINT, RESOURCE_SERVERS],
  scopeHelper: {
    label: 'Scope from a resource server',
    inputs: [
      textInput('resourceServer', 'Resource server identifier', 'https://api.example.com', 'The resource server\'s Identifier in the user pool.'),
      textInput('scopeName', 'Scope name', 'orders.read', 'A custom scope of that resource server.'),
    ],
    build: (values) => cognitoScope(values.resourceServer, values.scopeName),
    source: TOKEN_ENDPOINT,
  },
  quirks: [
    { text: 'Scopes are {resourceServerIdentifier}/{scopeName}; with no scope the token carries every custom scope the app client is allowed.', source: TOKEN_ENDPOINT },
    { text: 'The token endpoint answers with Access-Control-Allow-Origin: *, so a web page can call it directly.', source: TOKEN_ENDPOINT },
    { text: 'The Content-Type must be application/x-www-form-urlencoded.', source: TOKEN_ENDPOINT },
  ],
  errorKnowledge: [
    {
      error: 'invalid_client',
      cause: 'No app client with this client ID and secret (the secret goes in the Basic header).',
      fix: 'Check the app client ID and secret (App integration → App clients); the client must have a secret.',
      source: TOKEN_ENDPOINT,
    },
    {
      error: 'unauthorized_client',
      cause: 'The app client is not allowed this grant.',
      fix: 'Allow the Client credentials OAuth grant type on the app client.',
      source: TOKEN_ENDPOINT,
    },
  ],
};
