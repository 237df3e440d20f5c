// PingOneTokenClient transport: bearer token, 401 refresh, retries (429/5xx/network only), 403 diagnostics, masking.
import { setupMswServer } from '../../../tests/support/msw';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { PINGONE_403_HINT, PINGONE_ROLES_TRUTH, PINGONE_WORKER_SCOPES, requiredScopesFor } from '../../config/pingone';
import { PlaygroundError } from '../../utils/errors';
import { PingOneApiError } from './apiError';
import { createPingOneTokenClient, type PingOneTokenClient, type PingOneTokenClientOptions } from './pingoneTokenClient';
import { fakeAccessToken } from '../../../tests/support/pingoneTestSupport';
import { recordingLogger } from '../../../tests/support/recordingLogger';
import { VirtualClock } from '../../../tests/support/virtualClock';
import type { ApiExchange } from './types';
import { setupTestEffects } from '../../../tests/support/effects';

const API = 'https://api.pingone.com/v1';
const ENV = '3f2b0c1e-6c0d-4e4b-9a57-1c2d3e4f5a6b';
const USER = '11111111-2222-4333-8444-555555555555';
const DEVICE = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const DEVICES_URL = `${API}/environments/${ENV}/users/${USER}/devices`;
const device = { id: DEVICE, type: 'SMS', status: 'ACTIVE', phone: '+14135550150' };

const server = setupMswServer();
const fx = setupTestEffects(() => {
  const log = recordingLogger();
  return { clock: new VirtualClock(), logger: log.logger, log };
});

/** The client with every call driven on the virtual clock, so backoffs and timeouts cost no real time. */
function onVirtualTime(client: PingOneTokenClient, clock: VirtualClock): PingOneTokenClient {
  return new Proxy(client, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      return typeof value === 'function' ? (...args: unknown[]) => clock.run(Promise.resolve(value.apply(target, args))) : value;
    },
  });
}

function setup(overrides: Partial<PingOneTokenClientOptions> = {}) {
  const { clock, log } = fx;
  const logger = { lines: log.lines, text: () => JSON.stringify(log.lines) };
  const exchanges: ApiExchange[] = [];
  let issued = 0;
  const getToken = vi.fn(async () => {
    issued += 1;
    return { accessToken: fakeAccessToken({ scope: PINGONE_WORKER_SCOPES.join(' '), n: issued }) };
  });
  const client = createPingOneTokenClient({
    apiBase: API,
    environmentId: ENV,
    getToken,
    random: () => 0.5,
    onExchange: (x) => exchanges.push(x),
    ...overrides,
  });
  return { client: onVirtualTime(client, clock), clock, logger, exchanges, getToken };
}

/** Answers a sequence of responses, one per request, and records the requests. */
function sequence(method: 'get' | 'post', url: string, responses: Array<() => Response>) {
  const seen: Request[] = [];
  server.use(
    http[method](url, ({ request }) => {
      seen.push(request.clone());
      const next = responses[Math.min(seen.length - 1, responses.length - 1)] as () => Response;
      return next();
    }),
  );
  return seen;
}

const pingOneError = (status: number, code: string, extra: Record<string, unknown> = {}, headers?: HeadersInit) =>
  HttpResponse.json({ id: 'e2b1c3d4-0000-4000-8000-000000000000', code, message: `${code} happened`, ...extra }, { status, headers });
const list = () => HttpResponse.json({ _links: {}, _embedded: { devices: [device] } });

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

describe('PingOneTokenClient requests', () => {
  it('sends the worker token as a bearer token and reports a masked exchange', async () => {
    const seen = sequence('get', DEVICES_URL, [list]);
    const { client, exchanges, getToken } = setup();
    await expect(client.listDevices(USER)).resolves.toEqual([device]);
    expect(getToken).toHaveBeenCalledTimes(1);
    expect(seen[0]?.headers.get('authorization')).toMatch(/^Bearer eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(exchanges).toHaveLength(1);
    expect(exchanges[0]).toMatchObject({ method: 'GET', url: DEVICES_URL, status: 200, attempt: 1 });
    expect(exchanges[0]?.requestHeaders.Authorization).toMatch(/^Bearer eyJ.*…/);
    expect(exchanges[0]?.requestHeaders.Authorization).not.toContain('c2lnbmF0dXJl');
  });

  it('on 401 refreshes the token once and retries once', async () => {
    const seen = sequence('get', DEVICES_URL, [
      () => pingOneError(401, 'ACCESS_FAILED', { details: [{ code: 'INVALID_TOKEN' }] }),
      list,
    ]);
    const { client, getToken } = setup();
    await expect(client.listDevices(USER)).resolves.toHaveLength(1);
    expect(getToken.mock.calls).toEqual([[undefined], [{ forceRefresh: true }]]);
    expect(seen).toHaveLength(2);
    expect(seen[0]?.headers.get('authorization')).not.toBe(seen[1]?.headers.get('authorization'));
  });

  it('gives up after one refresh when the new token is rejected too', async () => {
    const seen = sequence('get', DEVICES_URL, [() => pingOneError(401, 'ACCESS_FAILED')]);
    const { client, getToken } = setup();
    const error = await rejection(client.listDevices(USER));
    expect(error).toBeInstanceOf(PingOneApiError);
    expect(error).toMatchObject({ code: 'API_ERROR', status: 401, pingoneCode: 'ACCESS_FAILED' });
    expect(getToken).toHaveBeenCalledTimes(2);
    expect(seen).toHaveLength(2);
  });

  it('retries a 429 after the Retry-After delay', async () => {
    const seen = sequence('get', DEVICES_URL, [
      () => pingOneError(429, 'REQUEST_LIMITED', {}, { 'Retry-After': '2' }),
      list,
    ]);
    const { client, clock } = setup();
    await expect(client.listDevices(USER)).resolves.toHaveLength(1);
    expect(seen).toHaveLength(2);
    expect(clock.scheduled.filter((ms) => ms < 15_000)).toEqual([2000]);
  });

  it('retries 5xx at most three times with jittered backoff, then throws the last error', async () => {
    const seen = sequence('get', DEVICES_URL, [() => pingOneError(503, 'UNEXPECTED_ERROR')]);
    const onAttempt = vi.fn();
    const { client, clock } = setup({ onAttempt });
    const error = await rejection(client.listDevices(USER));
    expect(error).toMatchObject({ status: 503 });
    expect(seen).toHaveLength(4);
    // random() = 0.5 → half of 250, 500, 1000 ms.
    expect(clock.scheduled.filter((ms) => ms < 15_000)).toEqual([125, 250, 500]);
    expect(onAttempt.mock.calls.map(([info]) => info.outcome)).toEqual(['retry', 'retry', 'retry', 'failed']);
  });

  it('retries network errors and recovers', async () => {
    const seen = sequence('get', DEVICES_URL, [() => HttpResponse.error(), list]);
    const { client, exchanges } = setup();
    await expect(client.listDevices(USER)).resolves.toHaveLength(1);
    expect(seen).toHaveLength(2);
    expect(exchanges.map((x) => x.status)).toEqual([0, 200]);
    expect(exchanges[0]?.error).toMatch(/Could not reach/);
  });

  it.each([400, 404, 409, 415])('never retries a %i', async (status) => {
    const seen = sequence('get', DEVICES_URL, [() => pingOneError(status, 'NOT_FOUND')]);
    const { client } = setup();
    const error = await rejection(client.listDevices(USER));
    expect(error).toMatchObject({ status });
    expect(seen).toHaveLength(1);
  });

  it('times out on the injected clock', async () => {
    server.use(http.get(DEVICES_URL, () => new Promise<Response>(() => undefined)));
    const { client, clock } = setup({ timeoutMs: 50, maxRetries: 0 });
    const error = await rejection(client.listDevices(USER));
    expect(error).toBeInstanceOf(PlaygroundError);
    expect(error).toMatchObject({ code: 'TIMEOUT' });
    expect(clock.scheduled).toEqual([50]);
  });

  it('turns PingOne validation errors into details the UI can put next to the field', async () => {
    sequence('post', DEVICES_URL, [
      () => pingOneError(400, 'INVALID_DATA', {
        details: [{ code: 'INVALID_VALUE', target: 'phone', message: 'Phone is not a valid number' }],
      }),
    ]);
    const { client } = setup();
    const error = (await rejection(client.createDevice(USER, { type: 'SMS', phone: '+15125550100' }))) as PingOneApiError;
    expect(error.pingoneCode).toBe('INVALID_DATA');
    expect(error.messageFor('phone')).toBe('Phone is not a valid number');
    expect(error.requestId).toBe('e2b1c3d4-0000-4000-8000-000000000000');
  });
});

describe('403 diagnostics', () => {
  const forbidden = () =>
    pingOneError(403, 'ACCESS_FAILED', {
      message: 'The request could not be completed. You do not have access to this resource.',
      details: [{ code: 'INSUFFICIENT_PERMISSIONS', message: 'No access' }],
    });
  const needed = requiredScopesFor('GET', DEVICES_URL);

  it('throws PingOneApiError with endpoint, method, status, snippet, hint, roles truth and missing scopes', async () => {
    const seen = sequence('get', DEVICES_URL, [forbidden]);
    const narrow = PINGONE_WORKER_SCOPES.filter((s) => !needed.includes(s)).join(' ');
    const { client, logger } = setup({ getToken: async () => ({ accessToken: fakeAccessToken({ scope: narrow }) }) });
    const error = (await rejection(client.listDevices(USER))) as PingOneApiError;
    expect(seen).toHaveLength(1);
    expect(error).toBeInstanceOf(PingOneApiError);
    expect(error.status).toBe(403);
    expect(error.diagnostic).toMatchObject({
      endpoint: DEVICES_URL,
      method: 'GET',
      status: 403,
      pingoneCode: 'ACCESS_FAILED',
      hint: PINGONE_403_HINT,
      rolesTruth: PINGONE_ROLES_TRUTH,
      requiredScopes: needed,
      missingScopes: needed,
      tokenHadRequiredScope: false,
    });
    expect(error.diagnostic?.bodySnippet).toContain('INSUFFICIENT_PERMISSIONS');
    expect(error.diagnostic?.details?.[0]?.code).toBe('INSUFFICIENT_PERMISSIONS');
    const line = logger.lines.find((l) => l.level === 'error');
    expect(line?.module).toBe('pingone');
    expect(line?.message).toContain(PINGONE_403_HINT);
  });

  it('says nothing is missing when the token had the scope (then roles are the problem)', async () => {
    sequence('get', DEVICES_URL, [forbidden]);
    const { client } = setup();
    const error = (await rejection(client.listDevices(USER))) as PingOneApiError;
    expect(error.diagnostic).toMatchObject({ tokenHadRequiredScope: true, missingScopes: [] });
  });
});

describe('masking in logs and exchanges', () => {
  it('never logs phone numbers, emails, OTPs or the token', async () => {
    const phone = '+15125550143';
    const email = 'ada.lovelace@example.com';
    const otp = '482913';
    const token = fakeAccessToken({ scope: PINGONE_WORKER_SCOPES.join(' ') });
    server.use(
      http.post(DEVICES_URL, async ({ request }) => {
        const body = (await request.json()) as Record<string, string>;
        return HttpResponse.json({ id: DEVICE, status: 'ACTIVATION_REQUIRED', ...body }, { status: 201 });
      }),
      http.post(`${DEVICES_URL}/${DEVICE}`, () =>
        pingOneError(400, 'INVALID_DATA', { details: [{ code: 'INVALID_OTP', target: 'otp', message: `OTP ${otp} for ${phone} is wrong` }] }),
      ),
    );
    const { client, logger, exchanges } = setup({ getToken: async () => ({ accessToken: token }) });
    await client.createDevice(USER, { type: 'SMS', phone });
    await client.createDevice(USER, { type: 'EMAIL', email });
    await rejection(client.activateDevice(USER, DEVICE, otp));

    const logged = logger.text();
    expect(logger.lines.length).toBeGreaterThanOrEqual(5);
    for (const secret of ['5125550143', 'ada.lovelace', otp, token.split('.')[1] as string]) {
      expect(logged).not.toContain(secret);
    }
    expect(logged).toContain('+1•••••0143');
    // The exchange view shows the user's own input but never the OTP.
    const activate = exchanges.find((x) => x.url.endsWith(DEVICE));
    expect(activate?.requestHeaders['Content-Type']).toBe('application/vnd.pingidentity.device.activate+json');
    expect(activate?.requestBody).not.toContain(otp);
    expect(JSON.stringify(exchanges)).not.toContain(otp);
    expect(exchanges[0]?.requestBody).toContain(phone);
  });
});
