// The token endpoint's DPoP iat window: oidc-provider 8 checks a proof's iat only when the proof has no nonce.
import { errors } from 'oidc-provider';
// Not a public export, like the client_credentials handler authServer.js wraps. It memoises its result per request
// (a WeakMap keyed by ctx), so the grant handler's own call after this one costs nothing. Pinned oidc-provider
// 8.8.1; the iat tests in dpop.test.js fail if this module moves.
import validateDpopProof from 'oidc-provider/lib/helpers/validate_dpop.js';

import { DPOP_IAT_WINDOW_SECONDS, isRecentIat } from './proof.js';

/**
 * Wraps a grant handler so that a DPoP proof whose iat is outside the window is `invalid_dpop_proof`, with or
 * without a valid nonce (oidc-provider accepts any iat once the nonce is good). Requests without a DPoP header pass.
 * @param {(ctx: object, next: () => Promise<void>) => Promise<void>} handler
 * @param {() => number} [now]  epoch ms
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-4.3 (check 11) and §11.1
 */
export function requireRecentDpopProof(handler, now = Date.now) {
  return async function recentDpopProofOnly(ctx, next) {
    const proof = await validateDpopProof(ctx);
    if (proof && !isRecentIat(proof.iat, now())) {
      throw new errors.InvalidDpopProof(`DPoP proof iat must be within ${DPOP_IAT_WINDOW_SECONDS} s of the server's time`);
    }
    return handler(ctx, next);
  };
}
