// DPoP proofs on a virtual clock: header, claims, htu normalisation, ath, nonce, unique jti; and their lint.
import { decodeJwt, decodeProtectedHeader, EmbeddedJWK, jwtVerify } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestEffects } from '../../../tests/support/effects';
import { VirtualClock } from '../../../tests/support/virtualClock';
import { generateDpopKey, type DpopKey } from '../dpopKey';
import { InputError } from '../errors';
import { accessTokenHash, createDpopProof, dpopHtu } from './dpop';
import { lintDpopProof } from './dpopLint';

const fx = setupTestEffects(() => ({ clock: new VirtualClock() }));
let key: DpopKey;
beforeAll(async () => {
  key = await generateDpopKey();
});

const TOKEN_URL = 'https://as.example.com/env-1/as/token';

describe('dpopHtu', () => {
  it.each([
    ['https://api.example.com/v1/users/u1/devices?limit=5#top', 'https://api.example.com/v1/users/u1/devices'],
    ['https://API.example.com:443/a/b', 'https://api.example.com/a/b'],
    ['http://localhost:4500/env/as/token', 'http://localhost:4500/env/as/token'],
  ])('%s → %s', (url, htu) => {
    expect(dpopHtu(url)).toBe(htu);
  });

  it('refuses a relative URL with an InputError', () => {
    expect(() => dpopHtu('/as/token')).toThrow(InputError);
  });
});

describe('accessTokenHash', () => {
  it('matches the ath of RFC 9449 §7.1', async () => {
    expect(await accessTokenHash('Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU')).toBe('fUHyO2r2Z3DZ53EsNrWBb0xWXoaNy59IiKCAqksmQEo');
  });
});

describe('createDpopProof', () => {
  it('is a dpop+jwt signed with ES256 by the key in its header, with htm, htu, iat from the clock and a jti', async () => {
    fx.clock.advance(12_345);
    const proof = await createDpopProof({ key, htm: 'post', url: `${TOKEN_URL}?x=1` });
    const { payload, protectedHeader } = await jwtVerify(proof, EmbeddedJWK, { typ: 'dpop+jwt', algorithms: ['ES256'] });
    expect(protectedHeader.jwk).toEqual(key.publicJwk);
    expect(payload).toEqual({ htm: 'POST', htu: TOKEN_URL, iat: Math.floor(fx.clock.now() / 1000), jti: expect.any(String) });
  });

  it('gives every proof its own jti', async () => {
    const proofs = await Promise.all([1, 2, 3].map(() => createDpopProof({ key, htm: 'POST', url: TOKEN_URL })));
    expect(new Set(proofs.map((p) => decodeJwt(p).jti)).size).toBe(3);
  });

  it('adds ath for a resource request and the nonce when the server gave one', async () => {
    const proof = await createDpopProof({ key, htm: 'GET', url: 'https://api.example.com/x', accessToken: 'tok', nonce: 'n-1' });
    const payload = decodeJwt(proof);
    expect(payload.ath).toBe(await accessTokenHash('tok'));
    expect(payload.nonce).toBe('n-1');
    expect(decodeProtectedHeader(proof).jwk).not.toHaveProperty('d');
  });
});

describe('lintDpopProof', () => {
  const rulesAt = (findings: { rule: string; level: string }[], level: string) => findings.filter((f) => f.level === level).map((f) => f.rule);

  it('passes a proof built for the request', async () => {
    const proof = await createDpopProof({ key, htm: 'GET', url: 'https://api.example.com/x?q', accessToken: 'tok', nonce: 'n' });
    const findings = await lintDpopProof(proof, { htm: 'GET', url: 'https://api.example.com/x', now: fx.clock.now(), accessToken: 'tok', nonce: 'n' });
    expect(rulesAt(findings, 'error')).toEqual([]);
    expect(rulesAt(findings, 'ok')).toEqual(['typ', 'alg', 'jwk', 'htm', 'htu', 'iat', 'jti', 'ath', 'nonce']);
  });

  it('names a wrong htu, a stale iat, a wrong ath and a missing nonce', async () => {
    const proof = await createDpopProof({ key, htm: 'GET', url: 'https://api.example.com/other', accessToken: 'old' });
    fx.clock.advance(10 * 60_000);
    const findings = await lintDpopProof(proof, { htm: 'GET', url: 'https://api.example.com/x', now: fx.clock.now(), accessToken: 'tok', nonce: 'n' });
    expect(rulesAt(findings, 'error')).toEqual(['htu', 'iat', 'ath', 'nonce']);
  });

  it('flags ath on a token request and refuses a non-JWT', async () => {
    const proof = await createDpopProof({ key, htm: 'POST', url: TOKEN_URL, accessToken: 'tok' });
    expect(rulesAt(await lintDpopProof(proof, { htm: 'POST', url: TOKEN_URL, now: fx.clock.now() }), 'error')).toEqual(['ath']);
    expect(await lintDpopProof('nope', { htm: 'POST', url: TOKEN_URL, now: 0 })).toEqual([{ rule: 'format', level: 'error', message: 'The proof is not a JWT.' }]);
  });
});
