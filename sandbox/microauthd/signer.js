// microauthd emulation signing key: RS256 access tokens issued and verified with jose, public key as a JWKS.
import { randomUUID } from 'node:crypto';
import { SignJWT, calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, jwtVerify } from 'jose';

/** The signing key pair: the given private JWK (the sandbox's kept demo key), or one generated for this process. */
async function signingKeyPair(privateJwk) {
  if (!privateJwk) return generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
  const { kty, n, e } = privateJwk;
  const [privateKey, publicKey] = await Promise.all([importJWK(privateJwk, 'RS256'), importJWK({ kty, n, e }, 'RS256')]);
  return { privateKey, publicKey };
}

/**
 * Creates the emulation's signer over `privateJwk` (an RS256 private JWK), or over a key generated for this process
 * when none is given. The JWKS `kid` is the public key's RFC 7638 thumbprint either way.
 * @param {{ issuer: string, audience: string, ttlSeconds: number, now: () => number, privateJwk?: JsonWebKey }} options
 */
export async function createSigner({ issuer, audience, ttlSeconds, now, privateJwk }) {
  const { privateKey, publicKey } = await signingKeyPair(privateJwk);
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  const jwks = { keys: [{ ...publicJwk, kid, alg: 'RS256', use: 'sig' }] };

  return {
    /** The public JWKS served at /jwks.json. */
    jwks: () => structuredClone(jwks),

    /**
     * Issues a client-credentials access token with microauthd's claim set; `jkt` binds it to a DPoP key (cnf.jkt,
     * RFC 9449 §6.1).
     * @param {{ clientId: string, scope: string, jkt?: string }} grant
     */
    async issue({ clientId, scope, jkt }) {
      const iat = Math.floor(now() / 1000);
      const jti = randomUUID();
      const claims = { client_id: clientId, token_use: 'access', scope, ...(jkt === undefined ? {} : { cnf: { jkt } }) };
      const accessToken = await new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
        .setSubject(clientId)
        .setJti(jti)
        .setIssuedAt(iat)
        .setNotBefore(iat)
        .setExpirationTime(iat + ttlSeconds)
        .setIssuer(issuer)
        .setAudience(audience)
        .sign(privateKey);
      return { accessToken, jti, expiresIn: ttlSeconds };
    },

    /**
     * Verifies a bearer token: signature, alg, issuer, exp/nbf (at the injected clock), and that it is an access
     * token. Throws when any check fails.
     * @param {string} token
     */
    async verify(token) {
      const { payload } = await jwtVerify(token, publicKey, {
        issuer,
        algorithms: ['RS256'],
        currentDate: new Date(now()),
      });
      if (payload.token_use !== 'access') throw new Error('not an access token');
      return payload;
    },
  };
}
