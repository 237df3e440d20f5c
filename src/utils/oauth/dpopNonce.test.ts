// DPoP nonces on a virtual clock: one retry with the server's nonce, remembered per origin, never a loop.
import { decodeJwt } from 'jose';
import { http, HttpResponse } from 'msw';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestEffects } from '../../../tests/support/effects';
import { setupMswServer } from '../../../tests/support/msw';
import { VirtualClock } from '../../../tests/support/virtualClock';
import { generateDpopKey, type DpopKey } from '../dpopKey';
import { fetchWithTimeout } from '../http';
import { createDpopProof } from './dpop';
import { createDpopNonceMemory, DpopNonceError, isUseDpopNonceChallenge, sendWithDpopNonce, type DpopNonceMemory } from './dpopNonce';

const TOKEN_URL = 'https://as.example.com/env/as/token';
const API_URL = 'https://api.example.com/v1/users/u1/devices';

const server = setupMswServer();
const fx = setupTestEffects(() => ({ clock: new VirtualClock() }));
let key: DpopKey;
beforeAll(async () => {
  key = await generateDpopKey();
});

/** The nonce each request's proof carried, in order. */
let seen: (string | undefined)[] = [];
const proofNonce = (request: Request) => decodeJwt(request.headers.get('dpop') ?? '').nonce as string | undefined;

const useNonceAtToken = (nonce: string | null) =>
  HttpResponse.json({ error: 'use_dpop_nonce', error_description: 'nonce required' }, { status: 400, headers: nonce ? { 'DPoP-Nonce': nonce } : {} });
const useNonceAtApi = (nonce: string) =>
  new HttpResponse(null, { status: 401, headers: { 'WWW-Authenticate': 'DPoP error="use_dpop_nonce", error_description="nonce"', 'DPoP-Nonce': nonce } });

/** A server that wants `nonce` (answering with `ask` otherwise) and then answers `ok`. */
function serve(method: 'post' | 'get', url: string, want: string, ask: () => Response, ok: () => Response) {
  server.use(
    http[method](url, ({ request }) => {
      seen.push(proofNonce(request));
      return proofNonce(request) === want ? ok() : ask();
    }),
  );
}

function send(url: string, method: 'POST' | 'GET', memory: DpopNonceMemory) {
  seen = [];
  return fx.clock.run(
    sendWithDpopNonce(
      url,
      async (nonce) => {
        const dpop = await createDpopProof({ key, htm: method, url, nonce, accessToken: method === 'GET' ? 'tok' : undefined });
        return fetchWithTimeout(url, { method, headers: { DPoP: dpop } }, { peer: 'the server' });
      },
      memory,
    ),
  );
}

describe('sendWithDpopNonce', () => {
  it('retries a token request once with the nonce of a 400 use_dpop_nonce, and starts with it next time', async () => {
    const memory = createDpopNonceMemory();
    serve('post', TOKEN_URL, 'n-1', () => useNonceAtToken('n-1'), () => HttpResponse.json({ access_token: 'a', token_type: 'DPoP' }));
    const response = await send(TOKEN_URL, 'POST', memory);
    expect(response.status).toBe(200);
    expect(seen).toEqual([undefined, 'n-1']);
    expect(memory.get(TOKEN_URL)).toBe('n-1');

    await send(TOKEN_URL, 'POST', memory);
    expect(seen).toEqual(['n-1']);
  });

  it('retries a resource request once after a 401 WWW-Authenticate: DPoP error="use_dpop_nonce"', async () => {
    const memory = createDpopNonceMemory();
    serve('get', API_URL, 'api-n', () => useNonceAtApi('api-n'), () => HttpResponse.json({ _embedded: { devices: [] } }));
    expect((await send(API_URL, 'GET', memory)).status).toBe(200);
    expect(seen).toEqual([undefined, 'api-n']);
  });

  it('keeps nonces per origin: the token endpoint nonce is not sent to the API', async () => {
    const memory = createDpopNonceMemory();
    serve('post', TOKEN_URL, 'as-n', () => useNonceAtToken('as-n'), () => HttpResponse.json({}));
    await send(TOKEN_URL, 'POST', memory);
    serve('get', API_URL, 'api-n', () => useNonceAtApi('api-n'), () => HttpResponse.json({}));
    await send(API_URL, 'GET', memory);
    expect(seen).toEqual([undefined, 'api-n']);
    expect([memory.get(TOKEN_URL), memory.get(API_URL)]).toEqual(['as-n', 'api-n']);
  });

  it('stops after one retry when the server keeps asking: a nonce loop error, two requests in all', async () => {
    let n = 0;
    server.use(
      http.post(TOKEN_URL, ({ request }) => {
        seen.push(proofNonce(request));
        return useNonceAtToken(`n-${++n}`);
      }),
    );
    const error = await send(TOKEN_URL, 'POST', createDpopNonceMemory()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DpopNonceError);
    expect(error).toMatchObject({ code: 'OAUTH_ERROR', error: 'use_dpop_nonce', reason: 'nonce_loop', status: 400 });
    expect(seen).toEqual([undefined, 'n-1']);
  });

  it('does not retry when the server asks for a nonce without giving one', async () => {
    server.use(
      http.post(TOKEN_URL, ({ request }) => {
        seen.push(proofNonce(request));
        return useNonceAtToken(null);
      }),
    );
    const error = await send(TOKEN_URL, 'POST', createDpopNonceMemory()).catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: 'nonce_missing', error: 'use_dpop_nonce' });
    expect(seen).toHaveLength(1);
  });

  it('returns any other answer untouched, body unread, and keeps a rotated nonce from a success', async () => {
    const memory = createDpopNonceMemory();
    server.use(http.post(TOKEN_URL, () => HttpResponse.json({ error: 'invalid_dpop_proof' }, { status: 400, headers: { 'DPoP-Nonce': 'rot' } })));
    const refused = await send(TOKEN_URL, 'POST', memory);
    expect(await refused.json()).toEqual({ error: 'invalid_dpop_proof' });
    expect(memory.get(TOKEN_URL)).toBe('rot');
    server.use(http.post(TOKEN_URL, () => new HttpResponse('<html>', { status: 400 })));
    expect((await send(TOKEN_URL, 'POST', memory)).status).toBe(400);
  });

  it('forgets the oldest origin past its bound, and clears', () => {
    const memory = createDpopNonceMemory();
    const withNonce = (nonce: string) => new Response(null, { headers: { 'DPoP-Nonce': nonce } });
    for (let i = 0; i < 40; i++) memory.remember(`https://s${i}.example.com/x`, withNonce(`n${i}`));
    expect(memory.get('https://s0.example.com/')).toBeUndefined();
    expect(memory.get('https://s39.example.com/y')).toBe('n39');
    memory.clear();
    expect(memory.get('https://s39.example.com/y')).toBeUndefined();
  });
});

describe('isUseDpopNonceChallenge', () => {
  it.each([
    ['DPoP error="use_dpop_nonce"', true],
    ['Bearer realm="x", DPoP algs="ES256", error="use_dpop_nonce"', true],
    ['dpop error=use_dpop_nonce', true],
    ['DPoP error="invalid_dpop_proof"', false],
    ['Bearer error="use_dpop_nonce"', false],
    [null, false],
  ])('%s → %s', (header, expected) => {
    expect(isUseDpopNonceChallenge(header)).toBe(expected);
  });
});
