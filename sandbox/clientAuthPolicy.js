// Client authentication rules the sandbox adds on top of oidc-provider 8: PingOne's one-hour cap on assertion `exp`,
// the registered token_endpoint_auth_method enforced exactly, and invalid_client answers that say why.
import { decodeProtectedHeader } from 'jose';
import { errors } from 'oidc-provider';

import { MAX_ASSERTION_EXP_AHEAD_SECONDS } from './constants.js';

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
