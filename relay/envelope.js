// The `POST /forward` envelope, checked field by field: what to send (method, url, headers, body) and with which
// client certificate (mtls). Reasons name fields and header names, never a header value or the body.
import { validateHeaderName, validateHeaderValue } from 'node:http';

import { FORWARD_METHODS } from './constants.js';
import { badRequest } from './refusal.js';
import { parseTargetUrl } from './targetPolicy.js';

// Request headers the relay never sends on, whatever the envelope says. Each group has its reason:
const NOT_FORWARDED = new Set([
  // Connection-level (hop-by-hop) headers: they describe the page→relay hop, not the relay→server one.
  // @see https://www.rfc-editor.org/rfc/rfc9110#section-7.6.1 (Connection, Proxy-Connection, Keep-Alive, TE,
  // Transfer-Encoding, Upgrade), https://www.rfc-editor.org/rfc/rfc9110#section-6.6.2 (Trailer: none is sent) and
  // https://www.rfc-editor.org/rfc/rfc7540#section-3.2.1 (HTTP2-Settings is connection-specific).
  'connection', 'keep-alive', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'http2-settings',
  // Credentials for a proxy on the way, of which there is none. @see https://www.rfc-editor.org/rfc/rfc9110#section-11.7
  'proxy-authenticate', 'proxy-authorization',
  // The relay sends the whole body at once and never waits for 100 Continue, so it announces no expectation; a page's
  // own fetch cannot send Expect either. @see https://www.rfc-editor.org/rfc/rfc9110#section-10.1.1 and
  // https://fetch.spec.whatwg.org/#forbidden-request-header
  'expect',
  // Claims about who the client is and which proxies it came through. The relay is nobody's proxy, and a server that
  // trusts these (IP allow-lists, rate limits, the issuer or redirect URLs it builds from X-Forwarded-Host/-Proto)
  // must not be told a page-chosen story. @see https://www.rfc-editor.org/rfc/rfc7239#section-1 (Forwarded, and the
  // de-facto X-Forwarded-* headers it replaces), https://www.rfc-editor.org/rfc/rfc9110#section-7.6.3 (Via); X-Real-IP
  // is nginx's spelling of the client address: https://nginx.org/en/docs/http/ngx_http_realip_module.html
  'forwarded', 'via', 'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'x-real-ip',
  // What the relay sets itself: `host` from the URL, `content-length` from the body it actually sends.
  'host', 'content-length',
]);

const isPlainObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The headers to send: string values only, valid names and values, no duplicates, minus {@link NOT_FORWARDED}. */
function parseHeaders(raw) {
  if (raw === undefined || raw === null) return {};
  if (!isPlainObject(raw)) throw badRequest('headers must be an object of header name → string value');
  const named = Object.keys(raw).map((name) => name.toLowerCase());
  // Headers named in `Connection` are hop-by-hop for this message too (RFC 9110 §7.6.1).
  const connection = Object.entries(raw).find(([name]) => name.toLowerCase() === 'connection')?.[1];
  const dropped = new Set([...NOT_FORWARDED, ...String(connection ?? '').split(',').map((n) => n.trim().toLowerCase())]);
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
  if (!isPlainObject(raw)) throw badRequest('mtls must be { certRef, keyRef, caRef? }, { credentialId, caRef? } or { caRef }');
  // Extension of the contract: `{ caRef }` alone trusts that CA for the server certificate and sends no client
  // certificate (to see how an mTLS server answers without one, e.g. a bound token presented without its certificate).
  if (raw.certRef === undefined && raw.keyRef === undefined && raw.credentialId === undefined && typeof raw.caRef === 'string' && raw.caRef !== '') {
    return { caRef: raw.caRef };
  }
  if (raw.caRef !== undefined && (typeof raw.caRef !== 'string' || raw.caRef === '')) throw badRequest('mtls.caRef, when given, must name a file in the relay\'s certificate directory');
  // An uploaded credential may come with a server CA file (caRef): the pasted-certificate path to a private-CA server.
  if ('credentialId' in raw) {
    if (typeof raw.credentialId !== 'string' || raw.credentialId === '') throw badRequest('mtls.credentialId must be a non-empty string');
    if (raw.certRef !== undefined || raw.keyRef !== undefined) throw badRequest('mtls.credentialId cannot be combined with certRef/keyRef: name an upload or the files, not both');
    return { credentialId: raw.credentialId, ...(raw.caRef === undefined ? {} : { caRef: raw.caRef }) };
  }
  for (const field of ['certRef', 'keyRef']) {
    if (typeof raw[field] !== 'string' || raw[field] === '') throw badRequest(`mtls.${field} must name a file in the relay's certificate directory`);
  }
  return { certRef: raw.certRef, keyRef: raw.keyRef, caRef: raw.caRef };
}

/**
 * @param {unknown} json the parsed request body
 * @returns {{ method: string, url: URL, headers: Record<string, string>, body: string | null,
 *   mtls: null | { credentialId: string, caRef?: string } | { certRef: string, keyRef: string, caRef?: string }
 *     | { caRef: string } }}
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
