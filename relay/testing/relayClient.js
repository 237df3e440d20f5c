// Test-only client of the relay: starts one on port 0 with its log captured, and calls it with node:http so a
// test controls Origin and Host exactly (fetch forbids setting Host).
import { request } from 'node:http';

import { startRelay } from '../app.js';

export const APP_ORIGIN = 'http://localhost:5173';

/** A relay on an ephemeral port; `relay.logged` holds every log line it wrote. */
export async function startTestRelay(options = {}) {
  const logged = [];
  const relay = await startRelay({ port: 0, log: (line) => logged.push(line), ...options });
  return Object.assign(relay, { logged });
}

/**
 * Calls the relay. `origin: null` sends no Origin; `host` overrides the Host header.
 * @returns {Promise<{ status: number, headers: object, json: any }>}
 */
export function callRelay(relay, { method = 'POST', path = '/forward', body, origin = APP_ORIGIN, host, headers = {} } = {}) {
  const text = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request({
      host: '127.0.0.1', port: relay.port, path, method,
      headers: {
        host: host ?? `localhost:${relay.port}`,
        ...(origin ? { origin } : {}),
        ...(text === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }),
        ...headers,
      },
    }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode, headers: res.headers, json: raw ? JSON.parse(raw) : undefined });
      });
    });
    req.on('error', reject);
    req.end(text);
  });
}

/** `POST /forward` with an envelope. */
export const forwardVia = (relay, envelope, options = {}) => callRelay(relay, { ...options, body: envelope });
