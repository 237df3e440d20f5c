// Test harness (tests only) for the PingOne emulation: its router in a bare express app on port 0, with jose-signed
// tokens from a key generated per run (no src/ imports, no sandbox core), and a fetch-based caller.
import express from 'express';
import { generateKeyPair, jwtVerify, SignJWT } from 'jose';

import { P1_SCOPES } from '../constants.js';
import { createPingOneApi } from '../pingone/api.js';

export const TEST_ENV_ID = '0c7a7f3e-3b1d-4f0e-9a55-6d2e8b1c4a10';
const ISSUER = `http://localhost/${TEST_ENV_ID}/as`;
const AUDIENCE = 'https://api.pingone.com';

/**
 * Starts the emulation. `roles` maps client_id → role names (roles mode).
 * @param {{ authz?: 'scopes' | 'roles', roles?: Record<string, string[]> }} [options]
 */
export async function startPingOne({ authz = 'scopes', roles = {} } = {}) {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  let mode = authz;
  const outbox = [];
  const verifyAccessToken = async (jwt) =>
    (await jwtVerify(jwt, publicKey, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['RS256'], typ: 'at+jwt' })).payload;

  // Listen first so the API base (used in absolute `_links`) carries the real port.
  const app = express();
  const server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const apiBase = `http://127.0.0.1:${server.address().port}/v1`;
  const api = createPingOneApi({
    envId: TEST_ENV_ID,
    apiBase,
    verifyAccessToken,
    authz: () => mode,
    clientRoles: (clientId) => roles[clientId] ?? [],
    outbox: { push: (entry) => outbox.push(entry) },
  });
  app.use(`/v1/environments/${TEST_ENV_ID}`, api.router);
  const envUrl = `${apiBase}/environments/${TEST_ENV_ID}`;

  /** Signs an access token like the sandbox's: RS256, at+jwt, PingOne API audience, `env` claim. */
  async function token({ scope = '', clientId = 'worker-app', env = TEST_ENV_ID, expiresIn = '5m', key = privateKey } = {}) {
    const claims = { client_id: clientId, scope };
    if (env !== null) claims.env = env;
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: 'test' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(expiresIn)
      .sign(key);
  }

  /**
   * Calls the API. `path` is relative to the environment. JSON bodies get `application/json` unless
   * `contentType` says otherwise (null: send no Content-Type).
   */
  async function call(method, path, { bearer, body, contentType, headers = {} } = {}) {
    const h = { ...headers };
    if (bearer) h.authorization = `Bearer ${bearer}`;
    let payload;
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      if (contentType !== null) h['content-type'] = contentType ?? 'application/json';
    }
    const res = await fetch(`${envUrl}${path}`, { method, headers: h, body: payload });
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, json: text ? JSON.parse(text) : undefined };
  }

  return {
    api,
    apiBase,
    envUrl,
    outbox,
    token,
    call,
    setAuthz: (next) => {
      mode = next;
    },
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

/** Every p1 scope the sandbox knows, as a space-delimited claim. */
export const ALL_SCOPES = P1_SCOPES.join(' ');

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const ISO_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Asserts the PingOne error shape and returns the body. */
export function expectPingOneError(expect, res, status, code, detailCode, target) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  expect(res.json.id).toMatch(UUID_RE);
  expect(res.json.code).toBe(code);
  expect(typeof res.json.message).toBe('string');
  if (detailCode) expect(res.json.details).toContainEqual(expect.objectContaining({ code: detailCode, ...(target ? { target } : {}) }));
  return res.json;
}
