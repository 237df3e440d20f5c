// Step 4 through the relay and without it: the same client, the calls as /forward envelopes (with the mTLS
// reference a bound token needs), and a direct call that gets no answer diagnosed as CORS or unreachable.
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { setupTestEffects } from '../../../tests/support/effects';
import { setupMswServer } from '../../../tests/support/msw';
import { VirtualClock } from '../../../tests/support/virtualClock';
import { createPingOneTokenClient } from './pingoneTokenClient';

const API = 'https://localhost:4543/v1';
const ENV = '3f2b0c1e-6c0d-4e4b-9a57-1c2d3e4f5a6b';
const USER = '11111111-2222-4333-8444-555555555555';
const DEVICES_URL = `${API}/environments/${ENV}/users/${USER}/devices`;
const RELAY = 'http://localhost:4600';
const MTLS = { certRef: 'DEMO-ONLY-sandbox-tls.crt.pem', keyRef: 'DEMO-ONLY-sandbox-tls.key.pem', caRef: 'DEMO-ONLY-sandbox-ca.pem' };

const server = setupMswServer();
const fx = setupTestEffects(() => ({ clock: new VirtualClock() }));

const client = (relay?: { url: string; mtls?: typeof MTLS }) =>
  createPingOneTokenClient({ apiBase: API, environmentId: ENV, getToken: async () => ({ accessToken: 'bound-token' }), random: () => 0, relay });

describe('PingOne calls through the relay', () => {
  it('sends each call as a /forward envelope with the bearer token and the client certificate reference', async () => {
    const envelopes: unknown[] = [];
    server.use(
      http.post(`${RELAY}/forward`, async ({ request }) => {
        envelopes.push(await request.json());
        return HttpResponse.json({ status: 200, statusText: 'OK', headers: { 'content-type': 'application/json' }, body: '{"_embedded":{"devices":[]}}' });
      }),
    );
    await expect(client({ url: RELAY, mtls: MTLS }).listDevices(USER)).resolves.toEqual([]);
    expect(envelopes).toEqual([
      expect.objectContaining({ method: 'GET', url: DEVICES_URL, headers: expect.objectContaining({ authorization: 'Bearer bound-token' }), mtls: MTLS }),
    ]);
  });

  it('shows the API refusing a bound token as the API error it is', async () => {
    server.use(
      http.post(`${RELAY}/forward`, () =>
        HttpResponse.json({ status: 401, statusText: 'Unauthorized', headers: { 'content-type': 'application/json', 'www-authenticate': 'Bearer error="invalid_token"' }, body: '{"code":"ACCESS_FAILED","message":"bound token without its certificate"}' }),
      ),
    );
    await expect(client({ url: RELAY }).listDevices(USER)).rejects.toMatchObject({ status: 401 });
  });
});

describe('PingOne calls that get no answer', () => {
  it('are diagnosed as blocked by CORS after the retries when a no-cors probe reaches the server', async () => {
    let calls = 0;
    server.use(
      http.get(DEVICES_URL, ({ request }) => {
        calls += 1;
        return request.mode === 'no-cors' ? new HttpResponse(null, { status: 401 }) : HttpResponse.error();
      }),
    );
    const failed = fx.clock.run(client().listDevices(USER).catch((e: unknown) => e));
    expect(await failed).toMatchObject({ code: 'CORS_BLOCKED', origin: 'https://localhost:4543' });
    expect(calls).toBe(5); // 1 + 3 retries, then the probe
  });
});
