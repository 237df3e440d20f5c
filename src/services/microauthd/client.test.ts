// Unit tests for the microauthd client with msw: requests, masked exchanges, validation, and 403 scope diagnosis.
import { setupMswServer } from '../../../tests/support/msw';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';

import { setupTestEffects } from '../../../tests/support/effects';
import { recordingLogger, type RecordedLine } from '../../../tests/support/recordingLogger';
import { VirtualClock } from '../../../tests/support/virtualClock';
import { provideEffects } from '../../utils/effects';
import { InputError, PlaygroundError } from '../../utils/errors';
import { createMicroauthdClient } from './client';
import { MicroauthdApiError, MicroauthdForbiddenError } from './errors';
import type { ApiExchange, MicroauthdClientOptions } from './types';

const BASE = 'http://localhost:4500/microauthd';
const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.e30.c2lnbmF0dXJlLXRoYXQtbXVzdC1uZXZlci1sZWFr';
const PASSWORD = 'Sup3r-secret-pw!';
const LIST_UUID = 'b6348575-83ec-4288-801b-e0d2da20569c';
const user = (id: string, username = 'alice') => ({
  id, username, email: `${username}@example.test`, created_at: '2025-01-01T00:00:00Z', lockout_until: null,
  is_active: true, email_verified: true, totp_enabled: false,
});
const DENIED = { success: false, message: 'Permission Denied' };

const server = setupMswServer();

const fx = setupTestEffects(() => {
  const log = recordingLogger();
  return { clock: new VirtualClock(), logger: log.logger, log };
});

function setup(overrides: Partial<MicroauthdClientOptions> & { fetch?: typeof fetch } = {}) {
  const exchanges: ApiExchange[] = [];
  const { fetch: stub, ...options } = overrides;
  if (stub) provideEffects({ fetch: stub });
  const client = createMicroauthdClient({
    baseUrl: BASE,
    getToken: async () => ({ accessToken: TOKEN, scope: 'admin::read_user admin::list_users' }),
    onExchange: (e) => exchanges.push(e),
    ...options,
  });
  const lines: RecordedLine[] = fx.log.lines;
  return { client, exchanges, lines, clock: fx.clock };
}

const everything = (x: unknown) => JSON.stringify(x);

describe('successful calls', () => {
  it('listUsers sends the bearer token and reports a masked exchange', async () => {
    let auth: string | null = null;
    server.use(http.get(`${BASE}/users`, ({ request }) => {
      auth = request.headers.get('authorization');
      return HttpResponse.json([user('u1'), user('u2', 'bob')]);
    }));
    const { client, exchanges, lines } = setup();
    const users = await client.listUsers();
    expect(users.map((u) => u.username)).toEqual(['alice', 'bob']);
    expect(auth).toBe(`Bearer ${TOKEN}`);
    expect(exchanges).toHaveLength(1);
    const ex = exchanges[0] as ApiExchange;
    expect(ex).toMatchObject({ method: 'GET', url: `${BASE}/users`, status: 200, durationMs: 0 });
    expect(ex.requestHeaders.Authorization).toMatch(/^Bearer /);
    expect(everything(ex)).not.toContain(TOKEN);
    expect(ex.responseBody).toContain('alice');
    expect(lines.every((l) => l.module === 'microauthd')).toBe(true);
    expect(lines.some((l) => l.level === 'info' && l.message.includes('GET /users → 200'))).toBe(true);
    expect(everything(lines)).not.toContain(TOKEN);
  });

  it('getUser encodes the id into the path', async () => {
    server.use(http.get(`${BASE}/user/:id`, ({ params }) => HttpResponse.json(user(String(params.id)))));
    const { client, exchanges } = setup();
    expect((await client.getUser(' abc-1 ')).id).toBe('abc-1');
    expect(exchanges[0]?.url).toBe(`${BASE}/user/abc-1`);
  });

  it('provisionUser sends the password to the server but never shows or logs it', async () => {
    let received: unknown;
    server.use(http.post(`${BASE}/user`, async ({ request }) => {
      received = await request.json();
      return HttpResponse.json(user('new-id', 'erin'));
    }));
    const { client, exchanges, lines } = setup();
    const created = await client.provisionUser({ username: ' erin ', email: 'erin@example.test', password: PASSWORD });
    expect(created.id).toBe('new-id');
    expect(received).toEqual({ username: 'erin', email: 'erin@example.test', password: PASSWORD });
    expect(exchanges[0]?.requestHeaders['Content-Type']).toBe('application/json');
    expect(exchanges[0]?.requestBody).toContain('erin@example.test');
    expect(exchanges[0]?.requestBody).toContain('"password":"••••••••"');
    expect(everything(exchanges)).not.toContain(PASSWORD);
    expect(everything(lines)).not.toContain(PASSWORD);
  });

  it('resetPassword posts {new_password} and returns {success,message}; the password stays masked', async () => {
    let received: unknown;
    server.use(http.post(`${BASE}/user/u1/reset`, async ({ request }) => {
      received = await request.json();
      return HttpResponse.json({ success: true, message: 'Password reset' });
    }));
    const { client, exchanges, lines } = setup();
    expect(await client.resetPassword('u1', PASSWORD)).toEqual({ success: true, message: 'Password reset' });
    expect(received).toEqual({ new_password: PASSWORD });
    expect(everything(exchanges)).not.toContain(PASSWORD);
    expect(everything(lines)).not.toContain(PASSWORD);
  });

  it('deactivateUser posts with no body', async () => {
    let body = 'unset';
    server.use(http.post(`${BASE}/user/u1/deactivate`, async ({ request }) => {
      body = await request.text();
      return HttpResponse.json({ success: true, message: 'deactivated' });
    }));
    const { client, exchanges } = setup();
    expect((await client.deactivateUser('u1')).success).toBe(true);
    expect(body).toBe('');
    expect(exchanges[0]?.requestBody).toBeUndefined();
  });

  it('joins a base URL with a trailing slash cleanly', async () => {
    server.use(http.get(`${BASE}/users`, () => HttpResponse.json([])));
    const { client } = setup({ baseUrl: `${BASE}/` });
    expect(await client.listUsers()).toEqual([]);
  });
});

describe('403 scope diagnosis', () => {
  it('names the needed scope and says the token lacks it', async () => {
    server.use(http.post(`${BASE}/user/u1/reset`, () => HttpResponse.json(DENIED, { status: 403 })));
    const { client, lines } = setup();
    const err = await client.resetPassword('u1', PASSWORD).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MicroauthdForbiddenError);
    expect(err).toBeInstanceOf(PlaygroundError);
    const e = err as MicroauthdForbiddenError;
    expect(e).toMatchObject({ code: 'API_ERROR', status: 403, tokenHasScope: false, serverMessage: 'Permission Denied' });
    expect(e.requiredScope).toEqual({ name: 'admin::reset_passwords', id: '2192998b-c3d3-4274-9a25-4a4195ba2ec7' });
    expect(e.message).toContain('admin::reset_passwords');
    expect(e.grantedScopes).toEqual(['admin::read_user', 'admin::list_users']);
    expect(lines.some((l) => l.level === 'error' && l.message.includes('admin::reset_passwords'))).toBe(true);
  });

  it('recognises the scope granted as a UUID and explains the upstream mismatch', async () => {
    server.use(http.get(`${BASE}/users`, () => HttpResponse.json(DENIED, { status: 403 })));
    const { client } = setup({ getToken: async () => ({ accessToken: TOKEN, scope: LIST_UUID }) });
    const e = (await client.listUsers().catch((x: unknown) => x)) as MicroauthdForbiddenError;
    expect(e.tokenHasScope).toBe(true);
    expect(e.grantedAs).toBe('id');
    expect(e.hint).toMatch(/UUID/);
  });

  it('reads the scope claim from the JWT when the caller did not pass scope', async () => {
    const payload = Buffer.from(JSON.stringify({ scope: 'admin::read_user' })).toString('base64url');
    const jwt = `eyJhbGciOiJSUzI1NiJ9.${payload}.c2ln`;
    server.use(http.get(`${BASE}/user/u9`, () => HttpResponse.json(DENIED, { status: 403 })));
    const { client } = setup({ getToken: async () => ({ accessToken: jwt }) });
    const e = (await client.getUser('u9').catch((x: unknown) => x)) as MicroauthdForbiddenError;
    expect(e.requiredScope?.name).toBe('admin::read_user');
    expect(e.tokenHasScope).toBe(true);
    expect(e.grantedAs).toBe('name');
  });

  it('leaves tokenHasScope undefined for an opaque token', async () => {
    server.use(http.get(`${BASE}/users`, () => HttpResponse.json(DENIED, { status: 403 })));
    const { client } = setup({ getToken: async () => ({ accessToken: 'opaque-token-value-123456' }) });
    const e = (await client.listUsers().catch((x: unknown) => x)) as MicroauthdForbiddenError;
    expect(e.requiredScope?.name).toBe('admin::list_users');
    expect(e.tokenHasScope).toBeUndefined();
    expect(JSON.parse(JSON.stringify(e))).toMatchObject({ code: 'API_ERROR', status: 403, requiredScope: { name: 'admin::list_users' } });
  });
});

describe('other failures', () => {
  it('401 → MicroauthdApiError saying the token was rejected', async () => {
    server.use(http.get(`${BASE}/users`, () => HttpResponse.json({ success: false, message: 'Unauthorized' }, { status: 401 })));
    const e = (await setup().client.listUsers().catch((x: unknown) => x)) as MicroauthdApiError;
    expect(e).toBeInstanceOf(MicroauthdApiError);
    expect(e).not.toBeInstanceOf(MicroauthdForbiddenError);
    expect(e.status).toBe(401);
    expect(e.message).toMatch(/access token/);
  });

  it('404 carries the server message', async () => {
    server.use(http.get(`${BASE}/user/nope`, () => HttpResponse.json({ success: false, message: 'User not found' }, { status: 404 })));
    const e = (await setup().client.getUser('nope').catch((x: unknown) => x)) as MicroauthdApiError;
    expect(e).toMatchObject({ status: 404, serverMessage: 'User not found', code: 'API_ERROR' });
  });

  it('a 400 naming a field sets error.field for the form', async () => {
    server.use(http.post(`${BASE}/user`, () => HttpResponse.json({ success: false, message: 'password must be at least 8 characters' }, { status: 400 })));
    const e = (await setup().client.provisionUser({ username: 'x', email: 'x@y.zz', password: 'short' }).catch((x: unknown) => x)) as MicroauthdApiError;
    expect(e.field).toBe('password');
  });

  it('a network failure reports status 0 with the error and throws NETWORK', async () => {
    server.use(http.get(`${BASE}/users`, () => HttpResponse.error()));
    const { client, exchanges } = setup();
    await expect(client.listUsers()).rejects.toMatchObject({ code: 'NETWORK' });
    expect(exchanges[0]).toMatchObject({ status: 0, responseBody: '' });
    expect(exchanges[0]?.error).toBeTruthy();
  });

  it('times out on the injected clock', async () => {
    const fetchStub = vi.fn(() => new Promise<Response>(() => undefined));
    const { client, clock } = setup({ fetch: fetchStub as unknown as typeof fetch, timeoutMs: 50 });
    await expect(clock.run(client.listUsers())).rejects.toMatchObject({ code: 'TIMEOUT' });
    expect(fetchStub).toHaveBeenCalled();
    expect(clock.scheduled).toEqual([50]);
  });

  it('a 200 that is not JSON, or not users, is INVALID_RESPONSE', async () => {
    server.use(http.get(`${BASE}/users`, () => new HttpResponse('<html>', { status: 200 })));
    await expect(setup().client.listUsers()).rejects.toMatchObject({ code: 'INVALID_RESPONSE' });
    server.use(http.get(`${BASE}/users`, () => HttpResponse.json({ users: [] })));
    await expect(setup().client.listUsers()).rejects.toMatchObject({ code: 'INVALID_RESPONSE' });
  });

  it('caps the exchange response body at 2000 characters', async () => {
    server.use(http.get(`${BASE}/user/big`, () => HttpResponse.json({ ...user('big'), filler: 'x'.repeat(5000) })));
    const { client, exchanges } = setup();
    await client.getUser('big');
    expect(exchanges[0]?.responseBody.length).toBeLessThanOrEqual(2000);
  });

  it('masks a secret member that straddles the 2000-character cut', async () => {
    // `"secret":"` ends at character 1991, so cutting before masking would keep 9 characters of the value.
    const body = `{"filler":"${'x'.repeat(1968)}","secret":"JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"}`;
    server.use(http.get(`${BASE}/user/leaky`, () => new HttpResponse(body, { status: 500 })));
    const { client, exchanges } = setup();
    await expect(client.getUser('leaky')).rejects.toMatchObject({ status: 500 });
    expect(exchanges[0]?.responseBody).not.toContain('JBSWY3');
    expect(exchanges[0]?.responseBody.length).toBeLessThanOrEqual(2000);
  });

  it('a throwing onExchange listener does not change the result', async () => {
    server.use(http.get(`${BASE}/users`, () => HttpResponse.json([])));
    const { client } = setup({ onExchange: () => { throw new TypeError('ui bug'); } });
    expect(await client.listUsers()).toEqual([]);
  });
});

describe('input validation before any request', () => {
  const fetchSpy = vi.fn();
  const c = () => setup({ fetch: fetchSpy as unknown as typeof fetch }).client;

  it.each([
    ['username', () => c().provisionUser({ username: '  ', email: 'a@b.cc', password: 'x' })],
    ['email', () => c().provisionUser({ username: 'a', email: '', password: 'x' })],
    ['email', () => c().provisionUser({ username: 'a', email: 'not-an-email', password: 'x' })],
    ['password', () => c().provisionUser({ username: 'a', email: 'a@b.cc', password: '' })],
    ['new_password', () => c().resetPassword('u1', '')],
    ['id', () => c().resetPassword(' ', 'pw')],
    ['id', () => c().getUser('a/../../users')],
    ['id', () => c().deactivateUser('')],
  ])('InputError naming %s', async (field, run) => {
    const err = await run().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).field).toBe(field);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('refuses a bad base URL, and plain http to a non-loopback host', () => {
    expect(() => createMicroauthdClient({ baseUrl: 'not a url', getToken: async () => ({ accessToken: 't' }) })).toThrow(InputError);
    try {
      createMicroauthdClient({ baseUrl: 'http://auth.example.com', getToken: async () => ({ accessToken: 't' }) });
      expect.unreachable();
    } catch (e) {
      expect((e as InputError).field).toBe('baseUrl');
    }
  });

  it('refuses to call without an access token', async () => {
    const { client } = setup({ fetch: fetchSpy as unknown as typeof fetch, getToken: async () => ({ accessToken: '' }) });
    await expect(client.listUsers()).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'accessToken' });
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});
