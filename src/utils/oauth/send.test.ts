// sendTokenRequest: exact request on the wire, typed NETWORK/TIMEOUT/ABORTED errors, clock-driven timeout.
import { setupMswServer } from '../../../tests/support/msw';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { RequestDescription } from './description';
import { sendTokenRequest } from './send';
import { setupTestEffects } from '../../../tests/support/effects';
import { VirtualClock } from '../../../tests/support/virtualClock';
import { provideEffects } from '../effects';

const URL_ = 'https://as.example.com/token';
const desc: RequestDescription = {
  url: URL_,
  method: 'POST',
  headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8', Accept: 'application/json', Authorization: 'Basic eDp5' },
  body: 'grant_type=client_credentials&scope=a+b',
};

const server = setupMswServer();
// Each test may provide its own fetch on top; setupTestEffects puts everything back afterwards.
const fx = setupTestEffects(() => ({ clock: new VirtualClock() }));

/** A fetch that never answers and ignores its signal: the timeout must still win. */
const hangingFetch: typeof fetch = () => new Promise<Response>(() => undefined);

describe('sendTokenRequest', () => {
  it('sends the description exactly, and returns any status as a Response', async () => {
    let seen: { method: string; headers: Record<string, string>; body: string } | undefined;
    server.use(
      http.post(URL_, async ({ request }) => {
        seen = { method: request.method, headers: Object.fromEntries(request.headers), body: await request.text() };
        return new HttpResponse('nope', { status: 418 });
      }),
    );
    const response = await sendTokenRequest(desc);
    expect(response.status).toBe(418);
    expect(seen).toMatchObject({
      method: 'POST',
      body: desc.body,
      headers: { 'content-type': desc.headers['Content-Type'], accept: 'application/json', authorization: 'Basic eDp5' },
    });
  });

  it('does not follow redirects or send cookies', async () => {
    let init: RequestInit | undefined;
    const spy: typeof fetch = async (_url, i) => {
      init = i;
      return new Response(null, { status: 302 });
    };
    provideEffects({ fetch: spy });
    await sendTokenRequest(desc);
    expect(init).toMatchObject({ redirect: 'manual', credentials: 'omit', method: 'POST', body: desc.body });
  });

  it('uses the global fetch looked up at call time when none is provided (msw patches it)', async () => {
    server.use(http.post(URL_, () => HttpResponse.json({ ok: true })));
    expect((await sendTokenRequest(desc)).status).toBe(200);
  });

  it('maps a dropped connection to NETWORK', async () => {
    server.use(http.post(URL_, () => HttpResponse.error()));
    await expect(sendTokenRequest(desc)).rejects.toMatchObject({ code: 'NETWORK' });
  });

  it('times out on the injected clock (default 15 s), even when fetch ignores its signal', async () => {
    const clock = fx.clock;
    const start = clock.now();
    provideEffects({ fetch: hangingFetch });
    await expect(clock.run(sendTokenRequest(desc))).rejects.toMatchObject({ code: 'TIMEOUT' });
    expect(clock.now() - start).toBe(15_000);
    expect(clock.pending).toBe(0);
  });

  it('honours a custom timeout and aborts the fetch signal', async () => {
    const clock = fx.clock;
    let signal: AbortSignal | undefined;
    const fetchSpy: typeof fetch = (_u, init) => {
      signal = init?.signal ?? undefined;
      return new Promise<Response>(() => undefined);
    };
    provideEffects({ fetch: fetchSpy });
    await expect(clock.run(sendTokenRequest(desc, { timeoutMs: 500 }))).rejects.toMatchObject({ code: 'TIMEOUT' });
    expect(clock.scheduled).toEqual([500]);
    expect(signal?.aborted).toBe(true);
  });

  it('reports a caller abort as ABORTED, before and during the request', async () => {
    const before = new AbortController();
    before.abort();
    provideEffects({ fetch: hangingFetch });
    await expect(sendTokenRequest(desc, { signal: before.signal })).rejects.toMatchObject({ code: 'ABORTED' });

    const during = new AbortController();
    const clock = fx.clock;
    const promise = sendTokenRequest(desc, { signal: during.signal });
    during.abort();
    await expect(promise).rejects.toMatchObject({ code: 'ABORTED' });
    expect(clock.pending).toBe(0);
  });

  it('clears its timer once the response arrives', async () => {
    const clock = fx.clock;
    provideEffects({ fetch: async () => new Response('{}') });
    await sendTokenRequest(desc);
    expect(clock.pending).toBe(0);
  });
});
