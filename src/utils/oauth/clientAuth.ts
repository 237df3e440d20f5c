// Client authentication as small functions that decorate a token request (RFC 6749 §2.3, RFC 7523, OIDC Core §9).
import type { SigningAlg } from '../../types/token';
import { effects } from '../effects';
import { InputError } from '../errors';
import { assertCryptoKeyFitsAlg } from '../keys';
import type { X509HeaderParameters } from '../x509Thumbprint';
import { signClientAssertion, signClientSecretJwt } from './assertion';

/** What a {@link ClientAuth} may read and change: the headers and the form body of the request being built. */
export interface ClientAuthContext {
  clientId: string;
  tokenEndpoint: string;
  issuer?: string;
  headers: Record<string, string>;
  body: URLSearchParams;
}

/** One client authentication method. Adding a method is adding a factory that returns one of these. */
export type ClientAuth = (ctx: ClientAuthContext) => void | Promise<void>;

/** @see https://www.rfc-editor.org/rfc/rfc7523#section-2.2 */
export const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** Which value the assertion's `aud` carries: the token endpoint URL (default) or the issuer identifier. */
export type AssertionAudience = 'token_endpoint' | 'issuer';

/** Assertion time (`iat`, `exp`) comes from `effects().clock` when the request is described. */
export interface JwtAuthOptions {
  audience?: AssertionAudience;
  /** ≤ 60 s; default 60. */
  lifetimeSeconds?: number | undefined;
}

export interface PrivateKeyJwtOptions extends JwtAuthOptions {
  kid?: string;
  alg: SigningAlg;
  /** A certificate credential's thumbprint header(s) (`x5t#S256` / `x5t`), see x509Thumbprint.ts. */
  x509?: X509HeaderParameters | undefined;
}

/**
 * application/x-www-form-urlencoded serialisation of one value (space as `+`), as RFC 6749 §2.3.1 requires
 * for the client id and secret before they go into HTTP Basic.
 * @see https://www.rfc-editor.org/rfc/rfc6749#appendix-B
 */
export function formUrlEncode(value: string): string {
  return new URLSearchParams([['', value]]).toString().slice(1);
}

/**
 * The `Authorization` header value for client_secret_basic: `Basic base64(urlencode(id) ":" urlencode(secret))`.
 * Encoding first matters for ids or secrets containing `:`, `+`, `%` or non-ASCII characters.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1
 */
export function basicAuthorization(clientId: string, secret: string): string {
  // After form-encoding the string is pure ASCII, so btoa is safe.
  return `Basic ${btoa(`${formUrlEncode(clientId)}:${formUrlEncode(secret)}`)}`;
}

function requireSecret(secret: string): void {
  if (typeof secret !== 'string' || secret === '') throw new InputError('clientSecret', 'Client secret is required.');
}

function assertionAudience(ctx: ClientAuthContext, which: AssertionAudience | undefined): string {
  if (which !== 'issuer') return ctx.tokenEndpoint;
  if (!ctx.issuer) {
    throw new InputError('issuerOrDiscoveryUrl', 'The assertion audience is set to the issuer, but no issuer is configured.');
  }
  return ctx.issuer;
}

/**
 * client_secret_basic: credentials in the `Authorization` header.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1
 */
export function clientSecretBasic(secret: string): ClientAuth {
  requireSecret(secret);
  return (ctx) => {
    ctx.headers.Authorization = basicAuthorization(ctx.clientId, secret);
  };
}

/**
 * client_secret_post: `client_id` and `client_secret` in the form body.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1
 */
export function clientSecretPost(secret: string): ClientAuth {
  requireSecret(secret);
  return (ctx) => {
    ctx.body.set('client_id', ctx.clientId);
    ctx.body.set('client_secret', secret);
  };
}

function setAssertion(ctx: ClientAuthContext, assertion: string): void {
  ctx.body.set('client_id', ctx.clientId);
  ctx.body.set('client_assertion_type', CLIENT_ASSERTION_TYPE);
  ctx.body.set('client_assertion', assertion);
}

/**
 * client_secret_jwt: an HS256 assertion keyed with the client secret.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#ClientAuthentication
 */
export function clientSecretJwt(secret: string, opts: JwtAuthOptions = {}): ClientAuth {
  requireSecret(secret);
  return async (ctx) => {
    const signed = effects().timing.start('sign');
    const assertion = await signClientSecretJwt({
      clientId: ctx.clientId,
      tokenEndpoint: ctx.tokenEndpoint,
      secret,
      audience: assertionAudience(ctx, opts.audience),
      lifetimeSeconds: opts.lifetimeSeconds,
    }).finally(signed);
    setAssertion(ctx, assertion);
  };
}

/**
 * tls_client_auth / self_signed_tls_client_auth: the client certificate presented in the TLS handshake (by the
 * local relay) is the credential, so the request carries only `client_id` — no secret, no assertion.
 * @see https://www.rfc-editor.org/rfc/rfc8705#section-2
 */
export function tlsClientAuth(): ClientAuth {
  return (ctx) => {
    ctx.body.set('client_id', ctx.clientId);
  };
}

/**
 * private_key_jwt: an assertion signed with the client's private key (ES256, RS256 or PS256).
 * @see https://www.rfc-editor.org/rfc/rfc7523#section-2.2
 */
export function privateKeyJwt(privateKey: CryptoKey, opts: PrivateKeyJwtOptions): ClientAuth {
  // Refuse a key/alg mismatch when the method is chosen, not only when a request is built.
  assertCryptoKeyFitsAlg(privateKey, opts.alg);
  return async (ctx) => {
    const signed = effects().timing.start('sign');
    const assertion = await signClientAssertion({
      clientId: ctx.clientId,
      tokenEndpoint: ctx.tokenEndpoint,
      kid: opts.kid,
      privateKey,
      alg: opts.alg,
      audience: assertionAudience(ctx, opts.audience),
      lifetimeSeconds: opts.lifetimeSeconds,
      x509: opts.x509,
    }).finally(signed);
    setAssertion(ctx, assertion);
  };
}
