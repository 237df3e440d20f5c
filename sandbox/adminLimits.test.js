// Caps on the admin API's state: request body size, fault count and body size, registered clients and their keys.
import { generateKeyPairSync } from 'node:crypto';

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { MAX_JWKS_KEYS } from './clientRegistration.js';
import { MAX_RUNTIME_CLIENTS } from './clients.js';
import { MAX_FAULT_BODY_CHARS, MAX_FAULTS } from './faults.js';
import { admin, startTestSandbox } from './testing/sandbox.js';

let sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());
afterEach(async () => {
  await admin(sandbox, 'POST', '/reset');
});

const fault = (overrides = {}) => ({ target: 'api', count: 1, status: 500, ...overrides });

describe('faults', () => {
  it(`a raw body of ${MAX_FAULT_BODY_CHARS} characters is armed; one more is 413 naming the body`, async () => {
    expect((await admin(sandbox, 'POST', '/faults', fault({ body: 'x'.repeat(MAX_FAULT_BODY_CHARS) }))).status).toBe(201);
    const over = await admin(sandbox, 'POST', '/faults', fault({ body: 'x'.repeat(MAX_FAULT_BODY_CHARS + 1) }));
    expect(over.status).toBe(413);
    expect(await over.json()).toMatchObject({ error: 'invalid_request', field: 'body' });
  });

  it('a 100 KB request body is 413 before it is parsed, and nothing is armed', async () => {
    const res = await admin(sandbox, 'POST', '/faults', fault({ body: 'x'.repeat(100_000) }));
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: 'invalid_request', field: 'body' });
    expect(await (await admin(sandbox, 'GET', '/faults')).json()).toEqual([]);
  });

  it(`${MAX_FAULTS} faults are armed; the next is 409 limit_reached until they are cleared`, async () => {
    for (let i = 0; i < MAX_FAULTS; i += 1) expect((await admin(sandbox, 'POST', '/faults', fault())).status).toBe(201);
    const full = await admin(sandbox, 'POST', '/faults', fault());
    expect(full.status).toBe(409);
    expect(await full.json()).toMatchObject({ error: 'limit_reached', message: expect.stringMatching(/DELETE \/sandbox\/faults/) });
    expect(await (await admin(sandbox, 'GET', '/faults')).json()).toHaveLength(MAX_FAULTS);
    await admin(sandbox, 'DELETE', '/faults');
    expect((await admin(sandbox, 'POST', '/faults', fault())).status).toBe(201);
  });
});

describe('client registrations', () => {
  const register = (clientId) => admin(sandbox, 'POST', '/clients', {
    client_id: clientId, token_endpoint_auth_method: 'client_secret_basic', client_secret: 'a-long-enough-secret', scope: '',
  });

  it(`${MAX_RUNTIME_CLIENTS} runtime clients are registered; a new one is 409, a known one may still be replaced`, async () => {
    for (let i = 0; i < MAX_RUNTIME_CLIENTS; i += 1) expect((await register(`cap-${i}`)).status).toBe(201);
    const full = await register('one-too-many');
    expect(full.status).toBe(409);
    expect(await full.json()).toMatchObject({ error: 'limit_reached', message: expect.stringMatching(/reset/) });
    expect((await register('cap-0')).status).toBe(201);
    await admin(sandbox, 'POST', '/reset');
    expect((await register('one-too-many')).status).toBe(201);
  });

  it(`a JWK Set of more than ${MAX_JWKS_KEYS} keys is 413 naming jwks`, async () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = publicKey.export({ format: 'jwk' });
    const keys = Array.from({ length: MAX_JWKS_KEYS + 1 }, (_, i) => ({ ...jwk, kid: `k${i}`, alg: 'ES256', use: 'sig' }));
    const res = await admin(sandbox, 'POST', '/clients', { token_endpoint_auth_method: 'private_key_jwt', jwks: { keys }, scope: '' });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ field: 'jwks' });
  });
});
