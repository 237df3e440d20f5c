// oidc-provider's features.dPoP for the sandbox (RFC 9449): bound tokens for any client that sends a proof.

/**
 * Nonces are required for every DPoP token request. Why all and not one demo client: the nonce round trip
 * (400 use_dpop_nonce + DPoP-Nonce, then the retry) is the part clients get wrong, so every DPoP request shows it;
 * and oidc-provider calls requireNonce only when a DPoP header is present, so Bearer requests pay nothing.
 * @param {Buffer} nonceSecret  32 bytes; the emulated APIs use the same one, so a nonce is good for the whole origin
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-8
 */
export function dpopFeature(nonceSecret) {
  return { enabled: true, nonceSecret, requireNonce: () => true };
}
