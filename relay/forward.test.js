// POST /forward end to end over real sockets: the upstream's answer reported exactly, and each limit refused.
import { request } from 'node:http';

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { APP_ORIGIN, callRelay, forwardVia, startTestRelay } from './testing/relayClient.js';
import { startHttpUpstream } from './testing/upstreams.js';

const SMALL = 1024;
let upstream;
let relay;
let answer;

beforeAll(async () => {
  upstream = await startHttpUpstream((req, res) => answer(req, res));
  relay = await startTestRelay({ maxBodyBytes: SMALL });
});
afterAll(async () => {
  await relay.close();
  await upstream.close();
});
afterEach(() => {
  upstream.requests.length = 0;
});

const envelope = (overrides = {}) => ({ method: 'POST', url: `${upstream.origin}/as/token?x=1`, headers: {}, body: null, ...overrides });

describe('POST /forward reports the upstream answer', () => {
  it('sends method, path, headers and the exact body; answers status, statusText, lower-case headers and body', async () => {
    answer = (_req, res) => {
      res.writeHead(201, 'Made It', { 'X-Upstream': 'yes', 'Content-Type': 'application/json' });
      res.end('{"access_token":"t","n":"é"}');
    };
    const body = 'grant_type=client_credentials&scope=a%20b';
    const res = await forwardVia(relay, envelope({
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: 'Basic eDp5', Connection: 'keep-alive, x-drop', 'x-drop': '1', Host: 'evil.example', 'Content-Length': '999' },
      body,
    }));
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: 201, statusText: 'Made It', body: '{"access_token":"t","n":"é"}' });
    expect(res.json.headers).toMatchObject({ 'x-upstream': 'yes', 'content-type': 'application/json' });
    const [seen] = upstream.requests;
    expect(seen).toMatchObject({ method: 'POST', url: '/as/token?x=1', body });
    expect(seen.headers).toMatchObject({ authorization: 'Basic eDp5', 'content-type': 'application/x-www-form-urlencoded', host: `127.0.0.1:${upstream.port}` });
    expect(seen.headers['content-length']).toBe(String(Buffer.byteLength(body)));
    // hop-by-hop headers, and the headers `Connection` names, do not travel (RFC 9110 §7.6.1)
    expect(seen.headers['x-drop']).toBeUndefined();
    expect(seen.headers.connection).not.toBe('keep-alive, x-drop');
  });

  it('does not forward Expect or proxy-identity headers (X-Forwarded-*, Forwarded, Via, X-Real-IP)', async () => {
    answer = (_req, res) => res.end('ok');
    const res = await forwardVia(relay, envelope({
      headers: {
        Expect: '100-continue', 'X-Forwarded-For': '10.0.0.1', 'X-Forwarded-Host': 'admin.internal', 'X-Forwarded-Proto': 'https',
        'X-Forwarded-Port': '443', Forwarded: 'for=10.0.0.1;host=admin.internal', Via: '1.1 trusted-proxy', 'X-Real-IP': '10.0.0.1',
        'HTTP2-Settings': 'AAMAAABkAAQAAP__', 'X-Kept': 'yes',
      },
      body: 'a=1',
    }));
    expect(res.json).toMatchObject({ status: 200, body: 'ok' });
    const { headers } = upstream.requests[0];
    expect(headers['x-kept']).toBe('yes');
    for (const name of ['expect', 'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'forwarded', 'via', 'x-real-ip', 'http2-settings']) {
      expect(headers[name], name).toBeUndefined();
    }
  });

  it('leaves Set-Cookie and Set-Cookie2 out of the answer handed to the page', async () => {
    answer = (_req, res) => {
      res.setHeader('Set-Cookie', ['session=s3cr3t; HttpOnly', 'other=1']);
      res.setHeader('Set-Cookie2', 'legacy=1');
      res.setHeader('X-Other', 'kept');
      res.end('ok');
    };
    const res = await forwardVia(relay, envelope());
    expect(res.json.headers['x-other']).toBe('kept');
    expect(res.json.headers['set-cookie']).toBeUndefined();
    expect(res.json.headers['set-cookie2']).toBeUndefined();
    expect(JSON.stringify(res.json)).not.toContain('s3cr3t');
  });

  it('keeps the upstream connection alive: consecutive forwards to one origin share it', async () => {
    answer = (_req, res) => res.end('ok');
    await forwardVia(relay, envelope());
    await forwardVia(relay, envelope({ method: 'GET' }));
    const [first, second] = upstream.requests;
    expect(second.socket).toBe(first.socket);
  });

  it('reports a redirect as a 3xx and does not follow it', async () => {
    answer = (req, res) => {
      if (req.url === '/moved') res.writeHead(302, { location: '/elsewhere' }).end();
      else res.end('followed');
    };
    const res = await forwardVia(relay, envelope({ method: 'GET', url: `${upstream.origin}/moved` }));
    expect(res.json).toMatchObject({ status: 302, headers: { location: '/elsewhere' }, body: '' });
    expect(upstream.requests.map((r) => r.url)).toEqual(['/moved']);
  });

  it('reaches localhost by name over http (loopback is allowed)', async () => {
    answer = (_req, res) => res.end('hi');
    const res = await forwardVia(relay, envelope({ method: 'GET', url: `${upstream.localhostOrigin}/x` }));
    expect(res.json).toMatchObject({ status: 200, body: 'hi' });
  });
});

describe('POST /forward refuses malformed envelopes without contacting the upstream', () => {
  it.each([
    ['a body that is not JSON', () => '{"method": "POST", "secret-in-body', /not valid JSON/],
    ['a method it does not forward', () => ({ ...envelope(), method: 'CONNECT' }), /method must be one of/],
    ['a relative url', () => ({ ...envelope(), url: '/as/token' }), /not an absolute URL/],
    ['user info in the url', () => ({ ...envelope(), url: `http://user:pw@127.0.0.1:${upstream.port}/` }), /user name or password/],
    ['a header value that is not a string', () => ({ ...envelope(), headers: { 'x-n': 1 } }), /"x-n" must have a string value/],
    ['a header value with a line break', () => ({ ...envelope(), headers: { 'x-n': 'a\r\nx-injected: 1' } }), /"x-n" has a value/],
    ['a header given twice', () => ({ ...envelope(), headers: { Accept: 'a', accept: 'b' } }), /"accept" is given twice/],
    ['a body that is not a string', () => ({ ...envelope(), body: { a: 1 } }), /body must be the exact string/],
    ['a GET with a body', () => ({ ...envelope(), method: 'GET', body: 'x' }), /cannot carry a body/],
    ['mtls on an http: URL', () => ({ ...envelope(), mtls: { certRef: 'c.pem', keyRef: 'k.pem' } }), /mtls needs an https: URL/],
  ])('%s → 400 with its reason', async (_name, makeBody, reason) => {
    const res = await callRelay(relay, { body: makeBody() });
    expect(res.status).toBe(400);
    expect(res.json.error).toBe('relay_refused');
    expect(res.json.reason).toMatch(reason);
    expect(res.json.reason).not.toMatch(/secret-in-body|x-injected/);
    expect(upstream.requests).toHaveLength(0);
  });

  it('refuses a request body over maxBodyBytes (400) and never contacts the upstream', async () => {
    const res = await forwardVia(relay, envelope({ body: 'x'.repeat(SMALL * 2) }));
    expect(res.status).toBe(400);
    expect(res.json.reason).toMatch(`limit of ${SMALL} bytes`);
    expect(upstream.requests).toHaveLength(0);
  });
});

describe('POST /forward upstream failures', () => {
  it('an upstream body over the cap → 502 too_large', async () => {
    answer = (_req, res) => {
      res.write('y'.repeat(SMALL)); // no content-length: the cap is counted while reading
      res.end('y'.repeat(SMALL));
    };
    const res = await forwardVia(relay, envelope());
    expect(res.status).toBe(502);
    expect(res.json).toMatchObject({ error: 'relay_upstream_error', kind: 'too_large' });
    expect(res.json.reason).toMatch(`limit of ${SMALL} bytes`);
  });

  it('an upstream that declares a content-length over the cap → 502 too_large', async () => {
    answer = (_req, res) => res.writeHead(200, { 'content-length': String(SMALL * 4) }).end('z'.repeat(SMALL * 4));
    const res = await forwardVia(relay, envelope());
    expect(res.json).toMatchObject({ kind: 'too_large' });
  });

  it('nothing listening → 502 unreachable ECONNREFUSED', async () => {
    const closed = await startHttpUpstream();
    await closed.close();
    const res = await forwardVia(relay, envelope({ url: `${closed.origin}/token` }));
    expect(res.status).toBe(502);
    expect(res.json).toMatchObject({ error: 'relay_upstream_error', kind: 'unreachable', code: 'ECONNREFUSED' });
    expect(res.json.reason).toMatch(/connection refused/);
  });

  it('an upstream that never answers → 504 timeout after timeoutMs', async () => {
    const quick = await startTestRelay({ timeoutMs: 200 });
    answer = () => {}; // holds the request open
    const res = await forwardVia(quick, envelope());
    await quick.close();
    expect(res.status).toBe(504);
    expect(res.json).toMatchObject({ error: 'relay_upstream_error', kind: 'timeout', code: 'ETIMEDOUT' });
    expect(upstream.requests).toHaveLength(1);
  });
});

describe('a kept-alive connection the server closes as a request goes out on it', () => {
  // The upstream drops every connection at its second request, the way a server's idle timeout can cross a reuse.
  const dropSecond = (req, res) => {
    const socket = req.socket;
    socket.served = (socket.served ?? 0) + 1;
    if (socket.served === 2) socket.destroy();
    else res.end('fresh');
  };

  it('sends an idempotent request again, once, on a new connection (RFC 9112 §9.3.1)', async () => {
    answer = dropSecond;
    const fresh = await startTestRelay(); // its own pool: the first forward opens the connection
    await forwardVia(fresh, envelope({ method: 'GET' }));
    const res = await forwardVia(fresh, envelope({ method: 'GET' }));
    await fresh.close();
    expect(res.json).toMatchObject({ status: 200, body: 'fresh' });
    expect(upstream.requests.map((r) => r.socket.served)).toEqual([2, 2, 1]);
  });

  it('does not send a POST again (the server may have acted on it): 502 unreachable', async () => {
    answer = dropSecond;
    const fresh = await startTestRelay();
    await forwardVia(fresh, envelope({ body: 'a=1' }));
    const res = await forwardVia(fresh, envelope({ body: 'a=1' }));
    await fresh.close();
    expect(res.status).toBe(502);
    expect(res.json).toMatchObject({ kind: 'unreachable', code: 'ECONNRESET' });
    expect(upstream.requests).toHaveLength(2);
  });
});

describe('a page that goes away mid-forward', () => {
  it('is logged as a client disconnect (not a timeout), and the upstream request is aborted', async () => {
    let logged;
    const lineLogged = new Promise((resolve) => { logged = resolve; });
    const watched = await startTestRelay({ log: (line) => logged(line) });
    let arrived;
    let upstreamClosed;
    const upstreamGotIt = new Promise((resolve) => { arrived = resolve; });
    const upstreamAborted = new Promise((resolve) => { upstreamClosed = resolve; });
    answer = (_req, res) => {
      res.on('close', upstreamClosed); // never answered: only the relay's abort closes it
      arrived();
    };
    const text = JSON.stringify(envelope({ body: 'grant_type=client_credentials' }));
    const page = request({
      host: '127.0.0.1', port: watched.port, path: '/forward', method: 'POST',
      headers: { host: `localhost:${watched.port}`, origin: APP_ORIGIN, 'content-type': 'application/json' },
    });
    page.on('error', () => {}); // the page's own side of the disconnect
    page.end(text);
    await upstreamGotIt;
    page.destroy();

    const line = await lineLogged;
    await upstreamAborted;
    await watched.close();
    expect(line).toMatch(new RegExp(`^\\[relay\\] forward POST ${upstream.origin}/as/token abandoned: the page closed the connection before the answer; the upstream request was aborted \\d+ms$`));
    expect(line).not.toMatch(/did not answer|timeout/);
  });
});

describe('concurrency limit', () => {
  it('answers 503 relay_refused past maxConcurrent, without contacting the upstream for the extra request', async () => {
    const busy = await startTestRelay({ maxConcurrent: 1 });
    let release;
    let arrived;
    const firstArrived = new Promise((resolve) => { arrived = resolve; });
    answer = (_req, res) => {
      release = () => res.end('first');
      arrived();
    };
    const first = forwardVia(busy, envelope());
    await firstArrived;
    const second = await forwardVia(busy, envelope());
    expect(second.status).toBe(503);
    expect(second.json).toMatchObject({ error: 'relay_refused' });
    expect(second.json.reason).toMatch(/busy/);
    expect(upstream.requests).toHaveLength(1);
    release();
    expect((await first).json).toMatchObject({ status: 200, body: 'first' });
    await busy.close();
  });
});
