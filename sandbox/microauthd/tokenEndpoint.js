// microauthd emulation POST /token: client_credentials with client_secret_basic or _post (Basic wins), no JWT auth.
import { timingSafeEqual } from 'node:crypto';

import { parseBasicAuthorization } from '../basicAuth.js';
import { DpopProofError } from '../dpop/proof.js';

/**
 * Sends an RFC 6749 §5.2 error. 401 `invalid_client` carries a `WWW-Authenticate: Basic` challenge.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
function oauthError(res, status, error, description) {
  if (status === 401) res.set('WWW-Authenticate', 'Basic realm="microauthd", charset="UTF-8"');
  res.set('Cache-Control', 'no-store');
  res.status(status).json({ error, error_description: description });
}

function sameSecret(a, b) {
  const x = Buffer.from(String(a));
  const y = Buffer.from(String(b));
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Picks the client credentials: HTTP Basic when present (it wins over form fields), else the form. */
function credentialsFrom(req, body) {
  const basic = parseBasicAuthorization(req.get('authorization'));
  if (basic) return { ...basic, method: 'client_secret_basic' };
  if (typeof body.client_id === 'string' && body.client_id.length > 0) {
    return { clientId: body.client_id, clientSecret: body.client_secret, method: 'client_secret_post' };
  }
  return undefined;
}

/** The granted scopes: all assigned ones, or those of the `scope` parameter the client holds (name or UUID). */
function grantScopes(assigned, requested, findScope) {
  if (typeof requested !== 'string' || requested.trim() === '') return assigned;
  const wanted = requested.split(/\s+/).filter(Boolean).map((s) => findScope(s) ?? { name: s, id: undefined });
  // Tokens carry each scope in the form it is stored for the client (names, or UUIDs for UUID-stored clients).
  return assigned.filter((stored) => {
    const known = findScope(stored);
    return wanted.some((w) => w.name === stored || (known && (w.name === known.name || w.id === known.id)));
  });
}

/**
 * Creates the /token handler.
 * @param {{ findClient: (id: string) => ({ client_id: string, client_secret: string, scopes: string[] } | undefined),
 *   findScope: (v: string) => ({ name: string, id: string } | undefined),
 *   signer: { issue(g: { clientId: string, scope: string, jkt?: string }): Promise<{ accessToken: string, jti: string, expiresIn: number }> },
 *   dpop: { tokenRequestKey(req: import('express').Request): Promise<string | undefined>, nonces: { next(): string } },
 *   audience: string, log: (event: object) => void }} deps
 */
export function createTokenHandler({ findClient, findScope, signer, dpop, audience, log }) {
  /**
   * The DPoP key of the request (RFC 9449 §5), or the refusal already sent: 400 `invalid_dpop_proof`, or
   * `use_dpop_nonce` with a DPoP-Nonce (nonces are required here too, §8). `null` when refused.
   */
  async function dpopKeyOf(req, res) {
    try {
      return { jkt: await dpop.tokenRequestKey(req) };
    } catch (err) {
      if (!(err instanceof DpopProofError)) throw err;
      log({ event: 'token.refused', reason: err.error });
      if (err.error === 'use_dpop_nonce') res.set('DPoP-Nonce', dpop.nonces.next());
      oauthError(res, 400, err.error, err.message);
      return null;
    }
  }

  return async function tokenHandler(req, res) {
    if (!req.is('application/x-www-form-urlencoded')) {
      return oauthError(res, 400, 'invalid_request', 'The token request must be application/x-www-form-urlencoded');
    }
    const body = req.body ?? {};
    if (body.client_assertion !== undefined || body.client_assertion_type !== undefined) {
      log({ event: 'token.refused', reason: 'client_assertion' });
      return oauthError(res, 401, 'invalid_client',
        'JWT client authentication (client_assertion, private_key_jwt / client_secret_jwt) is not supported by ' +
        'microauthd; use client_secret_basic or client_secret_post');
    }
    if (typeof body.grant_type !== 'string' || body.grant_type === '') {
      return oauthError(res, 400, 'invalid_request', 'Missing grant_type');
    }
    if (body.grant_type !== 'client_credentials') {
      return oauthError(res, 400, 'unsupported_grant_type',
        `grant_type "${body.grant_type}" is not supported by this emulation; use client_credentials`);
    }

    const creds = credentialsFrom(req, body);
    if (!creds) return oauthError(res, 401, 'invalid_client', 'No client credentials: send HTTP Basic or client_id/client_secret');
    if (creds.malformed) return oauthError(res, 401, 'invalid_client', 'Malformed HTTP Basic Authorization header');
    const client = findClient(creds.clientId);
    if (!client || typeof creds.clientSecret !== 'string' || !sameSecret(creds.clientSecret, client.client_secret)) {
      // The exact reason goes to the sandbox log (a playground user wants it); the body stays generic.
      log({ event: 'token.invalid_client', client_id: creds.clientId, method: creds.method,
        reason: client ? 'wrong client_secret' : 'unknown client_id' });
      return oauthError(res, 401, 'invalid_client', 'Client authentication failed (unknown client_id or wrong secret)');
    }

    const key = await dpopKeyOf(req, res);
    if (key === null) return undefined;
    const granted = grantScopes(client.scopes, body.scope, findScope);
    const { accessToken, jti, expiresIn } = await signer.issue({ clientId: client.client_id, scope: granted.join(' '), jkt: key.jkt });
    log({ event: 'token.issued', client_id: client.client_id, method: creds.method, scope: granted.join(' ') });
    res.set('Cache-Control', 'no-store');
    res.set('Pragma', 'no-cache');
    // microauthd says "bearer" in lower case; a bound token is "DPoP" (RFC 9449 §5).
    const tokenType = key.jkt === undefined ? 'bearer' : 'DPoP';
    return res.json({ access_token: accessToken, token_type: tokenType, expires_in: expiresIn, jti, aud: audience });
  };
}
