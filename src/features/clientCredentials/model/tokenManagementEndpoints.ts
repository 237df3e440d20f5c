// Where a token is introspected and revoked: discovery's endpoints, or the token endpoint's siblings (PingOne, sandbox).
import type { FlowForm } from './flowTypes';

export interface TokenManagementEndpoints {
  introspection: string | undefined;
  revocation: string | undefined;
}

/**
 * Discovery wins (RFC 8414 §2 `introspection_endpoint`, `revocation_endpoint`); otherwise a token endpoint ending
 * in `/as/token` has PingOne's siblings `/as/introspect` and `/as/revoke` (the sandbox uses the same paths).
 * @see https://developer.pingidentity.com/pingone-api/auth/openid-connect-oauth-2/token-introspection.html
 */
export function tokenManagementEndpoints(
  form: Pick<FlowForm, 'tokenEndpoint'>,
  discovered: { introspection_endpoint?: string | undefined; revocation_endpoint?: string | undefined } = {},
): TokenManagementEndpoints {
  const sibling = (name: string) => (/\/as\/token$/.test(form.tokenEndpoint.trim()) ? form.tokenEndpoint.trim().replace(/\/token$/, `/${name}`) : undefined);
  return {
    introspection: discovered.introspection_endpoint ?? sibling('introspect'),
    revocation: discovered.revocation_endpoint ?? sibling('revoke'),
  };
}
