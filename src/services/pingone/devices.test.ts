// Typed PingOne operations: the exact method, path, media type and body of each call; bad input never sent.
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setupTestEffects } from '../../../tests/support/effects';
import { setupMswServer } from '../../../tests/support/msw';
import { VirtualClock } from '../../../tests/support/virtualClock';
import { InputError } from '../../utils/errors';
import { createPingOneTokenClient, type PingOneTokenClient } from './pingoneTokenClient';
import { fakeAccessToken } from '../../../tests/support/pingoneTestSupport';

const API = 'http://localhost:4500/v1';
const ENV = '3f2b0c1e-6c0d-4e4b-9a57-1c2d3e4f5a6b';
const USER = '11111111-2222-4333-8444-555555555555';
const DEVICE = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const KEY = 'cccccccc-dddd-4eee-8fff-000000000000';
const APP = 'dddddddd-eeee-4fff-8000-111111111111';
const BASE = `${API}/environments/${ENV}`;

interface Seen {
  method: string;
  url: string;
  contentType: string | null;
  body: unknown;
}

const server = setupMswServer();
setupTestEffects(() => ({ clock: new VirtualClock() }));
const seen: Seen[] = [];
const device = (extra: Record<string, unknown> = {}) => ({ id: DEVICE, type: 'SMS', status: 'ACTIVE', ...extra });

afterEach(() => {
  seen.length = 0;
});

/** Answers any request under the environment with `reply`, recording what was sent. */
function answer(reply: (s: Seen) => Response) {
  server.use(
    http.all(`${BASE}/*`, async ({ request }) => {
      const text = await request.text();
      const s = {
        method: request.method,
        url: request.url,
        contentType: request.headers.get('content-type'),
        body: text ? JSON.parse(text) : undefined,
      };
      seen.push(s);
      return reply(s);
    }),
  );
}

function makeClient(): { client: PingOneTokenClient; getToken: ReturnType<typeof vi.fn> } {
  const getToken = vi.fn(async () => ({ accessToken: fakeAccessToken({ scope: '' }) }));
  const client = createPingOneTokenClient({ apiBase: `${API}/`, environmentId: ENV, getToken });
  return { client, getToken };
}

describe('device operations', () => {
  it('lists, reads, creates, activates, renames, reorders and deletes with the documented requests', async () => {
    answer((s) => {
      if (s.method === 'DELETE') return new HttpResponse(null, { status: 204 });
      if (s.method === 'GET' && s.url.endsWith('/devices')) return HttpResponse.json({ _embedded: { devices: [device()] } });
      if (s.contentType?.includes('reorder')) return HttpResponse.json({ _embedded: { devices: [device()] } });
      return HttpResponse.json(device(s.body as Record<string, unknown>), { status: s.method === 'POST' ? 201 : 200 });
    });
    const { client } = makeClient();
    await expect(client.listDevices(USER)).resolves.toEqual([device()]);
    await client.getDevice(USER, DEVICE);
    const created = await client.createDevice(USER, { type: 'SMS', phone: '+1 (512) 520-1234', nickname: ' Work ', status: 'ACTIVATION_REQUIRED' });
    expect(created.id).toBe(DEVICE);
    await client.activateDevice(USER, DEVICE, ' 123456 ');
    await expect(client.renameDevice(USER, DEVICE, 'My phone')).resolves.toMatchObject({ nickname: 'My phone' });
    await client.reorderDevices(USER, [DEVICE]);
    await expect(client.deleteDevice(USER, DEVICE)).resolves.toBeUndefined();

    const devices = `${BASE}/users/${USER}/devices`;
    expect(seen.map((s) => [s.method, s.url, s.contentType, s.body])).toEqual([
      ['GET', devices, null, undefined],
      ['GET', `${devices}/${DEVICE}`, null, undefined],
      ['POST', devices, 'application/json', { type: 'SMS', phone: '+15125201234', nickname: 'Work', status: 'ACTIVATION_REQUIRED' }],
      ['POST', `${devices}/${DEVICE}`, 'application/vnd.pingidentity.device.activate+json', { otp: '123456' }],
      ['PUT', `${devices}/${DEVICE}/nickname`, 'application/json', { nickname: 'My phone' }],
      ['POST', devices, 'application/vnd.pingidentity.devices.reorder+json', { order: [{ id: DEVICE }] }],
      ['DELETE', `${devices}/${DEVICE}`, null, undefined],
    ]);
  });

  it('creates EMAIL and TOTP devices and keeps the TOTP secret and keyUri from the create response', async () => {
    answer((s) => {
      const body = s.body as { type: string };
      const totp = body.type === 'TOTP' ? { secret: 'JBSWY3DPEHPK3PXP', keyUri: 'otpauth://totp/Sandbox:ada?secret=JBSWY3DPEHPK3PXP' } : {};
      return HttpResponse.json(device({ ...body, ...totp }), { status: 201 });
    });
    const { client } = makeClient();
    await expect(client.createDevice(USER, { type: 'EMAIL', email: 'ada@example.com' })).resolves.toMatchObject({ email: 'ada@example.com' });
    const totp = await client.createDevice(USER, { type: 'TOTP' });
    expect(totp.keyUri).toMatch(/^otpauth:\/\/totp\//);
    expect(totp.secret).toBe('JBSWY3DPEHPK3PXP');
    expect(seen.map((s) => s.body)).toEqual([{ type: 'EMAIL', email: 'ada@example.com' }, { type: 'TOTP' }]);
  });

  it('accepts PingOne\'s dotted phone form as is', async () => {
    answer((s) => HttpResponse.json(device(s.body as Record<string, unknown>), { status: 201 }));
    const { client } = makeClient();
    await client.createDevice(USER, { type: 'SMS', phone: '+1.5125201234' });
    expect(seen[0]?.body).toEqual({ type: 'SMS', phone: '+1.5125201234' });
  });
});

describe('user operations', () => {
  it('lists users, reads one, reads and sets mfaEnabled, and manages pairing keys', async () => {
    answer((s) => {
      if (s.method === 'DELETE') return new HttpResponse(null, { status: 204 });
      if (s.url.endsWith('/users')) return HttpResponse.json({ _embedded: { users: [{ id: USER, username: 'ada' }] } });
      if (s.url.endsWith('/mfaEnabled')) return HttpResponse.json({ mfaEnabled: s.method === 'PUT' ? (s.body as { mfaEnabled: boolean }).mfaEnabled : true });
      if (s.url.includes('/pairingKeys')) return HttpResponse.json({ id: KEY, token: '123456789012' }, { status: s.method === 'POST' ? 201 : 200 });
      return HttpResponse.json({ id: USER, username: 'ada' });
    });
    const { client } = makeClient();
    await expect(client.listUsers()).resolves.toEqual([{ id: USER, username: 'ada' }]);
    await expect(client.getUser(USER)).resolves.toMatchObject({ username: 'ada' });
    await expect(client.getMfaEnabled(USER)).resolves.toBe(true);
    await expect(client.setMfaEnabled(USER, false)).resolves.toBe(false);
    await expect(client.createPairingKey(USER, [APP])).resolves.toMatchObject({ id: KEY });
    await client.createPairingKey(USER);
    await client.getPairingKey(USER, KEY);
    await client.deletePairingKey(USER, KEY);
    const user = `${BASE}/users/${USER}`;
    expect(seen.map((s) => [s.method, s.url, s.body])).toEqual([
      ['GET', `${BASE}/users`, undefined],
      ['GET', user, undefined],
      ['GET', `${user}/mfaEnabled`, undefined],
      ['PUT', `${user}/mfaEnabled`, { mfaEnabled: false }],
      ['POST', `${user}/pairingKeys`, { applications: [{ id: APP }] }],
      ['POST', `${user}/pairingKeys`, {}],
      ['GET', `${user}/pairingKeys/${KEY}`, undefined],
      ['DELETE', `${user}/pairingKeys/${KEY}`, undefined],
    ]);
  });

  it('rejects a 200 that is not the promised resource', async () => {
    answer(() => HttpResponse.json({ hello: 'world' }));
    const { client } = makeClient();
    await expect(client.getUser(USER)).rejects.toMatchObject({ code: 'INVALID_RESPONSE' });
    await expect(client.getMfaEnabled(USER)).rejects.toMatchObject({ code: 'INVALID_RESPONSE' });
  });
});

describe('input validation happens before any request', () => {
  const long = 'x'.repeat(101);
  it.each<[string, (c: PingOneTokenClient) => Promise<unknown>, string]>([
    ['phone without +', (c) => c.createDevice(USER, { type: 'SMS', phone: '5125201234' }), 'phone'],
    ['phone with letters', (c) => c.createDevice(USER, { type: 'SMS', phone: '+1512CALLME' }), 'phone'],
    ['missing phone', (c) => c.createDevice(USER, { type: 'SMS' }), 'phone'],
    ['bad email', (c) => c.createDevice(USER, { type: 'EMAIL', email: 'ada@' }), 'email'],
    ['unsupported type', (c) => c.createDevice(USER, { type: 'FIDO2' as 'SMS' }), 'type'],
    ['bad status', (c) => c.createDevice(USER, { type: 'TOTP', status: 'LOCKED' as 'ACTIVE' }), 'status'],
    ['OTP too short', (c) => c.activateDevice(USER, DEVICE, '12345'), 'otp'],
    ['OTP with letters', (c) => c.activateDevice(USER, DEVICE, '12a456'), 'otp'],
    ['OTP too long', (c) => c.activateDevice(USER, DEVICE, '123456789'), 'otp'],
    ['empty nickname', (c) => c.renameDevice(USER, DEVICE, '   '), 'nickname'],
    ['nickname over 100', (c) => c.renameDevice(USER, DEVICE, long), 'nickname'],
    ['path-traversal user id', (c) => c.listDevices('../../admin'), 'userId'],
    ['bad device id', (c) => c.deleteDevice(USER, 'dev-1'), 'deviceId'],
    ['bad pairing key id', (c) => c.getPairingKey(USER, 'k'), 'pairingKeyId'],
    ['bad application id', (c) => c.createPairingKey(USER, ['app']), 'applications'],
    ['empty reorder', (c) => c.reorderDevices(USER, []), 'order'],
    ['non-boolean mfaEnabled', (c) => c.setMfaEnabled(USER, 'yes' as unknown as boolean), 'mfaEnabled'],
  ])('%s → InputError(%s)', async (_name, call, field) => {
    answer(() => HttpResponse.json({}));
    const { client, getToken } = makeClient();
    const error = await call(client).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).field).toBe(field);
    expect(seen).toHaveLength(0);
    expect(getToken).not.toHaveBeenCalled();
  });

  it('refuses a bad environment ID or API base when the client is created', () => {
    const getToken = async () => ({ accessToken: 'x' });
    expect(() => createPingOneTokenClient({ apiBase: API, environmentId: 'env', getToken })).toThrow(
      expect.objectContaining({ field: 'environmentId' }),
    );
    expect(() => createPingOneTokenClient({ apiBase: 'http://api.example.com/v1', environmentId: ENV, getToken })).toThrow(
      expect.objectContaining({ field: 'apiBase' }),
    );
  });
});
