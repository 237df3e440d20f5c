// oidc-provider answers 200 to the revocation of a JWT access token and revokes nothing (it cannot: JWTs are not
// stored), so the token keeps working. The sandbox says so instead, with RFC 7009's own error.

/**
 * Turns the 200 of a revocation whose token is a compact JWS into 400 `unsupported_token_type`: "the
 * authorization server does not support the revocation of the presented token type" (RFC 7009 §2.2.1). Opaque
 * tokens (sandbox-opaque) are revoked as before. Runs after oidc-provider, and costs one route comparison elsewhere.
 * @param {import('oidc-provider').default} provider
 * @see https://www.rfc-editor.org/rfc/rfc7009#section-2.2.1
 */
export function refuseJwtRevocation(provider) {
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.oidc?.route !== 'revocation' || ctx.status !== 200) return;
    const token = ctx.oidc.params?.token;
    if (typeof token !== 'string' || token.split('.').length !== 3) return;
    ctx.status = 400;
    ctx.body = {
      error: 'unsupported_token_type',
      error_description: 'JWT access tokens cannot be revoked here (they are not stored, so they stay valid until they expire); '
        + 'use sandbox-opaque for revocable tokens',
    };
  });
}
