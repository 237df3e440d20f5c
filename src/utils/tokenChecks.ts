// Access-token checks: decode a JWT access token, check it against RFC 9068, and verify its signature with a JWKS.
import { compactVerify, createLocalJWKSet, decodeJwt, decodeProtectedHeader } from 'jose';
import type { JSONWebKeySet, JWTPayload, ProtectedHeaderParameters } from 'jose';
import { isPlaygroundError } from './errors';
import { fetchWithTimeout } from './http';
import { readJsonBody } from './secureJson';
import { checkTimeClaims } from './tokenLifecycle';
import { validateEndpointUrl } from './urlValidation';

/** One line of the checks list. `check` is a short stable name such as `typ`, `aud` or `signature`. */
export interface TokenCheckResult {
  check: string;
  ok: boolean;
  message: string;
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
  /** the issuer's `jwks_uri`; fetched through the HTTP seam (`effects().fetch`, with the default timeout) */
  jwksUri?: string;
  /** a JWKS already at hand (tests, or a cached copy); wins over `jwksUri` */
  jwks?: JSONWebKeySet;
  signal?: AbortSignal;
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

async function loadJwks(opts: SignatureCheckOptions): Promise<JSONWebKeySet | string> {
  if (opts.jwks) return opts.jwks;
  if (!opts.jwksUri) return 'No JWKS URI is configured, so the signature cannot be checked.';
  let url: URL;
  try {
    url = validateEndpointUrl(opts.jwksUri, 'jwksUri');
  } catch (error) {
    return error instanceof Error ? error.message : 'The JWKS URI is not a valid URL.';
  }
  let response: Response;
  try {
    response = await fetchWithTimeout(url.href, { headers: { accept: 'application/json' } }, { signal: opts.signal, peer: 'the JWKS endpoint' });
  } catch (error) {
    if (isPlaygroundError(error) && error.code === 'TIMEOUT') return `The JWKS endpoint ${url.href} did not answer in time.`;
    return `Could not fetch the JWKS from ${url.href} (network or CORS).`;
  }
  if (!response.ok) return `The JWKS endpoint answered HTTP ${response.status}.`;
  const body = await readJsonBody(response).catch(() => null);
  const value = body?.ok ? body.value : undefined;
  if (!value || typeof value !== 'object' || !Array.isArray((value as { keys?: unknown }).keys)) {
    return 'The JWKS endpoint did not return a JSON Web Key Set.';
  }
  return value as JSONWebKeySet;
}

/**
 * Verifies the token's signature with the issuer's JWKS (only the signature: claims are checked separately so
 * an expired token still shows whether it was genuinely issued).
 * @see https://www.rfc-editor.org/rfc/rfc7515#section-5.2
 * @see https://www.rfc-editor.org/rfc/rfc7517#section-5
 */
export async function verifyAccessTokenSignature(token: string, opts: SignatureCheckOptions): Promise<TokenCheckResult> {
  const jwks = await loadJwks(opts);
  if (typeof jwks === 'string') return { check: 'signature', ok: false, message: jwks };
  try {
    const { protectedHeader } = await compactVerify(token, createLocalJWKSet(jwks));
    const kid = protectedHeader.kid ? ` (kid ${protectedHeader.kid})` : '';
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

/** All checks for an access token: signature first, then the RFC 9068 claim checks. Never throws. */
export async function runTokenChecks(
  token: string,
  expect: AccessTokenExpectations,
  signature: SignatureCheckOptions,
): Promise<TokenCheckResult[]> {
  const decoded = decodeAccessToken(token);
  if (!decoded) {
    return [{ check: 'format', ok: false, message: 'The access token is not a JWT (opaque): it cannot be checked locally.' }];
  }
  return [await verifyAccessTokenSignature(token, signature), ...checkAccessTokenClaims(decoded, expect)];
}
