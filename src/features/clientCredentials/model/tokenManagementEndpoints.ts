// Where a token is introspected and revoked: discovery's endpoints, or (provider table) the token endpoint's siblings.
import { PROVIDERS } from '../../../config/providers';
import type { FlowForm } from './flowTypes';

export interface TokenManagementEndpoints {
  introspection: string | undefined;
  revocation: string | undefined;
}

/**
 * Discovery wins (RFC 8414 §2 `introspection_endpoint`, `revocation_endpoint`); otherwise a provider whose row says
 * `as-siblings` (PingOne, the sandbox) has `/as/introspect` and `/as/revoke` beside its `/as/token`.
 * @see https://developer.pingidentity.com/pingone-api/auth/openid-connect-oauth-2/token-introspection.html
 */
export function tokenManagementEndpoints(
  form: Pick<FlowForm, 'provider' | 'tokenEndpoint'>,
  discovered: { introspection_endpoint?: string | undefined; revocation_endpoint?: string | undefined } = {},
): TokenManagementEndpoints {
  const token = form.tokenEndpoint.trim();
  const siblings = PROVIDERS[form.provider].tokenManagement === 'as-siblings' && /\/as\/token$/.test(token);
  const sibling = (name: string) => (siblings ? token.replace(/\/token$/, `/${name}`) : undefined);
  return {
    introspection: discovered.introspection_endpoint ?? sibling('introspect'),
    revocation: discovered.revocation_endpoint ?? sibling('revoke'),
  };
}
