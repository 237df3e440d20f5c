// Fault injection on the token endpoint and the APIs: statuses, Retry-After, broken bodies, drops, delays, preflights.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { parseFault } from './faults.js';
import { SandboxInputError } from './inputError.js';
import { admin, basicAuthorization, requestToken, startTestSandbox } from './testing/sandbox.js';

const APP_ORIGIN = 'http://localhost:5173';
const basic = { authorization: basicAuthorization('sandbox-basic', 'demo-secret-basic-DO-NOT-USE-IN-PRODUCTION') };
let sandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());
afterEach(async () => {
  await admin(sandbox, 'DELETE', '/faults');
});

async function inject(fault) {
  const res = await admin(sandbox, 'POST', '/faults', fault);
  expect(res.status).toBe(201);
  return res.json();
}

const apiUrl = () => `${sandbox.baseUrl}/v1/environments/${sandbox.envId}/users`;

describe('token endpoint faults', () => {
  it('503 twice, then the real token endpoint answers', async () => {
    await inject({ target: 'token', count: 2, status: 503 });
    for (let i = 0; i < 2; i += 1) {
      const res = await requestToken(sandbox, {}, basic);
      expect(res.status).toBe(503);
      expect((await res.json()).error).toBe('temporarily_unavailable');
    }
    const ok = await requestToken(sandbox, {}, basic);
    expect(ok.status).toBe(200);
    expect(typeof (await ok.json()).access_token).toBe('string');
  });

  it('429 carries Retry-After (seconds or HTTP date) readable by the app origin', async () => {
    const date = new Date(Date.UTC(2030, 0, 1)).toUTCString();
    await inject({ target: 'token', count: 1, status: 429, retryAfter: 7 });
    await inject({ target: 'token', count: 1, status: 503, retryAfter: date });
    const first = await requestToken(sandbox, {}, { ...basic, origin: APP_ORIGIN });
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('7');
    expect(first.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    expect(first.headers.get('access-control-expose-headers')).toMatch(/Retry-After/);
    const second = await requestToken(sandbox, {}, basic);
    expect(second.status).toBe(503);
    expect(second.headers.get('retry-after')).toBe(date);
  });

  it('a body-only fault answers 200 with that raw body (malformed JSON)', async () => {
    await inject({ target: 'token', count: 1, body: '{bad json' });
    const res = await requestToken(sandbox, {}, basic);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(await res.text()).toBe('{bad json');
  });

  it('a dropped connection makes the request fail at the network level', async () => {
    await inject({ target: 'token', count: 1, drop: true });
    await expect(requestToken(sandbox, {}, basic)).rejects.toThrow(TypeError);
    expect((await requestToken(sandbox, {}, basic)).status).toBe(200);
  });

  it('a delay-only fault continues to the real handler', async () => {
    await inject({ target: 'token', count: 1, delayMs: 20 });
    expect((await requestToken(sandbox, {}, basic)).status).toBe(200);
    expect(await (await admin(sandbox, 'GET', '/faults')).json()).toEqual([]);
  });
});

describe('API faults', () => {
  it('body-only HTML answers 200 text/html; status faults use the PingOne error shape', async () => {
    await inject({ target: 'api', count: 1, body: '<html><body>Gateway page</body></html>' });
    await inject({ target: 'api', count: 1, status: 429, retryAfter: 3 });
    const html = await fetch(apiUrl());
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toMatch(/text\/html/);
    expect(await html.text()).toContain('Gateway page');
    const limited = await fetch(apiUrl());
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    expect(await limited.json()).toMatchObject({ code: 'REQUEST_LIMITED', details: [{ innerError: { retryAfter: 3 } }] });
  });

  it('the microauthd token endpoint is not an API target', async () => {
    await inject({ target: 'api', count: 1, status: 500 });
    const res = await fetch(`${sandbox.baseUrl}/microauthd/token`, { method: 'POST' });
    expect(res.status).not.toBe(500);
    expect((await (await admin(sandbox, 'GET', '/faults')).json())[0].remaining).toBe(1);
  });

  it('preflights never consume a fault', async () => {
    await inject({ target: 'api', count: 1, status: 500 });
    await inject({ target: 'token', count: 1, status: 500 });
    const preflight = { origin: APP_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' };
    const api = await fetch(apiUrl(), { method: 'OPTIONS', headers: preflight });
    expect(api.status).toBe(204);
    expect(api.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    expect(api.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    const token = await fetch(sandbox.tokenEndpoint, { method: 'OPTIONS', headers: preflight });
    expect(token.status).toBe(204);
    const faults = await (await admin(sandbox, 'GET', '/faults')).json();
    expect(faults.map((f) => [f.target, f.remaining])).toEqual([['api', 1], ['token', 1]]);
  });
});

describe('values that could not be sent are refused at the door (400 naming the field), not at the next request', () => {
  it.each([
    [{ target: 'token', status: 429, retryAfter: '5\u0000' }, 'retryAfter'],
    [{ target: 'token', status: 429, retryAfter: '5\r\nSet-Cookie: x=1' }, 'retryAfter'],
    [{ target: 'token', status: 503, retryAfter: 'Tue, 01 Jan 2030 00:00:00 GMT\r\n' }, 'retryAfter'],
    [{ target: 'token', status: 503, retryAfter: '2030-01-01' }, 'retryAfter'],
    [{ target: 'token', body: 'x', contentType: 'text/html; charset=utf-8\u0000' }, 'contentType'],
    [{ target: 'api', body: 'x', contentType: 'text/html; charset=utf-8\r\nX-Injected: 1' }, 'contentType'],
  ])('%j → 400 %s, and the token endpoint keeps answering normally', async (fault, field) => {
    const res = await admin(sandbox, 'POST', '/faults', fault);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_request', field });
    const token = await requestToken(sandbox, {}, basic);
    expect(token.status).toBe(200);
  });

  it('keeps accepting the values it sends as they are: seconds, an IMF-fixdate, a media type with parameters', async () => {
    await inject({ target: 'token', status: 503, retryAfter: '120' });
    await inject({ target: 'token', body: '<p>down</p>', contentType: 'text/html; charset="utf-8"' });
    expect((await requestToken(sandbox, {}, basic)).headers.get('retry-after')).toBe('120');
    const html = await requestToken(sandbox, {}, basic);
    expect([html.status, html.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
  });
});

describe('GET and DELETE /sandbox/faults', () => {
  it('lists active faults with target and remaining, and DELETE clears them', async () => {
    await inject({ target: 'token', count: 3, status: 500 });
    await requestToken(sandbox, {}, basic);
    const listed = await (await admin(sandbox, 'GET', '/faults')).json();
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ target: 'token', count: 3, remaining: 2, status: 500 });
    expect((await admin(sandbox, 'DELETE', '/faults')).status).toBe(204);
    expect(await (await admin(sandbox, 'GET', '/faults')).json()).toEqual([]);
    expect((await requestToken(sandbox, {}, basic)).status).toBe(200);
  });
});

describe('parseFault validation names the field', () => {
  it.each([
    [{ count: 1, status: 500 }, 'target'],
    [{ target: 'db', status: 500 }, 'target'],
    [{ target: 'api', count: 0, status: 500 }, 'count'],
    [{ target: 'api', count: 1.5, status: 500 }, 'count'],
    [{ target: 'api', status: 99 }, 'status'],
    [{ target: 'api', status: 429, retryAfter: 'soon' }, 'retryAfter'],
    [{ target: 'api', retryAfter: 5, body: 'x' }, 'retryAfter'],
    [{ target: 'api', delayMs: -1 }, 'delayMs'],
    [{ target: 'api', drop: 'yes' }, 'drop'],
    [{ target: 'api', drop: true, status: 500 }, 'drop'],
    [{ target: 'api', body: 42 }, 'body'],
    [{ target: 'api' }, 'status'],
    [[], 'body'],
  ])('%j → %s', (input, field) => {
    let caught;
    try {
      parseFault(input);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(SandboxInputError);
    expect(caught.field).toBe(field);
  });

  it('defaults count to 1', () => {
    expect(parseFault({ target: 'token', status: 503 })).toMatchObject({ count: 1, remaining: 1 });
  });
});
