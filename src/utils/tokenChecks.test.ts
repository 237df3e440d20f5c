// Pins the RFC 9068 checks and the JWKS signature check with real jose-signed tokens.
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { setupTestEffects } from '../../tests/support/effects';
import { setupMswServer } from '../../tests/support/msw';
import { VirtualClock } from '../../tests/support/virtualClock';
import { provideEffects } from './effects';
import { exportJWK, generateKeyPair, SignJWT, type JSONWebKeySet, type JWTPayload } from 'jose';
import { createJwksCache, JWKS_COOLDOWN_MS, JWKS_MAX_AGE_MS } from './jwksCache';
import {
  checkAccessTokenClaims,
  decodeAccessToken,
  runTokenChecks,
  verifyAccessTokenSignature,
  type AccessTokenExpectations,
} from './tokenChecks';

const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);
const nowSeconds = NOW / 1000;
const ISSUER = 'http://localhost:4500/env-1/as';
const AUD = 'https://api.pingone.com';

const { privateKey, publicKey } = await generateKeyPair('ES256');
const other = await generateKeyPair('ES256');
const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
const jwks: JSONWebKeySet = { keys: [jwk] };
const rotated = await generateKeyPair('ES256');
const k2 = { ...(await exportJWK(rotated.publicKey)), kid: 'k2', alg: 'ES256', use: 'sig' };

async function sign(claims: JWTPayload = {}, header: { typ?: string; kid?: string } = {}, key = privateKey): Promise<string> {
  // Claims go in the payload last so a test can override any default, including exp and iat.
  const payload: JWTPayload = {
    iss: ISSUER, sub: 'cc-basic', aud: AUD, jti: 'jti-1', iat: nowSeconds - 10, exp: nowSeconds + 3590,
    client_id: 'cc-basic', scope: 'p1:read:user', ...claims,
  };
  return new SignJWT(payload).setProtectedHeader({ alg: 'ES256', kid: 'k1', typ: 'at+jwt', ...header }).sign(key);
}

const expect0: AccessTokenExpectations = { clientId: 'cc-basic', audience: AUD, issuer: ISSUER, now: NOW, clockSkewSeconds: 120 };

function failed(results: { check: string; ok: boolean }[]): string[] {
  return results.filter((r) => !r.ok).map((r) => r.check);
}

describe('runTokenChecks', () => {
  it('passes every check for a valid token signed by a key in the JWKS', async () => {
    const results = await runTokenChecks(await sign(), expect0, { jwks });
    expect(failed(results)).toEqual([]);
    expect(results.map((r) => r.check)).toEqual(
      expect.arrayContaining(['signature', 'typ', 'alg', 'iss', 'aud', 'client_id', 'sub', 'jti', 'exp', 'iat']),
    );
  });

  it('fails aud when the token is for another audience', async () => {
    const token = await new SignJWT({ client_id: 'cc-basic' })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1', typ: 'at+jwt' })
      .setIssuer(ISSUER).setSubject('cc-basic').setAudience('https://other.example').setJti('j')
      .setIssuedAt(nowSeconds).setExpirationTime(nowSeconds + 60).sign(privateKey);
    const results = await runTokenChecks(token, expect0, { jwks });
    expect(failed(results)).toEqual(['aud']);
  });

  it('accepts aud matching the resource when no audience was requested', async () => {
    const results = await runTokenChecks(await sign(), { ...expect0, audience: '', resource: AUD }, { jwks });
    expect(failed(results)).toEqual([]);
  });

  it('fails exp only when expired beyond the clock skew', async () => {
    const within = await sign({ exp: nowSeconds - 100, iat: nowSeconds - 200 });
    expect(failed(await runTokenChecks(within, expect0, { jwks }))).toEqual([]);
    const beyond = await sign({ exp: nowSeconds - 121, iat: nowSeconds - 200 });
    expect(failed(await runTokenChecks(beyond, expect0, { jwks }))).toEqual(['exp']);
  });

  it('fails typ for a plain JWT', async () => {
    expect(failed(await runTokenChecks(await sign({}, { typ: 'JWT' }), expect0, { jwks }))).toEqual(['typ']);
  });

  it('fails client_id when the token names another client', async () => {
    expect(failed(await runTokenChecks(await sign(), { ...expect0, clientId: 'someone-else' }, { jwks }))).toEqual(['client_id']);
  });

  it('fails the signature for a token signed by a key outside the JWKS', async () => {
    const results = await runTokenChecks(await sign({}, {}, other.privateKey), expect0, { jwks });
    expect(failed(results)).toEqual(['signature']);
    expect(results[0]?.message).toMatch(/does not verify/);
  });

  it('fails the signature for a tampered payload', async () => {
    const [h, , s] = (await sign()).split('.');
    const forged = Buffer.from(JSON.stringify({ client_id: 'cc-basic', scope: 'admin' })).toString('base64url');
    const result = await verifyAccessTokenSignature(`${h}.${forged}.${s}`, { jwks });
    expect(result.ok).toBe(false);
  });

  it('reports an opaque token instead of throwing', async () => {
    const results = await runTokenChecks('opaque-token-value', expect0, { jwks });
    expect(results).toEqual([expect.objectContaining({ check: 'format', ok: false })]);
    expect(decodeAccessToken('opaque-token-value')).toBeNull();
  });
});

describe('verifyAccessTokenSignature with a fetched JWKS', () => {
  setupTestEffects(() => ({}));
  it('fetches jwks_uri with the provided fetch', async () => {
    const seen: string[] = [];
    const fetch = (async (input: RequestInfo | URL) => {
      seen.push(String(input));
      return new Response(JSON.stringify(jwks), { headers: { 'content-type': 'application/json' } });
    }) as typeof globalThis.fetch;
    provideEffects({ fetch });
    const result = await verifyAccessTokenSignature(await sign(), { jwksUri: `${ISSUER}/jwks`, jwksCache: createJwksCache() });
    expect(result).toMatchObject({ check: 'signature', ok: true });
    expect(seen).toEqual([`${ISSUER}/jwks`]);
  });

  it('fails clearly when the JWKS cannot be fetched', async () => {
    const fetch = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof globalThis.fetch;
    provideEffects({ fetch });
    const result = await verifyAccessTokenSignature(await sign(), { jwksUri: `${ISSUER}/jwks`, jwksCache: createJwksCache() });
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/Could not fetch the JWKS/);
  });

  it('fails when the endpoint returns something that is not a JWKS', async () => {
    const fetch = (async () => new Response('<html>', { status: 200 })) as typeof globalThis.fetch;
    provideEffects({ fetch });
    const result = await verifyAccessTokenSignature(await sign(), { jwksUri: `${ISSUER}/jwks`, jwksCache: createJwksCache() });
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/did not return a JSON Web Key Set/) });
  });
});

describe('the JWKS is fetched once per issuer (msw)', () => {
  const server = setupMswServer();
  const clock = setupTestEffects(() => ({ clock: new VirtualClock(NOW) }));
  const JWKS_URI = `${ISSUER}/jwks`;

  /** Serves the key sets in turn (the last one from then on) and counts the fetches. */
  function serveJwks(...sets: JSONWebKeySet[]) {
    const served = { count: 0 };
    server.use(
      http.get(JWKS_URI, () => {
        const set = sets[Math.min(served.count, sets.length - 1)]!;
        served.count += 1;
        return HttpResponse.json(set);
      }),
    );
    return served;
  }

  it('verifies two tokens of one issuer with one fetch, also when both are checked at once', async () => {
    const served = serveJwks(jwks);
    const cache = createJwksCache();
    const [first, second] = await Promise.all([
      verifyAccessTokenSignature(await sign({ jti: 'a' }), { jwksUri: JWKS_URI, jwksCache: cache }),
      verifyAccessTokenSignature(await sign({ jti: 'b' }), { jwksUri: JWKS_URI, jwksCache: cache }),
    ]);
    const third = await verifyAccessTokenSignature(await sign({ jti: 'c' }), { jwksUri: JWKS_URI, jwksCache: cache });
    expect([first.ok, second.ok, third.ok]).toEqual([true, true, true]);
    expect(served.count).toBe(1);
  });

  it('refetches for an unknown kid only outside the cooldown, then verifies with the rotated key', async () => {
    const served = serveJwks(jwks, { keys: [jwk, k2] });
    const cache = createJwksCache();
    expect((await verifyAccessTokenSignature(await sign(), { jwksUri: JWKS_URI, jwksCache: cache })).ok).toBe(true);
    const rotatedToken = await sign({}, { kid: 'k2' }, rotated.privateKey);
    // Within the cooldown a token naming an unknown key does not make every check a fetch.
    expect(await verifyAccessTokenSignature(rotatedToken, { jwksUri: JWKS_URI, jwksCache: cache })).toMatchObject({ ok: false, message: expect.stringMatching(/No key in the issuer JWKS/) });
    expect(served.count).toBe(1);
    clock.clock.advance(JWKS_COOLDOWN_MS);
    expect(await verifyAccessTokenSignature(rotatedToken, { jwksUri: JWKS_URI, jwksCache: cache })).toMatchObject({ ok: true, message: expect.stringContaining('kid k2') });
    expect(served.count).toBe(2);
  });

  it('fetches again once the cached set is older than its maximum age, and never caches a failure', async () => {
    let fail = true;
    let count = 0;
    server.use(http.get(JWKS_URI, () => {
      count += 1;
      return fail ? new HttpResponse(null, { status: 503 }) : HttpResponse.json(jwks);
    }));
    const cache = createJwksCache();
    expect(await verifyAccessTokenSignature(await sign(), { jwksUri: JWKS_URI, jwksCache: cache })).toMatchObject({ ok: false, message: 'The JWKS endpoint answered HTTP 503.' });
    fail = false;
    expect((await verifyAccessTokenSignature(await sign(), { jwksUri: JWKS_URI, jwksCache: cache })).ok).toBe(true);
    expect((await verifyAccessTokenSignature(await sign(), { jwksUri: JWKS_URI, jwksCache: cache })).ok).toBe(true);
    expect(count).toBe(2);
    clock.clock.advance(JWKS_MAX_AGE_MS);
    expect((await verifyAccessTokenSignature(await sign(), { jwksUri: JWKS_URI, jwksCache: cache })).ok).toBe(true);
    expect(count).toBe(3);
  });
});

describe('checkAccessTokenClaims', () => {
  it('rejects alg none and a missing sub/jti', () => {
    const results = checkAccessTokenClaims(
      { header: { alg: 'none', typ: 'at+jwt' }, claims: { iss: ISSUER, aud: AUD, client_id: 'cc-basic', exp: nowSeconds + 60 } },
      expect0,
    );
    expect(failed(results)).toEqual(['alg', 'sub', 'jti']);
  });

  it('rejects a token from another issuer', () => {
    const results = checkAccessTokenClaims(
      { header: { alg: 'ES256', typ: 'application/at+jwt' }, claims: { iss: 'https://evil', sub: 's', jti: 'j', aud: [AUD], client_id: 'cc-basic', exp: nowSeconds + 60 } },
      expect0,
    );
    expect(failed(results)).toEqual(['iss']);
  });
});
