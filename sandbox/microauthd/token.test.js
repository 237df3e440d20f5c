// Contract tests for the microauthd emulation's /token, discovery and JWKS.
import { createLocalJWKSet, decodeJwt, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startMicroauthd } from '../testing/microauthd.js';

let h;
beforeAll(async () => {
  h = await startMicroauthd();
});
afterAll(async () => {
  await h.close();
});

const PORTAL = 'microauthd-support-portal';
const CC = { grant_type: 'client_credentials' };

describe('POST /token client authentication', () => {
  it('issues a token with client_secret_basic', async () => {
    const c = h.client(PORTAL);
    const r = await h.token(CC, { authorization: h.basic(c.client_id, c.client_secret) });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      access_token: expect.any(String), token_type: 'bearer', expires_in: 3600, jti: expect.any(String), aud: 'microauthd',
    });
    expect(r.headers.get('cache-control')).toBe('no-store');
  });

  it('issues a token with client_secret_post', async () => {
    const c = h.client(PORTAL);
    const r = await h.token({ ...CC, client_id: c.client_id, client_secret: c.client_secret });
    expect(r.status).toBe(200);
    expect(decodeJwt(r.body.access_token).client_id).toBe(PORTAL);
  });

  it('Basic wins over form: valid Basic + wrong form secret succeeds', async () => {
    const c = h.client(PORTAL);
    const r = await h.token({ ...CC, client_id: c.client_id, client_secret: 'wrong' }, { authorization: h.basic(c.client_id, c.client_secret) });
    expect(r.status).toBe(200);
  });

  it('Basic wins over form: wrong Basic + valid form fails with 401 invalid_client', async () => {
    const c = h.client(PORTAL);
    const r = await h.token({ ...CC, client_id: c.client_id, client_secret: c.client_secret }, { authorization: h.basic(c.client_id, 'wrong') });
    expect(r.status).toBe(401);
    expect(r.body.error).toBe('invalid_client');
    expect(r.headers.get('www-authenticate')).toMatch(/^Basic/);
  });

  it('refuses client_assertion (no JWT client auth) naming the reason', async () => {
    const c = h.client(PORTAL);
    const r = await h.token({
      ...CC, client_id: c.client_id,
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: 'a.b.c',
    });
    expect(r.status).toBe(401);
    expect(r.body.error).toBe('invalid_client');
    expect(r.body.error_description).toMatch(/not supported/);
    expect(r.body.error_description).toMatch(/client_secret_basic/);
  });

  it.each([
    ['unknown client', { client_id: 'nobody', client_secret: 'x' }, 'unknown client_id'],
    ['wrong secret', { client_id: PORTAL, client_secret: 'x' }, 'wrong client_secret'],
  ])('401 invalid_client for %s, reason only in the log', async (_n, creds, reason) => {
    const r = await h.token({ ...CC, ...creds });
    expect(r.status).toBe(401);
    expect(r.body.error).toBe('invalid_client');
    // Both failures share one body (no client enumeration); the precise reason goes to the sandbox log.
    expect(r.body.error_description).toBe('Client authentication failed (unknown client_id or wrong secret)');
    expect(h.events.at(-1)).toMatchObject({ event: 'token.invalid_client', reason });
  });

  it('401 with no credentials and with a malformed Basic header', async () => {
    expect((await h.token(CC)).status).toBe(401);
    const r = await h.token(CC, { authorization: 'Basic !!!notbase64' });
    expect(r.status).toBe(401);
    expect(r.body.error).toBe('invalid_client');
  });

  it('decodes form-urlencoded Basic credentials (RFC 6749 §2.3.1)', async () => {
    const c = h.client(PORTAL);
    // Percent-encoded "-" must decode back to the real id and secret before comparison.
    const enc = (v) => v.replace(/-/g, '%2D');
    const ok = await h.token(CC, { authorization: `Basic ${Buffer.from(`${enc(c.client_id)}:${enc(c.client_secret)}`).toString('base64')}` });
    expect(ok.status).toBe(200);
    // "+" decodes to a space, so a secret with a trailing "+" no longer matches.
    const r = await h.token(CC, { authorization: `Basic ${Buffer.from(`${c.client_id}:${c.client_secret}+`).toString('base64')}` });
    expect(r.status).toBe(401);
  });

  it('only client_credentials: other grants → 400 unsupported_grant_type; missing → invalid_request', async () => {
    const c = h.client(PORTAL);
    const auth = { authorization: h.basic(c.client_id, c.client_secret) };
    const r = await h.token({ grant_type: 'password', username: 'alice', password: 'x' }, auth);
    expect(r.status).toBe(400);
    expect(r.body.error).toBe('unsupported_grant_type');
    const missing = await h.token({}, auth);
    expect(missing.status).toBe(400);
    expect(missing.body.error).toBe('invalid_request');
  });

  it('rejects a JSON body with 400 invalid_request', async () => {
    const res = await fetch(`${h.baseUrl}/token`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(CC),
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toBe('invalid_request');
  });
});

describe('token claims and scope', () => {
  it('carries the microauthd claim set with the client’s scopes as names', async () => {
    const jwt = await h.tokenFor(PORTAL);
    const claims = decodeJwt(jwt);
    expect(claims).toMatchObject({
      sub: PORTAL, client_id: PORTAL, token_use: 'access', iss: h.baseUrl, aud: 'microauthd',
      scope: 'admin::read_user admin::list_users admin::reset_passwords',
    });
    for (const k of ['jti', 'iat', 'nbf', 'exp']) expect(claims[k]).toBeDefined();
    expect(claims.exp - claims.iat).toBe(3600);
    expect(claims.nbf).toBe(claims.iat);
  });

  it('the scope parameter narrows to assigned scopes; unknown names are ignored', async () => {
    const claims = decodeJwt(await h.tokenFor(PORTAL, 'admin::list_users admin::provision_users openid'));
    expect(claims.scope).toBe('admin::list_users');
  });

  it('a client whose scopes are stored as UUIDs gets UUIDs in the token; a name request still matches', async () => {
    const all = decodeJwt(await h.tokenFor('microauthd-uuid-scopes'));
    expect(all.scope).toBe('1f4610fe-0cb2-4119-bd69-9b6033326998 b6348575-83ec-4288-801b-e0d2da20569c 31c00aae-4136-4a8c-92a6-d2bbf4be2d35');
    const narrowed = decodeJwt(await h.tokenFor('microauthd-uuid-scopes', 'admin::list_users'));
    expect(narrowed.scope).toBe('b6348575-83ec-4288-801b-e0d2da20569c');
  });

  it('an unscoped client gets an empty scope', async () => {
    expect(decodeJwt(await h.tokenFor('microauthd-unscoped')).scope).toBe('');
  });
});

describe('discovery and JWKS', () => {
  it('advertises the endpoints and secret-only client auth, and its JWKS verifies issued tokens', async () => {
    const doc = await (await fetch(`${h.baseUrl}/.well-known/openid-configuration`)).json();
    expect(doc).toMatchObject({
      issuer: h.baseUrl,
      token_endpoint: `${h.baseUrl}/token`,
      jwks_uri: `${h.baseUrl}/jwks.json`,
      grant_types_supported: ['client_credentials'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    });
    const jwks = await (await fetch(doc.jwks_uri)).json();
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).not.toHaveProperty('d');
    const { payload, protectedHeader } = await jwtVerify(await h.tokenFor(PORTAL), createLocalJWKSet(jwks), {
      issuer: doc.issuer, audience: 'microauthd',
    });
    expect(protectedHeader).toMatchObject({ alg: 'RS256', kid: jwks.keys[0].kid });
    expect(payload.client_id).toBe(PORTAL);
  });
});

describe('clients() for /sandbox/info', () => {
  it('lists the demo clients with labelled demo secrets and the contract fields', () => {
    const list = h.m.clients();
    expect(list.map((c) => c.client_id)).toEqual(
      expect.arrayContaining([PORTAL, 'microauthd-provisioner', 'microauthd-unscoped', 'microauthd-uuid-scopes']),
    );
    for (const c of list) {
      expect(c).toMatchObject({ token_endpoint_auth_method: 'client_secret_basic', provider: 'microauthd', roles: [] });
      expect(c.client_secret).toMatch(/DO-NOT-USE-IN-PRODUCTION/);
      expect(typeof c.purpose).toBe('string');
    }
    expect(h.client('microauthd-uuid-scopes').scope_names).toBe('admin::read_user admin::list_users admin::deactivate_users');
  });
});
