// Who may use the relay: Host (DNS rebinding) and Origin checks, CORS preflight, routes. Upstream never reached when refused.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { RELAY_VERSION } from './constants.js';
import { APP_ORIGIN, callRelay, startTestRelay } from './testing/relayClient.js';
import { startHttpUpstream } from './testing/upstreams.js';

let upstream;
let relay;

beforeAll(async () => {
  upstream = await startHttpUpstream();
  relay = await startTestRelay();
});
afterAll(async () => {
  await relay.close();
  await upstream.close();
});
afterEach(() => {
  upstream.requests.length = 0;
});

const envelope = () => ({ method: 'GET', url: `${upstream.origin}/x`, headers: {}, body: null });

describe('GET /health', () => {
  it('answers without an Origin', async () => {
    const res = await callRelay(relay, { method: 'GET', path: '/health', origin: null });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ relay: true, version: RELAY_VERSION });
  });

  it('carries Access-Control-Allow-Origin for an allowed origin', async () => {
    const res = await callRelay(relay, { method: 'GET', path: '/health' });
    expect(res.headers['access-control-allow-origin']).toBe(APP_ORIGIN);
    expect(res.headers.vary).toBe('Origin');
  });

  it.each(['127.0.0.1', '[::1]'])('answers Host %s:<port> too', async (name) => {
    const res = await callRelay(relay, { method: 'GET', path: '/health', origin: null, host: `${name}:${relay.port}` });
    expect(res.status).toBe(200);
  });
});

describe('refusals before anything is forwarded', () => {
  it.each([
    ['a rebinding Host (evil name pointed at 127.0.0.1)', { host: 'evil.example:PORT' }, /answers only Host localhost:/],
    ['a Host on another port', { host: 'localhost:1' }, /answers only Host localhost:/],
    ['a foreign Origin', { origin: 'https://evil.example' }, /origin https:\/\/evil.example may not use the relay/],
    ['the opaque Origin "null"', { origin: 'null' }, /origin null may not use the relay/],
    ['no Origin', { origin: null }, /has no Origin header/],
  ])('%s → 403 relay_refused, upstream untouched', async (_name, options, reason) => {
    const host = options.host?.replace('PORT', String(relay.port));
    const res = await callRelay(relay, { body: envelope(), ...options, host });
    expect(res.status).toBe(403);
    expect(res.json.error).toBe('relay_refused');
    expect(res.json.reason).toMatch(reason);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(upstream.requests).toHaveLength(0);
  });

  it('refuses a rebinding Host on /health too', async () => {
    const res = await callRelay(relay, { method: 'GET', path: '/health', origin: null, host: `evil.example:${relay.port}` });
    expect(res.status).toBe(403);
  });

  it.each([['POST', '/credentials'], ['DELETE', '/credentials/abc']])('%s %s without Origin → 403', async (method, path) => {
    const res = await callRelay(relay, { method, path, origin: null, body: method === 'POST' ? {} : undefined });
    expect(res.status).toBe(403);
    expect(res.json.reason).toMatch(/no Origin/);
  });

  it('accepts an origin added through allowedOrigins, and then only those', async () => {
    const custom = await startTestRelay({ allowedOrigins: ['https://playground.example'] });
    const ok = await callRelay(custom, { origin: 'https://playground.example', body: envelope() });
    const dev = await callRelay(custom, { body: envelope() });
    await custom.close();
    expect(ok.json).toMatchObject({ status: 200, body: 'ok' });
    expect(ok.headers['access-control-allow-origin']).toBe('https://playground.example');
    expect(dev.status).toBe(403);
    expect(upstream.requests).toHaveLength(1);
  });
});

describe('CORS preflight', () => {
  const preflight = (origin, extra = {}) => callRelay(relay, {
    method: 'OPTIONS', origin, headers: { 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type', ...extra },
  });

  it('answers an allowed origin with its origin, methods, headers and a max-age', async () => {
    const res = await preflight(APP_ORIGIN);
    expect(res.status).toBe(204);
    expect(res.headers).toMatchObject({
      'access-control-allow-origin': APP_ORIGIN,
      vary: 'Origin',
      'access-control-allow-methods': 'GET, POST, DELETE',
      'access-control-allow-headers': 'content-type',
    });
    expect(Number(res.headers['access-control-max-age'])).toBeGreaterThan(0);
    expect(res.headers['access-control-allow-private-network']).toBeUndefined();
  });

  it('allows Private Network Access when Chrome asks for it', async () => {
    const res = await preflight(APP_ORIGIN, { 'access-control-request-private-network': 'true' });
    expect(res.headers['access-control-allow-private-network']).toBe('true');
  });

  it('refuses a foreign origin without CORS headers', async () => {
    const res = await preflight('https://evil.example');
    expect(res.status).toBe(403);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['access-control-allow-methods']).toBeUndefined();
  });
});

describe('routes', () => {
  it('an unknown path → 404 naming the routes; a wrong method → 405', async () => {
    const missing = await callRelay(relay, { method: 'GET', path: '/nope' });
    const wrong = await callRelay(relay, { method: 'GET', path: '/forward' });
    expect(missing.status).toBe(404);
    expect(missing.json.reason).toMatch(/POST \/forward/);
    expect(wrong.status).toBe(405);
  });
});
