// A DPoP token request end to end against msw: a fresh proof per send, the nonce retry, the resource headers.
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { http, HttpResponse } from 'msw';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestEffects } from '../../../tests/support/effects';
import { setupMswServer } from '../../../tests/support/msw';
import { VirtualClock } from '../../../tests/support/virtualClock';
import { checkDpopBinding } from '../dpopBinding';
import { generateDpopKey, type DpopKey } from '../dpopKey';
import { clientSecretBasic } from './clientAuth';
import { describeClientCredentialsRequest } from './description';
import { accessTokenHash } from './dpop';
import { createDpopNonceMemory } from './dpopNonce';
import { dpopResourceHeaders, sendDpopTokenRequest } from './dpopRequest';
import { processTokenResponse } from './response';

const TOKEN_URL = 'https://as.example.com/env/as/token';
const server = setupMswServer();
const fx = setupTestEffects(() => ({ clock: new VirtualClock() }));
let key: DpopKey;
beforeAll(async () => {
  key = await generateDpopKey();
});

describe('sendDpopTokenRequest', () => {
  it('sends a fresh proof per attempt, retries once with the nonce, and returns the DPoP token', async () => {
    const proofs: string[] = [];
    server.use(
      http.post(TOKEN_URL, ({ request }) => {
        const proof = request.headers.get('dpop') ?? '';
        proofs.push(proof);
        if (decodeJwt(proof).nonce !== 'n1') return HttpResponse.json({ error: 'use_dpop_nonce' }, { status: 400, headers: { 'DPoP-Nonce': 'n1' } });
        return HttpResponse.json({ access_token: 'at', token_type: 'DPoP', expires_in: 60 });
      }),
    );
    const desc = await describeClientCredentialsRequest({ tokenEndpoint: TOKEN_URL, clientId: 'c', auth: clientSecretBasic('s'), params: new URLSearchParams({ grant_type: 'client_credentials' }) });
    const shown: string[] = [];
    const response = await fx.clock.run(sendDpopTokenRequest(desc, { key, nonces: createDpopNonceMemory(), onProof: (p, d) => shown.push(d.headers.DPoP ?? p) }));
    expect((await processTokenResponse(response)).token_type).toBe('dpop');
    expect(proofs).toHaveLength(2);
    expect(shown).toEqual(proofs);
    expect(new Set(proofs.map((p) => decodeJwt(p).jti)).size).toBe(2);
    expect(decodeJwt(proofs[0]!)).toMatchObject({ htm: 'POST', htu: TOKEN_URL });
    expect(decodeProtectedHeader(proofs[1]!).jwk).toEqual(key.publicJwk);
    expect(desc.headers).not.toHaveProperty('DPoP');
  });
});

describe('dpopResourceHeaders', () => {
  it('sends the token with the DPoP scheme and a proof carrying its ath', async () => {
    const headers = await dpopResourceHeaders({ key, method: 'GET', url: 'https://api.example.com/v1/x?y=1', accessToken: 'at', nonce: 'n' });
    expect(headers.Authorization).toBe('DPoP at');
    expect(decodeJwt(headers.DPoP)).toMatchObject({ htm: 'GET', htu: 'https://api.example.com/v1/x', ath: await accessTokenHash('at'), nonce: 'n' });
  });
});

describe('checkDpopBinding', () => {
  const failed = (results: { check: string; ok: boolean }[]) => results.filter((r) => !r.ok).map((r) => r.check);
  it('accepts a DPoP token whose cnf.jkt is the key thumbprint', () => {
    expect(failed(checkDpopBinding({ cnf: { jkt: key.jkt } }, 'dpop', key.jkt))).toEqual([]);
  });
  it('names a Bearer token, a missing cnf and another key', () => {
    expect(failed(checkDpopBinding({}, 'bearer', key.jkt))).toEqual(['token_type', 'cnf.jkt']);
    expect(failed(checkDpopBinding({ cnf: { jkt: 'other' } }, 'dpop', key.jkt))).toEqual(['cnf.jkt']);
  });
  it('says an opaque token needs introspection', () => {
    expect(checkDpopBinding(null, 'dpop', key.jkt)).toContainEqual(expect.objectContaining({ check: 'cnf.jkt', ok: true }));
  });
});
