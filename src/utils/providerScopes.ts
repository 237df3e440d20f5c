// Scope values that hosted providers spell their own way for the client-credentials grant.

/**
 * Entra ID's client-credentials scope: the resource's application ID URI followed by `/.default`. Appended as
 * typed: Entra takes everything before the last slash as the resource, so a resource that ends in a slash
 * (`https://management.azure.com/`) needs the double slash it then gets (`https://management.azure.com//.default`).
 * Undefined for an empty resource or one that contains whitespace (a scope token cannot, RFC 6749 §3.3).
 * @see https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow#get-a-token
 * @see https://learn.microsoft.com/entra/identity-platform/scenario-daemon-acquire-token (Azure AD (v1.0) resources)
 */
export function entraDefaultScope(resource: string | undefined): string | undefined {
  const value = (resource ?? '').trim();
  if (value === '' || /\s/.test(value)) return undefined;
  if (value.endsWith('/.default')) return value;
  return `${value}/.default`;
}

/**
 * Amazon Cognito's custom scope: `{resourceServerIdentifier}/{scopeName}`. Undefined while either part is empty
 * or holds whitespace.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/token-endpoint.html (client credentials sample)
 */
export function cognitoScope(resourceServer: string | undefined, scope: string | undefined): string | undefined {
  const server = (resourceServer ?? '').trim().replace(/\/+$/, '');
  const name = (scope ?? '').trim().replace(/^\/+/, '');
  if (server === '' || name === '' || /\s/.test(server + name)) return undefined;
  return `${server}/${name}`;
}
