// How the sandbox's APIs take an access token: `Bearer` or `DPoP` (RFC 9449 §7), with the binding checked.
import { forListener } from '../configuredAuthority.js';
import { quotedStringBody } from '../quotedString.js';
import { createDpopNonces } from './nonces.js';
import { DPOP_ALGS, DpopProofError, verifyDpopProof } from './proof.js';
import { createReplayMemory } from './replay.js';

const AUTHORIZATION = /^(Bearer|DPoP)\s+([A-Za-z0-9\-._~+/]+=*)$/i;
const ALGS = DPOP_ALGS.join(' ');

/**
 * The scheme and token of an Authorization header, or undefined when it is neither `Bearer` nor `DPoP`.
 * @param {string | undefined} header
 * @returns {{ scheme: 'bearer' | 'dpop', token: string } | undefined}
 */
export function parseAuthorization(header) {
  const match = AUTHORIZATION.exec((header ?? '').trim());
  if (!match) return undefined;
  return { scheme: match[1].toLowerCase() === 'dpop' ? 'dpop' : 'bearer', token: match[2] };
}

/**
 * @typedef {object} DpopRefusal  why a request's token may not be used, as a 401 with a DPoP challenge
 * @property {'invalid_token' | 'invalid_dpop_proof' | 'use_dpop_nonce'} error
 * @property {string} description  our own text; escaped into the challenge's quoted-string
 */

/**
 * Sets the `WWW-Authenticate: DPoP …` challenge of a refusal, and a fresh `DPoP-Nonce` (RFC 9449 §7.1, §9).
 * @param {import('express').Response} res @param {DpopRefusal} refusal @param {{ next(): string }} nonces
 */
function applyChallenge(res, refusal, nonces) {
  res.set('WWW-Authenticate', `DPoP error="${refusal.error}", error_description="${quotedStringBody(refusal.description)}", algs="${ALGS}"`);
  if (refusal.error === 'use_dpop_nonce') res.set('DPoP-Nonce', nonces.next());
}

/** A single `DPoP` header: Node joins repeated unknown headers with ", ", which a JWT never contains. */
function singleProof(req) {
  const value = req.get('dpop');
  return typeof value === 'string' && value !== '' && !value.includes(',') ? value : undefined;
}

/**
 * @typedef {object} PublicOrigins  where the sandbox is reached: its own configuration, never the request's Host
 * @property {string} http  e.g. http://localhost:4500
 * @property {string} [tls]  the mTLS listener's, e.g. https://localhost:4543
 */

/**
 * The URL the client called, as its proof's htu must name it (query and fragment are dropped when compared): the
 * configured origin of the listener the request came in on, plus its path. Not the Host header, which the client
 * chooses: with it, a proof made for another server's URL would pass here.
 * @param {import('express').Request} req @param {PublicOrigins} origins
 * @returns {string | undefined}
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-4.3 (check 9: htu matches the HTTP URI of the request)
 */
function requestUrl(req, origins) {
  const origin = forListener(req, origins);
  return origin === undefined ? undefined : `${origin}${req.originalUrl}`;
}

/**
 * One API's DPoP state: its nonces (sharing the authorization server's secret, so one nonce serves the origin) and
 * its jti replay memory. Nothing here runs for a Bearer request with an unbound token.
 * @param {{ nonceSecret: Buffer, origins: PublicOrigins, now?: () => number }} options
 */
export function createDpopGuard({ nonceSecret, origins, now = Date.now }) {
  if (typeof origins?.http !== 'string') throw new TypeError('createDpopGuard: origins.http (the sandbox\'s own origin) is required');
  const nonces = createDpopNonces(nonceSecret, now);
  const replay = createReplayMemory({ now });

  /**
   * Undefined when the token may be used on this request; otherwise the refusal, its challenge already set on `res`.
   * @param {import('express').Request} req
   * @param {import('express').Response} res
   * @param {{ scheme: 'bearer' | 'dpop', token: string }} credentials
   * @param {{ cnf?: { jkt?: unknown } }} payload  the verified token's claims (or its introspection)
   * @returns {Promise<DpopRefusal | undefined>}
   */
  async function check(req, res, credentials, payload) {
    const bound = typeof payload?.cnf?.jkt === 'string' ? payload.cnf.jkt : undefined;
    if (credentials.scheme === 'bearer' && bound === undefined) return undefined;
    const refusal = await refusalFor(req, credentials, bound);
    if (refusal) applyChallenge(res, refusal, nonces);
    return refusal;
  }

  async function refusalFor(req, { scheme, token }, bound) {
    if (scheme === 'bearer') {
      return { error: 'invalid_token', description: 'The access token is DPoP-bound (cnf.jkt); send it as Authorization: DPoP with a DPoP proof.' };
    }
    if (bound === undefined) return { error: 'invalid_token', description: 'The access token is not DPoP-bound; send it as a Bearer token.' };
    const proof = singleProof(req);
    if (!proof) return { error: 'invalid_dpop_proof', description: 'Exactly one DPoP header with a proof is required.' };
    try {
      const { jkt } = await verifyDpopProof({ proof, method: req.method, url: requestUrl(req, origins), accessToken: token, nonces, replay, now });
      if (jkt !== bound) return { error: 'invalid_dpop_proof', description: 'The DPoP proof key is not the key the access token is bound to (cnf.jkt).' };
    } catch (err) {
      if (err instanceof DpopProofError) return { error: err.error, description: err.message };
      throw err;
    }
    return undefined;
  }

  /**
   * For a token endpoint (microauthd's): the proof key's jkt, undefined without a DPoP header, or a throw.
   * @param {import('express').Request} req
   * @returns {Promise<string | undefined>}
   * @throws {DpopProofError}
   */
  async function tokenRequestKey(req) {
    if (req.get('dpop') === undefined) return undefined;
    const proof = singleProof(req);
    if (!proof) throw new DpopProofError('invalid_dpop_proof', 'Exactly one DPoP header with a proof is required.');
    const { jkt } = await verifyDpopProof({ proof, method: req.method, url: requestUrl(req, origins), nonces, replay, now });
    return jkt;
  }

  return { check, tokenRequestKey, nonces };
}
