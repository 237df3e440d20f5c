// Signing client assertions (RFC 7523): private_key_jwt with the client's key, client_secret_jwt with HS256.
import { calculateJwkThumbprint, SignJWT, type JWTHeaderParameters } from 'jose';
import type { SigningAlg } from '../../types/token';
import { DEFAULT_ASSERTION_LIFETIME_SECONDS, MAX_ASSERTION_LIFETIME_SECONDS } from '../../config/defaults';
import type { Clock } from '../clock';
import { effects } from '../effects';
import { InputError } from '../errors';
import { assertCryptoKeyFitsAlg, publicJwkFrom } from '../keys';
import { GENERIC_JWT_TYP } from './assertionAudience';
import type { X509HeaderParameters } from '../x509Thumbprint';

/** What both JWT methods put in an assertion besides the key: who signs, for whom, how long, and the header type. */
interface AssertionCommonOptions {
  clientId: string;
  /** The `aud` when `audience` is not given (RFC 7523 §3); one of the two is required. */
  tokenEndpoint?: string | undefined;
  /** `aud`, a single string (see assertionAudience.ts for the modes that choose it). */
  audience?: string | undefined;
  /** Default 60; more than 60 is refused. */
  lifetimeSeconds?: number | undefined;
  /**
   * Header `typ`: default `JWT`; `client-authentication+jwt` for RFC 7523bis; `null` sends no `typ`.
   * @see https://datatracker.ietf.org/doc/draft-ietf-oauth-rfc7523bis/ (draft -11 §4)
   */
  typ?: string | null | undefined;
  /** Certificate thumbprint header(s) for a certificate credential (RFC 7515 §4.1.7/§4.1.8), e.g. Entra ID's. */
  x509?: X509HeaderParameters | undefined;
}

export interface ClientAssertionOptions extends AssertionCommonOptions {
  /** Header `kid`; defaults to the RFC 7638 thumbprint of the public key when it can be known. */
  kid?: string | undefined;
  privateKey: CryptoKey;
  alg: SigningAlg;
}

export interface ClientSecretJwtOptions extends AssertionCommonOptions {
  secret: string;
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

/** The checked `aud`: the audience given, else the token endpoint. */
function checkCommon(opts: AssertionCommonOptions): string {
  if (typeof opts.clientId !== 'string' || opts.clientId.trim() === '') throw new InputError('clientId', 'Client ID is required.');
  const audience = opts.audience ?? opts.tokenEndpoint;
  if (typeof audience !== 'string' || audience.trim() === '') throw new InputError('tokenEndpoint', 'Token endpoint is required.');
  return audience;
}

/** The protected header: `alg`, then `kid` when known, then `typ` unless it is dropped. */
function protectedHeader(alg: string, kid: string | undefined, typ: string | null | undefined): JWTHeaderParameters {
  const header: JWTHeaderParameters = { alg };
  if (kid !== undefined) header.kid = kid;
  if (typ !== null) header.typ = typ ?? GENERIC_JWT_TYP;
  return header;
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
  const audience = checkCommon(opts);
  const lifetime = checkLifetime(opts.lifetimeSeconds);
  assertCryptoKeyFitsAlg(opts.privateKey, opts.alg);
  let kid = opts.kid?.trim() || undefined;
  if (kid === undefined) {
    const publicJwk = await publicJwkFrom(opts.privateKey);
    // Prefer the kid the key was registered under (kept with the key); else its thumbprint.
    if (publicJwk) kid = typeof publicJwk.kid === 'string' ? publicJwk.kid : await calculateJwkThumbprint(publicJwk);
  }
  const { payload, iat, exp } = assertionClaims(opts.clientId, audience, lifetime, effects().clock);
  return new SignJWT(payload)
    .setProtectedHeader({ ...protectedHeader(opts.alg, kid, opts.typ), ...opts.x509 })
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
  const audience = checkCommon(opts);
  if (typeof opts.secret !== 'string' || opts.secret === '') throw new InputError('clientSecret', 'Client secret is required.');
  const lifetime = checkLifetime(opts.lifetimeSeconds);
  const { payload, iat, exp } = assertionClaims(opts.clientId, audience, lifetime, effects().clock);
  return new SignJWT(payload)
    .setProtectedHeader(protectedHeader('HS256', undefined, opts.typ))
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(new TextEncoder().encode(opts.secret));
}
