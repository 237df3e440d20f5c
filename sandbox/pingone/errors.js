// PingOne-shaped error responses: { id, code, message, details[{ code, target, message, innerError }] }, e.g. 400
// INVALID_DATA, 401/403 ACCESS_FAILED, 404 NOT_FOUND, 415 INVALID_REQUEST, 429 REQUEST_LIMITED, 500 UNEXPECTED_ERROR.
import { randomUUID } from 'node:crypto';
import { quotedStringBody } from '../quotedString.js';

export const FORBIDDEN_MESSAGE = 'The request could not be completed. You do not have access to this resource.';
const VALIDATION_MESSAGE = 'The request could not be completed. One or more validation errors were in the request.';

/**
 * Sends a PingOne error body.
 * @param {import('express').Response} res
 * @param {number} status
 * @param {string} code
 * @param {string} message
 * @param {Array<{ code: string, target?: string, message: string, innerError?: object }>} [details]
 */
export function sendError(res, status, code, message, details) {
  const body = { id: randomUUID(), code, message };
  if (details && details.length > 0) body.details = details;
  res.status(status).json(body);
}

/**
 * 401: missing, malformed, expired or foreign token. With `challenge`, the reason is also the challenge's
 * error_description (escaped into its quoted-string), for refusals a client library could
 * not tell apart otherwise, such as a certificate-bound token sent without its certificate.
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3 and §3.1
 */
export function invalidToken(res, reason, { challenge = false } = {}) {
  res.set('WWW-Authenticate', challenge ? `Bearer error="invalid_token", error_description="${quotedStringBody(reason)}"` : 'Bearer error="invalid_token"');
  sendError(res, 401, 'ACCESS_FAILED', 'The request could not be completed. The access token is invalid.', [
    { code: 'INVALID_TOKEN', message: reason },
  ]);
}

/**
 * 401 for a DPoP refusal (RFC 9449 §7.1): the `WWW-Authenticate: DPoP …` challenge (and any DPoP-Nonce) is already
 * set by the DPoP guard; the body is PingOne's usual invalid-token shape with the reason as its detail.
 */
export function dpopRefused(res, reason) {
  sendError(res, 401, 'ACCESS_FAILED', 'The request could not be completed. The access token is invalid.', [
    { code: 'INVALID_TOKEN', message: reason },
  ]);
}

/** 403: the token (scopes mode) or the client's roles (roles mode) do not allow the operation. */
export function forbidden(res, reason) {
  sendError(res, 403, 'ACCESS_FAILED', FORBIDDEN_MESSAGE, [{ code: 'INSUFFICIENT_PERMISSIONS', message: reason }]);
}

/** 400 INVALID_DATA with one detail per bad field (`target` names it). */
export function invalidData(res, details) {
  sendError(res, 400, 'INVALID_DATA', VALIDATION_MESSAGE, details);
}

/** 400 INVALID_REQUEST: malformed JSON, a bad filter, or an action the resource's state does not allow. */
export function invalidRequest(res, message, details) {
  sendError(res, 400, 'INVALID_REQUEST', message, details);
}

export function notFound(res, what = 'resource') {
  sendError(res, 404, 'NOT_FOUND', `The requested ${what} was not found.`);
}

/** 415 INVALID_REQUEST: PingOne picks some actions by media type, so an unknown one is refused. */
export function unsupportedMediaType(res, contentType) {
  sendError(
    res,
    415,
    'INVALID_REQUEST',
    `The request could not be completed. Content-Type "${String(contentType || '(none)').slice(0, 100)}" is not supported here.`,
  );
}

/** A detail entry for {@link invalidData}. */
export function detail(code, target, message) {
  return { code, target, message };
}
