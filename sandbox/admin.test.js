// The admin API (/sandbox/*), the app shell (/, CORS), and the loopback-only guard.
import { generateKeyPairSync } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { isLoopbackAddress, isLoopbackHost } from './admin.js';
import { P1_SCOPES } from './constants.js';
import { createOutbox } from './outbox.js';
import { admin, basicAuthorization, requestToken, startTestSandbox } from './testing/sandbox.js';

let sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox({ corsOrigins: ['https://demo.example.test'] });
});
afterAll(() => sandbox.close());

const info = async () => (await admin(sandbox, 'GET', '/info')).json();

describe('GET /sandbox/info', () => {
  it('has the documented keys, URLs on the real port, and demo clients', async () => {
    const body = await info();
    for (const key of ['environmentId', 'issuer', 'tokenEndpoint', 'discoveryUrl', 'jwksUri', 'apiBase', 'microauthdBase', 'authz', 'clients', 'users']) {
      expect(body).toHaveProperty(key);
    }
    const base = sandbox.baseUrl;
    expect(base).toMatch(/^http:\/\/localhost:\d+$/);
    expect(body).toMatchObject({
      environmentId: sandbox.envId,
      issuer: `${base}/${sandbox.envId}/as`,
      tokenEndpoint: `${base}/${sandbox.envId}/as/token`,
      discoveryUrl: `${base}/${sandbox.envId}/as/.well-known/openid-configuration`,
      jwksUri: `${base}/${sandbox.envId}/as/jwks`,
      apiBase: `${base}/v1`,
      microauthdBase: `${base}/microauthd`,
      authz: 'scopes',
    });
    const pingone = body.clients.filter((c) => c.provider === 'pingone');
    expect(pingone.map((c) => c.client_id)).toEqual([
      'sandbox-basic', 'sandbox-post', 'sandbox-secret-jwt', 'sandbox-private-key-jwt', 'sandbox-strict-audience', 'sandbox-underscoped', 'sandbox-roles',
      'sandbox-no-cors', 'sandbox-opaque', 'sandbox-dpop',
    ]);
    for (const client of pingone) {
      for (const key of ['client_id', 'token_endpoint_auth_method', 'scope', 'purpose', 'roles']) expect(client).toHaveProperty(key);
      expect(client.purpose.length).toBeGreaterThan(10);
    }
    expect(pingone.find((c) => c.client_id === 'sandbox-underscoped').scope).toBe('p1:read:user');
    expect(pingone.find((c) => c.client_id === 'sandbox-roles').roles).toEqual(['Identity Data Admin']);
    expect(pingone.find((c) => c.client_id === 'sandbox-secret-jwt').client_secret.length).toBeGreaterThanOrEqual(32);
    expect(Array.isArray(body.users)).toBe(true);
  });

  it('says introspection, revocation and DPoP are on, where the endpoints are, and which clients show them', async () => {
    const body = await info();
    const as = `${sandbox.baseUrl}/${sandbox.envId}/as`;
    expect(body).toMatchObject({
      introspectionEndpoint: `${as}/introspect`,
      revocationEndpoint: `${as}/revoke`,
      features: { introspection: true, revocation: true, dpop: { nonce: 'required', apis: ['pingone', 'microauthd'] } },
    });
    const byId = Object.fromEntries(body.clients.map((c) => [c.client_id, c]));
    expect(byId['sandbox-opaque']).toMatchObject({ access_token_format: 'opaque', token_endpoint_auth_method: 'client_secret_basic' });
    expect(byId['sandbox-dpop']).toMatchObject({ dpop_bound_access_tokens: true });
    expect(byId['sandbox-dpop'].client_secret).toMatch(/DO-NOT-USE-IN-PRODUCTION/);
  });

  it('its discovery document and JWKS live where info says', async () => {
    const body = await info();
    const discovery = await (await fetch(body.discoveryUrl)).json();
    expect(discovery).toMatchObject({ issuer: body.issuer, token_endpoint: body.tokenEndpoint, jwks_uri: body.jwksUri });
    expect(discovery.token_endpoint_auth_methods_supported).toEqual(
      expect.arrayContaining(['client_secret_basic', 'client_secret_post', 'client_secret_jwt', 'private_key_jwt']),
    );
    expect(discovery.scopes_supported).toEqual(expect.arrayContaining([...P1_SCOPES]));
    const jwks = await (await fetch(body.jwksUri)).json();
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(jwks.keys[0]).not.toHaveProperty('d');
  });

  it('GET / points to /sandbox/info', async () => {
    const body = await (await fetch(`${sandbox.baseUrl}/`)).json();
    expect(body.info).toBe(`${sandbox.baseUrl}/sandbox/info`);
  });
});

describe('POST /sandbox/clients validation names the field', () => {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  it.each([
    [{ scope: 'p1:read:user' }, 'token_endpoint_auth_method'],
    [{ token_endpoint_auth_method: 'none', scope: '' }, 'token_endpoint_auth_method'],
    [{ token_endpoint_auth_method: 'client_secret_basic', scope: 'p1:read:user admin:everything' }, 'scope'],
    [{ token_endpoint_auth_method: 'client_secret_basic' }, 'scope'],
    [{ token_endpoint_auth_method: 'client_secret_basic', scope: 42 }, 'scope'],
    [{ token_endpoint_auth_method: 'private_key_jwt', scope: '' }, 'jwks'],
    [{ token_endpoint_auth_method: 'private_key_jwt', scope: '', jwks: { keys: [privateKey.export({ format: 'jwk' })] } }, 'jwks'],
    [{ token_endpoint_auth_method: 'private_key_jwt', scope: '', jwks: { keys: [{ kty: 'RSA', n: 'x' }] } }, 'jwks'],
    [{ token_endpoint_auth_method: 'private_key_jwt', scope: '', jwks: { keys: [publicKey.export({ format: 'jwk' })] }, client_secret: 'abcdefghij' }, 'client_secret'],
    [{ token_endpoint_auth_method: 'client_secret_jwt', scope: '', client_secret: 'too-short-for-hs256' }, 'client_secret'],
    [{ token_endpoint_auth_method: 'client_secret_basic', scope: '', client_id: 'sandbox-basic' }, 'client_id'],
    [{ token_endpoint_auth_method: 'client_secret_basic', scope: '', client_id: 'has space' }, 'client_id'],
    [{ token_endpoint_auth_method: 'client_secret_basic', scope: '', roles: 'Identity Data Admin' }, 'roles'],
    ['[1,2]', 'body'],
    ['{"scope": ', 'body'],
  ])('%j → 400 naming %s', async (body, field) => {
    const res = await admin(sandbox, 'POST', '/clients', body);
    expect(res.status).toBe(400);
    const json = await res.json();
    expect(json).toMatchObject({ error: 'invalid_request', field });
    expect(json.message.length).toBeGreaterThan(5);
  });

  it('a body without Content-Type: application/json is refused, naming body', async () => {
    const res = await fetch(`${sandbox.baseUrl}/sandbox/clients`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(400);
    expect((await res.json()).field).toBe('body');
  });

  it.each([
    ['/authz', { mode: 'admin' }, 'mode'],
    ['/faults', { target: 'token', count: -2, status: 503 }, 'count'],
  ])('POST %s %j → 400 naming %s', async (path, body, field) => {
    const res = await admin(sandbox, 'POST', path, body);
    expect(res.status).toBe(400);
    expect((await res.json()).field).toBe(field);
  });
});

describe('POST /sandbox/clients checks every JWK as a usable public signing key', () => {
  const jwkOf = (pair, extra = {}) => ({ ...pair.publicKey.export({ format: 'jwk' }), ...extra });
  const rsa1024 = generateKeyPairSync('rsa', { modulusLength: 1024 });
  const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' });
  const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const rsa2048 = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const registerKeys = (keys) => admin(sandbox, 'POST', '/clients', { token_endpoint_auth_method: 'private_key_jwt', scope: '', jwks: { keys } });

  it.each([
    ['a garbage RSA modulus', [{ kty: 'RSA', n: 'Z2FyYmFnZQ', e: 'AQAB' }], /keys\[0\].*(RSA|2048)/],
    ['an RSA key that is not a key at all', [{ kty: 'RSA', n: '!!!', e: '' }], /keys\[0\]/],
    ['a 1024-bit RSA key', [jwkOf(rsa1024)], /keys\[0\].*2048/],
    ['an EC P-384 key (only ES256 / P-256 is accepted)', [jwkOf(p384)], /keys\[0\].*P-256/],
    ['an EC point that is not on the curve', [{ ...jwkOf(p256), y: jwkOf(p256).x }], /keys\[0\]/],
    ['alg ES256 on an RSA key', [jwkOf(rsa2048, { alg: 'ES256' })], /keys\[0\].*ES256/],
    ['an encryption key (use: enc)', [jwkOf(p256, { use: 'enc' })], /keys\[0\].*use/],
    ['a private member (dp) in the second key', [jwkOf(p256), { ...jwkOf(rsa2048), dp: 'AQAB' }], /keys\[1\].*private/],
  ])('%s → 400 naming jwks and the key', async (_what, keys, message) => {
    const res = await registerKeys(keys);
    const json = await res.json();
    expect(res.status, JSON.stringify(json)).toBe(400);
    expect(json).toMatchObject({ error: 'invalid_request', field: 'jwks' });
    expect(json.message).toMatch(message);
  });

  it('RSA 2048 (RS256, PS256) and EC P-256 (ES256) public keys are accepted', async () => {
    const res = await registerKeys([jwkOf(rsa2048, { alg: 'RS256', use: 'sig', kid: 'r' }), jwkOf(rsa2048, { alg: 'PS256', kid: 'p' }), jwkOf(p256, { alg: 'ES256', kid: 'e' })]);
    expect(res.status, await res.clone().text()).toBe(201);
  });
});

describe('registration and reset', () => {
  it('a client may register its own token lifetime (token_ttl), and a bad one is a 400 naming the field', async () => {
    const res = await admin(sandbox, 'POST', '/clients', { token_endpoint_auth_method: 'client_secret_basic', scope: 'p1:read:user', token_ttl: 20 });
    expect(res.status).toBe(201);
    const client = await res.json();
    expect(client.token_ttl).toBe(20);
    const auth = { authorization: basicAuthorization(client.client_id, client.client_secret) };
    const token = await (await requestToken(sandbox, {}, auth)).json();
    expect(token.expires_in).toBe(20);
    const payload = JSON.parse(Buffer.from(token.access_token.split('.')[1], 'base64url').toString());
    expect(payload.exp - payload.iat).toBe(20);

    const bad = await admin(sandbox, 'POST', '/clients', { token_endpoint_auth_method: 'client_secret_basic', scope: '', token_ttl: 1.5 });
    expect(bad.status).toBe(400);
    expect((await bad.json()).field).toBe('token_ttl');
  });

  it('generates an ID and secret, lists the client in info, and reset removes it', async () => {
    const res = await admin(sandbox, 'POST', '/clients', { token_endpoint_auth_method: 'client_secret_basic', scope: ['p1:read:user'], roles: ['Identity Data Admin'] });
    expect(res.status).toBe(201);
    const client = await res.json();
    expect(client).toMatchObject({ token_endpoint_auth_method: 'client_secret_basic', scope: 'p1:read:user', roles: ['Identity Data Admin'], provider: 'pingone' });
    expect(client.client_secret.length).toBeGreaterThanOrEqual(32);
    expect((await info()).clients.map((c) => c.client_id)).toContain(client.client_id);
    const auth = { authorization: basicAuthorization(client.client_id, client.client_secret) };
    expect((await requestToken(sandbox, {}, auth)).status).toBe(200);

    expect((await admin(sandbox, 'POST', '/faults', { target: 'api', status: 500 })).status).toBe(201);
    expect((await admin(sandbox, 'POST', '/reset')).status).toBe(204);
    expect((await info()).clients.map((c) => c.client_id)).not.toContain(client.client_id);
    expect(await (await admin(sandbox, 'GET', '/faults')).json()).toEqual([]);
    expect(await (await admin(sandbox, 'GET', '/outbox')).json()).toEqual([]);
    const refused = await requestToken(sandbox, {}, auth);
    expect(refused.status).toBe(401);
    expect((await refused.json()).error).toBe('invalid_client');
  });
});

describe('CORS', () => {
  const basic = { authorization: basicAuthorization('sandbox-basic', 'demo-secret-basic-DO-NOT-USE-IN-PRODUCTION') };

  it.each(['http://localhost:5173', 'http://127.0.0.1:4173', 'https://demo.example.test'])('token POST from %s carries the CORS header', async (origin) => {
    const res = await requestToken(sandbox, {}, { ...basic, origin });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(origin);
  });

  it('token POST from an unknown origin gets no CORS header', async () => {
    const res = await requestToken(sandbox, {}, { ...basic, origin: 'http://evil.example.com' });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('admin GET from the app origin is CORS-enabled; a foreign origin is refused', async () => {
    const ok = await fetch(`${sandbox.baseUrl}/sandbox/info`, { headers: { origin: 'http://localhost:5173' } });
    expect(ok.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    const foreign = await fetch(`${sandbox.baseUrl}/sandbox/reset`, { method: 'POST', headers: { origin: 'http://evil.example.com' } });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('isLoopbackAddress', () => {
  it.each([
    ['127.0.0.1', true], ['127.255.10.2', true], ['::1', true], ['::ffff:127.0.0.1', true], ['::FFFF:127.1.2.3', true],
    ['10.0.0.1', false], ['192.168.1.10', false], ['::ffff:10.0.0.1', false], ['128.0.0.1', false], ['127.0.0.256', false],
    ['fe80::1', false], ['127.0.0.1.evil', false], ['', false], [undefined, false],
  ])('%s → %s', (address, expected) => {
    expect(isLoopbackAddress(address)).toBe(expected);
  });
});

describe('isLoopbackHost (DNS rebinding guard)', () => {
  it.each([
    ['localhost:4500', true], ['LOCALHOST', true], ['127.0.0.1:4500', true], ['[::1]:4500', true],
    ['evil.example.com', false], ['localhost.evil.example.com:4500', false], ['10.0.0.2:4500', false], [undefined, false],
  ])('%s → %s', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });
});

describe('createOutbox', () => {
  it('keeps pushed messages with an id and time, and clears them', () => {
    const outbox = createOutbox();
    const stored = outbox.push({ to: '+15125550150', channel: 'SMS', otp: '123456', userId: 'u1', deviceId: 'd1' });
    expect(stored.id).toEqual(expect.any(String));
    expect(Number.isNaN(Date.parse(stored.at))).toBe(false);
    expect(outbox.list()).toEqual([stored]);
    outbox.clear();
    expect(outbox.list()).toEqual([]);
  });
});
