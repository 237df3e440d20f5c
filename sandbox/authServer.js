// The sandbox authorization server: oidc-provider set up like a PingOne environment's `/as` for client credentials.
import { randomBytes } from 'node:crypto';

import Provider, { errors } from 'oidc-provider';
// Not a public export: the built-in handler is wrapped below because oidc-provider has no hook between client
// authentication and the grant. Pinned oidc-provider 8.8.1; tokens.test.js fails loudly if this moves.
import {
  handler as clientCredentialsHandler, parameters as clientCredentialsParameters,
} from 'oidc-provider/lib/actions/grants/client_credentials.js';

import { createAccessTokenVerifier } from './accessTokens.js';
import { createAdapterFactory } from './adapter.js';
import { parseBasicAuthorization } from './basicAuth.js';
import {
  assertAssertionExpiry, assertAssertionIssuedAt, assertAssertionType, assertIssuerOnlyAudience, explainInvalidClient,
  requireRegisteredAuthMethod,
} from './clientAuthPolicy.js';
import { toProviderMetadata } from './clients.js';
import { dpopFeature } from './dpop/feature.js';
import { DPOP_ALGS } from './dpop/proof.js';
import { requireRecentDpopProof } from './dpop/tokenEndpointIat.js';
import {
  AUTH_METHODS, CLOCK_SKEW_SECONDS, DEMO_ORG_ID, MTLS_AUTH_METHODS, P1_SCOPES, PINGONE_API_RESOURCE, PUBLIC_KEY_ASSERTION_ALGS,
} from './constants.js';
import { refuseJwtRevocation } from './jwtRevocation.js';
import { logLine } from '../lib/logText.js';
import { mtlsFeature } from './mtls/mtlsFeature.js';
import { publicSigningJwk } from './signingKeys.js';

// `new URL(...)` normalises the bare origin to a trailing slash; accept both spellings of the one resource.
const RESOURCE_SPELLINGS = new Set([PINGONE_API_RESOURCE, `${PINGONE_API_RESOURCE}/`]);

/** The client ID of a Basic Authorization header (the secret half is never used), for log lines. */
function basicAuthClientId(ctx) {
  const basic = parseBasicAuthorization(ctx.get?.('authorization'));
  return basic && !basic.malformed ? basic.clientId : undefined;
}

/**
 * oidc-provider gives every invalid_client the same body; the reason only exists in its events. Say it on the
 * console and, since this is a playground, in the body too (the error handler sets ctx.body just before emitting).
 */
function reportRefusals(provider, logger) {
  const report = (kind) => (ctx, err) => {
    const explained = explainInvalidClient(ctx, err);
    if (explained && ctx.body && typeof ctx.body === 'object') ctx.body = { ...ctx.body, error_description: explained };
    const clientId = ctx.oidc?.client?.clientId ?? ctx.oidc?.params?.client_id ?? basicAuthClientId(ctx) ?? '(unknown client)';
    const reason = err.error_detail ?? err.error_description ?? err.message;
    logger.warn(logLine`[sandbox] ${kind} request refused (${clientId}): ${err.error ?? 'error'}: ${reason}`);
  };
  // Introspection and revocation authenticate clients like the token endpoint; their refusals deserve the same line.
  provider.on('grant.error', report('token'));
  provider.on('introspection.error', report('introspection'));
  provider.on('revocation.error', report('revocation'));
  provider.on('server_error', (_ctx, err) => logger.error(logLine`[sandbox] server error: ${err.stack ?? err.message}`));
}

/**
 * oidc-provider's resource indicators, set up as PingOne's "PingOne API" resource: RS256 JWT access tokens carrying
 * the scopes the client may be granted right now (none in roles mode, where role assignments decide, as in PingOne).
 * @see https://www.rfc-editor.org/rfc/rfc8707
 */
function pingOneResource({ registry, getAuthz, tokenTtl }) {
  return {
    enabled: true,
    // Without a default resource oidc-provider drops API scopes and issues an opaque token.
    defaultResource: async () => PINGONE_API_RESOURCE,
    useGrantedResource: async () => true,
    getResourceServerInfo: async (ctx, resourceIndicator, client) => {
      if (!RESOURCE_SPELLINGS.has(resourceIndicator)) {
        throw new errors.InvalidTarget(`unknown resource; this sandbox serves only ${PINGONE_API_RESOURCE}`);
      }
      const allowed = getAuthz() === 'roles' ? [] : registry.allowedScopes(client.clientId);
      // PingOne grants every allowed scope when the request names none; oidc-provider would grant nothing.
      if (ctx.oidc.params.grant_type === 'client_credentials' && !ctx.oidc.params.scope && allowed.length > 0) {
        ctx.oidc.params.scope = allowed.join(' ');
      }
      return {
        // Scopes outside this list are dropped silently, which is how an under-scoped client is down-scoped.
        scope: allowed.join(' '),
        audience: PINGONE_API_RESOURCE,
        accessTokenTTL: registry.tokenTtl(client.clientId) ?? tokenTtl,
        // sandbox-opaque's tokens are opaque, so they can be introspected and revoked (JWTs cannot, in oidc-provider).
        ...(registry.opaqueTokens(client.clientId) ? { accessTokenFormat: 'opaque' } : { accessTokenFormat: 'jwt', jwt: { sign: { alg: 'RS256' } } }),
      };
    },
  };
}

/**
 * The mTLS part of the configuration: oidc-provider's own features.mTLS, the two certificate methods, and the
 * token endpoint's alias on the HTTPS listener in discovery. Without an mTLS listener, none of it.
 * @param {{ tokenEndpoint: string } | undefined} mtls
 * @see https://www.rfc-editor.org/rfc/rfc8705#section-5 (mtls_endpoint_aliases)
 */
function mtlsConfiguration(mtls) {
  if (!mtls) return { methods: [], feature: { enabled: false }, discovery: {} };
  return {
    methods: [...MTLS_AUTH_METHODS],
    feature: mtlsFeature(),
    discovery: { mtls_endpoint_aliases: { token_endpoint: mtls.tokenEndpoint } },
  };
}

/**
 * Builds the oidc-provider instance for one sandbox environment.
 * @param {{
 *   issuer: string,                      // http://localhost:{port}/{envId}/as
 *   envId: string,
 *   tokenTtl: number,                    // access token lifetime, seconds
 *   registry: ReturnType<typeof import('./clients.js').createClientRegistry>,
 *   getAuthz: () => 'scopes' | 'roles',
 *   isAllowedOrigin: (origin: string) => boolean,
 *   mtls?: { tokenEndpoint: string },    // the token endpoint on the mTLS listener, when there is one
 *   nonceSecret: Buffer,                 // 32 bytes: DPoP nonces, shared with the emulated APIs
 *   signingJwk: import('./signingKeys.js').SigningJwk,  // the RS256 key its tokens are signed with
 *   logger: { warn(message: string): void, error(message: string): void },
 * }} options
 * @returns {Promise<{ provider: Provider, verifyAccessToken(token: string): Promise<Record<string, unknown>>,
 *   publicJwks: { keys: object[] } }>}
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.4 (client credentials grant)
 * @see https://www.rfc-editor.org/rfc/rfc9068 (JWT access tokens)
 * @see https://www.rfc-editor.org/rfc/rfc7662 and https://www.rfc-editor.org/rfc/rfc7009 (introspection, revocation)
 */
export async function createAuthServer({
  issuer, envId, tokenTtl, registry, getAuthz, isAllowedOrigin, mtls, nonceSecret, signingJwk, logger,
}) {
  const publicJwks = { keys: [publicSigningJwk(signingJwk)] };
  const certificates = mtlsConfiguration(mtls);

  const provider = new Provider(issuer, {
    adapter: createAdapterFactory(registry),
    // The seeded clients never change, so they are static configuration: oidc-provider keeps one Client for each,
    // where an adapter-found client is fingerprinted (an object hash) on every request. Runtime ones use the adapter.
    clients: registry.seeded().map(toProviderMetadata),
    // A copy: oidc-provider keeps what it is given, and the caller writes the same object to the cache.
    jwks: { keys: [{ ...signingJwk }] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    // PingOne's paths: /as/token, /as/jwks, /as/introspect, /as/revoke.
    routes: { token: '/token', jwks: '/jwks', introspection: '/introspect', revocation: '/revoke' },
    scopes: ['openid', ...P1_SCOPES],
    clientAuthMethods: [...AUTH_METHODS, ...certificates.methods],
    enabledJWA: {
      clientAuthSigningAlgValues: ['HS256', ...Object.values(PUBLIC_KEY_ASSERTION_ALGS).flat()],
      // The proof algorithms the emulated APIs verify too: one list for the whole sandbox.
      dPoPSigningAlgValues: [...DPOP_ALGS],
    },
    // Called after the signature and oidc-provider's own claim checks, for every JWT client at every endpoint.
    assertJwtClientAuthClaimsAndHeader: async (_ctx, claims, header, client) => {
      assertAssertionExpiry(claims);
      assertAssertionIssuedAt(claims);
      assertAssertionType(header);
      if (registry.issuerOnlyAudience(client.clientId)) assertIssuerOnlyAudience(claims, issuer);
    },
    clockTolerance: CLOCK_SKEW_SECONDS,
    clientDefaults: { grant_types: ['client_credentials'], response_types: [], token_endpoint_auth_method: 'client_secret_basic' },
    discovery: {
      ...certificates.discovery,
      // oidc-provider authenticates clients at these endpoints like at the token endpoint but does not say so.
      introspection_endpoint_auth_methods_supported: [...AUTH_METHODS],
      revocation_endpoint_auth_methods_supported: [...AUTH_METHODS],
    },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      resourceIndicators: pingOneResource({ registry, getAuthz, tokenTtl }),
      mTLS: certificates.feature,
      dPoP: dpopFeature(nonceSecret),
      // A client may introspect only its own tokens (oidc-provider's default lets any authenticated client).
      introspection: { enabled: true, allowedPolicy: async (_ctx, client, token) => token.clientId === client.clientId },
      revocation: { enabled: true },
    },
    extraTokenClaims: async () => ({ env: envId, org: DEMO_ORG_ID }),
    // oidc-provider's default refuses every confidential client; sandbox-no-cors keeps that behaviour on purpose.
    clientBasedCORS: (_ctx, origin, client) => registry.allowsCors(client.clientId) && isAllowedOrigin(origin),
    ttl: {
      ClientCredentials: (_ctx, token) => token.resourceServer?.accessTokenTTL ?? tokenTtl,
    },
  });

  provider.registerGrantType('client_credentials', requireRegisteredAuthMethod(requireRecentDpopProof(clientCredentialsHandler)),
    clientCredentialsParameters, ['resource']);

  reportRefusals(provider, logger);
  refuseJwtRevocation(provider);

  const verifyAccessToken = createAccessTokenVerifier({ provider, issuer, publicJwks });

  return { provider, verifyAccessToken, publicJwks };
}
