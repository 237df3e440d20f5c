// The sandbox token endpoint end to end: every client authentication method, rejections, scopes and roles mode.
import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { createServer } from 'node:net';
import { readFileSync } from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { P1_SCOPES, PINGONE_API_RESOURCE } from './constants.js';
import {
  admin, assertionClaims, assertionForm, basicAuthorization, decodeJwtPart, requestToken, signJwt, startTestSandbox,
} from './testing/sandbox.js';

const ALL = P1_SCOPES.join(' ');
let sandbox;
const logged = [];

beforeAll(async () => {
  const logger = { info() {}, warn: (m) => logged.push(m), error: (m) => logged.push(m) };
  sandbox = await startTestSandbox({ logger });
});
afterAll(() => sandbox.close());

async function register(body) {
  const res = await admin(sandbox, 'POST', '/clients', body);
  expect(res.status).toBe(201);
  return res.json();
}

async function expectToken(res) {
  const json = await res.json();
  expect(res.status, JSON.stringify(json)).toBe(200);
  expect(json.token_type).toBe('Bearer');
  return { json, claims: decodeJwtPart(json.access_token, 1), header: decodeJwtPart(json.access_token, 0) };
}

async function expectInvalidClient(res) {
  expect([400, 401]).toContain(res.status);
  expect((await res.json()).error).toBe('invalid_client');
}

function keyFor(alg) {
  if (alg === 'ES256') return generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return generateKeyPairSync('rsa', { modulusLength: 2048 });
}

async function registerKeyClient(alg) {
  const { privateKey, publicKey } = keyFor(alg);
  const kid = `test-${alg}`;
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid, alg, use: 'sig' };
  const client = await register({ token_endpoint_auth_method: 'private_key_jwt', jwks: { keys: [jwk] }, scope: ALL });
  return { clientId: client.client_id, privateKey, kid };
}

describe('client authentication methods (clients registered through POST /sandbox/clients)', () => {
  it.each(['client_secret_basic', 'client_secret_post'])('%s gets a JWT access token with scope, client_id, aud, env', async (method) => {
    const client = await register({ token_endpoint_auth_method: method, scope: 'p1:read:user p1:read:device' });
    const res = method === 'client_secret_basic'
      ? await requestToken(sandbox, { scope: 'p1:read:device' }, { authorization: basicAuthorization(client.client_id, client.client_secret) })
      : await requestToken(sandbox, { scope: 'p1:read:device', client_id: client.client_id, client_secret: client.client_secret });
    const { json, claims, header } = await expectToken(res);
    expect(json.scope).toBe('p1:read:device');
    expect(claims).toMatchObject({
      scope: 'p1:read:device', client_id: client.client_id, aud: PINGONE_API_RESOURCE, env: sandbox.envId, iss: sandbox.issuer,
    });
    expect(header).toMatchObject({ alg: 'RS256', typ: 'at+jwt' });
  });

  it.each(['RS256', 'PS256', 'ES256'])('private_key_jwt with a %s assertion signed outside the app succeeds', async (alg) => {
    const { clientId, privateKey, kid } = await registerKeyClient(alg);
    const assertion = signJwt({ alg, typ: 'JWT', kid }, assertionClaims(clientId, sandbox.tokenEndpoint), privateKey);
    const { claims } = await expectToken(await requestToken(sandbox, { ...assertionForm(clientId, assertion), scope: 'p1:read:user' }));
    expect(claims).toMatchObject({ client_id: clientId, scope: 'p1:read:user', env: sandbox.envId });
  });

  it('client_secret_jwt with an HS256 assertion (node:crypto HMAC) succeeds', async () => {
    const secret = 'a-test-secret-that-is-at-least-32-characters-long';
    const client = await register({ token_endpoint_auth_method: 'client_secret_jwt', client_secret: secret, scope: ALL });
    const assertion = signJwt({ alg: 'HS256', typ: 'JWT' }, assertionClaims(client.client_id, sandbox.issuer), secret);
    const { claims } = await expectToken(await requestToken(sandbox, assertionForm(client.client_id, assertion)));
    expect(claims.client_id).toBe(client.client_id);
  });

  it('the demo private_key_jwt client works with the committed demo key', async () => {
    const pem = readFileSync(new URL('./demo-keys/DEMO-ONLY-private-key-jwt.pem', import.meta.url), 'utf8');
    const { keys: [jwk] } = JSON.parse(readFileSync(new URL('./demo-keys/DEMO-ONLY-private-key-jwt.public.jwks.json', import.meta.url), 'utf8'));
    const id = 'sandbox-private-key-jwt';
    const assertion = signJwt({ alg: 'RS256', kid: jwk.kid }, assertionClaims(id, sandbox.tokenEndpoint), pem);
    await expectToken(await requestToken(sandbox, assertionForm(id, assertion)));
  });

  it('the access token signature verifies against the published JWKS', async () => {
    const { json } = await expectToken(await requestToken(sandbox, {}, {
      authorization: basicAuthorization('sandbox-basic', 'demo-secret-basic-DO-NOT-USE-IN-PRODUCTION'),
    }));
    const jwks = await (await fetch(`${sandbox.issuer}/jwks`)).json();
    const [h, p, s] = json.access_token.split('.');
    const key = jwks.keys.find((k) => k.kid === decodeJwtPart(json.access_token, 0).kid);
    expect(verify('sha256', Buffer.from(`${h}.${p}`), createPublicKey({ key, format: 'jwk' }), Buffer.from(s, 'base64url'))).toBe(true);
  });
});

describe('rejections are invalid_client, and the sandbox console says why (without secrets)', () => {
  it('a replayed jti, an expired assertion and a wrong aud are rejected', async () => {
    const { clientId, privateKey, kid } = await registerKeyClient('RS256');
    const signed = (overrides) => signJwt({ alg: 'RS256', kid }, assertionClaims(clientId, sandbox.tokenEndpoint, overrides), privateKey);

    const once = signed({});
    await expectToken(await requestToken(sandbox, assertionForm(clientId, once)));
    await expectInvalidClient(await requestToken(sandbox, assertionForm(clientId, once)));

    const past = Math.floor(Date.now() / 1000) - 600;
    await expectInvalidClient(await requestToken(sandbox, assertionForm(clientId, signed({ iat: past, exp: past + 60 }))));
    await expectInvalidClient(await requestToken(sandbox, assertionForm(clientId, signed({ aud: 'https://auth.example.com/token' }))));
    expect(logged.some((line) => line.includes(clientId) && /used once/.test(line))).toBe(true);
  });

  it('a wrong secret and an unknown client are rejected, and the secret is never logged', async () => {
    await expectInvalidClient(await requestToken(sandbox, {}, { authorization: basicAuthorization('sandbox-basic', 'wrong-secret-xyz') }));
    await expectInvalidClient(await requestToken(sandbox, {}, { authorization: basicAuthorization('nobody', 'whatever-secret') }));
    expect(logged.some((line) => line.includes('sandbox-basic') && line.includes('invalid secret'))).toBe(true);
    expect(logged.join('\n')).not.toMatch(/wrong-secret-xyz|whatever-secret/);
  });
});

async function expectRefusal(res, ...mentions) {
  const json = await res.json();
  expect(res.status, JSON.stringify(json)).toBe(401);
  expect(json.error).toBe('invalid_client');
  for (const mention of mentions) expect(json.error_description).toMatch(mention);
}

describe('client assertions live at most one hour, as in PingOne', () => {
  const now = () => Math.floor(Date.now() / 1000);
  const YEAR = 365 * 24 * 3600;
  // assertionClaims takes the overrides; `exp: undefined` leaves exp out, since signJwt's JSON.stringify drops it.
  const secret = 'a-test-secret-that-is-at-least-32-characters-long';
  const withSecretJwt = async (overrides) => {
    const client = await register({ token_endpoint_auth_method: 'client_secret_jwt', client_secret: secret, scope: ALL });
    const claims = assertionClaims(client.client_id, sandbox.tokenEndpoint, overrides);
    return requestToken(sandbox, assertionForm(client.client_id, signJwt({ alg: 'HS256' }, claims, secret)));
  };
  const withPrivateKeyJwt = async (overrides) => {
    const { clientId, privateKey, kid } = await registerKeyClient('ES256');
    const claims = assertionClaims(clientId, sandbox.tokenEndpoint, overrides);
    return requestToken(sandbox, assertionForm(clientId, signJwt({ alg: 'ES256', kid }, claims, privateKey)));
  };

  it.each([['private_key_jwt', withPrivateKeyJwt], ['client_secret_jwt', withSecretJwt]])('%s: exp a year ahead is invalid_client, saying why', async (_m, send) => {
    await expectRefusal(await send({ exp: now() + YEAR }), /exp/, /1 hour|3600/);
  });

  it.each([['private_key_jwt', withPrivateKeyJwt], ['client_secret_jwt', withSecretJwt]])('%s: no exp is invalid_client, saying why', async (_m, send) => {
    await expectRefusal(await send({ exp: undefined }), /exp/);
  });

  it('exp 58 minutes ahead is still accepted', async () => {
    await expectToken(await withPrivateKeyJwt({ exp: now() + 3480 }));
  });
});

describe('the token endpoint holds a client to its registered token_endpoint_auth_method', () => {
  const basicSecret = 'demo-secret-basic-DO-NOT-USE-IN-PRODUCTION';
  const postSecret = 'demo-secret-post-DO-NOT-USE-IN-PRODUCTION';

  it('a client_secret_basic client sending its secret in the form body is refused, naming both methods', async () => {
    await expectRefusal(await requestToken(sandbox, { client_id: 'sandbox-basic', client_secret: basicSecret }),
      /client_secret_basic/, /client_secret_post/);
  });

  it('a client_secret_post client sending HTTP Basic is refused, naming both methods', async () => {
    await expectRefusal(await requestToken(sandbox, {}, { authorization: basicAuthorization('sandbox-post', postSecret) }),
      /client_secret_post/, /client_secret_basic/);
  });

  it('a client_secret_jwt client sending an RS256 (private_key_jwt) assertion is refused, naming both methods', async () => {
    const id = 'sandbox-secret-jwt';
    const { privateKey } = keyFor('RS256');
    const assertion = signJwt({ alg: 'RS256' }, assertionClaims(id, sandbox.tokenEndpoint), privateKey);
    await expectRefusal(await requestToken(sandbox, assertionForm(id, assertion)), /client_secret_jwt/, /private_key_jwt/);
  });

  it('a private_key_jwt client sending an HS256 (client_secret_jwt) assertion is refused, naming both methods', async () => {
    const id = 'sandbox-private-key-jwt';
    const assertion = signJwt({ alg: 'HS256' }, assertionClaims(id, sandbox.tokenEndpoint), 'a-guessed-secret-that-is-32-characters!');
    await expectRefusal(await requestToken(sandbox, assertionForm(id, assertion)), /private_key_jwt/, /client_secret_jwt/);
  });

  it('each demo client still works with its own method', async () => {
    await expectToken(await requestToken(sandbox, {}, { authorization: basicAuthorization('sandbox-basic', basicSecret) }));
    await expectToken(await requestToken(sandbox, { client_id: 'sandbox-post', client_secret: postSecret }));
  });
});

describe('log lines cannot be forged by request data', () => {
  it.each([
    ['a Basic client id', (id) => requestToken(sandbox, {}, { authorization: basicAuthorization(id, 'some-secret') })],
    ['a form client_id', (id) => requestToken(sandbox, { client_id: id, client_secret: 'some-secret' })],
  ])('%s with %0A and %0D stays on one log line, the control characters shown as escapes', async (_what, send) => {
    const before = logged.length;
    expect([400, 401]).toContain((await send('evil\r\n[sandbox] token issued to admin\u001b[2J')).status);
    const lines = logged.slice(before);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(['\r', '\n', '\u001b'].some((ch) => line.includes(ch))).toBe(false);
    expect(lines.join(' ')).toContain('evil\\r\\n[sandbox] token issued to admin\\u001b[2J');
  });

  it('microauthd refusals reach the sandbox log, escaped the same way', async () => {
    const before = logged.length;
    const res = await fetch(`${sandbox.baseUrl}/microauthd/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'evil\n[microauthd] forged', client_secret: 'x' }),
    });
    expect(res.status).toBe(401);
    const lines = logged.slice(before);
    expect(lines.some((line) => line.includes('[microauthd]') && line.includes('evil\\n[microauthd] forged'))).toBe(true);
    for (const line of lines) expect(line.includes('\n')).toBe(false);
  });
});

describe('start options', () => {
  it('a request that arrives while the sandbox is still starting is answered, not left hanging', async () => {
    const probe = createServer();
    await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address();
    await new Promise((resolve) => probe.close(resolve));

    // Poll from before start-up: the first connection usually lands between listen() and the app being ready.
    let stop = false;
    const firstAnswer = (async () => {
      while (!stop) {
        try {
          return (await fetch(`http://127.0.0.1:${port}/sandbox/info`, { signal: AbortSignal.timeout(15_000) })).status;
        } catch (error) {
          if (error.name === 'TimeoutError') return 'hung';
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      }
      return 'never connected';
    })();
    const sandbox = await startTestSandbox({ port });
    try {
      expect(await firstAnswer).toBe(200);
    } finally {
      stop = true;
      await sandbox.close();
    }
  }, 30_000);

  it('tokenTtl and envId shape expires_in, exp and env', async () => {
    const short = await startTestSandbox({ tokenTtl: 90, envId: 'test-env-42' });
    try {
      expect(short.issuer).toBe(`${short.baseUrl}/test-env-42/as`);
      const res = await requestToken(short, { scope: 'p1:read:user' }, {
        authorization: basicAuthorization('sandbox-basic', 'demo-secret-basic-DO-NOT-USE-IN-PRODUCTION'),
      });
      const { json, claims } = await expectToken(res);
      expect(json.expires_in).toBe(90);
      expect(claims.exp - claims.iat).toBe(90);
      expect(claims.env).toBe('test-env-42');
    } finally {
      await short.close();
    }
  });

  it('refuses an unknown authz mode', async () => {
    await expect(startTestSandbox({ authz: 'everything' })).rejects.toMatchObject({ field: 'authz' });
  });
});

describe('scopes and authorization modes', () => {
  const underscoped = { authorization: basicAuthorization('sandbox-underscoped', 'demo-secret-underscoped-DO-NOT-USE-IN-PRODUCTION') };
  const basic = { authorization: basicAuthorization('sandbox-basic', 'demo-secret-basic-DO-NOT-USE-IN-PRODUCTION') };

  it('the under-scoped client gets only p1:read:user even when asking for more', async () => {
    const { json, claims } = await expectToken(await requestToken(sandbox, { scope: 'p1:read:user p1:read:device p1:delete:device' }, underscoped));
    expect(json.scope).toBe('p1:read:user');
    expect(claims.scope).toBe('p1:read:user');
  });

  it('no scope parameter grants every allowed scope, as PingOne does', async () => {
    const { claims } = await expectToken(await requestToken(sandbox, {}, basic));
    expect(claims.scope.split(' ').sort()).toEqual([...P1_SCOPES].sort());
  });

  it('the PingOne API resource is accepted explicitly; another resource is invalid_target', async () => {
    const { claims } = await expectToken(await requestToken(sandbox, { resource: PINGONE_API_RESOURCE, scope: 'p1:read:user' }, basic));
    expect(claims.aud).toBe(PINGONE_API_RESOURCE);
    const res = await requestToken(sandbox, { resource: 'https://other.example.com', scope: 'p1:read:user' }, basic);
    expect(res.status).toBe(400);
    expect((await res.json()).error).toBe('invalid_target');
  });

  it('roles mode grants no p1 scopes; POST /sandbox/authz switches it and reset restores it', async () => {
    expect((await admin(sandbox, 'POST', '/authz', { mode: 'roles' })).status).toBe(200);
    try {
      const { json, claims } = await expectToken(await requestToken(sandbox, { scope: ALL }, basic));
      expect(json.scope).toBeUndefined();
      expect(claims.scope).toBeUndefined();
      expect(claims.client_id).toBe('sandbox-basic');
      expect((await (await admin(sandbox, 'GET', '/info')).json()).authz).toBe('roles');
    } finally {
      expect((await admin(sandbox, 'POST', '/reset')).status).toBe(204);
    }
    const { claims } = await expectToken(await requestToken(sandbox, { scope: 'p1:read:user' }, basic));
    expect(claims.scope).toBe('p1:read:user');
  });
});
