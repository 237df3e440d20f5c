// Test harness (tests only) for the whole sandbox: start it on port 0, call it, and build JWTs by hand with node:crypto.
// Assertions are assembled here without jose or src/ on purpose, so a bug in either cannot agree with itself.
import { constants, createHmac, randomUUID, sign } from 'node:crypto';

import { startSandbox } from '../app.js';

/** Starts a quiet sandbox on an ephemeral port. */
export function startTestSandbox(options = {}) {
  return startSandbox({ port: 0, quiet: true, ...options });
}

export { basicAuthorization } from './basicAuthorization.js';

/** POSTs a form to the token endpoint. */
export function requestToken(sandbox, form, headers = {}) {
  return fetch(sandbox.tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams({ grant_type: 'client_credentials', ...form }),
  });
}

/** Calls an admin endpoint with an optional JSON body. */
export function admin(sandbox, method, path, body) {
  return fetch(`${sandbox.baseUrl}/sandbox${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** The decoded JSON of a JWT part (0 = header, 1 = payload); no verification. */
export function decodeJwtPart(jwt, index) {
  return JSON.parse(Buffer.from(jwt.split('.')[index], 'base64url').toString('utf8'));
}

const b64url = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Signs `header.claims` with node:crypto for RS256, PS256, ES256 (private KeyObject) or HS256 (secret string). */
export function signJwt(header, claims, key) {
  const input = `${b64url(header)}.${b64url(claims)}`;
  let signature;
  if (header.alg === 'HS256') signature = createHmac('sha256', key).update(input).digest();
  else if (header.alg === 'RS256') signature = sign('sha256', Buffer.from(input), key);
  else if (header.alg === 'PS256') {
    signature = sign('sha256', Buffer.from(input), { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 });
  } else if (header.alg === 'ES256') signature = sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' });
  else throw new TypeError(`unsupported alg ${header.alg}`);
  return `${input}.${signature.toString('base64url')}`;
}

/** RFC 7523 client assertion claims for `clientId`, valid for 60 s unless overridden. */
export function assertionClaims(clientId, aud, overrides = {}) {
  const now = Math.floor(Date.now() / 1000);
  return { iss: clientId, sub: clientId, aud, jti: randomUUID(), iat: now, exp: now + 60, ...overrides };
}

/** The form fields of a JWT client assertion. @see https://www.rfc-editor.org/rfc/rfc7523#section-2.2 */
export function assertionForm(clientId, assertion) {
  return {
    client_id: clientId,
    client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    client_assertion: assertion,
  };
}
