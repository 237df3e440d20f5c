// Step 4 with a DPoP-bound token (RFC 9449 §7, §9): the DPoP scheme, a fresh proof with ath, one nonce retry.
import { decodeJwt } from 'jose';
import { http, HttpResponse } from 'msw';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestEffects } from '../../tests/support/effects';
import { setupMswServer } from '../../tests/support/msw';
import { recordingLogger } from '../../tests/support/recordingLogger';
import { VirtualClock } from '../../tests/support/virtualClock';
import { generateDpopKey, type DpopKey } from '../utils/dpopKey';
import { accessTokenHash } from '../utils/oauth/dpop';
import { createDpopNonceMemory, DpopNonceError } from '../utils/oauth/dpopNonce';
import type { ApiExchange } from './apiExchange';
import { attemptPlatformCall } from './pingone/transport';

const URL_ = 'https://api.example.com/v1/environments/env/users/u1/devices';
const TOKEN = 'bound-access-token';
const server = setupMswServer();
const fx = setupTestEffects(() => ({ clock: new VirtualClock(), logger: recordingLogger().logger }));
let key: DpopKey;
beforeAll(async () => {
  key = await generateDpopKey();
});

const call = (dpop: { key: DpopKey; nonces: ReturnType<typeof createDpopNonceMemory> }, exchanges: ApiExchange[] = []) =>
  fx.clock.run(
    attemptPlatformCall(
      { method: 'GET', url: URL_, path: '/users/u1/devices', accessToken: TOKEN, dpop, attempt: 1 },
      { logger: recordingLogger().logger, timeoutMs: 5000, onExchange: (x) => exchanges.push(x) },
    ),
  );

const askNonce = (nonce: string) =>
  new HttpResponse(null, { status: 401, headers: { 'WWW-Authenticate': 'DPoP error="use_dpop_nonce"', 'DPoP-Nonce': nonce } });

describe('PingOne calls with a DPoP-bound token', () => {
  it('sends Authorization: DPoP and a proof with ath; retries once with the API nonce; masks the token in the exchange', async () => {
    const seen: { authorization: string | null; proof: Record<string, unknown> }[] = [];
    server.use(
      http.get(URL_, ({ request }) => {
        const proof = decodeJwt(request.headers.get('dpop') ?? '');
        seen.push({ authorization: request.headers.get('authorization'), proof });
        return proof.nonce === 'rs-1' ? HttpResponse.json({ _embedded: { devices: [] } }) : askNonce('rs-1');
      }),
    );
    const exchanges: ApiExchange[] = [];
    await expect(call({ key, nonces: createDpopNonceMemory() }, exchanges)).resolves.toEqual({ _embedded: { devices: [] } });
    expect(seen.map((s) => s.authorization)).toEqual([`DPoP ${TOKEN}`, `DPoP ${TOKEN}`]);
    expect(seen[1]?.proof).toMatchObject({ htm: 'GET', htu: URL_, ath: await accessTokenHash(TOKEN), nonce: 'rs-1' });
    expect(seen[0]?.proof.jti).not.toBe(seen[1]?.proof.jti);
    // Both sends are exchanges (the nonce round trip, then the answer), each shown as the DPoP request it was.
    expect(exchanges.map((x) => x.status)).toEqual([401, 200]);
    for (const x of exchanges) expect(x.requestHeaders.Authorization).toMatch(/^DPoP /);
    expect(JSON.stringify(exchanges)).not.toContain(TOKEN);
  });

  it('stops with a DpopNonceError when the API asks again', async () => {
    let n = 0;
    server.use(http.get(URL_, () => askNonce(`rs-${++n}`)));
    await expect(call({ key, nonces: createDpopNonceMemory() })).rejects.toBeInstanceOf(DpopNonceError);
    expect(n).toBe(2);
  });
});
