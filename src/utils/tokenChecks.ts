// Access-token checks: decode a JWT access token, check it against RFC 9068, and verify its signature with a JWKS.
import { compactVerify, createLocalJWKSet, decodeJwt, decodeProtectedHeader } from 'jose';
import type { CompactVerifyResult, JSONWebKeySet, JWTPayload, ProtectedHeaderParameters } from 'jose';
import { jwksCache as appJwksCache, type JwksCache } from './jwksCache';
import { checkTimeClaims } from './tokenLifecycle';

/** One line of the checks list. `check` is a short stable name such as `typ`, `aud` or `signature`. */
export interface TokenCheckResult {
  check: string;
  ok: boolean;
  message: string;
  /**
   * The check does not apply to this token (an opaque token has no claims to hold against RFC 9068): neither
   * passed nor failed, and never counted or shown as a failure. `ok` is false so nothing reads it as "verified".
   */
  notApplicable?: true;
}

/** A decoded (not verified) JWT access token. */
export interface DecodedAccessToken {
  header: ProtectedHeaderParameters;
  claims: JWTPayload;
}

/** What the token should say, taken from the flow's configuration. */
export interface AccessTokenExpectations {
  clientId: string;
  /** requested `audience`, if any */
  audience?: string;
  /** requested `resource` indicator (RFC 8707), if any */
  resource?: string;
  /** the issuer from discovery, if known */
  issuer?: string;
  /** epoch ms */
  now: number;
  clockSkewSeconds: number;
}

export interface SignatureCheckOptions {
  /** the issuer's `jwks_uri`; fetched once through the HTTP seam and reused (see jwksCache.ts) */
  jwksUri?: string;
  /** a JWKS already at hand (tests); wins over `jwksUri` */
  jwks?: JSONWebKeySet;
  /** where fetched key sets are kept; default: the app's one cache */
  jwksCache?: JwksCache;
}

/** Decodes a compact JWS access token without verifying it; `null` for opaque (non-JWT) tokens. */
export function decodeAccessToken(token: string): DecodedAccessToken | null {
  if (token.split('.').length !== 3) return null;
  try {
    return { header: decodeProtectedHeader(token), claims: decodeJwt(token) };
  } catch {
    return null;
  }
}

const AT_JWT_TYPES = new Set(['at+jwt', 'application/at+jwt']);

function audienceList(aud: unknown): string[] {
  if (typeof aud === 'string') return [aud];
  if (Array.isArray(aud)) return aud.filter((a): a is string => typeof a === 'string');
  return [];
}

function checkAudience(claims: JWTPayload, expect: AccessTokenExpectations): TokenCheckResult {
  const aud = audienceList(claims.aud);
  if (aud.length === 0) return { check: 'aud', ok: false, message: 'aud is missing: RFC 9068 requires the audience.' };
  // A server may honour either parameter (audience is vendor-specific, resource is RFC 8707), so either may match.
  const wanted = [expect.audience, expect.resource].filter((v): v is string => typeof v === 'string' && v !== '');
  if (wanted.length === 0) return { check: 'aud', ok: true, message: `aud is ${aud.join(', ')}.` };
  const match = wanted.find((w) => aud.includes(w));
  return match
    ? { check: 'aud', ok: true, message: `aud contains ${match}.` }
    : { check: 'aud', ok: false, message: `aud is ${aud.join(', ')}, not the requested ${wanted.join(' or ')}.` };
}

/**
 * Checks the header and claims of a JWT access token against RFC 9068 and the flow's configuration: `typ`,
 * `alg`, `iss`, `aud`, `client_id`, `sub`, `jti`, and the time claims with the clock-skew tolerance.
 * @see https://www.rfc-editor.org/rfc/rfc9068#section-2
 * @see https://www.rfc-editor.org/rfc/rfc9068#section-4
 */
export function checkAccessTokenClaims(decoded: DecodedAccessToken, expect: AccessTokenExpectations): TokenCheckResult[] {
  const { header, claims } = decoded;
  const results: TokenCheckResult[] = [];

  const typ = typeof header.typ === 'string' ? header.typ.toLowerCase() : undefined;
  results.push(
    typ && AT_JWT_TYPES.has(typ)
      ? { check: 'typ', ok: true, message: `typ is ${header.typ}.` }
      : { check: 'typ', ok: false, message: `typ is ${header.typ ?? 'missing'}; RFC 9068 requires at+jwt.` },
  );

  const alg = header.alg;
  results.push(
    !alg || alg === 'none'
      ? { check: 'alg', ok: false, message: 'alg is none or missing: an unsigned access token must be rejected.' }
      : { check: 'alg', ok: true, message: `alg is ${alg}.` },
  );

  if (typeof claims.iss !== 'string' || claims.iss === '') {
    results.push({ check: 'iss', ok: false, message: 'iss is missing.' });
  } else if (expect.issuer && claims.iss !== expect.issuer) {
    results.push({ check: 'iss', ok: false, message: `iss is ${claims.iss}, not the configured issuer ${expect.issuer}.` });
  } else {
    results.push({ check: 'iss', ok: true, message: `iss is ${claims.iss}.` });
  }

  results.push(checkAudience(claims, expect));

  const clientId = claims.client_id;
  if (typeof clientId !== 'string') {
    results.push({ check: 'client_id', ok: false, message: 'client_id is missing.' });
  } else if (clientId !== expect.clientId) {
    results.push({ check: 'client_id', ok: false, message: `client_id is ${clientId}, not ${expect.clientId}.` });
  } else {
    results.push({ check: 'client_id', ok: true, message: `client_id is ${clientId}.` });
  }

  results.push(
    typeof claims.sub === 'string' && claims.sub !== ''
      ? { check: 'sub', ok: true, message: `sub is ${claims.sub}.` }
      : { check: 'sub', ok: false, message: 'sub is missing (RFC 9068 requires it; for client credentials it names the client).' },
  );
  results.push(
    typeof claims.jti === 'string' && claims.jti !== ''
      ? { check: 'jti', ok: true, message: 'jti is present.' }
      : { check: 'jti', ok: false, message: 'jti is missing.' },
  );

  for (const time of checkTimeClaims(claims, expect.now, expect.clockSkewSeconds)) {
    results.push({ check: time.claim, ok: time.ok, message: time.message });
  }
  return results;
}

/**
 * Verifies with the key set at `jwksUri`, fetched once and reused; a `kid` the cached set lacks (the issuer
 * rotated its keys) refetches it once, outside the cooldown, as jose's remote key sets do.
 */
async function verifyWithRemoteSet(token: string, jwksUri: string, cache: JwksCache): Promise<CompactVerifyResult | string> {
  const keys = await cache.get(jwksUri);
  if (typeof keys === 'string') return keys;
  try {
    return await compactVerify(token, keys);
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'ERR_JWKS_NO_MATCHING_KEY') throw error;
    const reloaded = await cache.reload(jwksUri);
    if (reloaded === undefined) throw error;
    return typeof reloaded === 'string' ? reloaded : compactVerify(token, reloaded);
  }
}

function verifyWith(token: string, opts: SignatureCheckOptions): Promise<CompactVerifyResult | string> {
  if (opts.jwks) return compactVerify(token, createLocalJWKSet(opts.jwks));
  if (!opts.jwksUri) return Promise.resolve('No JWKS URI is configured, so the signature cannot be checked.');
  return verifyWithRemoteSet(token, opts.jwksUri, opts.jwksCache ?? appJwksCache);
}

/**
 * Verifies the token's signature with the issuer's JWKS (only the signature: claims are checked separately so
 * an expired token still shows whether it was genuinely issued). Never throws.
 * @see https://www.rfc-editor.org/rfc/rfc7515#section-5.2
 * @see https://www.rfc-editor.org/rfc/rfc7517#section-5
 */
export async function verifyAccessTokenSignature(token: string, opts: SignatureCheckOptions): Promise<TokenCheckResult> {
  try {
    const verified = await verifyWith(token, opts);
    if (typeof verified === 'string') return { check: 'signature', ok: false, message: verified };
    const kid = verified.protectedHeader.kid ? ` (kid ${verified.protectedHeader.kid})` : '';
    return { check: 'signature', ok: true, message: `Signature verified with the issuer's JWKS${kid}.` };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ERR_JWKS_NO_MATCHING_KEY') {
      return { check: 'signature', ok: false, message: 'No key in the issuer JWKS matches the token kid/alg.' };
    }
    if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') {
      return { check: 'signature', ok: false, message: 'Signature does not verify: the token was altered or signed by another key.' };
    }
    return { check: 'signature', ok: false, message: `Signature could not be checked: ${(error as Error).message}` };
  }
}

/**
 * The checks that need nothing but the decoded token ({@link decodeAccessToken}) and the configuration: RFC 9068
 * header and claims, or why there are none. The UI shows them at once, while the signature is being verified.
 */
export function localTokenChecks(decoded: DecodedAccessToken | null, expect: AccessTokenExpectations): TokenCheckResult[] {
  if (!decoded) {
    // RFC 9068 profiles JWT access tokens only; an opaque token is legitimate (RFC 6749 §1.4) and is understood by
    // introspecting it (RFC 7662).
    return [{
      check: 'format', ok: false, notApplicable: true,
      message: 'Opaque access token (not a JWT): the RFC 9068 checks do not apply. Introspect it to learn what it grants.',
    }];
  }
  return checkAccessTokenClaims(decoded, expect);
}

/** All checks for an access token: signature first, then the RFC 9068 claim checks. Never throws. */
export async function runTokenChecks(
  token: string,
  expect: AccessTokenExpectations,
  signature: SignatureCheckOptions,
): Promise<TokenCheckResult[]> {
  const decoded = decodeAccessToken(token);
  const local = localTokenChecks(decoded, expect);
  return decoded ? [await verifyAccessTokenSignature(token, signature), ...local] : local;
}
