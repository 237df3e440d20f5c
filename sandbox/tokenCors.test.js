// CORS on the token endpoint: oidc-provider's clientBasedCORS per client. sandbox-no-cors behaves like
// oidc-provider's default for confidential clients (preflight answered, POST refused without
// Access-Control-Allow-Origin), so the app's CORS diagnosis and the relay can be tested without an outside server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { basicAuthorization, requestToken, startTestSandbox } from './testing/sandbox.js';

const APP_ORIGIN = 'http://localhost:5173';
const CLIENTS = {
  'sandbox-basic': 'demo-secret-basic-DO-NOT-USE-IN-PRODUCTION',
  'sandbox-no-cors': 'demo-secret-no-cors-DO-NOT-USE-IN-PRODUCTION',
};
let sandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

const post = (clientId, origin = APP_ORIGIN) => requestToken(sandbox, {}, {
  authorization: basicAuthorization(clientId, CLIENTS[clientId]), origin,
});

describe('token endpoint CORS per client', () => {
  it('answers sandbox-basic from the app origin with Access-Control-Allow-Origin', async () => {
    const res = await post('sandbox-basic');
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
  });

  it('refuses sandbox-no-cors from a browser origin without Access-Control-Allow-Origin, as oidc-provider does', async () => {
    const res = await post('sandbox-no-cors');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    // What a browser never gets to read: oidc-provider's clientBasedCORS refusal.
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_request', error_description: expect.stringMatching(/origin/) });
  });

  it('issues sandbox-no-cors a token when no Origin is sent (a backend, or the local relay)', async () => {
    const res = await requestToken(sandbox, {}, { authorization: basicAuthorization('sandbox-no-cors', CLIENTS['sandbox-no-cors']) });
    expect(res.status).toBe(200);
    expect((await res.json()).access_token).toEqual(expect.any(String));
  });

  it('still passes the preflight (it names no client), as a default oidc-provider does', async () => {
    const res = await fetch(sandbox.tokenEndpoint, {
      method: 'OPTIONS',
      headers: { origin: APP_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
  });

  it('lists sandbox-no-cors in /sandbox/info with a purpose that says so', async () => {
    const info = await (await fetch(`${sandbox.baseUrl}/sandbox/info`)).json();
    const client = info.clients.find((c) => c.client_id === 'sandbox-no-cors');
    expect(client).toMatchObject({ token_endpoint_auth_method: 'client_secret_basic', cors: false });
    expect(client.purpose).toMatch(/Access-Control-Allow-Origin/);
  });
});
