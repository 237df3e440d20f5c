// DPoP server nonces (RFC 9449 §8, §9) for the sandbox's APIs: HMAC-SHA256 of a 60 s time step, the scheme
// oidc-provider 8 uses for its token endpoint, so with the same secret a nonce from either is good at both.
import { createHmac, timingSafeEqual } from 'node:crypto';

const STEP_SECONDS = 60;
/** Steps either side of now that are still accepted (oidc-provider accepts two). */
const TOLERANCE = 2;

function compute(secret, step) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  return createHmac('sha256', secret).update(counter).digest('base64url');
}

/**
 * @param {Buffer} secret  32 bytes, shared with oidc-provider's `features.dPoP.nonceSecret`
 * @param {() => number} [now]  epoch ms
 * @returns {{ next(): string, check(nonce: unknown): boolean }}
 */
export function createDpopNonces(secret, now = Date.now) {
  if (!Buffer.isBuffer(secret) || secret.byteLength !== 32) throw new TypeError('the DPoP nonce secret must be a 32-byte Buffer');
  const stepNow = () => Math.floor(now() / 1000 / STEP_SECONDS);
  return {
    // Like oidc-provider, hand out the next step's nonce, so it stays good for the longest time.
    next: () => compute(secret, stepNow() + 1),
    check(nonce) {
      if (typeof nonce !== 'string' || nonce.length !== 43) return false;
      const given = Buffer.from(nonce);
      const current = stepNow();
      let good = false;
      for (let step = current - TOLERANCE; step <= current + TOLERANCE; step++) {
        good = timingSafeEqual(Buffer.from(compute(secret, step)), given) || good;
      }
      return good;
    },
  };
}
