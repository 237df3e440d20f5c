// Client authentication rules the sandbox adds on top of oidc-provider 8: PingOne's one-hour cap on assertion `exp`,
// no assertion issued in the future, no JWT of another kind taken for an assertion, the issuer-only audience of
// draft-ietf-oauth-rfc7523bis for the clients that ask for it, the registered token_endpoint_auth_method enforced
// exactly, and invalid_client answers that say why.
import { decodeProtectedHeader } from 'jose';
import { errors } from 'oidc-provider';

import { CLOCK_SKEW_SECONDS, MAX_ASSERTION_EXP_AHEAD_SECONDS } from './constants.js';

/**
 * `typ` values of other kinds of JWT an OAuth deployment signs or receives: a JWT that says it is one of these is
 * not a client assertion, whatever its claims (explicit typing against cross-JWT confusion, RFC 8725 §3.11).
 * Untyped, `JWT` and `client-authentication+jwt` assertions are accepted, and so is any other value (a profile may
 * define "another more specific explicit type value"); draft-ietf-oauth-rfc7523bis §4 advises servers not to
 * refuse untyped ones.
 * @see https://datatracker.ietf.org/doc/draft-ietf-oauth-rfc7523bis/ (§4, additions to RFC 7523 §3.2)
 */
const OTHER_JWT_TYPES = new Set([
  'at+jwt', // RFC 9068 §2.1, JWT access tokens
  'dpop+jwt', // RFC 9449 §4.2, DPoP proofs
  'oauth-authz-req+jwt', // RFC 9101 §10.8, request objects
  'token-introspection+jwt', // RFC 9701 §5, signed introspection responses
  'secevent+jwt', // RFC 8417 §2.3, security event tokens
  'logout+jwt', // OpenID Connect Back-Channel Logout 1.0 §2.4
]);

/** A 401 `invalid_client` whose body says why (oidc-provider's own InvalidClientAuth says only "failed"). */
export function clientAuthRefusal(description) {
  const err = new errors.InvalidClientAuth(description);
  err.error_description = description;
  return err;
}

/**
 * For oidc-provider's `assertJwtClientAuthClaimsAndHeader` hook (called after the signature checked out):
 * refuses an assertion without `exp` or with `exp` more than an hour ahead, as PingOne does.
 * @param {{ exp?: unknown }} claims  the verified assertion claims
 * @param {number} [nowSeconds]
 * @see https://www.rfc-editor.org/rfc/rfc7523#section-3 (exp is required; servers may reject far-future exp)
 */
export function assertAssertionExpiry(claims, nowSeconds = Math.floor(Date.now() / 1000)) {
  if (typeof claims.exp !== 'number') {
    throw clientAuthRefusal('the client_assertion has no exp claim; it must expire at most 1 hour (3600 s) from now');
  }
  const ahead = claims.exp - nowSeconds;
  if (ahead > MAX_ASSERTION_EXP_AHEAD_SECONDS) {
    throw clientAuthRefusal(`the client_assertion exp is ${ahead} s ahead; it must be at most 1 hour `
      + `(${MAX_ASSERTION_EXP_AHEAD_SECONDS} s) from now, as in PingOne`);
  }
}

/**
 * For the same hook: refuses an assertion issued in the future (beyond the clock skew) or issued after it expires.
 * RFC 7523 §3 lets a server reject what it finds unreasonable in the timestamps (items 4-6) and requires the JWT to
 * be valid "in all other respects" per RFC 7519, whose `iat` is the time the JWT *was* issued (§4.1.6).
 * @param {{ iat?: unknown, exp?: unknown }} claims  verified; oidc-provider has checked iat is a number if present
 * @param {number} [nowSeconds]
 * @see https://www.rfc-editor.org/rfc/rfc7523#section-3
 */
export function assertAssertionIssuedAt(claims, nowSeconds = Math.floor(Date.now() / 1000)) {
  if (typeof claims.iat !== 'number') return;
  const ahead = claims.iat - nowSeconds;
  if (ahead > CLOCK_SKEW_SECONDS) {
    throw clientAuthRefusal(`the client_assertion iat is ${ahead} s in the future; it must not be later than now `
      + `(${CLOCK_SKEW_SECONDS} s of clock skew allowed)`);
  }
  if (typeof claims.exp === 'number' && claims.iat > claims.exp) {
    throw clientAuthRefusal('the client_assertion iat is after its exp; an assertion cannot expire before it is issued');
  }
}

/**
 * For the same hook: refuses an assertion whose `typ` names another kind of JWT (see OTHER_JWT_TYPES). Media type
 * names compare case-insensitively, and `typ` may carry or omit the `application/` prefix (RFC 7515 §4.1.9).
 * @param {{ typ?: unknown }} header
 */
export function assertAssertionType(header) {
  if (header.typ === undefined) return;
  const typ = typeof header.typ === 'string' ? header.typ.toLowerCase().replace(/^application\//, '') : undefined;
  if (typ === undefined || OTHER_JWT_TYPES.has(typ)) {
    throw clientAuthRefusal(`the client_assertion typ ${JSON.stringify(header.typ)} names another kind of JWT; `
      + 'send typ client-authentication+jwt, or no typ');
  }
}

/**
 * For the same hook, for the clients registered for it (sandbox-strict-audience): the assertion's `aud` must be the
 * issuer identifier as its only value — a string, or an array of that one string — compared as simple strings.
 * oidc-provider 8 also accepts the token endpoint URL and the URL of the endpoint called, as PingOne does.
 * @param {{ aud?: unknown }} claims
 * @param {string} issuer
 * @see https://datatracker.ietf.org/doc/draft-ietf-oauth-rfc7523bis/ (§4, replacing RFC 7523 §3 item 3 b)
 */
export function assertIssuerOnlyAudience(claims, issuer) {
  const { aud } = claims;
  const only = Array.isArray(aud) && aud.length === 1 ? aud[0] : aud;
  if (only === issuer) return;
  const got = JSON.stringify(aud) ?? 'nothing';
  throw clientAuthRefusal(`this client accepts only the issuer identifier ${issuer} as the client_assertion aud, as its `
    + `only value (draft-ietf-oauth-rfc7523bis; the token endpoint URL is not accepted); got ${got.slice(0, 300)}`);
}

/** The method a token request authenticated with, read from its transport (Authorization header, form, assertion alg). */
export function presentedAuthMethod(ctx) {
  if (ctx.headers.authorization !== undefined) return 'client_secret_basic';
  const { client_assertion: assertion, client_secret: secret } = ctx.oidc?.params ?? {};
  if (typeof assertion === 'string') {
    let alg;
    try {
      ({ alg } = decodeProtectedHeader(assertion)); // not verified: only which kind of key it claims to be signed with
    } catch {
      return undefined;
    }
    return typeof alg === 'string' && alg.startsWith('HS') ? 'client_secret_jwt' : 'private_key_jwt';
  }
  if (secret !== undefined) return 'client_secret_post';
  return undefined;
}

/** Why the request's method is not the client's registered one, or undefined when they match (or are unknown). */
export function authMethodMismatch(ctx) {
  const registered = ctx.oidc?.client?.clientAuthMethod;
  if (!registered) return undefined;
  const presented = presentedAuthMethod(ctx);
  if (!presented || registered === presented) return undefined;
  return `the client is registered for ${registered} but authenticated with ${presented}; `
    + `use ${registered} (token_endpoint_auth_method)`;
}

/**
 * Wraps a grant handler so that it runs only for a client that used its registered method. oidc-provider 8 treats
 * client_secret_basic and client_secret_post as one method (lib/shared/token_auth.js accepts either transport for
 * both), so without this a client registered for one authenticates with the other.
 * @param {(ctx: object, next: () => Promise<void>) => Promise<void>} handler
 */
export function requireRegisteredAuthMethod(handler) {
  return async function registeredAuthMethodOnly(ctx, next) {
    const mismatch = authMethodMismatch(ctx);
    if (mismatch) throw clientAuthRefusal(mismatch);
    return handler(ctx, next);
  };
}

/**
 * The `error_description` an invalid_client answer should carry: a method mismatch when that is what happened (e.g.
 * oidc-provider's "alg mismatch" for an RS256 assertion from a client_secret_jwt client), else oidc-provider's own
 * detail. A playground is for learning why; every client and its method are public in /sandbox/info anyway.
 * @returns {string | undefined} undefined when the error already explains itself
 */
export function explainInvalidClient(ctx, err) {
  if (err.error !== 'invalid_client') return undefined;
  const mismatch = authMethodMismatch(ctx);
  if (mismatch) return mismatch;
  if (err.error_detail && err.error_description !== err.error_detail) return `${err.error_description}: ${err.error_detail}`;
  return undefined;
}
