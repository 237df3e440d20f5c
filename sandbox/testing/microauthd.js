// Test harness (tests only) for the microauthd emulation: its router in a bare express app on an ephemeral port.
import express from 'express';

import { createMicroauthd } from '../microauthd/index.js';
import { basicAuthorization } from './basicAuthorization.js';

/**
 * Starts the emulation under `/microauthd` on 127.0.0.1:0. `clock.now` may be moved forward by tests.
 * @param {{ tokenTtlSeconds?: number }} [options]
 */
export async function startMicroauthd(options = {}) {
  const app = express();
  let mounted = (_req, _res, next) => next();
  app.use('/microauthd', (req, res, next) => mounted(req, res, next));
  const server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address();
  const baseUrl = `http://127.0.0.1:${port}/microauthd`;
  const clock = { now: Date.now() };
  const events = [];
  const m = await createMicroauthd({ baseUrl, now: () => clock.now, log: (e) => events.push(e), ...options });
  mounted = m.router;

  const client = (id) => {
    const c = m.clients().find((x) => x.client_id === id);
    if (!c) throw new TypeError(`no demo client ${id}`);
    return c;
  };

  /** POST /token with a form body and optional headers; returns { status, body, headers }. */
  const token = async (form, headers = {}) => {
    const res = await fetch(`${baseUrl}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(form).toString(),
    });
    return { status: res.status, body: await res.json(), headers: res.headers };
  };

  /** An access token for a demo client via client_secret_basic (optionally narrowed by `scope`). */
  const tokenFor = async (id, scope) => {
    const c = client(id);
    const form = { grant_type: 'client_credentials', ...(scope === undefined ? {} : { scope }) };
    const r = await token(form, { authorization: basicAuthorization(c.client_id, c.client_secret) });
    if (r.status !== 200) throw new TypeError(`token for ${id} failed: ${r.status}`);
    return r.body.access_token;
  };

  /** Calls an API path with a bearer token; returns { status, body, text }. */
  const api = async (method, path, accessToken, json) => {
    const headers = {};
    if (accessToken) headers.authorization = `Bearer ${accessToken}`;
    if (json !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${baseUrl}${path}`, { method, headers, body: json === undefined ? undefined : JSON.stringify(json) });
    const text = await res.text();
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    return { status: res.status, body, text, headers: res.headers };
  };

  const close = () => new Promise((resolve) => server.close(() => resolve()));
  return { m, baseUrl, clock, events, client, basic: basicAuthorization, token, tokenFor, api, close };
}
