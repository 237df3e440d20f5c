// A linter for client assertions (RFC 7523 §3, RFC 7523bis): the same rules for one we signed and one a user pastes.
import { decodeJwt, decodeProtectedHeader, type JWTPayload, type ProtectedHeaderParameters } from 'jose';
import { DEFAULT_CLOCK_SKEW_SECONDS, MAX_ASSERTION_LIFETIME_SECONDS } from '../../config/defaults';
import {
  ASSERTION_AUDIENCE_LABELS,
  assertionAudienceValue,
  CLIENT_AUTHENTICATION_JWT_TYP,
  type AssertionAudience,
} from './assertionAudience';

export interface LintFinding {
  /** stable rule id: format, alg, kid, typ, iss, sub, aud, exp, lifetime, iat, nbf, jti */
  rule: string;
  level: 'error' | 'warning' | 'ok';
  message: string;
}

export interface AssertionExpectations {
  clientId?: string;
  tokenEndpoint?: string | undefined;
  issuer?: string | undefined;
  /** The URL the assertion is sent to (token, introspection or revocation endpoint); the `endpoint` mode's `aud`. */
  endpoint?: string | undefined;
  /** The audience mode this server is set to (setting, else provider row): `aud` is checked against its value. */
  audienceMode?: AssertionAudience | undefined;
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

/** The RFC 7523bis page the lint links to (draft -11, published as RFC 10070). */
export const RFC7523BIS_URL = 'https://datatracker.ietf.org/doc/draft-ietf-oauth-rfc7523bis/';

/** What audience injection is and which `aud` this server needs: two sentences and the RFC 7523bis link. */
export interface AudienceExplanation {
  text: string;
  link: string;
  /** The mode the server is set to, and the value it gives for this request when it can be known. */
  mode?: AssertionAudience | undefined;
  expected?: string | undefined;
}

const INJECTION =
  'Audience injection: when a client uses one key with several servers, a malicious one can list an honest server\'s ' +
  'endpoint URL in its own metadata, so an assertion the client signs for that URL and sends to the attacker is accepted ' +
  'by the honest server; ' +
  'RFC 7523bis closes this by allowing only the issuer identifier, which a client checks against the metadata, as "aud".';

/** The value `aud` must have for this request under the configured mode, when the mode and its URL are known. */
function expectedAudience(expect: AssertionExpectations): string | undefined {
  if (!expect.audienceMode) return undefined;
  try {
    return assertionAudienceValue(expect.audienceMode, { issuer: expect.issuer, tokenEndpoint: expect.tokenEndpoint, endpoint: expect.endpoint ?? '' }) || undefined;
  } catch {
    return undefined;
  }
}

function modeSentence(mode: AssertionAudience | undefined, expected: string | undefined): string {
  if (!mode) return 'Which value this server needs is not set: servers that follow RFC 7523bis want the issuer, older ones the token endpoint.';
  const value = expected ? `"${expected}"` : 'its URL (not configured yet)';
  switch (mode) {
    case 'issuer':
      return `This server is set to the issuer (RFC 7523bis): "aud" must be ${value}.`;
    case 'token_endpoint':
      return `This server is set to the token endpoint (RFC 7523): "aud" must be ${value}, which servers that follow RFC 7523bis refuse.`;
    case 'endpoint':
      return `This server is set to the endpoint called: "aud" must be ${value}, a different value at the introspection and revocation endpoints.`;
  }
}

export function audienceExplanation(expect: AssertionExpectations): AudienceExplanation {
  const expected = expectedAudience(expect);
  return { text: `${INJECTION} ${modeSentence(expect.audienceMode, expected)}`, link: RFC7523BIS_URL, mode: expect.audienceMode, expected };
}

/** Which of the server's URLs a value is, by name, for messages. */
function whichUrl(value: string, expect: AssertionExpectations): string | undefined {
  if (value === expect.issuer) return 'the issuer';
  if (value === expect.tokenEndpoint) return 'the token endpoint';
  if (value === expect.endpoint) return 'the endpoint called';
  return undefined;
}

function lintAudience(aud: unknown, expect: AssertionExpectations): LintFinding[] {
  const values = typeof aud === 'string' ? [aud] : Array.isArray(aud) ? aud.filter((a): a is string => typeof a === 'string') : [];
  if (values.length === 0) return [error('aud', '"aud" is missing; it must name this server (its issuer, or its token endpoint for older servers).')];
  const findings: LintFinding[] = [];
  const expected = expectedAudience(expect);
  const named = values.map((v) => whichUrl(v, expect)).find((w) => w !== undefined);
  const known = [expect.issuer, expect.tokenEndpoint, expect.endpoint].filter((v): v is string => typeof v === 'string' && v !== '');
  if (expected !== undefined && values.includes(expected)) {
    findings.push(ok('aud', `"aud" is what this server is set to, the ${ASSERTION_AUDIENCE_LABELS[expect.audienceMode!]}: ${expected}.`));
  } else if (expected !== undefined && named) {
    findings.push(warning('aud', `"aud" is ${named}, but this server is set to the ${ASSERTION_AUDIENCE_LABELS[expect.audienceMode!]}: ${expected}.`));
  } else if (named) {
    findings.push(ok('aud', `"aud" is ${named}.`));
  } else if (known.length === 0) {
    findings.push(ok('aud', `"aud" is ${values.join(', ')} (no endpoint to compare with).`));
  } else {
    findings.push(error('aud', `"aud" (${values.join(', ')}) names none of this server's URLs (${known.join(', ')}).`));
  }
  if (values.length > 1) findings.push(warning('aud', 'Several audiences: RFC 7523bis allows the issuer as the only value, and many servers refuse arrays.'));
  return findings;
}

/**
 * `typ`: RFC 7523bis asks (SHOULD) for `client-authentication+jwt` and tells servers not to refuse untyped JWTs; the
 * type signals that `aud` follows RFC 7523bis, so it is misleading on an assertion whose `aud` is not the issuer.
 * @see https://datatracker.ietf.org/doc/draft-ietf-oauth-rfc7523bis/ (draft -11 §4)
 */
function lintTyp(typ: string | undefined, aud: unknown, expect: AssertionExpectations): LintFinding {
  const toIssuer = expect.issuer !== undefined && expect.issuer !== '' && aud === expect.issuer;
  const sent = typ === undefined ? 'no "typ"' : `typ "${typ}"`;
  if (typ === CLIENT_AUTHENTICATION_JWT_TYP) {
    return toIssuer || expect.issuer === undefined
      ? ok('typ', `typ "${typ}" marks an RFC 7523bis client assertion.`)
      : warning('typ', `typ "${typ}" claims RFC 7523bis, but "aud" is not the issuer; servers that follow RFC 7523bis refuse it.`);
  }
  if (toIssuer) return warning('typ', `${sent}: RFC 7523bis asks for typ "${CLIENT_AUTHENTICATION_JWT_TYP}" with the issuer as "aud" (servers should still accept it).`);
  return ok('typ', `${sent} (RFC 7523 sets no type for client assertions).`);
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

/** The lint of one assertion: the findings, what it carried, and the audience-injection explanation. */
export interface AssertionLintReport {
  findings: LintFinding[];
  /** `aud` and `typ` exactly as the assertion carries them (undefined when absent or not decodable). */
  sent: { aud: unknown; typ: string | undefined };
  audience: AudienceExplanation;
}

const MALFORMED: LintFinding = error('format', 'Not a JWT: expected three base64url parts (header.payload.signature) with JSON header and claims.');

function decode(jwt: string): { header: ProtectedHeaderParameters; payload: JWTPayload } | null {
  const compact = typeof jwt === 'string' ? jwt.trim() : '';
  // Five parts would be an encrypted JWT: not something a client assertion should be, and not decodable here.
  if (compact.split('.').length !== 3) return null;
  try {
    return { header: decodeProtectedHeader(compact), payload: decodeJwt(compact) };
  } catch {
    return null;
  }
}

/**
 * Decodes (without verifying) and checks a client assertion: alg, kid, typ, iss = sub = client_id, aud against the
 * audience mode, exp, lifetime ≤ 60 s, iat/nbf not in the future beyond the skew, jti random — and reports the `aud`
 * and `typ` sent, with what audience injection is and which value this server needs. Malformed input gives a
 * single `format` error; it never throws.
 * @see https://www.rfc-editor.org/rfc/rfc7523#section-3
 * @see https://datatracker.ietf.org/doc/draft-ietf-oauth-rfc7523bis/
 */
export function lintClientAssertionReport(jwt: string, expect: AssertionExpectations): AssertionLintReport {
  const audience = audienceExplanation(expect);
  const decoded = decode(jwt);
  if (!decoded) return { findings: [MALFORMED], sent: { aud: undefined, typ: undefined }, audience };
  const { header, payload } = decoded;
  const typ = typeof header.typ === 'string' ? header.typ : undefined;
  const findings = [
    ...lintAlg(header, expect.method),
    lintTyp(typ, payload.aud, expect),
    ...lintIdentity(payload, expect.clientId),
    ...lintAudience(payload.aud, expect),
    ...lintTimes(payload, expect),
    lintJti(payload.jti),
  ];
  return { findings, sent: { aud: payload.aud, typ }, audience };
}

/** The findings of {@link lintClientAssertionReport}, for callers that show only the list. */
export function lintClientAssertion(jwt: string, expect: AssertionExpectations): LintFinding[] {
  return lintClientAssertionReport(jwt, expect).findings;
}
