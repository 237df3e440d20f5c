// Contract tests: the emulated user, mfaEnabled and pairing key endpoints.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { SEED_USER_IDS } from './seed.js';
import { ALL_SCOPES, expectPingOneError, ISO_RE, startPingOne, UUID_RE } from '../testing/pingone.js';

const ADA = SEED_USER_IDS.ada;
const ALAN = SEED_USER_IDS.alan;
const APP = '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d';
let p1;
let bearer;

beforeAll(async () => {
  p1 = await startPingOne();
  bearer = await p1.token({ scope: ALL_SCOPES });
});
afterAll(() => p1.close());
beforeEach(() => p1.api.reset());

const call = (method, path, opts = {}) => p1.call(method, path, { bearer, ...opts });

describe('users', () => {
  it('GET /users lists the seeded users with _embedded and links', async () => {
    const res = await call('GET', '/users');
    expect(res.status).toBe(200);
    expect(res.json._links.self.href).toBe(`${p1.envUrl}/users`);
    const users = res.json._embedded.users;
    expect(users.map((u) => u.username)).toEqual(['ada.lovelace', 'grace.hopper', 'alan.turing', 'katherine.johnson']);
    for (const u of users) {
      expect(u.id).toMatch(UUID_RE);
      expect(u.email).toMatch(/@example\.com$/);
      expect(u.createdAt).toMatch(ISO_RE);
      expect(u._links.self.href).toBe(`${p1.envUrl}/users/${u.id}`);
    }
    expect(res.json.count).toBe(4);
  });

  it('GET /users/{id} reads one user; unknown ids 404', async () => {
    const res = await call('GET', `/users/${ADA}`);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      id: ADA,
      username: 'ada.lovelace',
      email: 'ada.lovelace@example.com',
      name: { given: 'Ada', family: 'Lovelace' },
      environment: { id: expect.stringMatching(UUID_RE) },
      mfaEnabled: true,
    });
    expectPingOneError(expect, await call('GET', '/users/not-a-user'), 404, 'NOT_FOUND');
  });

  it('unknown paths under the environment are PingOne 404s', async () => {
    expectPingOneError(expect, await call('GET', '/applications'), 404, 'NOT_FOUND');
  });
});

describe('mfaEnabled', () => {
  it('GET and PUT /users/{id}/mfaEnabled', async () => {
    const before = await call('GET', `/users/${ALAN}/mfaEnabled`);
    expect(before.status).toBe(200);
    expect(before.json).toEqual({
      _links: { self: { href: `${p1.envUrl}/users/${ALAN}/mfaEnabled` }, user: { href: `${p1.envUrl}/users/${ALAN}` } },
      mfaEnabled: false,
    });
    const put = await call('PUT', `/users/${ALAN}/mfaEnabled`, { body: { mfaEnabled: true } });
    expect(put.status).toBe(200);
    expect(put.json.mfaEnabled).toBe(true);
    expect((await call('GET', `/users/${ALAN}`)).json.mfaEnabled).toBe(true);
  });

  it.each([
    [{ mfaEnabled: 'yes' }, 'INVALID_VALUE'],
    [{}, 'REQUIRED_VALUE'],
  ])('rejects %j with 400 INVALID_DATA on mfaEnabled', async (body, code) => {
    expectPingOneError(expect, await call('PUT', `/users/${ALAN}/mfaEnabled`, { body }), 400, 'INVALID_DATA', code, 'mfaEnabled');
  });
});

describe('pairing keys', () => {
  it('POST creates (201 + Location), GET reads, DELETE removes (204)', async () => {
    const created = await call('POST', `/users/${ADA}/pairingKeys`, { body: { applications: [{ id: APP }] } });
    expect(created.status).toBe(201);
    const key = created.json;
    expect(key.id).toMatch(UUID_RE);
    expect(key).toMatchObject({ user: { id: ADA }, status: 'ACTIVE', applications: [{ id: APP }] });
    expect(key.token).toMatch(/^\d{12}$/);
    expect(key.expiresAt).toMatch(ISO_RE);
    expect(created.headers.get('location')).toBe(`${p1.envUrl}/users/${ADA}/pairingKeys/${key.id}`);
    expect(key._links.self.href).toBe(created.headers.get('location'));

    const read = await call('GET', `/users/${ADA}/pairingKeys/${key.id}`);
    expect(read.status).toBe(200);
    expect(read.json.id).toBe(key.id);
    // A key belongs to its user.
    expectPingOneError(expect, await call('GET', `/users/${ALAN}/pairingKeys/${key.id}`), 404, 'NOT_FOUND');

    const del = await call('DELETE', `/users/${ADA}/pairingKeys/${key.id}`);
    expect(del.status).toBe(204);
    expectPingOneError(expect, await call('GET', `/users/${ADA}/pairingKeys/${key.id}`), 404, 'NOT_FOUND');
  });

  it('accepts an empty body and rejects malformed applications', async () => {
    const res = await call('POST', `/users/${ADA}/pairingKeys`, { body: {} });
    expect(res.status).toBe(201);
    expect(res.json.applications).toEqual([]);
    expectPingOneError(expect, await call('POST', `/users/${ADA}/pairingKeys`, { body: { applications: [{ id: 'app' }] } }), 400, 'INVALID_DATA', 'INVALID_VALUE', 'applications');
  });
});
