// Client authentication as small functions that decorate a token request (RFC 6749 §2.3, RFC 7523, OIDC Core §9).
import type { SigningAlg } from '../../types/token';
import { effects } from '../effects';
import { InputError } from '../errors';
import { assertCryptoKeyFitsAlg } from '../keys';
import type { X509HeaderParameters } from '../x509Thumbprint';
import { signClientAssertion, signClientSecretJwt } from './assertion';
import {
  assertionAudienceValue,
  assertionTypHeader,
  DEFAULT_ASSERTION_AUDIENCE,
  DEFAULT_ASSERTION_TYP,
  type AssertionAudience,
  type AssertionTyp,
} from './assertionAudience';

/** What a {@link ClientAuth} may read and change: the headers and the form body of the request being built. */
export interface ClientAuthContext {
  clientId: string;
  /**
   * The URL this request is sent to (token, introspection or revocation endpoint): the `endpoint` audience mode
   * signs it, so an introspection assertion names the introspection URL.
   */
  endpoint: string;
  /** The token endpoint, for the `token_endpoint` audience mode; the same as `endpoint` on a token request. */
  tokenEndpoint?: string | undefined;
  issuer?: string | undefined;
  headers: Record<string, string>;
  body: URLSearchParams;
}

/** One client authentication method. Adding a method is adding a factory that returns one of these. */
export type ClientAuth = (ctx: ClientAuthContext) => void | Promise<void>;

/** @see https://www.rfc-editor.org/rfc/rfc7523#section-2.2 */
export const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** Assertion time (`iat`, `exp`) comes from `effects().clock` when the request is described. */
export interface JwtAuthOptions {
  /** Which URL `aud` names; default {@link DEFAULT_ASSERTION_AUDIENCE} (`token_endpoint`). */
  audience?: AssertionAudience | undefined;
  /** Whether the header says `typ`; default `auto` (`client-authentication+jwt` with the issuer mode). */
  typ?: AssertionTyp | undefined;
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

/** The `aud` and `typ` a JWT method signs for this request, from its options and the URLs in the context. */
function assertionTarget(ctx: ClientAuthContext, opts: JwtAuthOptions): { audience: string; typ: string | null } {
  const mode = opts.audience ?? DEFAULT_ASSERTION_AUDIENCE;
  return {
    audience: assertionAudienceValue(mode, { issuer: ctx.issuer, tokenEndpoint: ctx.tokenEndpoint, endpoint: ctx.endpoint }),
    typ: assertionTypHeader(opts.typ ?? DEFAULT_ASSERTION_TYP, mode),
  };
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
 * client_secret_jwt: an HS256 assertion keyed with the client secret; `aud` and `typ` as {@link JwtAuthOptions} say.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#ClientAuthentication
 * @see https://datatracker.ietf.org/doc/draft-ietf-oauth-rfc7523bis/
 */
export function clientSecretJwt(secret: string, opts: JwtAuthOptions = {}): ClientAuth {
  requireSecret(secret);
  return async (ctx) => {
    const target = assertionTarget(ctx, opts);
    const signed = effects().timing.start('sign');
    const assertion = await signClientSecretJwt({ clientId: ctx.clientId, secret, ...target, lifetimeSeconds: opts.lifetimeSeconds }).finally(signed);
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
 * private_key_jwt: an assertion signed with the client's private key (ES256, RS256 or PS256); `aud` and `typ` as
 * {@link JwtAuthOptions} say.
 * @see https://www.rfc-editor.org/rfc/rfc7523#section-2.2
 * @see https://datatracker.ietf.org/doc/draft-ietf-oauth-rfc7523bis/
 */
export function privateKeyJwt(privateKey: CryptoKey, opts: PrivateKeyJwtOptions): ClientAuth {
  // Refuse a key/alg mismatch when the method is chosen, not only when a request is built.
  assertCryptoKeyFitsAlg(privateKey, opts.alg);
  return async (ctx) => {
    const target = assertionTarget(ctx, opts);
    const signed = effects().timing.start('sign');
    const assertion = await signClientAssertion({
      clientId: ctx.clientId,
      kid: opts.kid,
      privateKey,
      alg: opts.alg,
      ...target,
      lifetimeSeconds: opts.lifetimeSeconds,
      x509: opts.x509,
    }).finally(signed);
    setAssertion(ctx, assertion);
  };
}
