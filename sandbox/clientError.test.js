// Requests Node's parser refuses (431 headers too large, 400 malformed) are answered with JSON, and with CORS for
// the app's origins, so a browser shows the status instead of "blocked by CORS". Raw sockets: fetch cannot send these.
import { connect } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startTestSandbox } from './testing/sandbox.js';

const APP_ORIGIN = 'http://localhost:5173';
let sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

/** Writes `head` (CRLF-joined lines, then a blank line) in one write and reads until the server closes. */
function rawRequest(lines) {
  const { port } = new URL(sandbox.baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(`${lines.join('\r\n')}\r\n\r\n`));
    const chunks = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const [head, body] = text.split('\r\n\r\n');
      const [statusLine, ...headerLines] = head.split('\r\n');
      const headers = Object.fromEntries(headerLines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body });
    });
  });
}

const tokenPath = () => new URL(sandbox.tokenEndpoint).pathname;
const hugeAuthorization = `Authorization: Basic ${'A'.repeat(20_000)}`;

describe('431 Request Header Fields Too Large', () => {
  it('carries Access-Control-Allow-Origin for the app origin, and a JSON body', async () => {
    const res = await rawRequest([`POST ${tokenPath()} HTTP/1.1`, 'Host: localhost', `Origin: ${APP_ORIGIN}`, hugeAuthorization, 'Content-Length: 0']);
    expect(res.status).toBe(431);
    expect(res.headers['access-control-allow-origin']).toBe(APP_ORIGIN);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(JSON.parse(res.body)).toMatchObject({ error: 'invalid_request', message: expect.stringMatching(/headers are larger/) });
  });

  it('finds the Origin after the oversized header too', async () => {
    const res = await rawRequest([`POST ${tokenPath()} HTTP/1.1`, 'Host: localhost', hugeAuthorization, `Origin: ${APP_ORIGIN}`, 'Content-Length: 0']);
    expect([res.status, res.headers['access-control-allow-origin']]).toEqual([431, APP_ORIGIN]);
  });

  it('gives a foreign origin no CORS header (and never echoes what it was sent)', async () => {
    const res = await rawRequest([`GET /v1/x HTTP/1.1`, 'Host: localhost', 'Origin: https://evil.example', hugeAuthorization]);
    expect(res.status).toBe(431);
    expect(res.headers).not.toHaveProperty('access-control-allow-origin');
  });
});

it('a malformed request line is still a 400, with CORS for the app origin', async () => {
  const res = await rawRequest(['GET /\u0001 HTTP/1.1', 'Host: localhost', `Origin: ${APP_ORIGIN}`]);
  expect(res.status).toBe(400);
  expect(res.headers['access-control-allow-origin']).toBe(APP_ORIGIN);
  expect(res.body).not.toMatch(/\bat |file:/);
});
