// Fault matrix for requestClientCredentialsToken: attempts, delays and the final error, on virtual time.
import { delay, http, HttpResponse } from 'msw';
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { provideEffects } from '../effects';
import { OAuthResponseError, PlaygroundError } from '../errors';
import { generateSigningKeyPair } from '../keys';
import { buildClientCredentialsBody } from './body';
import { clientSecretJwt, clientSecretPost, privateKeyJwt, type ClientAuth } from './clientAuth';
import { describeClientCredentialsRequest } from './description';
import type { AttemptInfo } from './retry';
import { setupTestEffects } from '../../../tests/support/effects';
import { setupMswServer } from '../../../tests/support/msw';
import { recordingLogger } from '../../../tests/support/recordingLogger';
import { VirtualClock } from '../../../tests/support/virtualClock';
import { requestClientCredentialsToken, type RequestClientCredentialsTokenOptions } from './token';

const TOKEN_ENDPOINT = 'https://as.example.com/env-1/as/token';
const SECRET = 'SUPER-SECRET-VALUE';
const ACCESS_TOKEN = 'eyJ.SECRET-ACCESS-TOKEN.sig';

let hits = 0;
const server = setupMswServer();
const fx = setupTestEffects(() => {
  hits = 0;
  const log = recordingLogger();
  return { clock: new VirtualClock(), logger: log.logger, log };
});

/** Answers with `fault` for the first `times` requests (default: always), then with a token. */
function serve(fault: (clock: VirtualClock) => Response | Promise<Response>, clock: VirtualClock, times = Infinity) {
  server.use(
    http.post(TOKEN_ENDPOINT, async () => {
      hits++;
      if (hits <= times) return fault(clock);
      return HttpResponse.json({ access_token: ACCESS_TOKEN, token_type: 'Bearer', expires_in: 300 });
    }),
  );
}

/** A request described afresh for every attempt, as the token function asks. */
const describeWith = (auth: ClientAuth = clientSecretPost(SECRET)) => () =>
  describeClientCredentialsRequest({
    tokenEndpoint: TOKEN_ENDPOINT,
    clientId: 'client-1',
    auth,
    params: buildClientCredentialsBody({ scope: 'read' }),
  });

async function run(clock: VirtualClock, extra: Partial<RequestClientCredentialsTokenOptions> = {}) {
  const attempts: AttemptInfo[] = [];
  const promise = requestClientCredentialsToken({
    describe: describeWith(),
    random: () => 0.5,
    onAttempt: (info) => attempts.push(info),
    ...extra,
  });
  const outcome = await clock.run(promise).then(
    (value) => ({ value, error: undefined }),
    (error: unknown) => ({ value: undefined, error: error as PlaygroundError }),
  );
  return { ...outcome, attempts };
}

const html = () => new HttpResponse('<html><body>Bad gateway</body></html>', { status: 200, headers: { 'content-type': 'text/html' } });
const oauthError = (status: number, error: string) => () => HttpResponse.json({ error, error_description: `${error} happened` }, { status });

// Full jitter with random() = 0.5: half of 250, 500, 1000.
const BACKOFF = [125, 250, 500];

type FaultCase = {
  name: string;
  fault: (clock: VirtualClock) => Response | Promise<Response>;
  attempts: number;
  code: string;
  status?: number;
  oauthError?: string;
  delays?: number[];
  /** the answer to the no-cors GET probe after a network failure (reachability.ts) */
  probe?: () => Response;
};

const faults: FaultCase[] = [
  { name: 'HTTP 500', fault: () => new HttpResponse('oops', { status: 500 }), attempts: 4, code: 'HTTP_STATUS', status: 500, delays: BACKOFF },
  { name: 'HTTP 502', fault: () => new HttpResponse(null, { status: 502 }), attempts: 4, code: 'HTTP_STATUS', status: 502, delays: BACKOFF },
  { name: 'HTTP 503', fault: () => new HttpResponse('busy', { status: 503 }), attempts: 4, code: 'HTTP_STATUS', status: 503, delays: BACKOFF },
  { name: 'HTTP 504', fault: () => new HttpResponse(null, { status: 504 }), attempts: 4, code: 'HTTP_STATUS', status: 504, delays: BACKOFF },
  {
    name: '429 + Retry-After seconds',
    fault: () => new HttpResponse(null, { status: 429, headers: { 'Retry-After': '7' } }),
    attempts: 4,
    code: 'HTTP_STATUS',
    status: 429,
    delays: [7000, 7000, 7000],
  },
  {
    name: '429 + Retry-After HTTP-date',
    fault: (clock) => new HttpResponse(null, { status: 429, headers: { 'Retry-After': new Date(clock.now() + 5000).toUTCString() } }),
    attempts: 4,
    code: 'HTTP_STATUS',
    status: 429,
    delays: [5000, 5000, 5000],
  },
  {
    name: '500 with an OAuth server_error body',
    fault: oauthError(500, 'server_error'),
    attempts: 4,
    code: 'OAUTH_ERROR',
    status: 500,
    oauthError: 'server_error',
  },
  {
    name: 'timeout',
    fault: async () => {
      await delay('infinite');
      return new HttpResponse(null);
    },
    attempts: 4,
    code: 'TIMEOUT',
    delays: BACKOFF,
  },
  // After the retries a no-cors probe asks whether anything is there: nothing is (the probe drops too).
  { name: 'network drop', fault: () => HttpResponse.error(), attempts: 4, code: 'NETWORK', delays: BACKOFF, probe: () => HttpResponse.error() },
  { name: 'HTML body on 200', fault: html, attempts: 1, code: 'INVALID_RESPONSE', status: 200 },
  {
    name: 'malformed JSON on 200',
    fault: () => new HttpResponse('{"access_token":"abc", ', { status: 200, headers: { 'content-type': 'application/json' } }),
    attempts: 1,
    code: 'INVALID_RESPONSE',
    status: 200,
  },
  {
    name: '200 without access_token',
    fault: () => HttpResponse.json({ token_type: 'Bearer', expires_in: 3600 }),
    attempts: 1,
    code: 'INVALID_RESPONSE',
    status: 200,
  },
  { name: '400 invalid_client', fault: oauthError(400, 'invalid_client'), attempts: 1, code: 'OAUTH_ERROR', status: 400, oauthError: 'invalid_client' },
  { name: '401 invalid_client', fault: oauthError(401, 'invalid_client'), attempts: 1, code: 'OAUTH_ERROR', status: 401, oauthError: 'invalid_client' },
  { name: '400 invalid_scope', fault: oauthError(400, 'invalid_scope'), attempts: 1, code: 'OAUTH_ERROR', status: 400, oauthError: 'invalid_scope' },
  {
    name: '400 unsupported_grant_type',
    fault: oauthError(400, 'unsupported_grant_type'),
    attempts: 1,
    code: 'OAUTH_ERROR',
    status: 400,
    oauthError: 'unsupported_grant_type',
  },
  { name: '403 with an empty body', fault: () => new HttpResponse(null, { status: 403 }), attempts: 1, code: 'CLIENT_AUTH_REJECTED', status: 403 },
  { name: '404 (other 4xx)', fault: () => new HttpResponse('not here', { status: 404 }), attempts: 1, code: 'HTTP_STATUS', status: 404 },
];

describe('fault matrix', () => {
  it.each(faults)('$name → $attempts attempt(s), $code', async (c) => {
    const clock = fx.clock;
    serve(c.fault, clock);
    const { probe } = c;
    if (probe) server.use(http.get(TOKEN_ENDPOINT, () => probe()));
    const { value, error, attempts } = await run(clock);

    expect(value).toBeUndefined();
    expect(error).toBeInstanceOf(PlaygroundError);
    expect(error?.code).toBe(c.code);
    expect(error?.status).toBe(c.status);
    if (c.oauthError) {
      expect(error).toBeInstanceOf(OAuthResponseError);
      expect((error as OAuthResponseError).error).toBe(c.oauthError);
      expect((error as OAuthResponseError).error_description).toBe(`${c.oauthError} happened`);
    }
    expect(hits).toBe(c.attempts);
    expect(attempts.map((a) => a.outcome)).toEqual([...Array<string>(c.attempts - 1).fill('retry'), 'failed']);
    expect(attempts.map((a) => a.attempt)).toEqual(Array.from({ length: c.attempts }, (_, i) => i + 1));
    for (const a of attempts) {
      expect(a.code).toBe(c.code);
      expect(a.status).toBe(c.status);
      expect(a.oauthError).toBe(c.oauthError);
    }
    if (c.delays) expect(attempts.slice(0, -1).map((a) => a.delayMs)).toEqual(c.delays);
    if (c.code === 'TIMEOUT') expect(attempts.every((a) => a.durationMs === 15_000)).toBe(true);
    if (c.code === 'CLIENT_AUTH_REJECTED') expect(error?.message).toBe('The server rejected the client credentials');
  });
});

describe('recovery and reporting', () => {
  it('recovers after a 503 with Retry-After and reports the honoured delay', async () => {
    const clock = fx.clock;
    const start = clock.now();
    serve(() => new HttpResponse(null, { status: 503, headers: { 'Retry-After': '3' } }), clock, 2);
    const { value, attempts } = await run(clock);

    expect(value?.response).toEqual({ access_token: ACCESS_TOKEN, token_type: 'bearer', expires_in: 300, extra: {} });
    expect(value?.record).toEqual({ accessToken: ACCESS_TOKEN, tokenType: 'bearer', expiresIn: 300, obtainedAt: start + 6000, expAt: start + 6000 + 300_000 });
    expect(attempts).toEqual([
      { attempt: 1, startedAt: start, durationMs: 0, outcome: 'retry', status: 503, code: 'HTTP_STATUS', delayMs: 3000, retryAfterMs: 3000 },
      { attempt: 2, startedAt: start + 3000, durationMs: 0, outcome: 'retry', status: 503, code: 'HTTP_STATUS', delayMs: 3000, retryAfterMs: 3000 },
      { attempt: 3, startedAt: start + 6000, durationMs: 0, outcome: 'success', status: 200 },
    ]);
  });

  it('caps a huge Retry-After at 60 s', async () => {
    const clock = fx.clock;
    serve(() => new HttpResponse(null, { status: 429, headers: { 'Retry-After': '86400' } }), clock, 1);
    const { value, attempts } = await run(clock);
    expect(value?.response.access_token).toBe(ACCESS_TOKEN);
    expect(attempts[0]).toMatchObject({ outcome: 'retry', delayMs: 60_000, retryAfterMs: 86_400_000 });
  });

  it('logs the method, path, retries and expiry under module CC, without the secret or the token', async () => {
    const clock = fx.clock;
    serve(() => new HttpResponse(null, { status: 502 }), clock, 1);
    await run(clock);
    const lines = fx.log.text();
    expect(new Set(fx.log.lines.map((l) => l.module))).toEqual(new Set(['CC']));
    expect(lines).toEqual([
      'info POST /env-1/as/token method=client_secret_post',
      'warn attempt 1 failed code=HTTP_STATUS http=502; retrying in 125ms',
      `info token acquired exp=${new Date(clock.now() + 300_000).toISOString()} token_type=bearer`,
    ]);
    expect(lines.join('\n')).not.toContain(SECRET);
    expect(lines.join('\n')).not.toContain(ACCESS_TOKEN);
  });

  it('logs failures with the OAuth error and the HTTP status', async () => {
    const clock = fx.clock;
    serve(oauthError(401, 'invalid_client'), clock);
    await run(clock);
    expect(fx.log.text().at(-1)).toBe('error token request failed code=invalid_client http=401');
  });

  it('stops waiting and reports ABORTED when the caller aborts during a backoff', async () => {
    const clock = fx.clock;
    serve(() => new HttpResponse(null, { status: 503 }), clock);
    const controller = new AbortController();
    const attempts: AttemptInfo[] = [];
    const promise = requestClientCredentialsToken({
      describe: describeWith(),
      signal: controller.signal,
      onAttempt: (info) => {
        attempts.push(info);
        if (info.outcome === 'retry') controller.abort();
      },
    });
    await expect(clock.run(promise)).rejects.toMatchObject({ code: 'ABORTED' });
    expect(hits).toBe(1);
    expect(attempts).toHaveLength(1);
  });

  it('honours retry options (no retries at all)', async () => {
    const clock = fx.clock;
    serve(() => new HttpResponse(null, { status: 500 }), clock);
    const promise = requestClientCredentialsToken({
      describe: describeWith(),
      retry: { maxRetries: 0 },
    });
    await expect(clock.run(promise)).rejects.toMatchObject({ code: 'HTTP_STATUS', status: 500 });
    expect(hits).toBe(1);
  });
});

describe('JWT client authentication under retries', () => {
  const jwtMethods: [string, () => Promise<ClientAuth>][] = [
    ['private_key_jwt', async () => privateKeyJwt((await generateSigningKeyPair('ES256')).privateKey, { alg: 'ES256' })],
    ['client_secret_jwt', async () => clientSecretJwt(SECRET)],
  ];

  it.each(jwtMethods)('%s signs a fresh assertion (new jti) for every attempt', async (_name, makeAuth) => {
    const clock = fx.clock;
    const assertions: string[] = [];
    server.use(
      http.post(TOKEN_ENDPOINT, async ({ request }) => {
        assertions.push(new URLSearchParams(await request.text()).get('client_assertion') ?? '');
        if (assertions.length <= 2) return new HttpResponse(null, { status: 503 });
        return HttpResponse.json({ access_token: ACCESS_TOKEN, token_type: 'Bearer', expires_in: 300 });
      }),
    );
    const { value } = await run(clock, { describe: describeWith(await makeAuth()) });
    expect(value?.response.access_token).toBe(ACCESS_TOKEN);
    expect(assertions).toHaveLength(3);
    const jtis = assertions.map((a) => decodeJwt(a).jti);
    expect(new Set(jtis).size).toBe(3);
  });

  it('reports each attempt’s description, so the preview shows what was sent last', async () => {
    const clock = fx.clock;
    serve(() => new HttpResponse(null, { status: 503 }), clock, 1);
    const described: number[] = [];
    await run(clock, { onDescribed: (_d, attempt) => described.push(attempt) });
    expect(described).toEqual([1, 2]);
  });
});

describe('expires_in out of range', () => {
  it.each([1e13, 1e300, '100000000000000'])('expires_in %s is INVALID_RESPONSE saying what the server sent', async (expiresIn) => {
    const clock = fx.clock;
    serve(() => HttpResponse.json({ access_token: ACCESS_TOKEN, token_type: 'Bearer', expires_in: expiresIn }), clock);
    const { error } = await run(clock);
    expect(error).toBeInstanceOf(PlaygroundError);
    expect(error?.code).toBe('INVALID_RESPONSE');
    expect(error?.status).toBe(200);
    expect(error?.message).toMatch(/expires_in/);
    expect(error?.message).toContain(String(Number(expiresIn)).slice(0, 6));
    expect(hits).toBe(1);
  });
});

describe('bad input', () => {
  it('fails before any request or attempt when the first description is refused', async () => {
    const attempts: AttemptInfo[] = [];
    const promise = requestClientCredentialsToken({
      describe: () => describeClientCredentialsRequest({ tokenEndpoint: 'javascript:alert(1)', clientId: 'c', auth: clientSecretPost(SECRET), params: buildClientCredentialsBody() }),
      onAttempt: (info) => attempts.push(info),
    });
    await expect(fx.clock.run(promise)).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'tokenEndpoint' });
    expect(attempts).toEqual([]);
    expect(hits).toBe(0);
  });
});

describe('phase timing (effects().timing, what the click-to-token bench reads)', () => {
  it('times each attempt: build around the description with sign inside it, then validate, in that order', async () => {
    const clock = fx.clock;
    const phases: string[] = [];
    const restore = provideEffects({
      timing: {
        start(phase) {
          phases.push(`${phase}:start`);
          return () => phases.push(`${phase}:end`);
        },
      },
    });
    try {
      serve(() => new HttpResponse(null, { status: 503 }), clock, 1);
      const { value } = await run(clock, { describe: describeWith(clientSecretJwt('a-client-secret-of-at-least-32-characters')) });
      expect(value?.record.accessToken).toBe(ACCESS_TOKEN);
    } finally {
      restore();
    }
    const attempt = ['build:start', 'sign:start', 'sign:end', 'build:end', 'validate:start', 'validate:end'];
    expect(phases).toEqual([...attempt, ...attempt]);
  });
});
