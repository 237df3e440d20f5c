// Client assertions end to end: the audiences each client accepts at the token, introspection and revocation
// endpoints (issuer only for sandbox-strict-audience, draft-ietf-oauth-rfc7523bis), explicit typing, and iat.
import { readFileSync } from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { assertionClaims, assertionForm, requestToken, signJwt, startTestSandbox } from './testing/sandbox.js';

const DEMO_PEM = readFileSync(new URL('./demo-keys/DEMO-ONLY-private-key-jwt.pem', import.meta.url), 'utf8');
const { keys: [DEMO_JWK] } = JSON.parse(readFileSync(new URL('./demo-keys/DEMO-ONLY-private-key-jwt.public.jwks.json', import.meta.url), 'utf8'));
const LOOSE = 'sandbox-private-key-jwt';
const STRICT = 'sandbox-strict-audience';
const now = () => Math.floor(Date.now() / 1000);
let sandbox;
const logged = [];
let endpoints;

beforeAll(async () => {
  sandbox = await startTestSandbox({ logger: { info() {}, warn: (m) => logged.push(m), error: (m) => logged.push(m) } });
  endpoints = { token: sandbox.tokenEndpoint, introspection: `${sandbox.issuer}/introspect`, revocation: `${sandbox.issuer}/revoke` };
});
afterAll(() => sandbox.close());

/** A demo-key assertion for `clientId` with `aud`, claims overrides and header overrides. */
const assertion = (clientId, aud, claims = {}, header = {}) => signJwt(
  { alg: 'RS256', kid: DEMO_JWK.kid, ...header }, assertionClaims(clientId, aud, claims), DEMO_PEM,
);

/** Authenticates at `endpoint` (token, introspection or revocation); introspects/revokes a token that is not one. */
function callWith(endpoint, form) {
  if (endpoint === 'token') return requestToken(sandbox, form);
  return fetch(endpoints[endpoint], {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token: 'not-a-real-token', ...form }),
  });
}

const send = (endpoint, clientId, aud, claims, header) => callWith(endpoint, assertionForm(clientId, assertion(clientId, aud, claims, header)));

async function expectAccepted(res) {
  const text = await res.text();
  expect(res.status, text).toBe(200);
}

async function expectInvalidClient(res, why) {
  const body = await res.json();
  expect([res.status, body.error]).toEqual([401, 'invalid_client']);
  if (why) expect(body.error_description).toMatch(why);
  return body;
}

describe(`${LOOSE} accepts the issuer, the token endpoint or the endpoint called as aud, as PingOne does`, () => {
  const cases = ['token', 'introspection', 'revocation'].flatMap((endpoint) => [
    [endpoint, 'the issuer', () => sandbox.issuer],
    [endpoint, 'the token endpoint', () => endpoints.token],
    [endpoint, 'the endpoint called', () => endpoints[endpoint]],
  ]);
  it.each(cases)('at the %s endpoint: %s', async (endpoint, _name, aud) => {
    await expectAccepted(await send(endpoint, LOOSE, aud()));
  });

  it('refuses another endpoint\'s URL (revocation URL at the introspection endpoint)', async () => {
    await expectInvalidClient(await send('introspection', LOOSE, endpoints.revocation));
  });
});

describe(`${STRICT} accepts only the issuer identifier as its only aud (draft-ietf-oauth-rfc7523bis)`, () => {
  it.each(['token', 'introspection', 'revocation'])('at the %s endpoint: the issuer as a string or a one-element array', async (endpoint) => {
    await expectAccepted(await send(endpoint, STRICT, sandbox.issuer));
    await expectAccepted(await send(endpoint, STRICT, [sandbox.issuer]));
  });

  it.each([
    ['token', 'the token endpoint URL', () => endpoints.token],
    ['token', 'the issuer beside the token endpoint', () => [sandbox.issuer, endpoints.token]],
    ['introspection', 'the introspection URL', () => endpoints.introspection],
    ['revocation', 'the revocation URL', () => endpoints.revocation],
  ])('at the %s endpoint refuses %s with invalid_client naming the rule, and logs it', async (endpoint, _name, aud) => {
    const body = await expectInvalidClient(await send(endpoint, STRICT, aud()), /only the issuer identifier/);
    expect(body.error_description).toContain(sandbox.issuer);
    expect(logged.some((line) => line.includes(STRICT) && line.includes('only the issuer identifier'))).toBe(true);
  });

  it('is listed in /sandbox/info with a purpose that says so', async () => {
    const info = await (await fetch(`${sandbox.baseUrl}/sandbox/info`)).json();
    const client = info.clients.find((c) => c.client_id === STRICT);
    expect(client).toMatchObject({ token_endpoint_auth_method: 'private_key_jwt', client_assertion_audience: 'issuer', jwks: { keys: [DEMO_JWK] } });
    expect(client.purpose).toMatch(/only the issuer identifier/);
    expect(client.scope).toBe(info.clients.find((c) => c.client_id === LOOSE).scope);
  });
});

describe('explicit typing: client-authentication+jwt and untyped are accepted, another kind of JWT is not', () => {
  it.each([
    [undefined], ['client-authentication+jwt'], ['application/client-authentication+jwt'], ['JWT'],
  ])('typ %s → a token, for both demo JWT clients', async (typ) => {
    await expectAccepted(await send('token', LOOSE, endpoints.token, {}, { typ }));
    await expectAccepted(await send('token', STRICT, sandbox.issuer, {}, { typ }));
  });

  it.each([['at+jwt'], ['dpop+jwt'], ['application/oauth-authz-req+jwt'], [42]])('typ %s → invalid_client naming typ', async (typ) => {
    await expectInvalidClient(await send('token', LOOSE, endpoints.token, {}, { typ }), /typ/);
  });
});

describe('iat: an assertion issued in the future, or after it expires, is refused', () => {
  it.each([
    ['a day ahead (and after exp)', () => ({ iat: now() + 86_400 })],
    ['60 s ahead, beyond the 15 s clock skew', () => ({ iat: now() + 60, exp: now() + 120 })],
    ['after its exp', () => ({ iat: now() + 10, exp: now() + 5 })],
  ])('iat %s → invalid_client, logged', async (_name, claims) => {
    await expectInvalidClient(await send('token', LOOSE, endpoints.token, claims()), /iat/);
    expect(logged.some((line) => line.includes(LOOSE) && /iat/.test(line))).toBe(true);
  });

  it('iat 10 s ahead (within the clock skew) is accepted', async () => {
    await expectAccepted(await send('token', LOOSE, endpoints.token, { iat: now() + 10 }));
  });
});
