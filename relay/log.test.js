// The relay's log: one line per forward with method, origin + path, outcome, duration and `mtls` — and nothing secret.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { createCa, issue } from './testing/certificates.js';
import { callRelay, forwardVia, startTestRelay } from './testing/relayClient.js';
import { startHttpsUpstream, startHttpUpstream } from './testing/upstreams.js';

const SECRET_HEADER = 'Bearer s3cr3t-header-value-7f1c';
const SECRET_BODY = 'client_secret=s3cr3t-body-value-99aa';
const ASSERTION = 'eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJjbGllbnQtbG9nLXRlc3QifQ.c2lnbmF0dXJlLWxvZy10ZXN0';
const QUERY_SECRET = 'code=s3cr3t-query-value';

describe('forward log', () => {
  let certDir;
  let upstream;
  let tlsUpstream;
  let relay;
  let client;
  let ca;
  const consoleOut = [];

  beforeAll(async () => {
    certDir = await mkdtemp(join(tmpdir(), 'relay-log-'));
    ca = await createCa('CN=Log Test CA');
    const [server, issued] = await Promise.all([issue(ca, { server: true }), issue(ca, { subject: 'CN=log-client' })]);
    client = issued;
    await Promise.all([writeFile(join(certDir, 'c.pem'), client.certPem), writeFile(join(certDir, 'k.pem'), client.keyPem), writeFile(join(certDir, 'ca.pem'), ca.certPem)]);
    // The upstream echoes what it got, so the secrets also travel back through the relay's response.
    const echo = (req, res) => res.writeHead(200, { 'x-echo': req.headers.authorization ?? '' }).end(req.body);
    upstream = await startHttpUpstream(echo);
    tlsUpstream = await startHttpsUpstream({ ...server, clientCa: ca }, echo);
    relay = await startTestRelay({ certDir });
    for (const method of ['log', 'info', 'warn', 'error', 'debug']) {
      vi.spyOn(console, method).mockImplementation((...args) => consoleOut.push(args.join(' ')));
    }
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await Promise.all([relay.close(), upstream.close(), tlsUpstream.close()]);
    await rm(certDir, { recursive: true });
  });

  it('names method, origin + path, status, duration and mtls; never a header, body, query, certificate, key or id', async () => {
    const body = `grant_type=client_credentials&${SECRET_BODY}&client_assertion=${ASSERTION}`;
    const headers = { authorization: SECRET_HEADER, 'x-api-key': SECRET_HEADER };
    const plain = await forwardVia(relay, { method: 'POST', url: `${upstream.origin}/as/token?${QUERY_SECRET}#frag`, headers, body });
    expect(plain.json.body).toBe(body);

    const upload = await callRelay(relay, { path: '/credentials', body: { cert: client.certPem, key: client.keyPem, ca: ca.certPem } });
    const { credentialId } = upload.json;
    await forwardVia(relay, { method: 'POST', url: `${tlsUpstream.localhostOrigin}/mtls/token`, headers, body, mtls: { credentialId } });
    await forwardVia(relay, { method: 'POST', url: `${tlsUpstream.localhostOrigin}/mtls/token`, headers, body, mtls: { certRef: 'c.pem', keyRef: 'k.pem', caRef: 'ca.pem' } });
    // refusals and failures are logged too, with their reason
    await callRelay(relay, { body: `{"headers":{"authorization":"${SECRET_HEADER}"}, broken` });
    await forwardVia(relay, { method: 'POST', url: 'https://169.254.169.254/latest', headers, body });
    await callRelay(relay, { path: '/credentials', body: { cert: client.certPem, key: `${client.keyPem}garbage` } });

    const log = [...relay.logged, ...consoleOut].join('\n');
    expect(relay.logged[0]).toMatch(new RegExp(`^\\[relay\\] forward POST ${upstream.origin}/as/token 200 \\d+ms$`));
    expect(relay.logged[1]).toMatch(/^\[relay\] forward POST https:\/\/localhost:\d+\/mtls\/token 200 \d+ms mtls$/);
    expect(relay.logged[3]).toMatch(/refused: the request body is not valid JSON/);
    expect(relay.logged[4]).toMatch(/refused: 169\.254\.169\.254 is a cloud metadata address/);
    const pemBody = (pem) => pem.split('\n').slice(1, 3).join('');
    for (const secret of [
      SECRET_HEADER, 's3cr3t', ASSERTION, ASSERTION.split('.')[2], QUERY_SECRET, 'frag', credentialId,
      pemBody(client.certPem), pemBody(client.keyPem), 'PRIVATE KEY', 'CERTIFICATE',
    ]) expect(log).not.toContain(secret);
  });

  it('escapes control characters in what it echoes', async () => {
    relay.logged.length = 0;
    await forwardVia(relay, { method: 'GET', url: `${upstream.origin}/a%0Ab\u2028c`, headers: {}, body: null });
    const res = await forwardVia(relay, { method: 'GET', url: `${upstream.origin}/`, headers: { 'x\n[relay] forged\u001b[31m': 1 }, body: null });
    expect(res.json.reason).toContain('x\n[relay] forged'); // the reason names the header, as sent
    expect(relay.logged).toHaveLength(2);
    expect(relay.logged[1]).toContain('x\\n[relay] forged\\u001b[31m');
    expect(relay.logged.join('')).not.toMatch(/[\n\u001b\u2028]/); // eslint-disable-line no-control-regex
  });
});
