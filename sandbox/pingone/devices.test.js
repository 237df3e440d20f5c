// Contract tests: the emulated MFA device endpoints (shapes, statuses, media types, OTP activation, validation).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { SEED_USER_IDS } from './seed.js';
import { ALL_SCOPES, expectPingOneError, ISO_RE, startPingOne, UUID_RE } from '../testing/pingone.js';
import { totpCode } from './totp.js';

const ADA = SEED_USER_IDS.ada;
const KATHERINE = SEED_USER_IDS.katherine;
const ACTIVATE = 'application/vnd.pingidentity.device.activate+json';
const REORDER = 'application/vnd.pingidentity.devices.reorder+json';
let p1;
let bearer;

beforeAll(async () => {
  p1 = await startPingOne();
  bearer = await p1.token({ scope: ALL_SCOPES });
});
afterAll(() => p1.close());
beforeEach(() => {
  p1.api.reset();
  p1.outbox.length = 0;
});

const call = (method, path, opts = {}) => p1.call(method, path, { bearer, ...opts });

describe('GET /users/{id}/devices', () => {
  it('lists the seeded devices with PingOne shapes and absolute links', async () => {
    const res = await call('GET', `/users/${ADA}/devices`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.json._links.self.href).toBe(`${p1.envUrl}/users/${ADA}/devices`);
    const devices = res.json._embedded.devices;
    expect(devices.map((d) => d.type)).toEqual(['SMS', 'EMAIL', 'TOTP']);
    expect(res.json.count).toBe(3);
    const sms = devices[0];
    expect(sms).toMatchObject({
      environment: { id: expect.stringMatching(UUID_RE) },
      user: { id: ADA },
      type: 'SMS',
      status: 'ACTIVE',
      lock: { status: 'UNLOCKED' },
      block: { status: 'UNBLOCKED' },
      phone: expect.stringMatching(/^\+1555/),
    });
    expect(sms.id).toMatch(UUID_RE);
    expect(sms.createdAt).toMatch(ISO_RE);
    expect(sms.updatedAt).toMatch(ISO_RE);
    expect(sms._links.self.href).toBe(`${p1.envUrl}/users/${ADA}/devices/${sms.id}`);
    expect(sms._links.user.href).toBe(`${p1.envUrl}/users/${ADA}`);
    expect(sms._links.environment.href).toBe(p1.envUrl);
    expect(devices[1].email).toBe('ada.lovelace@example.com');
    // TOTP secrets are never returned on reads.
    expect(devices[2].secret).toBeUndefined();
    expect(devices[2].keyUri).toBeUndefined();
  });

  it('filters by status and type, and limits', async () => {
    const sms = await call('GET', `/users/${ADA}/devices?filter=${encodeURIComponent('type eq "SMS" and status eq "ACTIVE"')}`);
    expect(sms.json._embedded.devices.map((d) => d.type)).toEqual(['SMS']);
    const limited = await call('GET', `/users/${ADA}/devices?limit=2`);
    expect(limited.json._embedded.devices).toHaveLength(2);
    expectPingOneError(expect, await call('GET', `/users/${ADA}/devices?filter=nickname%20co%20%22x%22`), 400, 'INVALID_REQUEST', 'INVALID_VALUE', 'filter');
    expectPingOneError(expect, await call('GET', `/users/${ADA}/devices?limit=0`), 400, 'INVALID_REQUEST', 'INVALID_VALUE', 'limit');
  });

  it('returns an empty list for a user without devices, and 404 for an unknown user', async () => {
    const empty = await call('GET', `/users/${KATHERINE}/devices`);
    expect(empty.json._embedded.devices).toEqual([]);
    expectPingOneError(expect, await call('GET', '/users/00000000-0000-4000-8000-000000000000/devices'), 404, 'NOT_FOUND');
  });
});

describe('POST /users/{id}/devices (create)', () => {
  it('creates an ACTIVE SMS device by default: 201 + Location, no OTP sent', async () => {
    const res = await call('POST', `/users/${KATHERINE}/devices`, { body: { type: 'SMS', phone: '+1.5125201234', nickname: 'Work' } });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ type: 'SMS', status: 'ACTIVE', phone: '+1.5125201234', nickname: 'Work', user: { id: KATHERINE } });
    expect(res.headers.get('location')).toBe(`${p1.envUrl}/users/${KATHERINE}/devices/${res.json.id}`);
    expect(res.json._links['device.activate']).toBeUndefined();
    expect(p1.outbox).toEqual([]);
    const listed = await call('GET', `/users/${KATHERINE}/devices`);
    expect(listed.json._embedded.devices.map((d) => d.id)).toEqual([res.json.id]);
  });

  it.each([
    ['SMS', { phone: '+15555550177' }, '+15555550177'],
    ['EMAIL', { email: 'kj@example.com' }, 'kj@example.com'],
  ])('ACTIVATION_REQUIRED %s: sends a 6-digit OTP to the outbox, activates with it', async (type, fields, to) => {
    const created = await call('POST', `/users/${KATHERINE}/devices`, { body: { type, status: 'ACTIVATION_REQUIRED', ...fields } });
    expect(created.status).toBe(201);
    expect(created.json.status).toBe('ACTIVATION_REQUIRED');
    const deviceUrl = `${p1.envUrl}/users/${KATHERINE}/devices/${created.json.id}`;
    expect(created.json._links['device.activate'].href).toBe(deviceUrl);
    expect(JSON.stringify(created.json)).not.toMatch(/"otp"/);
    expect(p1.outbox).toHaveLength(1);
    const sent = p1.outbox[0];
    expect(sent).toMatchObject({ to, channel: type, userId: KATHERINE, deviceId: created.json.id });
    expect(sent.otp).toMatch(/^\d{6}$/);
    expect(sent.at).toMatch(ISO_RE);

    const path = `/users/${KATHERINE}/devices/${created.json.id}`;
    const wrong = String((Number(sent.otp) + 1) % 1_000_000).padStart(6, '0');
    expectPingOneError(expect, await call('POST', path, { body: { otp: wrong }, contentType: ACTIVATE }), 400, 'INVALID_DATA', 'INVALID_OTP', 'otp');
    const ok = await call('POST', path, { body: { otp: sent.otp }, contentType: ACTIVATE });
    expect(ok.status).toBe(200);
    expect(ok.json.status).toBe('ACTIVE');
    expect(ok.json._links['device.activate']).toBeUndefined();
    // Already active: activation is refused rather than silently accepted.
    expectPingOneError(expect, await call('POST', path, { body: { otp: sent.otp }, contentType: ACTIVATE }), 400, 'INVALID_REQUEST');
  });

  it('creates a TOTP device whose secret and keyUri appear in the create response only; activates with a TOTP code', async () => {
    const created = await call('POST', `/users/${ADA}/devices`, { body: { type: 'TOTP', status: 'ACTIVATION_REQUIRED' } });
    expect(created.status).toBe(201);
    const { secret, keyUri } = created.json;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(keyUri).toMatch(/^otpauth:\/\/totp\/PingOne%20Sandbox%3Aada\.lovelace\?secret=[A-Z2-7]+&issuer=PingOne\+Sandbox/);
    expect(new URL(keyUri).searchParams.get('secret')).toBe(secret);
    expect(p1.outbox).toEqual([]);
    const path = `/users/${ADA}/devices/${created.json.id}`;
    const read = await call('GET', path);
    expect(read.json.secret).toBeUndefined();
    const ok = await call('POST', path, { body: { otp: totpCode(secret) }, contentType: ACTIVATE });
    expect(ok.json.status).toBe('ACTIVE');
  });

  it.each([
    [{}, 'REQUIRED_VALUE', 'type'],
    [{ type: 'FIDO2' }, 'INVALID_VALUE', 'type'],
    [{ type: 'SMS' }, 'REQUIRED_VALUE', 'phone'],
    [{ type: 'SMS', phone: '5125201234' }, 'INVALID_VALUE', 'phone'],
    [{ type: 'SMS', phone: '+1555' }, 'INVALID_VALUE', 'phone'],
    [{ type: 'EMAIL', email: 'nobody' }, 'INVALID_VALUE', 'email'],
    [{ type: 'EMAIL' }, 'REQUIRED_VALUE', 'email'],
    [{ type: 'TOTP', status: 'LOCKED' }, 'INVALID_VALUE', 'status'],
    [{ type: 'TOTP', nickname: '' }, 'INVALID_VALUE', 'nickname'],
    [{ type: 'TOTP', nickname: 'x'.repeat(101) }, 'INVALID_VALUE', 'nickname'],
  ])('rejects %j with 400 INVALID_DATA %s on %s', async (body, code, target) => {
    const res = await call('POST', `/users/${ADA}/devices`, { body });
    expectPingOneError(expect, res, 400, 'INVALID_DATA', code, target);
  });

  it('answers malformed JSON with 400 INVALID_REQUEST and unknown media types with 415', async () => {
    expectPingOneError(expect, await call('POST', `/users/${ADA}/devices`, { body: '{"type":' }), 400, 'INVALID_REQUEST');
    expectPingOneError(expect, await call('POST', `/users/${ADA}/devices`, { body: 'type=SMS', contentType: 'text/plain' }), 415, 'INVALID_REQUEST');
  });
});

describe('POST /users/{id}/devices/{deviceId} (activate)', () => {
  it('requires the activate media type (415 otherwise) and an otp', async () => {
    const created = await call('POST', `/users/${ADA}/devices`, { body: { type: 'EMAIL', email: 'a@example.com', status: 'ACTIVATION_REQUIRED' } });
    const path = `/users/${ADA}/devices/${created.json.id}`;
    const otp = p1.outbox[0].otp;
    expectPingOneError(expect, await call('POST', path, { body: { otp } }), 415, 'INVALID_REQUEST');
    expectPingOneError(expect, await call('POST', path, { body: { otp }, contentType: 'application/vnd.pingidentity.device.unlock+json' }), 415, 'INVALID_REQUEST');
    expectPingOneError(expect, await call('POST', path, { body: {}, contentType: ACTIVATE }), 400, 'INVALID_DATA', 'REQUIRED_VALUE', 'otp');
    expectPingOneError(expect, await call('POST', `/users/${ADA}/devices/00000000-0000-4000-8000-000000000000`, { body: { otp }, contentType: ACTIVATE }), 404, 'NOT_FOUND');
  });
});

describe('nickname, delete, reorder', () => {
  it('renames with PUT …/nickname', async () => {
    const [sms] = (await call('GET', `/users/${ADA}/devices`)).json._embedded.devices;
    const res = await call('PUT', `/users/${ADA}/devices/${sms.id}/nickname`, { body: { nickname: '  My phone ' } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id: sms.id, nickname: 'My phone' });
    expect(Date.parse(res.json.updatedAt)).toBeGreaterThan(Date.parse(sms.updatedAt));
    expectPingOneError(expect, await call('PUT', `/users/${ADA}/devices/${sms.id}/nickname`, { body: { nickname: 42 } }), 400, 'INVALID_DATA', 'INVALID_VALUE', 'nickname');
    expectPingOneError(expect, await call('PUT', `/users/${ADA}/devices/${sms.id}/nickname`, { body: {} }), 400, 'INVALID_DATA', 'REQUIRED_VALUE', 'nickname');
  });

  it('deletes with 204 and then 404s', async () => {
    const [sms] = (await call('GET', `/users/${ADA}/devices`)).json._embedded.devices;
    const res = await call('DELETE', `/users/${ADA}/devices/${sms.id}`);
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expectPingOneError(expect, await call('GET', `/users/${ADA}/devices/${sms.id}`), 404, 'NOT_FOUND');
    expectPingOneError(expect, await call('DELETE', `/users/${ADA}/devices/${sms.id}`), 404, 'NOT_FOUND');
  });

  it('reorders with the reorder media type (200) and keeps the new order', async () => {
    const ids = (await call('GET', `/users/${ADA}/devices`)).json._embedded.devices.map((d) => d.id);
    const order = [ids[2], ids[0]];
    const res = await call('POST', `/users/${ADA}/devices`, { body: { order: order.map((id) => ({ id })) }, contentType: REORDER });
    expect(res.status).toBe(200);
    expect(res.json.order).toEqual([ids[2], ids[0], ids[1]].map((id) => ({ id })));
    const after = (await call('GET', `/users/${ADA}/devices`)).json._embedded.devices.map((d) => d.id);
    expect(after).toEqual([ids[2], ids[0], ids[1]]);
    expectPingOneError(expect, await call('POST', `/users/${ADA}/devices`, { body: { order: [{ id: ids[0] }, { id: ids[0] }] }, contentType: REORDER }), 400, 'INVALID_DATA', 'INVALID_VALUE', 'order');
    expectPingOneError(expect, await call('POST', `/users/${ADA}/devices`, { body: {}, contentType: REORDER }), 400, 'INVALID_DATA', 'REQUIRED_VALUE', 'order');
  });
});

describe('reset() and users()', () => {
  it('restores the seed and lists the seeded users', async () => {
    await call('POST', `/users/${KATHERINE}/devices`, { body: { type: 'TOTP' } });
    p1.api.reset();
    expect((await call('GET', `/users/${KATHERINE}/devices`)).json._embedded.devices).toEqual([]);
    const users = p1.api.users();
    expect(users.map((u) => u.username)).toEqual(['ada.lovelace', 'grace.hopper', 'alan.turing', 'katherine.johnson']);
    for (const u of users) expect(u.id).toMatch(UUID_RE);
  });
});
