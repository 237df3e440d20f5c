// Profile checks: a client configuration held against the FAPI 2.0 Security Profile (final) and OAuth 2.1, line by line.
import type { AuthMethod } from '../../types/token';
import type { AssertionAudience } from './assertionAudience';
import { headerValue, jwtMethodOf, type RequestDescription } from './description';

/** A key's type and size, when known (a key imported without its public part may not say). */
export interface KeyStrength {
  kty: 'RSA' | 'EC';
  bits: number;
}

/** What is known about the client's configuration; anything left out makes its lines `not applicable`, never guessed. */
export interface ProfileInput {
  authMethod: AuthMethod;
  /** The token request and API calls carry DPoP proofs (RFC 9449). */
  dpop: boolean;
  /** A client certificate is presented in the TLS handshake (through the local relay, RFC 8705). */
  mtls: boolean;
  /** The JWT methods' audience mode. */
  assertionAudience?: AssertionAudience | undefined;
  /** private_key_jwt's signing algorithm (client_secret_jwt is always HS256). */
  signingAlg?: string | undefined;
  /** The DPoP proofs' algorithm. */
  dpopAlg?: string | undefined;
  /** The private_key_jwt key and the DPoP key, when their size is known ({@link keyStrengthOf}). */
  signingKey?: KeyStrength | undefined;
  dpopKey?: KeyStrength | undefined;
  assertionLifetimeSeconds?: number | undefined;
  /** The client authentication methods the request carries ({@link clientAuthMethodsIn}). */
  methodsInRequest?: readonly string[] | undefined;
}

export type ProfileStatus = 'met' | 'not met' | 'not applicable';

export interface ProfileCheck {
  id: string;
  spec: string;
  clause: string;
  /** The requirement, in the specification's words where they are short enough. */
  requirement: string;
  status: ProfileStatus;
  /** Why this status, for this configuration. */
  reason: string;
  link: string;
}

/** FAPI 2.0 Security Profile, final (February 2025). Clause numbers from the specification's own section structure. */
const FAPI2 = { spec: 'FAPI 2.0 Security Profile (final)', link: 'https://openid.net/specs/fapi-security-profile-2_0-final.html' };
/** OAuth 2.1, draft-ietf-oauth-v2-1-16 (September 2026). */
const OAUTH21 = { spec: 'OAuth 2.1 (draft-ietf-oauth-v2-1-16)', link: 'https://datatracker.ietf.org/doc/draft-ietf-oauth-v2-1/' };

const JWT_METHODS: ReadonlySet<AuthMethod> = new Set<AuthMethod>(['private_key_jwt', 'client_secret_jwt']);
const FAPI_AUTH_METHODS: ReadonlySet<AuthMethod> = new Set<AuthMethod>(['private_key_jwt', 'tls_client_auth', 'self_signed_tls_client_auth']);
/** FAPI 2.0 §5.4.1: PS256, ES256, or EdDSA (Ed25519 variant; the curve is not visible in the `alg` name). */
const FAPI_ALGS: ReadonlySet<string> = new Set(['PS256', 'ES256', 'EdDSA']);
const MIN_BITS: Readonly<Record<KeyStrength['kty'], number>> = { RSA: 2048, EC: 224 };

type Line = Pick<ProfileCheck, 'status' | 'reason'>;
const met = (reason: string): Line => ({ status: 'met', reason });
const notMet = (reason: string): Line => ({ status: 'not met', reason });
const notApplicable = (reason: string): Line => ({ status: 'not applicable', reason });

function clientAuthLine(i: ProfileInput): Line {
  return FAPI_AUTH_METHODS.has(i.authMethod) ? met(`${i.authMethod} is one of them.`) : notMet(`${i.authMethod} is neither mTLS nor private_key_jwt.`);
}

function senderConstraintLine(i: ProfileInput): Line {
  if (i.dpop) return met('DPoP proofs bind the token to this browser\'s key.');
  if (i.mtls) return met('A client certificate is presented, so the server can bind the token to it.');
  return notMet('Neither DPoP nor a client certificate: the token is a bearer token.');
}

function fapiAudienceLine(i: ProfileInput): Line {
  if (i.authMethod !== 'private_key_jwt') return notApplicable(`No private_key_jwt assertion (${i.authMethod}).`);
  if (!i.assertionAudience) return notApplicable('The assertion audience mode is not known.');
  return i.assertionAudience === 'issuer' ? met('"aud" is the issuer, as a single string.') : notMet(`"aud" is the ${i.assertionAudience.replace('_', ' ')}, not the issuer.`);
}

function algorithmLine(i: ProfileInput): Line {
  const used: string[] = [];
  if (i.authMethod === 'client_secret_jwt') used.push('HS256');
  else if (i.authMethod === 'private_key_jwt' && i.signingAlg) used.push(i.signingAlg);
  if (i.dpop && i.dpopAlg) used.push(i.dpopAlg);
  if (used.length === 0) return notApplicable('No JWT this client signs has a known algorithm.');
  const outside = [...new Set(used.filter((alg) => !FAPI_ALGS.has(alg)))];
  return outside.length === 0 ? met(`Signs with ${[...new Set(used)].join(', ')}.`) : notMet(`${outside.join(', ')} is not PS256, ES256 or EdDSA.`);
}

function keySizeLine(i: ProfileInput): Line {
  const keys = [i.authMethod === 'private_key_jwt' ? i.signingKey : undefined, i.dpop ? i.dpopKey : undefined].filter((k): k is KeyStrength => k !== undefined);
  if (keys.length === 0) return notApplicable('No signing key of known size (a shared secret has no key size here).');
  const small = keys.find((k) => k.bits < MIN_BITS[k.kty]);
  return small ? notMet(`A ${small.bits}-bit ${small.kty} key is below ${MIN_BITS[small.kty]} bits.`) : met(keys.map((k) => `${k.kty} ${k.bits} bits`).join(', ') + '.');
}

function timestampLine(i: ProfileInput): Line {
  if (!JWT_METHODS.has(i.authMethod)) return notApplicable(`No client assertion (${i.authMethod}).`);
  const lifetime = i.assertionLifetimeSeconds === undefined ? '' : ` and exp = iat + ${i.assertionLifetimeSeconds} s`;
  // Known, not guessed: the playground signs every assertion with iat from its clock and no nbf (assertion.ts).
  return met(`This client signs iat = now, no nbf${lifetime}: nothing in the future for the server to refuse while the clocks agree (FAPI 2.0 sets no assertion lifetime).`);
}

function oauth21AudienceLine(i: ProfileInput): Line {
  if (!JWT_METHODS.has(i.authMethod)) return notApplicable(`No JWT client authentication (${i.authMethod}).`);
  if (!i.assertionAudience) return notApplicable('The assertion audience mode is not known.');
  return i.assertionAudience === 'issuer' ? met('"aud" is the issuer identifier, its only value.') : notMet(`"aud" is the ${i.assertionAudience.replace('_', ' ')}; RFC 7523bis allows only the issuer.`);
}

function secretMethodLine(i: ProfileInput): Line {
  if (i.authMethod === 'client_secret_post') return met('client_secret_post is the method every OAuth 2.1 server must accept.');
  if (i.authMethod === 'client_secret_basic') return notMet('client_secret_basic is optional (MAY) for an OAuth 2.1 server; client_secret_post is the one it must accept.');
  return notApplicable(`No client secret in the request (${i.authMethod}).`);
}

function oneMethodLine(i: ProfileInput): Line {
  const methods = i.methodsInRequest;
  if (methods === undefined) return notApplicable('The request has not been described yet.');
  if (methods.length === 0) return notApplicable('The request carries no client authentication.');
  return methods.length === 1 ? met(`Only ${methods[0]}.`) : notMet(`The request carries ${methods.join(' and ')}.`);
}

type Spec = typeof FAPI2 | typeof OAUTH21;
const LINES: readonly { id: string; of: Spec; clause: string; requirement: string; check: (i: ProfileInput) => Line }[] = [
  { id: 'fapi2.client-auth', of: FAPI2, clause: '5.3.3.1', check: clientAuthLine,
    requirement: 'Clients shall support client authentication using MTLS (RFC 8705 §2) or private_key_jwt (OIDC Core §9); servers accept only these.' },
  { id: 'fapi2.sender-constrained', of: FAPI2, clause: '5.3.3.1', check: senderConstraintLine,
    requirement: 'Clients shall support sender-constrained access tokens using MTLS (RFC 8705) or DPoP (RFC 9449).' },
  { id: 'fapi2.assertion-aud', of: FAPI2, clause: '5.3.3.1', check: fapiAudienceLine,
    requirement: 'If using private_key_jwt, the client shall use the authorization server\'s issuer identifier in the aud claim, sent as a string, not an item in an array.' },
  { id: 'fapi2.algorithms', of: FAPI2, clause: '5.4.1', check: algorithmLine,
    requirement: 'JWTs shall use PS256, ES256, or EdDSA (the Ed25519 variant), never none.' },
  { id: 'fapi2.key-size', of: FAPI2, clause: '5.4.1', check: keySizeLine,
    requirement: 'RSA keys shall have a minimum length of 2048 bits; elliptic curve keys a minimum length of 224 bits.' },
  { id: 'fapi2.jwt-timestamps', of: FAPI2, clause: '5.3.2.1', check: timestampLine,
    requirement: 'Servers shall accept JWTs with iat or nbf up to 10 seconds in the future and reject more than 60 seconds: a client assertion must not be dated ahead; no lifetime is set for client assertions.' },
  { id: 'oauth21.assertion-aud', of: OAUTH21, clause: '2.4', check: oauth21AudienceLine,
    requirement: 'With JWT-based client authentication, clients and servers MUST follow the aud guidance of RFC 7523bis (the issuer identifier as the sole audience).' },
  { id: 'oauth21.client-secret', of: OAUTH21, clause: '2.4.1', check: secretMethodLine,
    requirement: 'The authorization server MUST support client_id and client_secret in the request body (client_secret_post) and MAY support HTTP Basic.' },
  { id: 'oauth21.one-method', of: OAUTH21, clause: '2.4', check: oneMethodLine,
    requirement: 'The client MUST NOT use more than one authentication method in each request.' },
];

/**
 * One line per requirement, each `met`, `not met` or `not applicable` with its reason. Pure: the same input gives
 * the same lines; unknown inputs give `not applicable`, saying what is missing.
 * @see https://openid.net/specs/fapi-security-profile-2_0-final.html
 * @see https://datatracker.ietf.org/doc/draft-ietf-oauth-v2-1/
 */
export function profileChecks(input: ProfileInput): ProfileCheck[] {
  return LINES.map(({ id, of, clause, requirement, check }) => ({ id, spec: of.spec, clause, requirement, link: of.link, ...check(input) }));
}

/**
 * The client authentication methods a described request carries, for the one-method line: HTTP Basic, a secret in
 * the body, an assertion (by its alg), and the client certificate when the method is mTLS.
 * @see https://datatracker.ietf.org/doc/draft-ietf-oauth-v2-1/ (§2.4)
 */
export function clientAuthMethodsIn(desc: RequestDescription, mtlsMethod?: AuthMethod): string[] {
  const methods: string[] = [];
  if (/^basic\s/i.test(headerValue(desc.headers, 'Authorization') ?? '')) methods.push('client_secret_basic');
  const body = new URLSearchParams(desc.body);
  if (body.has('client_secret')) methods.push('client_secret_post');
  const assertion = body.get('client_assertion');
  if (assertion) methods.push(jwtMethodOf(assertion));
  if (mtlsMethod === 'tls_client_auth' || mtlsMethod === 'self_signed_tls_client_auth') methods.push(mtlsMethod);
  return methods;
}

/** The size of a WebCrypto key, read from its algorithm (RSA modulus, EC curve); undefined for other keys. */
export function keyStrengthOf(key: CryptoKey): KeyStrength | undefined {
  const algorithm = key.algorithm as { name: string; modulusLength?: number; namedCurve?: string };
  if (typeof algorithm.modulusLength === 'number') return { kty: 'RSA', bits: algorithm.modulusLength };
  const curveBits: Record<string, number> = { 'P-256': 256, 'P-384': 384, 'P-521': 521 };
  const bits = algorithm.namedCurve ? curveBits[algorithm.namedCurve] : undefined;
  return bits === undefined ? undefined : { kty: 'EC', bits };
}
