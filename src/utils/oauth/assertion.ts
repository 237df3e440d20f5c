// Signing client assertions (RFC 7523): private_key_jwt with the client's key, client_secret_jwt with HS256.
import { calculateJwkThumbprint, SignJWT } from 'jose';
import type { SigningAlg } from '../../types/token';
import { DEFAULT_ASSERTION_LIFETIME_SECONDS, MAX_ASSERTION_LIFETIME_SECONDS } from '../../config/defaults';
import type { Clock } from '../clock';
import { effects } from '../effects';
import { InputError } from '../errors';
import { assertCryptoKeyFitsAlg, publicJwkFrom } from '../keys';
import type { X509HeaderParameters } from '../x509Thumbprint';

export interface ClientAssertionOptions {
  clientId: string;
  tokenEndpoint: string;
  /** Header `kid`; defaults to the RFC 7638 thumbprint of the public key when it can be known. */
  kid?: string;
  privateKey: CryptoKey;
  alg: SigningAlg;
  /** `aud`; defaults to the token endpoint. The issuer identifier is also accepted by most servers. */
  audience?: string;
  /** Default 60; more than 60 is refused. */
  lifetimeSeconds?: number | undefined;
  /** Certificate thumbprint header(s) for a certificate credential (RFC 7515 §4.1.7/§4.1.8), e.g. Entra ID's. */
  x509?: X509HeaderParameters | undefined;
}

export interface ClientSecretJwtOptions {
  clientId: string;
  tokenEndpoint: string;
  secret: string;
  audience?: string;
  lifetimeSeconds?: number | undefined;
}

function checkLifetime(value: number | undefined): number {
  const lifetime = value ?? DEFAULT_ASSERTION_LIFETIME_SECONDS;
  if (!Number.isInteger(lifetime) || lifetime < 1 || lifetime > MAX_ASSERTION_LIFETIME_SECONDS) {
    throw new InputError(
      'assertionLifetimeSeconds',
      `Assertion lifetime must be a whole number of seconds from 1 to ${MAX_ASSERTION_LIFETIME_SECONDS}.`,
    );
  }
  return lifetime;
}

function checkCommon(clientId: string, tokenEndpoint: string): void {
  if (typeof clientId !== 'string' || clientId.trim() === '') throw new InputError('clientId', 'Client ID is required.');
  if (typeof tokenEndpoint !== 'string' || tokenEndpoint.trim() === '') {
    throw new InputError('tokenEndpoint', 'Token endpoint is required.');
  }
}

/** iss = sub = client_id, aud, iat, exp = iat + lifetime, and a fresh random jti (replay protection). */
function assertionClaims(clientId: string, audience: string, lifetime: number, clock: Clock) {
  const iat = Math.floor(clock.now() / 1000);
  return {
    payload: { iss: clientId, sub: clientId, aud: audience, jti: crypto.randomUUID() },
    iat,
    exp: iat + lifetime,
  };
}

/**
 * Signs a private_key_jwt client assertion with jose.
 * @throws InputError field `assertionLifetimeSeconds`, `signingAlg`, `privateKey`, `clientId` or `tokenEndpoint`
 * @see https://www.rfc-editor.org/rfc/rfc7523#section-3
 */
export async function signClientAssertion(opts: ClientAssertionOptions): Promise<string> {
  checkCommon(opts.clientId, opts.tokenEndpoint);
  const lifetime = checkLifetime(opts.lifetimeSeconds);
  assertCryptoKeyFitsAlg(opts.privateKey, opts.alg);
  let kid = opts.kid?.trim() || undefined;
  if (kid === undefined) {
    const publicJwk = await publicJwkFrom(opts.privateKey);
    // Prefer the kid the key was registered under (kept with the key); else its thumbprint.
    if (publicJwk) kid = typeof publicJwk.kid === 'string' ? publicJwk.kid : await calculateJwkThumbprint(publicJwk);
  }
  const { payload, iat, exp } = assertionClaims(opts.clientId, opts.audience ?? opts.tokenEndpoint, lifetime, effects().clock);
  return new SignJWT(payload)
    .setProtectedHeader({ ...(kid === undefined ? { alg: opts.alg, typ: 'JWT' } : { alg: opts.alg, kid, typ: 'JWT' }), ...opts.x509 })
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(opts.privateKey);
}

/**
 * Signs a client_secret_jwt assertion (HS256, the UTF-8 bytes of the client secret as the key).
 * @throws InputError field `clientSecret`, `assertionLifetimeSeconds`, `clientId` or `tokenEndpoint`
 * @see https://openid.net/specs/openid-connect-core-1_0.html#ClientAuthentication
 */
export async function signClientSecretJwt(opts: ClientSecretJwtOptions): Promise<string> {
  checkCommon(opts.clientId, opts.tokenEndpoint);
  if (typeof opts.secret !== 'string' || opts.secret === '') throw new InputError('clientSecret', 'Client secret is required.');
  const lifetime = checkLifetime(opts.lifetimeSeconds);
  const { payload, iat, exp } = assertionClaims(opts.clientId, opts.audience ?? opts.tokenEndpoint, lifetime, effects().clock);
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(new TextEncoder().encode(opts.secret));
}
