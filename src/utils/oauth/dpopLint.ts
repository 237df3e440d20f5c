// A linter for DPoP proofs (RFC 9449 §4.2, §4.3): what the request step shows under the decoded proof.
import { decodeJwt, decodeProtectedHeader, type JWTPayload, type ProtectedHeaderParameters } from 'jose';
import { DEFAULT_CLOCK_SKEW_SECONDS } from '../../config/defaults';
import type { LintFinding } from './assertionLint';
import { accessTokenHash, dpopHtu, DPOP_PROOF_TYP } from './dpop';

export interface DpopExpectations {
  htm: string;
  url: string;
  /** epoch ms */
  now: number;
  /** For a resource request: `ath` must be its hash; for the token request: `ath` must be absent. */
  accessToken?: string | undefined;
  /** The nonce the proof should carry, when the server gave one. */
  nonce?: string | undefined;
  skewSeconds?: number;
}

const ok = (rule: string, message: string): LintFinding => ({ rule, level: 'ok', message });
const error = (rule: string, message: string): LintFinding => ({ rule, level: 'error', message });

function lintHeader(header: ProtectedHeaderParameters): LintFinding[] {
  const findings: LintFinding[] = [];
  findings.push(header.typ === DPOP_PROOF_TYP ? ok('typ', 'typ is dpop+jwt.') : error('typ', `typ must be "dpop+jwt", not "${String(header.typ)}".`));
  const alg = typeof header.alg === 'string' ? header.alg : '';
  if (alg === '' || alg === 'none' || alg.startsWith('HS')) findings.push(error('alg', `alg must be an asymmetric algorithm, not "${alg || 'missing'}".`));
  else findings.push(ok('alg', `Signed with ${alg}.`));
  const jwk = header.jwk as Record<string, unknown> | undefined;
  if (!jwk || typeof jwk !== 'object') findings.push(error('jwk', 'The header has no "jwk": the server cannot check the signature.'));
  else if ('d' in jwk) findings.push(error('jwk', 'The header "jwk" contains a private key ("d"); it must be the public key only.'));
  else findings.push(ok('jwk', 'The header carries the public key.'));
  return findings;
}

function lintTarget(payload: JWTPayload, expected: DpopExpectations): LintFinding[] {
  const htm = expected.htm.toUpperCase();
  const htu = dpopHtu(expected.url);
  return [
    payload.htm === htm ? ok('htm', `htm is ${htm}.`) : error('htm', `htm is "${String(payload.htm)}" but the request is ${htm}.`),
    payload.htu === htu ? ok('htu', 'htu is the request URL without query and fragment.') : error('htu', `htu is "${String(payload.htu)}" but the request goes to ${htu}.`),
  ];
}

function lintTime(payload: JWTPayload, expected: DpopExpectations): LintFinding[] {
  const skew = expected.skewSeconds ?? DEFAULT_CLOCK_SKEW_SECONDS;
  const now = Math.floor(expected.now / 1000);
  const findings: LintFinding[] = [];
  if (typeof payload.iat !== 'number') findings.push(error('iat', '"iat" is missing; servers accept proofs only within a short window.'));
  else if (Math.abs(payload.iat - now) > skew) findings.push(error('iat', `"iat" is ${payload.iat - now} s from now; outside ±${skew} s a server refuses it.`));
  else findings.push(ok('iat', '"iat" is now.'));
  findings.push(typeof payload.jti === 'string' && payload.jti !== '' ? ok('jti', 'A unique jti: a replay is refused.') : error('jti', '"jti" is missing.'));
  return findings;
}

async function lintBinding(payload: JWTPayload, expected: DpopExpectations): Promise<LintFinding[]> {
  const findings: LintFinding[] = [];
  if (expected.accessToken === undefined) {
    findings.push(payload.ath === undefined ? ok('ath', 'No ath: a token request has no token yet.') : error('ath', '"ath" belongs on resource requests only.'));
  } else if (payload.ath === undefined) {
    findings.push(error('ath', '"ath" is missing; a resource server requires the access token hash.'));
  } else {
    const hash = await accessTokenHash(expected.accessToken);
    findings.push(payload.ath === hash ? ok('ath', 'ath is the SHA-256 of the access token.') : error('ath', '"ath" does not match the access token sent.'));
  }
  if (expected.nonce !== undefined) {
    findings.push(payload.nonce === expected.nonce ? ok('nonce', 'Carries the server nonce.') : error('nonce', 'The proof does not carry the server\'s latest nonce.'));
  }
  return findings;
}

/**
 * Lints a DPoP proof against the request it goes with: header (typ, alg, public jwk), htm/htu, iat window, jti,
 * ath and nonce. A proof that does not decode gives one `format` error.
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-4.3
 */
export async function lintDpopProof(proof: string, expected: DpopExpectations): Promise<LintFinding[]> {
  let header: ProtectedHeaderParameters;
  let payload: JWTPayload;
  try {
    header = decodeProtectedHeader(proof);
    payload = decodeJwt(proof);
  } catch {
    return [error('format', 'The proof is not a JWT.')];
  }
  return [...lintHeader(header), ...lintTarget(payload, expected), ...lintTime(payload, expected), ...(await lintBinding(payload, expected))];
}
