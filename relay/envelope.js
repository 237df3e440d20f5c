// The `POST /forward` envelope, checked field by field: what to send (method, url, headers, body) and with which
// client certificate (mtls). Reasons name fields and header names, never a header value or the body.
import { validateHeaderName, validateHeaderValue } from 'node:http';

import { FORWARD_METHODS } from './constants.js';
import { badRequest } from './refusal.js';
import { parseTargetUrl } from './targetPolicy.js';

// Connection-level headers a proxy must not forward (RFC 9110 §7.6.1), plus what the relay sets itself: `host` comes
// from the URL and `content-length` from the body it actually sends.
const HOP_BY_HOP = new Set([
  'connection', 'keep-alive', 'proxy-connection', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer',
  'transfer-encoding', 'upgrade', 'host', 'content-length',
]);

const isPlainObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The headers to send: string values only, valid names and values, no duplicates, minus hop-by-hop ones. */
function parseHeaders(raw) {
  if (raw === undefined || raw === null) return {};
  if (!isPlainObject(raw)) throw badRequest('headers must be an object of header name → string value');
  const named = Object.keys(raw).map((name) => name.toLowerCase());
  // Headers named in `Connection` are hop-by-hop for this message too (RFC 9110 §7.6.1).
  const connection = Object.entries(raw).find(([name]) => name.toLowerCase() === 'connection')?.[1];
  const dropped = new Set([...HOP_BY_HOP, ...String(connection ?? '').split(',').map((n) => n.trim().toLowerCase())]);
  const headers = {};
  for (const [name, value] of Object.entries(raw)) {
    const lower = name.toLowerCase();
    if (named.indexOf(lower) !== named.lastIndexOf(lower)) throw badRequest(`header "${lower}" is given twice (names are case-insensitive)`);
    if (typeof value !== 'string') throw badRequest(`header "${lower}" must have a string value`);
    try {
      validateHeaderName(name);
    } catch {
      throw badRequest('a header name is not a valid HTTP token');
    }
    try {
      validateHeaderValue(name, value);
    } catch {
      throw badRequest(`header "${lower}" has a value with characters HTTP does not allow (such as a line break)`);
    }
    if (!dropped.has(lower)) headers[name] = value;
  }
  return headers;
}

/** The envelope's `mtls`: file references inside certDir, or the id of an uploaded credential. */
function parseMtls(raw) {
  if (raw === undefined || raw === null) return null;
  if (!isPlainObject(raw)) throw badRequest('mtls must be { certRef, keyRef, caRef? }, { credentialId } or { caRef }');
  // Extension of the contract: `{ caRef }` alone trusts that CA for the server certificate and sends no client
  // certificate (to see how an mTLS server answers without one, e.g. a bound token presented without its certificate).
  if (raw.certRef === undefined && raw.keyRef === undefined && raw.credentialId === undefined && typeof raw.caRef === 'string' && raw.caRef !== '') {
    return { caRef: raw.caRef };
  }
  if ('credentialId' in raw) {
    if (typeof raw.credentialId !== 'string' || raw.credentialId === '') throw badRequest('mtls.credentialId must be a non-empty string');
    return { credentialId: raw.credentialId };
  }
  for (const field of ['certRef', 'keyRef']) {
    if (typeof raw[field] !== 'string' || raw[field] === '') throw badRequest(`mtls.${field} must name a file in the relay's certificate directory`);
  }
  if (raw.caRef !== undefined && (typeof raw.caRef !== 'string' || raw.caRef === '')) throw badRequest('mtls.caRef, when given, must name a file in the relay\'s certificate directory');
  return { certRef: raw.certRef, keyRef: raw.keyRef, caRef: raw.caRef };
}

/**
 * @param {unknown} json the parsed request body
 * @returns {{ method: string, url: URL, headers: Record<string, string>, body: string | null,
 *   mtls: null | { credentialId: string } | { certRef: string, keyRef: string, caRef?: string } | { caRef: string } }}
 */
export function parseForwardEnvelope(json) {
  if (!isPlainObject(json)) throw badRequest('the request body must be a JSON object { method, url, headers, body }');
  const method = typeof json.method === 'string' ? json.method.toUpperCase() : '';
  if (!FORWARD_METHODS.includes(method)) throw badRequest(`method must be one of ${FORWARD_METHODS.join(', ')}`);
  const url = parseTargetUrl(json.url);
  const body = json.body ?? null;
  if (body !== null && typeof body !== 'string') throw badRequest('body must be the exact string to send, or null');
  if (body !== null && (method === 'GET' || method === 'HEAD')) throw badRequest(`a ${method} request cannot carry a body; send body: null`);
  const mtls = parseMtls(json.mtls);
  if (mtls && url.protocol !== 'https:') throw badRequest('mtls needs an https: URL (a client certificate is sent in the TLS handshake)');
  return { method, url, headers: parseHeaders(json.headers), body, mtls };
}
