// Contract tests for the microauthd emulation's scope-gated user endpoints (name-or-UUID scope acceptance).
import { SignJWT, generateKeyPair } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { startMicroauthd } from '../testing/microauthd.js';
import { BUILT_IN_SCOPES } from './seed.js';

let h;
let tokens;
beforeAll(async () => {
  h = await startMicroauthd();
  tokens = {
    portal: await h.tokenFor('microauthd-support-portal'),
    provisioner: await h.tokenFor('microauthd-provisioner'),
    unscoped: await h.tokenFor('microauthd-unscoped'),
    uuid: await h.tokenFor('microauthd-uuid-scopes'),
  };
});
beforeEach(() => {
  h.m.reset();
});
afterAll(async () => {
  await h.close();
});

const ALICE = '5e0f8f8a-1c3b-4d7e-9a21-000000000a11';
const BOB = '5e0f8f8a-1c3b-4d7e-9a21-000000000b22';
const MISSING = '00000000-0000-4000-8000-000000000000';
const USER_KEYS = ['id', 'username', 'email', 'created_at', 'lockout_until', 'is_active', 'email_verified', 'totp_enabled'];

const endpoints = [
  { name: 'GET /users', method: 'GET', path: '/users', scope: BUILT_IN_SCOPES.listUsers },
  { name: 'GET /user/{id}', method: 'GET', path: `/user/${ALICE}`, scope: BUILT_IN_SCOPES.readUser },
  { name: 'POST /user', method: 'POST', path: '/user', scope: BUILT_IN_SCOPES.provisionUsers,
    body: { username: 'erin', email: 'erin@example.test', password: 'long-enough-pw' } },
  { name: 'POST /user/{id}/reset', method: 'POST', path: `/user/${BOB}/reset`, scope: BUILT_IN_SCOPES.resetPasswords,
    body: { new_password: 'another-long-pw' } },
  { name: 'POST /user/{id}/deactivate', method: 'POST', path: `/user/${BOB}/deactivate`, scope: BUILT_IN_SCOPES.deactivateUsers },
];

// Which demo client may call what: portal/provisioner tokens carry names, the uuid client's token carries UUIDs.
const allowedBy = {
  'GET /users': ['portal', 'uuid'],
  'GET /user/{id}': ['portal', 'uuid'],
  'POST /user': ['provisioner'],
  'POST /user/{id}/reset': ['portal'],
  'POST /user/{id}/deactivate': ['uuid'],
};

describe.each(endpoints)('$name', (ep) => {
  it('401 {success:false,message:"Unauthorized"} without a bearer token', async () => {
    const r = await h.api(ep.method, ep.path, undefined, ep.body);
    expect(r.status).toBe(401);
    expect(r.body).toEqual({ success: false, message: 'Unauthorized' });
    expect(r.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it.each(['portal', 'provisioner', 'unscoped', 'uuid'])('client %s: allowed only when its token holds the scope', async (who) => {
    h.m.reset();
    const r = await h.api(ep.method, ep.path, tokens[who], ep.body);
    if (allowedBy[ep.name].includes(who)) {
      expect(r.status).toBe(200);
    } else {
      expect(r.status).toBe(403);
      expect(r.text).toBe('{"success":false,"message":"Permission Denied"}');
    }
  });
});

describe('scope by name or UUID', () => {
  it('the UUID-scoped token carries UUIDs, and GET /users accepts them', async () => {
    const claims = JSON.parse(Buffer.from(tokens.uuid.split('.')[1], 'base64url').toString());
    expect(claims.scope).toContain(BUILT_IN_SCOPES.listUsers.id);
    expect(claims.scope).not.toContain('admin::');
    expect((await h.api('GET', '/users', tokens.uuid)).status).toBe(200);
  });
  it('the name-scoped token carries names, and GET /users accepts them', async () => {
    const claims = JSON.parse(Buffer.from(tokens.portal.split('.')[1], 'base64url').toString());
    expect(claims.scope).toContain('admin::list_users');
    expect((await h.api('GET', '/users', tokens.portal)).status).toBe(200);
  });
  it('a narrowed token loses the endpoints it did not ask for', async () => {
    const onlyList = await h.tokenFor('microauthd-support-portal', 'admin::list_users');
    expect((await h.api('GET', '/users', onlyList)).status).toBe(200);
    expect((await h.api('GET', `/user/${ALICE}`, onlyList)).status).toBe(403);
  });
});

describe('bearer verification', () => {
  it('rejects a token signed by another key', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT({ scope: 'admin::list_users', token_use: 'access', client_id: 'x' })
      .setProtectedHeader({ alg: 'RS256' }).setIssuer(h.baseUrl).setIssuedAt().setExpirationTime('5m').sign(privateKey);
    const r = await h.api('GET', '/users', forged);
    expect(r.status).toBe(401);
    expect(r.body).toEqual({ success: false, message: 'Unauthorized' });
  });
  it('rejects an expired token (injected clock)', async () => {
    const t = await h.tokenFor('microauthd-support-portal');
    const saved = h.clock.now;
    h.clock.now += 3601 * 1000;
    try {
      expect((await h.api('GET', '/users', t)).status).toBe(401);
    } finally {
      h.clock.now = saved;
    }
  });
  it('rejects garbage', async () => {
    expect((await h.api('GET', '/users', 'not-a-jwt')).status).toBe(401);
  });
});

describe('user endpoints behaviour', () => {
  it('GET /users returns UserObjects without password material', async () => {
    const r = await h.api('GET', '/users', tokens.portal);
    expect(r.body.length).toBeGreaterThanOrEqual(3);
    for (const u of r.body) expect(Object.keys(u).sort()).toEqual([...USER_KEYS].sort());
    expect(r.text).not.toMatch(/password|scrypt|hash/i);
  });

  it('GET /user/{id} returns one user; unknown → 404 User not found', async () => {
    expect((await h.api('GET', `/user/${ALICE}`, tokens.portal)).body).toMatchObject({ id: ALICE, username: 'alice' });
    const r = await h.api('GET', `/user/${MISSING}`, tokens.portal);
    expect(r.status).toBe(404);
    expect(r.body).toEqual({ success: false, message: 'User not found' });
  });

  it('POST /user creates a user visible to GET; duplicate username → 409', async () => {
    const r = await h.api('POST', '/user', tokens.provisioner, { username: 'erin', email: 'erin@example.test', password: 'long-enough-pw' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ username: 'erin', email: 'erin@example.test', is_active: true, lockout_until: null });
    expect(Object.keys(r.body).sort()).toEqual([...USER_KEYS].sort());
    expect((await h.api('GET', `/user/${r.body.id}`, tokens.portal)).body.username).toBe('erin');
    const dup = await h.api('POST', '/user', tokens.provisioner, { username: 'ERIN', email: 'e2@example.test', password: 'long-enough-pw' });
    expect(dup.status).toBe(409);
    expect(dup.body.success).toBe(false);
  });

  it.each([
    [{ email: 'a@b.co', password: 'long-enough-pw' }, /username/],
    [{ username: 'x y', email: 'a@b.co', password: 'long-enough-pw' }, /username/],
    [{ username: 'frank', password: 'long-enough-pw' }, /email/],
    [{ username: 'frank', email: 'nope', password: 'long-enough-pw' }, /email/],
    [{ username: 'frank', email: 'a@b.co' }, /password/],
    [{ username: 'frank', email: 'a@b.co', password: 'short' }, /password/],
  ])('POST /user validation %j → 400 naming the field', async (body, field) => {
    const r = await h.api('POST', '/user', tokens.provisioner, body);
    expect(r.status).toBe(400);
    expect(r.body.success).toBe(false);
    expect(r.body.message).toMatch(field);
  });

  it('POST /user/{id}/reset validates new_password and 404s unknown users', async () => {
    expect((await h.api('POST', `/user/${BOB}/reset`, tokens.portal, {})).body.message).toMatch(/new_password/);
    expect((await h.api('POST', `/user/${MISSING}/reset`, tokens.portal, { new_password: 'long-enough-pw' })).status).toBe(404);
    const ok = await h.api('POST', `/user/${BOB}/reset`, tokens.portal, { new_password: 'long-enough-pw' });
    expect(ok.body).toEqual({ success: true, message: expect.stringContaining('bob') });
  });

  it('POST /user/{id}/deactivate flips is_active; reset() restores the seed', async () => {
    const r = await h.api('POST', `/user/${ALICE}/deactivate`, tokens.uuid);
    expect(r.body).toEqual({ success: true, message: expect.any(String) });
    expect((await h.api('GET', `/user/${ALICE}`, tokens.uuid)).body.is_active).toBe(false);
    h.m.reset();
    expect((await h.api('GET', `/user/${ALICE}`, tokens.uuid)).body.is_active).toBe(true);
  });

  it('a malformed JSON body gets a {success:false} 400, not an HTML page', async () => {
    const res = await fetch(`${h.baseUrl}/user`, {
      method: 'POST', headers: { authorization: `Bearer ${tokens.provisioner}`, 'content-type': 'application/json' }, body: '{nope',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ success: false, message: 'Malformed request body' });
  });

  it('users() lists the seeded users for /sandbox/info', () => {
    expect(h.m.users().map((u) => u.username)).toEqual(['alice', 'bob', 'carol', 'dave']);
  });
});
