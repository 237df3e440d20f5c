// Test harness (tests only): HTTPS requests to the sandbox's mTLS listener with node:https, optionally presenting a
// client certificate. A fresh connection per request (no agent), since the certificate belongs to the connection.
import { request } from 'node:https';

/**
 * @param {string} url
 * @param {{ method?: string, headers?: Record<string, string>, body?: string,
 *   cert?: string, key?: string, ca: string }} options  cert/key: the client certificate to present, if any
 * @returns {Promise<{ status: number, headers: import('node:http').IncomingHttpHeaders, text: string, json(): any }>}
 */
export function tlsRequest(url, { method = 'GET', headers = {}, body, cert, key, ca }) {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, cert, key, ca, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text, json: () => JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A client_credentials token request over mTLS (RFC 8705 §2: the client is named by client_id in the form). */
export function tlsTokenRequest(sandbox, clientId, credentials, form = {}) {
  return tlsRequest(sandbox.mtls.tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, ...form }).toString(),
    ...credentials,
  });
}
