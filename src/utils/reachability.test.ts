// CORS vs unreachable: the no-cors probe's verdict, and a NETWORK failure turned into the error that says which.
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { setupMswServer } from '../../tests/support/msw';
import { NetworkFailureError, PlaygroundError, RelayError } from './errors';
import { diagnoseNetworkFailure, probeReachability } from './reachability';

const URL_ = 'https://auth.example.com/as/token';
const server = setupMswServer();

describe('probeReachability', () => {
  it('reads a probe that gets any answer as blocked by CORS, and sends no credentials or body', async () => {
    const seen: Array<{ method: string; mode: string; credentials: string; body: string }> = [];
    server.use(
      http.get(URL_, async ({ request }) => {
        seen.push({ method: request.method, mode: request.mode, credentials: request.credentials, body: await request.text() });
        return new HttpResponse(null, { status: 405 });
      }),
    );
    expect(await probeReachability(URL_)).toBe('cors_blocked');
    expect(seen).toEqual([{ method: 'GET', mode: 'no-cors', credentials: 'omit', body: '' }]);
  });

  it('reads a probe that gets no answer as unreachable', async () => {
    server.use(http.get(URL_, () => HttpResponse.error()));
    expect(await probeReachability(URL_)).toBe('unreachable');
  });
});

describe('diagnoseNetworkFailure', () => {
  const network = new PlaygroundError('NETWORK', 'Could not reach the token endpoint.');

  it('turns NETWORK into CORS_BLOCKED naming the origin when the server answers the probe', async () => {
    server.use(http.get(URL_, () => new HttpResponse('nope', { status: 404 })));
    const error = (await diagnoseNetworkFailure(network, URL_, 'the token endpoint')) as NetworkFailureError;
    expect(error).toBeInstanceOf(NetworkFailureError);
    expect(error).toMatchObject({ code: 'CORS_BLOCKED', reachability: 'cors_blocked', origin: 'https://auth.example.com' });
    expect(error.cause).toBe(network);
  });

  it('keeps NETWORK, now saying unreachable, when the probe fails too', async () => {
    server.use(http.get(URL_, () => HttpResponse.error()));
    expect(await diagnoseNetworkFailure(network, URL_, 'the token endpoint')).toMatchObject({ code: 'NETWORK', reachability: 'unreachable' });
  });

  it('leaves every other error alone and probes nothing (an unhandled probe would fail this test)', async () => {
    const relay = new RelayError('RELAY_UNAVAILABLE', 'x', { relayUrl: 'http://localhost:4600' });
    const timeout = new PlaygroundError('TIMEOUT', 'slow');
    expect(await diagnoseNetworkFailure(relay, URL_, 'p')).toBe(relay);
    expect(await diagnoseNetworkFailure(timeout, URL_, 'p')).toBe(timeout);
  });
});
