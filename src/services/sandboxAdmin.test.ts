// sandboxAdmin: /sandbox/info is validated, failures are typed and name the start command, fetch is provided through effects.
import { describe, expect, it } from 'vitest';
import { setupTestEffects } from '../../tests/support/effects';
import { provideEffects } from '../utils/effects';
import { clearFaults, getSandboxInfo, injectFault, registerSandboxClient } from './sandboxAdmin';

setupTestEffects(() => ({}));

const INFO = {
  environmentId: 'env-1',
  issuer: 'http://localhost:4600/env-1/as',
  tokenEndpoint: 'http://localhost:4600/env-1/as/token',
  discoveryUrl: 'http://localhost:4600/env-1/as/.well-known/openid-configuration',
  jwksUri: 'http://localhost:4600/env-1/as/jwks',
  apiBase: 'http://localhost:4600/v1',
  microauthdBase: 'http://localhost:4600/microauthd',
  authz: 'scopes',
  tokenTtl: 3600,
  clients: [{ client_id: 'sandbox-basic', client_secret: 'x', token_endpoint_auth_method: 'client_secret_basic', scope: 'p1:read:user', purpose: 'demo', roles: [], provider: 'pingone' }],
  users: [{ id: 'u1', username: 'alice', email: 'alice@example.com' }],
};

function fakeFetch(respond: (url: string, init: RequestInit) => Response | Promise<Response>) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fn = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    calls.push({ url: String(input), init });
    return respond(String(input), init);
  }) as typeof fetch;
  provideEffects({ fetch: fn });
  return { fn, calls };
}

describe('getSandboxInfo', () => {
  it('leaves out a demo client it cannot parse instead of refusing the whole info, and reads the mTLS listener', async () => {
    const mtls = { baseUrl: 'https://localhost:4543', tokenEndpoint: 'https://localhost:4543/env-1/as/token', apiBase: 'https://localhost:4543/v1', caRef: 'ca.pem' };
    fakeFetch(() => Response.json({ ...INFO, mtls, clients: [...INFO.clients, { client_id: 'future', token_endpoint_auth_method: 'some_future_method' }] }));
    const info = await getSandboxInfo({ baseUrl: 'http://localhost:4600/' });
    expect(info.clients.map((c) => c.client_id)).toEqual(['sandbox-basic']);
    expect(info.mtls).toEqual(mtls);
  });

  it('reads and validates /sandbox/info from the given base URL', async () => {
    const { calls } = fakeFetch(() => Response.json(INFO));
    const info = await getSandboxInfo({ baseUrl: 'http://localhost:4600/' });
    expect(calls[0]?.url).toBe('http://localhost:4600/sandbox/info');
    expect(info.environmentId).toBe('env-1');
    expect(info.clients[0]).toMatchObject({ client_id: 'sandbox-basic', provider: 'pingone' });
  });

  it('turns a refused connection into a NETWORK error that says how to start the sandbox', async () => {
    fakeFetch(() => Promise.reject(new TypeError('fetch failed')));
    await expect(getSandboxInfo()).rejects.toMatchObject({ code: 'NETWORK', message: expect.stringContaining('npm run sandbox') });
  });

  it('rejects something else answering on that port (HTML, or JSON of another shape)', async () => {
    fakeFetch(() => new Response('<!doctype html><p>vite</p>', { headers: { 'content-type': 'text/html' } }));
    await expect(getSandboxInfo()).rejects.toMatchObject({ code: 'INVALID_RESPONSE' });
    fakeFetch(() => Response.json({ hello: 'world' }));
    await expect(getSandboxInfo()).rejects.toMatchObject({ code: 'INVALID_RESPONSE' });
  });
});

describe('registerSandboxClient', () => {
  it('POSTs the registration as JSON and returns the client', async () => {
    const { calls } = fakeFetch(() => Response.json({ client_id: 'new-1', token_endpoint_auth_method: 'private_key_jwt', scope: 'p1:read:user' }, { status: 201 }));
    const jwks = { keys: [{ kty: 'EC', crv: 'P-256', x: 'x', y: 'y', kid: 'k' }] };
    const client = await registerSandboxClient({ token_endpoint_auth_method: 'private_key_jwt', jwks, scope: 'p1:read:user' });
    expect(client.client_id).toBe('new-1');
    expect(calls[0]?.init.method).toBe('POST');
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({ token_endpoint_auth_method: 'private_key_jwt', jwks, scope: 'p1:read:user' });
  });

  it('maps a 400 naming a field to an InputError on that field', async () => {
    fakeFetch(() => Response.json({ error: 'invalid_request', field: 'scope', message: 'unknown scope admin' }, { status: 400 }));
    await expect(registerSandboxClient({ token_endpoint_auth_method: 'client_secret_basic', scope: 'admin' })).rejects.toMatchObject({
      code: 'INVALID_INPUT', field: 'scope', message: 'unknown scope admin',
    });
  });
});

describe('faults', () => {
  it('injects and clears faults', async () => {
    const { calls } = fakeFetch((_url, init) => (init.method === 'DELETE' ? new Response(null, { status: 204 }) : Response.json({ ok: true }, { status: 201 })));
    await injectFault({ target: 'token', count: 2, status: 503, retryAfter: 1 });
    await clearFaults();
    expect(calls.map((c) => `${c.init.method} ${c.url}`)).toEqual(['POST http://localhost:4500/sandbox/faults', 'DELETE http://localhost:4500/sandbox/faults']);
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({ target: 'token', count: 2, status: 503, retryAfter: 1 });
  });

  it('reports a refused fault with the status', async () => {
    fakeFetch(() => Response.json({ message: 'count must be ≥ 1' }, { status: 422 }));
    await expect(injectFault({ target: 'token', count: 0 })).rejects.toMatchObject({ code: 'HTTP_STATUS', status: 422 });
  });
});
