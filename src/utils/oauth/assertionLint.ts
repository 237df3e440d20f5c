// A linter for client assertions (RFC 7523 §3): the same rules for one we signed and one a user pastes.
import { decodeJwt, decodeProtectedHeader, type JWTPayload, type ProtectedHeaderParameters } from 'jose';
import { DEFAULT_CLOCK_SKEW_SECONDS, MAX_ASSERTION_LIFETIME_SECONDS } from '../../config/defaults';

export interface LintFinding {
  /** stable rule id: format, alg, kid, iss, sub, aud, exp, lifetime, iat, nbf, jti */
  rule: string;
  level: 'error' | 'warning' | 'ok';
  message: string;
}

export interface AssertionExpectations {
  clientId?: string;
  tokenEndpoint?: string;
  issuer?: string;
  /** epoch ms */
  now: number;
  /** when known, the alg family is checked against it */
  method?: 'private_key_jwt' | 'client_secret_jwt';
  /** tolerance for iat/nbf in the future; default 120 s */
  skewSeconds?: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const ok = (rule: string, message: string): LintFinding => ({ rule, level: 'ok', message });
const warning = (rule: string, message: string): LintFinding => ({ rule, level: 'warning', message });
const error = (rule: string, message: string): LintFinding => ({ rule, level: 'error', message });

function lintAlg(header: ProtectedHeaderParameters, method: AssertionExpectations['method']): LintFinding[] {
  const alg = header.alg;
  if (typeof alg !== 'string' || alg === '') return [error('alg', 'The header has no "alg".')];
  if (alg.toLowerCase() === 'none') return [error('alg', 'alg "none" means the assertion is unsigned; every server must reject it.')];
  const symmetric = alg.startsWith('HS');
  if (method === 'private_key_jwt' && symmetric) {
    return [error('alg', `${alg} is a shared-secret algorithm; private_key_jwt needs an asymmetric one (ES256, RS256, PS256).`)];
  }
  if (method === 'client_secret_jwt' && !symmetric) return [error('alg', `client_secret_jwt needs HS256, not ${alg}.`)];
  const findings = [ok('alg', `Signed with ${alg}.`)];
  if (!symmetric) {
    findings.push(
      typeof header.kid === 'string' && header.kid !== ''
        ? ok('kid', `kid "${header.kid}" tells the server which registered key to use.`)
        : warning('kid', 'No "kid": a server holding several keys for this client may not find the right one.'),
    );
  }
  return findings;
}

function lintIdentity(payload: JWTPayload, clientId: string | undefined): LintFinding[] {
  const findings: LintFinding[] = [];
  if (typeof payload.iss !== 'string' || payload.iss === '') findings.push(error('iss', '"iss" is missing; it must be the client_id.'));
  else if (clientId !== undefined && payload.iss !== clientId) findings.push(error('iss', `"iss" is "${payload.iss}" but the client_id is "${clientId}".`));
  else findings.push(ok('iss', '"iss" is the client_id.'));

  if (typeof payload.sub !== 'string' || payload.sub === '') findings.push(error('sub', '"sub" is missing; it must be the client_id.'));
  else if (payload.sub !== (clientId ?? payload.iss)) findings.push(error('sub', `"sub" must equal the client_id ("${clientId ?? String(payload.iss)}").`));
  else findings.push(ok('sub', '"sub" is the client_id.'));
  return findings;
}

function lintAudience(aud: unknown, expect: AssertionExpectations): LintFinding[] {
  const values = typeof aud === 'string' ? [aud] : Array.isArray(aud) ? aud.filter((a): a is string => typeof a === 'string') : [];
  if (values.length === 0) return [error('aud', '"aud" is missing; it must be the token endpoint (or the issuer).')];
  const accepted = [expect.tokenEndpoint, expect.issuer].filter((v): v is string => typeof v === 'string' && v !== '');
  const findings: LintFinding[] = [];
  if (accepted.length === 0) findings.push(ok('aud', `"aud" is ${values.join(', ')} (no endpoint to compare with).`));
  else if (values.some((v) => accepted.includes(v))) findings.push(ok('aud', '"aud" names this server.'));
  else findings.push(error('aud', `"aud" (${values.join(', ')}) is neither the token endpoint nor the issuer (${accepted.join(' or ')}).`));
  if (values.length > 1) findings.push(warning('aud', 'Several audiences: some servers accept only a single "aud" value.'));
  return findings;
}

function lintTimes(payload: JWTPayload, expect: AssertionExpectations): LintFinding[] {
  const findings: LintFinding[] = [];
  const now = expect.now / 1000;
  const skew = expect.skewSeconds ?? DEFAULT_CLOCK_SKEW_SECONDS;
  const { exp, iat, nbf } = payload;

  if (typeof exp !== 'number') findings.push(error('exp', '"exp" is missing; assertions must expire.'));
  else if (exp <= now) findings.push(error('exp', `Expired ${Math.round(now - exp)} s ago; sign a fresh assertion.`));
  else findings.push(ok('exp', `Expires in ${Math.round(exp - now)} s.`));

  if (typeof exp === 'number') {
    const from = typeof iat === 'number' ? iat : now;
    const lifetime = exp - from;
    if (lifetime <= 0) findings.push(error('lifetime', '"exp" is not after "iat".'));
    else if (lifetime > MAX_ASSERTION_LIFETIME_SECONDS) {
      findings.push(error('lifetime', `Valid for ${Math.round(lifetime)} s; keep assertions to ${MAX_ASSERTION_LIFETIME_SECONDS} s or less.`));
    } else findings.push(ok('lifetime', `Valid for ${Math.round(lifetime)} s (≤ ${MAX_ASSERTION_LIFETIME_SECONDS} s).`));
  }

  if (typeof iat !== 'number') findings.push(warning('iat', '"iat" is missing; servers cannot judge how old the assertion is.'));
  else if (iat > now + skew) findings.push(error('iat', `"iat" is ${Math.round(iat - now)} s in the future; check the clock.`));
  else findings.push(ok('iat', '"iat" is not in the future.'));

  if (typeof nbf === 'number' && nbf > now + skew) findings.push(error('nbf', `Not valid for another ${Math.round(nbf - now)} s ("nbf").`));
  return findings;
}

function lintJti(jti: unknown): LintFinding {
  if (typeof jti !== 'string' || jti === '') return error('jti', '"jti" is missing; servers use it to reject replays.');
  if (UUID.test(jti)) return ok('jti', '"jti" is a random UUID.');
  if (jti.length >= 16 && new Set(jti).size >= 8) return ok('jti', '"jti" is present and long enough to be unique.');
  return warning('jti', `"jti" "${jti}" looks guessable or reusable; use a random UUID.`);
}

/**
 * Decodes (without verifying) and checks a client assertion: alg, kid, iss = sub = client_id, aud, exp, lifetime
 * ≤ 60 s, iat/nbf not in the future beyond the skew, jti random. Malformed input gives a single `format` error;
 * it never throws.
 * @see https://www.rfc-editor.org/rfc/rfc7523#section-3
 */
export function lintClientAssertion(jwt: string, expect: AssertionExpectations): LintFinding[] {
  const malformed = [error('format', 'Not a JWT: expected three base64url parts (header.payload.signature) with JSON header and claims.')];
  const compact = typeof jwt === 'string' ? jwt.trim() : '';
  // Five parts would be an encrypted JWT: not something a client assertion should be, and not decodable here.
  if (compact.split('.').length !== 3) return malformed;
  let header: ProtectedHeaderParameters;
  let payload: JWTPayload;
  try {
    header = decodeProtectedHeader(compact);
    payload = decodeJwt(compact);
  } catch {
    return malformed;
  }
  return [
    ...lintAlg(header, expect.method),
    ...lintIdentity(payload, expect.clientId),
    ...lintAudience(payload.aud, expect),
    ...lintTimes(payload, expect),
    lintJti(payload.jti),
  ];
}
