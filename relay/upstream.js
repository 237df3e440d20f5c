// Sends one vetted request upstream and reads the answer as text: no redirect followed, body capped, abortable.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { rootCertificates } from 'node:tls';

import { UpstreamFailure } from './refusal.js';
import { pinnedLookup } from './targetPolicy.js';
import { upstreamFailureFrom } from './upstreamErrors.js';

// A page never sees cookies a server sets (Fetch filters these out of every response it exposes), and the relay's
// answer is read by the page: they stay out of it too. @see https://fetch.spec.whatwg.org/#forbidden-response-header-name
const WITHHELD_RESPONSE_HEADERS = new Set(['set-cookie', 'set-cookie2']);

/** Response headers as `{ lower-case name: value }`, minus cookies; a repeated header is joined as fetch's Headers does. */
function flatHeaders(raw) {
  return Object.fromEntries(Object.entries(raw)
    .filter(([name]) => !WITHHELD_RESPONSE_HEADERS.has(name))
    .map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : String(value)]));
}

/** Client TLS options: always verify the server; a caRef/ca adds to Node's CAs instead of replacing them. */
function tlsOptions(tls) {
  const options = { rejectUnauthorized: true };
  if (!tls) return options;
  return {
    ...options,
    ...(tls.cert ? { cert: tls.cert, key: tls.key } : {}),
    ...(tls.ca ? { ca: [...rootCertificates, ...[tls.ca].flat()] } : {}),
  };
}

/** Reads the response body, failing with too_large past `max` bytes (declared or counted). */
function readBody(res, max, origin) {
  return new Promise((resolve, reject) => {
    const tooLarge = () => new UpstreamFailure('too_large', 'RESPONSE_TOO_LARGE', `${origin} answered with a body over the relay's limit of ${max} bytes`);
    if (Number(res.headers['content-length']) > max) return reject(tooLarge());
    const chunks = [];
    let size = 0;
    res.on('data', (chunk) => {
      size += chunk.length;
      if (size > max) {
        reject(tooLarge());
        res.destroy();
      } else chunks.push(chunk);
    });
    res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    res.on('error', reject);
    res.on('aborted', () => reject(Object.assign(new Error('response aborted'), { code: 'ECONNRESET' })));
  });
}

/**
 * @param {{ method: string, url: URL, headers: Record<string, string>, body: string | null,
 *   addresses: Array<{ address: string, family: number }>, tls: null | { cert?: string, key?: string, ca?: string | string[] },
 *   agent: import('node:http').Agent, signal: AbortSignal, maxBodyBytes: number }} forward `agent` pools connections
 *   for this forward's TLS identity only; `signal` aborts with the failure to report as its reason
 * @returns {Promise<{ status: number, statusText: string, headers: Record<string, string>, body: string }>}
 */
export function sendUpstream({ method, url, headers, body, addresses, tls, agent, signal, maxBodyBytes }) {
  const bytes = body === null ? null : Buffer.from(body, 'utf8');
  const expectsBody = ['POST', 'PUT', 'PATCH'].includes(method);
  const length = bytes ? { 'content-length': String(bytes.length) } : expectsBody ? { 'content-length': '0' } : {};
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    let handshaken = false;
    let responded = false;
    const fail = (err) => {
      if (signal.aborted) return reject(signal.reason);
      const failure = upstreamFailureFrom(err, url.origin, { resetAfterHandshake: handshaken && !responded, clientCertificate: Boolean(tls?.cert) });
      // On a kept-alive connection before any response: the server may have closed it as this request went out.
      failure.reusedConnection = Boolean(req.reusedSocket) && !responded;
      return reject(failure);
    };
    const req = request(url, {
      method,
      headers: { ...headers, ...length },
      lookup: pinnedLookup(addresses),
      agent,
      signal,
      ...(url.protocol === 'https:' ? tlsOptions(tls) : {}),
    });
    // A kept-alive connection did its handshake for an earlier forward: only a new one can be refused in this one's.
    req.on('socket', (socket) => req.reusedSocket || socket.once('secureConnect', () => { handshaken = true; }));
    // Once the response has begun, its own stream reports failures (and readBody's too_large must win over the
    // reset that destroying the response causes on the request).
    req.on('error', (err) => responded || fail(err));
    // http(s).request never follows redirects: a 3xx arrives here like any other status and is reported as such.
    req.on('response', (res) => {
      responded = true;
      readBody(res, maxBodyBytes, url.origin).then(
        (text) => resolve({ status: res.statusCode, statusText: res.statusMessage ?? '', headers: flatHeaders(res.headers), body: text }),
        (err) => (err instanceof UpstreamFailure ? reject(err) : fail(err)),
      );
    });
    req.end(bytes ?? undefined);
  });
}
