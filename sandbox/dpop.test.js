// DPoP end to end over real sockets (RFC 9449): bound tokens from the token endpoint, verified by the emulated
// PingOne and microauthd APIs, with proofs from an independent node:crypto signer (sandbox/testing/dpop.js).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { SEED_USER_IDS } from './pingone/seed.js';
import { createDpopSigner } from './testing/dpop.js';
import { basicAuthorization, decodeJwtPart, requestToken, startTestSandbox } from './testing/sandbox.js';

const DPOP_CLIENT = { id: 'sandbox-dpop', secret: 'demo-secret-dpop-DO-NOT-USE-IN-PRODUCTION' };
let sandbox;
let devicesUrl;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  devicesUrl = `${sandbox.baseUrl}/v1/environments/${sandbox.envId}/users/${SEED_USER_IDS.ada}/devices`;
});
afterAll(() => sandbox.close());

const basic = (client = DPOP_CLIENT) => ({ authorization: basicAuthorization(client.id, client.secret) });

/** A token request with a proof; returns the response and its JSON. */
async function tokenWithProof(signer, { nonce, client = DPOP_CLIENT, ...proof } = {}) {
  const res = await requestToken(sandbox, {}, { ...basic(client), dpop: signer.proof({ htu: sandbox.tokenEndpoint, nonce, ...proof }) });
  return { res, json: await res.json() };
}

/** The nonce dance: the first request learns the nonce, the second gets the bound token. */
async function boundToken(signer, client = DPOP_CLIENT) {
  const first = await tokenWithProof(signer, { client });
  expect(first.res.status).toBe(400);
  expect(first.json.error).toBe('use_dpop_nonce');
  const nonce = first.res.headers.get('dpop-nonce');
  expect(nonce).toMatch(/^[A-Za-z0-9_-]{43}$/);
  const second = await tokenWithProof(signer, { client, nonce });
  expect(second.res.status, JSON.stringify(second.json)).toBe(200);
  return { token: second.json.access_token, json: second.json, nonce };
}

async function callApi(url, { scheme = 'DPoP', token, proof, method = 'GET' }) {
  const headers = { authorization: `${scheme} ${token}` };
  if (proof !== undefined) headers.dpop = proof;
  const res = await fetch(url, { method, headers });
  return { res, json: await res.json().catch(() => undefined), challenge: res.headers.get('www-authenticate') ?? '' };
}

describe('token endpoint (oidc-provider features.dPoP, nonces required)', () => {
  it('asks for a nonce, then issues a DPoP token whose cnf.jkt is the proof key thumbprint', async () => {
    const signer = createDpopSigner();
    const { json } = await boundToken(signer);
    expect(json.token_type).toBe('DPoP');
    expect(decodeJwtPart(json.access_token, 1).cnf).toEqual({ jkt: signer.jkt });
  });

  it('refuses sandbox-dpop without a proof, and a proof for another URL', async () => {
    const none = await requestToken(sandbox, {}, basic());
    expect(none.status).toBe(400);
    expect((await none.json()).error).toBe('invalid_grant');
    const signer = createDpopSigner();
    const { nonce } = await boundToken(signer);
    const wrong = await tokenWithProof(signer, { nonce, htu: `${sandbox.baseUrl}/elsewhere` });
    expect([wrong.res.status, wrong.json.error]).toEqual([400, 'invalid_dpop_proof']);
  });

  it.each([
    ['a year ago', () => Math.floor(Date.now() / 1000) - 365 * 86_400],
    ['a day ahead', () => Math.floor(Date.now() / 1000) + 86_400],
    ['1e12', () => 1e12],
  ])('refuses a proof with a current nonce but an iat %s (RFC 9449 §4.3 check 11)', async (_name, iat) => {
    const signer = createDpopSigner();
    const { nonce } = await boundToken(signer);
    const stale = await tokenWithProof(signer, { nonce, iat: iat() });
    expect([stale.res.status, stale.json.error]).toEqual([400, 'invalid_dpop_proof']);
    expect(stale.json.error_description).toMatch(/iat/);
    const recent = await tokenWithProof(signer, { nonce, iat: Math.floor(Date.now() / 1000) - 200 });
    expect(recent.res.status).toBe(200);
  });

  it('binds a token for any client that sends a proof, and leaves Bearer requests as they were', async () => {
    const client = { id: 'sandbox-basic', secret: 'demo-secret-basic-DO-NOT-USE-IN-PRODUCTION' };
    const signer = createDpopSigner();
    const { json } = await boundToken(signer, client);
    expect(json.token_type).toBe('DPoP');
    const plain = await requestToken(sandbox, {}, basic(client));
    expect((await plain.json()).token_type).toBe('Bearer');
  });
});

describe('PingOne API with a DPoP-bound token', () => {
  let signer;
  let token;
  let nonce;
  beforeAll(async () => {
    signer = createDpopSigner();
    ({ token, nonce } = await boundToken(signer));
  });
  const proofFor = (overrides = {}) => signer.proof({ htm: 'GET', htu: devicesUrl, token, nonce, ...overrides });

  it('accepts a valid proof (the token endpoint nonce serves the whole origin)', async () => {
    const { res, json } = await callApi(`${devicesUrl}?limit=5`, { token, proof: proofFor() });
    expect(res.status, JSON.stringify(json)).toBe(200);
    expect(Array.isArray(json._embedded.devices)).toBe(true);
  });

  it('answers a proof without nonce with use_dpop_nonce and a DPoP-Nonce header', async () => {
    const { res, challenge } = await callApi(devicesUrl, { token, proof: proofFor({ nonce: undefined }) });
    expect(res.status).toBe(401);
    expect(challenge).toMatch(/^DPoP error="use_dpop_nonce"/);
    const fresh = res.headers.get('dpop-nonce');
    expect(fresh).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const retried = await callApi(devicesUrl, { token, proof: proofFor({ nonce: fresh }) });
    expect(retried.res.status).toBe(200);
  });

  it.each([
    ['a wrong htu', () => ({ htu: `${devicesUrl}/other` }), /htu/],
    ['a wrong htm', () => ({ htm: 'POST' }), /htm/],
    ['a stale iat', () => ({ iat: Math.floor(Date.now() / 1000) - 600 }), /iat/],
    ['a wrong ath', () => ({ token: `${token}x` }), /ath/],
    ['a wrong typ', () => ({ typ: 'JWT' }), /typ/],
    ['a proof by another key', () => 'other-key', /bound to/],
  ])('refuses %s with invalid_dpop_proof', async (_name, overrides, reason) => {
    const o = overrides();
    const proof = o === 'other-key' ? createDpopSigner().proof({ htm: 'GET', htu: devicesUrl, token, nonce }) : proofFor(o);
    const { res, challenge, json } = await callApi(devicesUrl, { token, proof });
    expect(res.status).toBe(401);
    expect(challenge).toMatch(/^DPoP error="invalid_dpop_proof"/);
    expect(challenge).toMatch(reason);
    // Still a well-formed challenge: the description is one quoted-string, its quotes escaped (RFC 9110 §5.6.4).
    expect(challenge).toMatch(/^DPoP error="[^"]+", error_description="(?:[^"\\]|\\.)*", algs="[^"]+"$/);
    expect(json.code).toBe('ACCESS_FAILED');
  });

  it('refuses a replayed proof', async () => {
    const proof = proofFor();
    expect((await callApi(devicesUrl, { token, proof })).res.status).toBe(200);
    const replay = await callApi(devicesUrl, { token, proof });
    expect(replay.res.status).toBe(401);
    expect(replay.challenge).toMatch(/^DPoP error="invalid_dpop_proof".*replay/);
  });

  it('refuses the bound token sent as Bearer (RFC 9449 §7.1), and a DPoP call without a proof', async () => {
    const bearer = await callApi(devicesUrl, { scheme: 'Bearer', token });
    expect(bearer.res.status).toBe(401);
    expect(bearer.challenge).toMatch(/^DPoP error="invalid_token".*DPoP-bound/);
    const bare = await callApi(devicesUrl, { token });
    expect(bare.challenge).toMatch(/^DPoP error="invalid_dpop_proof"/);
  });

  it('refuses an unbound token sent with the DPoP scheme', async () => {
    const client = { id: 'sandbox-basic', secret: 'demo-secret-basic-DO-NOT-USE-IN-PRODUCTION' };
    const plain = await (await requestToken(sandbox, {}, basic(client))).json();
    const { res, challenge } = await callApi(devicesUrl, { token: plain.access_token, proof: proofFor({ token: plain.access_token }) });
    expect(res.status).toBe(401);
    expect(challenge).toMatch(/^DPoP error="invalid_token".*not DPoP-bound/);
  });

  it('lets a browser send DPoP and read DPoP-Nonce (CORS)', async () => {
    const origin = 'http://localhost:5173';
    const preflight = await fetch(devicesUrl, {
      method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization,dpop' },
    });
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/DPoP/);
    const { res } = await callApi(devicesUrl, { token, proof: proofFor({ nonce: undefined }) });
    expect(res.status).toBe(401);
    const withOrigin = await fetch(devicesUrl, { headers: { origin, authorization: `DPoP ${token}`, dpop: proofFor({ nonce: undefined }) } });
    expect(withOrigin.headers.get('access-control-expose-headers')).toMatch(/DPoP-Nonce/);
  });
});

describe('microauthd with a DPoP-bound token', () => {
  const client = { id: 'microauthd-support-portal', secret: undefined };
  let info;
  beforeAll(async () => {
    info = await (await fetch(`${sandbox.baseUrl}/sandbox/info`)).json();
    client.secret = info.clients.find((c) => c.client_id === client.id)?.client_secret;
  });

  it('issues a bound token after the nonce dance and accepts it only with a valid proof', async () => {
    const tokenUrl = `${info.microauthdBase}/token`;
    const usersUrl = `${info.microauthdBase}/users`;
    const signer = createDpopSigner();
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    const post = (nonce) => fetch(tokenUrl, {
      method: 'POST', body: form, headers: { ...basic(client), 'content-type': 'application/x-www-form-urlencoded', dpop: signer.proof({ htu: tokenUrl, nonce }) },
    });
    const first = await post(undefined);
    expect([first.status, (await first.json()).error]).toEqual([400, 'use_dpop_nonce']);
    const nonce = first.headers.get('dpop-nonce');
    const second = await post(nonce);
    const json = await second.json();
    expect([second.status, json.token_type]).toEqual([200, 'DPoP']);
    expect(decodeJwtPart(json.access_token, 1).cnf).toEqual({ jkt: signer.jkt });

    const token = json.access_token;
    const ok = await callApi(usersUrl, { token, proof: signer.proof({ htm: 'GET', htu: usersUrl, token, nonce }) });
    expect(ok.res.status).toBe(200);
    const bearer = await callApi(usersUrl, { scheme: 'Bearer', token });
    expect(bearer.res.status).toBe(401);
    expect(bearer.challenge).toMatch(/^DPoP error="invalid_token"/);
    const wrongAth = await callApi(usersUrl, { token, proof: signer.proof({ htm: 'GET', htu: usersUrl, token: 'other', nonce }) });
    expect(wrongAth.challenge).toMatch(/^DPoP error="invalid_dpop_proof".*ath/);
  });
});
