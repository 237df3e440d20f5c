// The relay transport: fetchWithTimeout's relay option sends the /forward envelope and reads the answer as the
// upstream Response; the relay's refusals, upstream failures and absence are typed errors (msw, unhandled = error).
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { setupMswServer } from '../../tests/support/msw';
import { RelayError } from './errors';
import { fetchWithTimeout } from './http';
import { toForwardEnvelope, type RelayRoute } from './relay';

const RELAY = 'http://localhost:4600';
const TARGET = 'https://auth.example.com/as/token';
const server = setupMswServer();

/** Answers /forward with `answer` and keeps what the app sent. */
function relayAnswers(answer: () => Response) {
  const sent: Array<{ body: unknown; contentType: string | null }> = [];
  server.use(
    http.post(`${RELAY}/forward`, async ({ request }) => {
      sent.push({ body: await request.json(), contentType: request.headers.get('content-type') });
      return answer();
    }),
  );
  return sent;
}

const send = (relay: RelayRoute = { url: `${RELAY}/` }) =>
  fetchWithTimeout(
    TARGET,
    { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: 'Basic abc' }, body: 'grant_type=client_credentials' },
    { peer: 'the token endpoint', relay },
  );

describe('fetchWithTimeout through the relay', () => {
  it('sends the request as a JSON /forward envelope with the exact body and headers', async () => {
    const sent = relayAnswers(() => HttpResponse.json({ status: 200, statusText: 'OK', headers: { 'content-type': 'application/json' }, body: '{"access_token":"t"}' }));
    await send();
    expect(sent[0]?.contentType).toBe('application/json');
    expect(sent[0]?.body).toEqual({
      method: 'POST',
      url: TARGET,
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: 'Basic abc' },
      body: 'grant_type=client_credentials',
    });
  });

  it('returns the upstream status, headers and body as a Response', async () => {
    relayAnswers(() =>
      HttpResponse.json({ status: 401, statusText: 'Unauthorized', headers: { 'content-type': 'application/json', 'retry-after': '7' }, body: '{"error":"invalid_client"}' }),
    );
    const response = await send();
    expect(response.status).toBe(401);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(await response.json()).toEqual({ error: 'invalid_client' });
  });

  it('reports an upstream redirect as the 3xx it was (the relay follows none)', async () => {
    relayAnswers(() => HttpResponse.json({ status: 302, statusText: 'Found', headers: { location: 'https://login.example.com/' }, body: '' }));
    const response = await send();
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('https://login.example.com/');
  });

  it('gives a 204 a null body', async () => {
    relayAnswers(() => HttpResponse.json({ status: 204, statusText: 'No Content', headers: {}, body: '' }));
    expect((await send()).body).toBeNull();
  });

  it('carries the mTLS reference in the envelope', async () => {
    const sent = relayAnswers(() => HttpResponse.json({ status: 200, statusText: 'OK', headers: {}, body: '{}' }));
    await send({ url: RELAY, mtls: { certRef: 'c.pem', keyRef: 'k.pem', caRef: 'ca.pem' } });
    expect((sent[0]?.body as { mtls: unknown }).mtls).toEqual({ certRef: 'c.pem', keyRef: 'k.pem', caRef: 'ca.pem' });
  });

  it('turns relay_refused into RELAY_REFUSED with its reason, without a status', async () => {
    relayAnswers(() => HttpResponse.json({ error: 'relay_refused', reason: 'http:// goes to loopback only' }, { status: 403 }));
    const error = (await send().catch((e: unknown) => e)) as RelayError;
    expect(error).toBeInstanceOf(RelayError);
    expect(error).toMatchObject({ code: 'RELAY_REFUSED', reason: 'http:// goes to loopback only', relayUrl: RELAY, status: undefined });
  });

  it('turns relay_upstream_error into RELAY_UPSTREAM_ERROR with kind, code and reason', async () => {
    relayAnswers(() =>
      HttpResponse.json({ error: 'relay_upstream_error', kind: 'tls', code: 'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED', reason: 'the server wanted a client certificate' }, { status: 502 }),
    );
    const error = (await send().catch((e: unknown) => e)) as RelayError;
    expect(error).toMatchObject({ code: 'RELAY_UPSTREAM_ERROR', kind: 'tls', upstreamCode: 'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED' });
  });

  it('keeps a hostile reason as short printable text', async () => {
    const hostile = `<img src=x onerror=alert(1)>\u0000\u001b[31m${'x'.repeat(500)}`;
    relayAnswers(() => HttpResponse.json({ error: 'relay_refused', reason: hostile }, { status: 400 }));
    const error = (await send().catch((e: unknown) => e)) as RelayError;
    expect(error.reason).toMatch(/^<img src=x onerror=alert\(1\)> {2}\[31m/);
    expect(error.reason!.length).toBeLessThanOrEqual(301);
  });

  it('says RELAY_UNAVAILABLE when nothing answers at the relay, never NETWORK', async () => {
    server.use(http.post(`${RELAY}/forward`, () => HttpResponse.error()));
    const error = (await send().catch((e: unknown) => e)) as RelayError;
    expect(error).toMatchObject({ code: 'RELAY_UNAVAILABLE', relayUrl: RELAY });
  });

  it('says RELAY_UNAVAILABLE when another program answers on the relay port', async () => {
    server.use(http.post(`${RELAY}/forward`, () => new HttpResponse('<html>vite</html>', { status: 404 })));
    expect(await send().catch((e: unknown) => e)).toMatchObject({ code: 'RELAY_UNAVAILABLE' });
  });
});

describe('toForwardEnvelope', () => {
  it('refuses a body that is not a string instead of sending something else', () => {
    expect(() => toForwardEnvelope(TARGET, { method: 'POST', body: new Blob(['x']) })).toThrow(TypeError);
  });

  it('sends null for no body and upper-cases the method', () => {
    expect(toForwardEnvelope(TARGET, { method: 'get' })).toEqual({ method: 'GET', url: TARGET, headers: {}, body: null });
  });
});
