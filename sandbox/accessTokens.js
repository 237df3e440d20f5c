// How the emulated PingOne API reads an access token: a JWT is verified with the issuer's key; an opaque token
// (sandbox-opaque) is introspected in process, as a resource server would ask the authorization server (RFC 7662).
import { createLocalJWKSet, jwtVerify } from 'jose';

import { PINGONE_API_RESOURCE } from './constants.js';

/** An error the API maps to `invalid_token`; `code` says expired apart from everything else. */
function inactive(code) {
  return Object.assign(new Error('the access token is not active'), { code });
}

/**
 * The claims of an active opaque ClientCredentials token, shaped like its JWT twin (RFC 7662 §2.2 members), or a
 * throw when it is unknown, revoked or expired (oidc-provider's find() skips expired records).
 */
async function introspectOpaque(provider, value) {
  const token = await provider.ClientCredentials.find(value).catch(() => undefined);
  if (!token || !token.isValid) throw inactive('ERR_INACTIVE');
  const aud = token.aud ?? token.resourceServer?.audience;
  if (aud !== PINGONE_API_RESOURCE) throw inactive('ERR_AUDIENCE');
  const cnf = {};
  if (token.jkt) cnf.jkt = token.jkt;
  if (token['x5t#S256']) cnf['x5t#S256'] = token['x5t#S256'];
  return {
    ...token.extra,
    client_id: token.clientId,
    scope: token.scope ?? '',
    aud,
    iat: token.iat,
    exp: token.exp,
    ...(Object.keys(cnf).length > 0 ? { cnf } : {}),
  };
}

/**
 * @param {{ provider: import('oidc-provider').default, issuer: string, publicJwks: { keys: object[] } }} options
 * @returns {(token: string) => Promise<Record<string, unknown>>}  throws for a token the API must refuse
 */
export function createAccessTokenVerifier({ provider, issuer, publicJwks }) {
  const keySet = createLocalJWKSet(publicJwks);
  return async function verifyAccessToken(token) {
    // A compact JWS has exactly three dot-separated parts; oidc-provider's opaque tokens have none.
    if (token.split('.').length !== 3) return introspectOpaque(provider, token);
    const { payload } = await jwtVerify(token, keySet, {
      issuer,
      audience: PINGONE_API_RESOURCE,
      algorithms: ['RS256'],
      typ: 'at+jwt',
    });
    return payload;
  };
}
