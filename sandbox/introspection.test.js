// Introspection (RFC 7662) and revocation (RFC 7009) on the sandbox, with sandbox-opaque's opaque tokens, which the
// emulated PingOne API accepts by introspecting them in process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { SEED_USER_IDS } from './pingone/seed.js';
import { createDpopSigner } from './testing/dpop.js';
import { basicAuthorization, requestToken, startTestSandbox } from './testing/sandbox.js';

const OPAQUE = { id: 'sandbox-opaque', secret: 'demo-secret-opaque-DO-NOT-USE-IN-PRODUCTION' };
let sandbox;
let discovery;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  discovery = await (await fetch(`${sandbox.issuer}/.well-known/openid-configuration`)).json();
});
afterAll(() => sandbox.close());

const auth = (client = OPAQUE) => ({ authorization: basicAuthorization(client.id, client.secret) });

function post(url, form, client = OPAQUE) {
  return fetch(url, { method: 'POST', headers: { ...auth(client), 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form) });
}

async function opaqueToken() {
  const res = await requestToken(sandbox, {}, auth());
  const json = await res.json();
  expect(res.status, JSON.stringify(json)).toBe(200);
  return json.access_token;
}

const introspect = async (token, client) => (await post(discovery.introspection_endpoint, { token, token_type_hint: 'access_token' }, client)).json();
const devices = (token) => fetch(`${sandbox.baseUrl}/v1/environments/${sandbox.envId}/users/${SEED_USER_IDS.ada}/devices`, {
  headers: { authorization: `Bearer ${token}` },
});

describe('discovery', () => {
  it('names the introspection and revocation endpoints, their auth methods and the DPoP algorithms', () => {
    expect(discovery.introspection_endpoint).toBe(`${sandbox.issuer}/introspect`);
    expect(discovery.revocation_endpoint).toBe(`${sandbox.issuer}/revoke`);
    expect(discovery.introspection_endpoint_auth_methods_supported).toContain('client_secret_basic');
    expect(discovery.revocation_endpoint_auth_methods_supported).toContain('private_key_jwt');
    expect(discovery.dpop_signing_alg_values_supported).toEqual(['ES256', 'EdDSA']);
  });
});

describe('sandbox-opaque: introspect, use, revoke', () => {
  it('introspects active: true, the API accepts the token; after revocation both say no', async () => {
    const token = await opaqueToken();
    expect(token.split('.')).toHaveLength(1);
    const active = await introspect(token);
    expect(active).toMatchObject({ active: true, client_id: OPAQUE.id, token_type: 'Bearer', aud: 'https://api.pingone.com' });
    expect(active.scope).toContain('p1:read:device');
    expect((await devices(token)).status).toBe(200);

    const revoked = await post(discovery.revocation_endpoint, { token, token_type_hint: 'access_token' });
    expect(revoked.status).toBe(200);
    expect(await introspect(token)).toEqual({ active: false });
    const refused = await devices(token);
    expect(refused.status).toBe(401);
    expect((await refused.json()).code).toBe('ACCESS_FAILED');
  });

  it('answers active: false to a client that did not get the token, and refuses bad client credentials', async () => {
    const token = await opaqueToken();
    const other = { id: 'sandbox-basic', secret: 'demo-secret-basic-DO-NOT-USE-IN-PRODUCTION' };
    expect(await introspect(token, other)).toEqual({ active: false });
    const bad = await post(discovery.introspection_endpoint, { token }, { id: OPAQUE.id, secret: 'wrong' });
    expect(bad.status).toBe(401);
    expect((await bad.json()).error).toBe('invalid_client');
  });

  it('shows cnf.jkt of a DPoP-bound opaque token', async () => {
    const signer = createDpopSigner();
    const send = (nonce) => requestToken(sandbox, {}, { ...auth(), dpop: signer.proof({ htu: sandbox.tokenEndpoint, nonce }) });
    const first = await send(undefined);
    const bound = await (await send(first.headers.get('dpop-nonce'))).json();
    expect(bound.token_type).toBe('DPoP');
    expect(await introspect(bound.access_token)).toMatchObject({ active: true, token_type: 'DPoP', cnf: { jkt: signer.jkt } });
  });

  it('revokes an unknown token with 200 (RFC 7009 §2.2)', async () => {
    expect((await post(discovery.revocation_endpoint, { token: 'not-a-token' })).status).toBe(200);
  });
});

describe('JWT access tokens', () => {
  it('introspect as active: false and cannot be revoked (unsupported_token_type), so a client is never told a live token is gone', async () => {
    const client = { id: 'sandbox-basic', secret: 'demo-secret-basic-DO-NOT-USE-IN-PRODUCTION' };
    const jwt = (await (await requestToken(sandbox, {}, auth(client))).json()).access_token;
    expect(await introspect(jwt, client)).toEqual({ active: false });
    const revoked = await post(discovery.revocation_endpoint, { token: jwt, token_type_hint: 'access_token' }, client);
    expect(revoked.status).toBe(400);
    expect((await revoked.json()).error).toBe('unsupported_token_type');
    expect((await devices(jwt)).status).toBe(200);
  });
});
