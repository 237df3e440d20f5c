// Contract tests: bearer checks (401) and authorization (403) in both modes — p1:* scopes, and PingOne's roles.
import { generateKeyPair } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { FORBIDDEN_MESSAGE } from './errors.js';
import { SEED_USER_IDS } from './seed.js';
import { ALL_SCOPES, expectPingOneError, startPingOne } from '../testing/pingone.js';

const ADA = SEED_USER_IDS.ada;
const SMS = 'd1a0c3e2-5b7f-4d19-8a6e-0c2b4d6f8a01';
const EMAIL = 'd1a0c3e2-5b7f-4d19-8a6e-0c2b4d6f8a02';
const ACTIVATE = 'application/vnd.pingidentity.device.activate+json';
const REORDER = 'application/vnd.pingidentity.devices.reorder+json';
const ADMIN_CLIENT = 'worker-with-role';
const NO_ROLE_CLIENT = 'worker-without-role';
let p1;
let allScopes;

/** Makes a pairing key with a fully scoped token, for the read/delete rows. */
async function pairingKeyPath() {
  const res = await p1.call('POST', `/users/${ADA}/pairingKeys`, { bearer: allScopes, body: {} });
  return `/users/${ADA}/pairingKeys/${res.json.id}`;
}

/**
 * [operation, method, path or async path factory, body, content type, scopes that allow it, status when allowed]
 * Activation of an already ACTIVE device answers 400: what matters here is that authorization let it through.
 */
const OPERATIONS = [
  ['list users', 'GET', '/users', undefined, undefined, ['p1:read:user'], 200],
  ['read user', 'GET', `/users/${ADA}`, undefined, undefined, ['p1:read:user'], 200],
  ['read mfaEnabled', 'GET', `/users/${ADA}/mfaEnabled`, undefined, undefined, ['p1:read:user'], 200],
  ['update mfaEnabled', 'PUT', `/users/${ADA}/mfaEnabled`, { mfaEnabled: false }, undefined, ['p1:update:userMfaEnabled', 'p1:update:user'], 200],
  ['list devices', 'GET', `/users/${ADA}/devices`, undefined, undefined, ['p1:read:device'], 200],
  ['read device', 'GET', `/users/${ADA}/devices/${SMS}`, undefined, undefined, ['p1:read:device'], 200],
  ['create device', 'POST', `/users/${ADA}/devices`, { type: 'TOTP' }, undefined, ['p1:create:device'], 201],
  ['activate device', 'POST', `/users/${ADA}/devices/${SMS}`, { otp: '123456' }, ACTIVATE, ['p1:update:device'], 400],
  ['rename device', 'PUT', `/users/${ADA}/devices/${SMS}/nickname`, { nickname: 'n' }, undefined, ['p1:update:device'], 200],
  ['reorder devices', 'POST', `/users/${ADA}/devices`, { order: [{ id: EMAIL }] }, REORDER, ['p1:update:device'], 200],
  ['delete device', 'DELETE', `/users/${ADA}/devices/${SMS}`, undefined, undefined, ['p1:delete:device'], 204],
  ['create pairing key', 'POST', `/users/${ADA}/pairingKeys`, {}, undefined, ['p1:create:pairingKey'], 201],
  ['read pairing key', 'GET', pairingKeyPath, undefined, undefined, ['p1:read:pairingKey'], 200],
  ['delete pairing key', 'DELETE', pairingKeyPath, undefined, undefined, ['p1:create:pairingKey'], 204],
];

async function run([, method, path, body, contentType], bearer) {
  const resolved = typeof path === 'function' ? await path() : path;
  return p1.call(method, resolved, { bearer, body, contentType });
}

beforeAll(async () => {
  p1 = await startPingOne({ roles: { [ADMIN_CLIENT]: ['Identity Data Admin'], [NO_ROLE_CLIENT]: ['Environment Admin'] } });
  // Valid in both modes, for setting up state (pairing keys) whatever the mode under test.
  allScopes = await p1.token({ clientId: ADMIN_CLIENT, scope: ALL_SCOPES });
});
afterAll(() => p1.close());
beforeEach(() => {
  p1.api.reset();
  p1.setAuthz('scopes');
});

describe('bearer token (401 ACCESS_FAILED / INVALID_TOKEN)', () => {
  const cases = [
    ['no Authorization header', async () => undefined, {}],
    ['a Basic credential', async () => undefined, { authorization: 'Basic d29ya2VyOnNlY3JldA==' }],
    ['a token that is not a JWT', async () => 'not-a-jwt', {}],
    ['a token signed by another key', async () => p1.token({ scope: ALL_SCOPES, key: (await generateKeyPair('RS256')).privateKey }), {}],
    ['an expired token', async () => p1.token({ scope: ALL_SCOPES, expiresIn: Math.floor(Date.now() / 1000) - 60 }), {}],
    ['a token for another environment', async () => p1.token({ scope: ALL_SCOPES, env: '11111111-1111-4111-8111-111111111111' }), {}],
    ['a token without an env claim', async () => p1.token({ scope: ALL_SCOPES, env: null }), {}],
  ];
  it.each(cases)('rejects %s', async (_name, makeToken, headers) => {
    const res = await p1.call('GET', `/users/${ADA}/devices`, { bearer: await makeToken(), headers });
    expectPingOneError(expect, res, 401, 'ACCESS_FAILED', 'INVALID_TOKEN');
    expect(res.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
  });

  it('checks the token before anything else (even unknown paths and malformed bodies)', async () => {
    expectPingOneError(expect, await p1.call('GET', '/nowhere'), 401, 'ACCESS_FAILED');
    expectPingOneError(expect, await p1.call('POST', `/users/${ADA}/devices`, { body: '{' }), 401, 'ACCESS_FAILED');
  });
});

describe('scopes mode (default): each endpoint demands its p1 scope', () => {
  it.each(OPERATIONS)('%s: 403 without its scope, allowed with only its scope', async (...row) => {
    const [, , , , , allowedBy, okStatus] = row;
    const others = ALL_SCOPES.split(' ').filter((s) => !allowedBy.includes(s)).join(' ');
    const denied = await run(row, await p1.token({ scope: others }));
    const body = expectPingOneError(expect, denied, 403, 'ACCESS_FAILED', 'INSUFFICIENT_PERMISSIONS');
    expect(body.message).toBe(FORBIDDEN_MESSAGE);
    expect(body.details[0].message).toContain(allowedBy[0]);
    for (const scope of allowedBy) {
      p1.api.reset();
      const allowed = await run(row, await p1.token({ scope }));
      expect(allowed.status, `${scope} → ${allowed.text}`).toBe(okStatus);
    }
  });

  it('reads the scope claim as space-delimited and ignores look-alikes', async () => {
    const res = await p1.call('GET', '/users', { bearer: await p1.token({ scope: 'openid p1:read:users p1:read:user:x' }) });
    expect(res.status).toBe(403);
  });
});

describe("roles mode (PingOne's real model): the client's role assignment decides", () => {
  it.each(OPERATIONS)('%s: allowed for Identity Data Admin without any scope, 403 without the role', async (...row) => {
    p1.setAuthz('roles');
    const okStatus = row[6];
    const admin = await run(row, await p1.token({ clientId: ADMIN_CLIENT, scope: '' }));
    expect(admin.status, admin.text).toBe(okStatus);
    p1.api.reset();
    const denied = await run(row, await p1.token({ clientId: NO_ROLE_CLIENT, scope: ALL_SCOPES }));
    const body = expectPingOneError(expect, denied, 403, 'ACCESS_FAILED', 'INSUFFICIENT_PERMISSIONS');
    expect(body.details[0].message).toContain('Identity Data Admin');
  });

  it('reads the mode at request time', async () => {
    const roleOnly = await p1.token({ clientId: ADMIN_CLIENT, scope: '' });
    expect((await p1.call('GET', '/users', { bearer: roleOnly })).status).toBe(403);
    p1.setAuthz('roles');
    expect((await p1.call('GET', '/users', { bearer: roleOnly })).status).toBe(200);
  });
});
