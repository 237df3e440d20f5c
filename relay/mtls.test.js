// mTLS through the relay (RFC 8705): client certificates from certDir files or an upload, a private CA via caRef,
// TLS failures in words, and refs that cannot leave certDir. Real TLS on 127.0.0.1 with test-made certificates.
import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { callRelay, forwardVia, startTestRelay } from './testing/relayClient.js';
import { createCa, issue } from './testing/certificates.js';
import { startHttpsUpstream } from './testing/upstreams.js';

let certDir;
let outsideDir;
let serverCa;
let clientCa;
let client;
let mtlsServer; // requires a client certificate from clientCa
let plainTlsServer; // server certificate from serverCa, no client certificate asked
let expiredServer;
let relay;

/** What the mTLS upstream answers: the subject and x5t#S256 of the client certificate it verified. */
function describePeer(req, res) {
  const peer = req.socket.getPeerCertificate();
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ cn: peer.subject?.CN, x5t: createHash('sha256').update(peer.raw).digest('base64url') }));
}

beforeAll(async () => {
  certDir = await mkdtemp(join(tmpdir(), 'relay-certs-'));
  outsideDir = await mkdtemp(join(tmpdir(), 'relay-outside-'));
  [serverCa, clientCa] = await Promise.all([createCa('CN=Test Server CA'), createCa('CN=Test Client CA')]);
  const [server, expired] = await Promise.all([issue(serverCa, { server: true }), issue(serverCa, { server: true, expired: true })]);
  client = await issue(clientCa, { subject: 'CN=sandbox-tls' });
  await Promise.all([
    writeFile(join(certDir, 'client.pem'), client.certPem),
    writeFile(join(certDir, 'client-key.pem'), client.keyPem),
    writeFile(join(certDir, 'server-ca.pem'), serverCa.certPem),
    writeFile(join(certDir, 'other-key.pem'), generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' })),
    writeFile(join(outsideDir, 'secret.pem'), client.keyPem),
  ]);
  await symlink(join(outsideDir, 'secret.pem'), join(certDir, 'escape.pem'));
  [mtlsServer, plainTlsServer, expiredServer] = await Promise.all([
    startHttpsUpstream({ ...server, clientCa }, describePeer),
    startHttpsUpstream(server),
    startHttpsUpstream(expired),
  ]);
  relay = await startTestRelay({ certDir });
});
afterAll(async () => {
  await Promise.all([relay.close(), mtlsServer.close(), plainTlsServer.close(), expiredServer.close()]);
  await Promise.all([rm(certDir, { recursive: true }), rm(outsideDir, { recursive: true })]);
});
afterEach(() => {
  mtlsServer.requests.length = 0;
});

const FILES = { certRef: 'client.pem', keyRef: 'client-key.pem', caRef: 'server-ca.pem' };
const post = (origin, mtls) => forwardVia(relay, { method: 'POST', url: `${origin}/as/token`, headers: {}, body: 'grant_type=client_credentials', mtls });
const x5tOf = (pem) => createHash('sha256').update(Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64')).digest('base64url');

describe('mTLS with certRef/keyRef/caRef files in certDir', () => {
  it('presents the client certificate and trusts the private CA named by caRef', async () => {
    const res = await post(mtlsServer.localhostOrigin, FILES);
    expect(res.status).toBe(200);
    expect(res.json.status).toBe(200);
    expect(JSON.parse(res.json.body)).toEqual({ cn: 'sandbox-tls', x5t: x5tOf(client.certPem) });
    expect(relay.logged.at(-1)).toMatch(/ mtls$/);
  });

  it('{ caRef } alone trusts the CA and sends no client certificate', async () => {
    const res = await post(plainTlsServer.origin, { caRef: 'server-ca.pem' });
    expect(res.json).toMatchObject({ status: 200, body: 'ok' });
    expect(relay.logged.at(-1)).not.toMatch(/ mtls$/);
  });
});

describe('mTLS with an uploaded credential', () => {
  const upload = (body) => callRelay(relay, { path: '/credentials', body });

  it('POST /credentials describes it (x5t#S256 per RFC 8705 §3.1), forwards use it, DELETE forgets it', async () => {
    const created = await upload({ cert: client.certPem, key: client.keyPem, ca: serverCa.certPem });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ subject: 'CN=sandbox-tls', issuer: 'CN=Test Client CA', x5tS256: x5tOf(client.certPem) });
    expect(new Date(created.json.notAfter).getTime()).toBeGreaterThan(Date.now());
    const { credentialId } = created.json;

    const res = await post(mtlsServer.localhostOrigin, { credentialId });
    expect(JSON.parse(res.json.body)).toEqual({ cn: 'sandbox-tls', x5t: created.json.x5tS256 });

    expect((await callRelay(relay, { method: 'DELETE', path: `/credentials/${credentialId}` })).status).toBe(204);
    const after = await post(mtlsServer.localhostOrigin, { credentialId });
    expect(after.status).toBe(400);
    expect(after.json.reason).toMatch(/unknown mtls.credentialId/);
  });

  it('accepts an expired certificate with a warning (a demo may show the server refusing it), and the server does', async () => {
    const expired = await issue(clientCa, { subject: 'CN=sandbox-tls', expired: true });
    const created = await upload({ cert: expired.certPem, key: expired.keyPem, ca: serverCa.certPem });
    expect(created.status).toBe(201);
    expect(created.json.warning).toMatch(/^the certificate expired on \d{4}-\d\d-\d\dT[\d:.]+Z: kept anyway/);
    const res = await post(mtlsServer.localhostOrigin, { credentialId: created.json.credentialId });
    expect(res.json).toMatchObject({ error: 'relay_upstream_error', kind: 'tls' });
    expect(mtlsServer.requests).toHaveLength(0);
  });

  it('accepts a certificate that is not valid yet with a warning; a current one has none', async () => {
    const early = await issue(clientCa, { subject: 'CN=sandbox-tls', notYetValid: true });
    const created = await upload({ cert: early.certPem, key: early.keyPem });
    expect(created.status).toBe(201);
    expect(created.json.warning).toMatch(/^the certificate is not valid before \d{4}-.*Z \(check the clocks\): kept anyway/);
    expect((await upload({ cert: client.certPem, key: client.keyPem })).json).not.toHaveProperty('warning');
  });

  it('judges validity on the injected clock', async () => {
    const later = await startTestRelay({ certDir, now: () => Date.now() + 10 * 86_400_000 });
    const created = await callRelay(later, { path: '/credentials', body: { cert: client.certPem, key: client.keyPem } });
    await later.close();
    expect(created.json.warning).toMatch(/^the certificate expired on/);
  });

  it('binds a credential to the origin that uploaded it: another allowed origin can neither use nor delete it', async () => {
    const other = 'http://127.0.0.1:5173'; // allowed too, but a different page
    const { json } = await upload({ cert: client.certPem, key: client.keyPem, ca: serverCa.certPem });
    const { credentialId } = json;

    const stolen = await forwardVia(relay, { method: 'POST', url: `${mtlsServer.localhostOrigin}/as/token`, headers: {}, body: '', mtls: { credentialId } }, { origin: other });
    expect(stolen.status).toBe(400);
    expect(stolen.json.reason).toMatch(/unknown mtls.credentialId/); // the same answer as for an id that never existed
    expect(mtlsServer.requests).toHaveLength(0);

    await callRelay(relay, { method: 'DELETE', path: `/credentials/${credentialId}`, origin: other });
    const own = await post(mtlsServer.localhostOrigin, { credentialId });
    expect(JSON.parse(own.json.body)).toMatchObject({ cn: 'sandbox-tls' });
  });

  it.each([
    ['a key that does not belong to the certificate', () => ({ cert: client.certPem, key: generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }) }), /key does not belong to cert \(key\/cert mismatch\)/],
    ['an encrypted key', () => ({ cert: client.certPem, key: generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw' }) }), /key is encrypted/],
    ['a certificate that is not PEM', () => ({ cert: 'MIIB...', key: client.keyPem }), /cert is not a PEM certificate/],
    ['a damaged certificate', () => ({ cert: client.certPem.split('\n').filter((_, i) => i !== 2).join('\n'), key: client.keyPem }), /cert is not a readable PEM certificate/],
    ['a missing key', () => ({ cert: client.certPem }), /key is not a PEM private key/],
    ['a ca that is not a certificate', () => ({ cert: client.certPem, key: client.keyPem, ca: 'nope' }), /ca is not a PEM certificate/],
  ])('refuses %s with 400 relay_refused', async (_name, body, reason) => {
    const res = await upload(body());
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ error: 'relay_refused' });
    expect(res.json.reason).toMatch(reason);
  });
});

// The sandbox's demo shape: one private CA issues the HTTPS listener's certificate (sent with the CA in its chain) and
// the client certificate, which the app pastes; the server's CA comes with the upload (ca) or from certDir (caRef).
describe('a pasted certificate with a private server CA', () => {
  let demoCa;
  let demoClient;
  let demoServer;
  beforeAll(async () => {
    demoCa = await createCa('CN=DEMO-ONLY sandbox CA');
    const [server, issued] = await Promise.all([issue(demoCa, { server: true }), issue(demoCa, { subject: 'CN=sandbox-tls' })]);
    demoClient = issued;
    await writeFile(join(certDir, 'demo-ca.pem'), demoCa.certPem);
    demoServer = await startHttpsUpstream({ certPem: `${server.certPem}\n${demoCa.certPem}`, keyPem: server.keyPem, clientCa: demoCa }, describePeer);
  });
  afterAll(() => demoServer.close());
  afterEach(() => {
    demoServer.requests.length = 0;
  });
  const upload = (body) => callRelay(relay, { path: '/credentials', body });

  it('without the CA the server is not trusted (the failure the two ways below fix)', async () => {
    const { json } = await upload({ cert: demoClient.certPem, key: demoClient.keyPem });
    const res = await post(demoServer.localhostOrigin, { credentialId: json.credentialId });
    expect(res.json).toMatchObject({ kind: 'tls', code: 'SELF_SIGNED_CERT_IN_CHAIN' });
  });

  it('the CA uploaded with cert and key is trusted for the server', async () => {
    const { json } = await upload({ cert: demoClient.certPem, key: demoClient.keyPem, ca: demoCa.certPem });
    const res = await post(demoServer.localhostOrigin, { credentialId: json.credentialId });
    expect(res.json.status).toBe(200);
    expect(JSON.parse(res.json.body)).toEqual({ cn: 'sandbox-tls', x5t: x5tOf(demoClient.certPem) });
  });

  it('mtls { credentialId, caRef } uses the upload and trusts the CA file too', async () => {
    const { json } = await upload({ cert: demoClient.certPem, key: demoClient.keyPem });
    const res = await post(demoServer.localhostOrigin, { credentialId: json.credentialId, caRef: 'demo-ca.pem' });
    expect(res.json.status).toBe(200);
    expect(JSON.parse(res.json.body)).toEqual({ cn: 'sandbox-tls', x5t: x5tOf(demoClient.certPem) });
  });

  it.each([
    ['a caRef that is not a certificate', { caRef: 'client-key.pem' }, /caRef "client-key.pem" is not a PEM certificate/],
    ['a caRef leading outside certDir', { caRef: '../x.pem' }, /must be a file name inside the certificate directory/],
    ['certRef next to credentialId', { certRef: 'client.pem', keyRef: 'client-key.pem' }, /credentialId cannot be combined with certRef\/keyRef/],
  ])('refuses %s with 400', async (_name, extra, reason) => {
    const { json } = await upload({ cert: demoClient.certPem, key: demoClient.keyPem });
    const res = await post(demoServer.localhostOrigin, { credentialId: json.credentialId, ...extra });
    expect(res.status).toBe(400);
    expect(res.json.reason).toMatch(reason);
    expect(demoServer.requests).toHaveLength(0);
  });
});

describe('kept-alive connections, one pool per TLS identity', () => {
  it('reuses a connection only for the same client certificate: A, B, A → A\'s connection again, B on its own', async () => {
    const other = await issue(clientCa, { subject: 'CN=other-client' });
    const b = await callRelay(relay, { path: '/credentials', body: { cert: other.certPem, key: other.keyPem, ca: serverCa.certPem } });
    const a = await callRelay(relay, { path: '/credentials', body: { cert: client.certPem, key: client.keyPem, ca: serverCa.certPem } });
    const seen = [];
    for (const credentialId of [a.json.credentialId, b.json.credentialId, a.json.credentialId]) {
      const res = await post(mtlsServer.localhostOrigin, { credentialId });
      seen.push(JSON.parse(res.json.body).cn);
    }
    expect(seen).toEqual(['sandbox-tls', 'other-client', 'sandbox-tls']);
    const [first, second, third] = mtlsServer.requests.map((r) => r.socket);
    expect(third).toBe(first); // kept alive and reused by the same identity
    expect(second).not.toBe(first); // never lent to another certificate
  });

  it('the same certificate with another trusted CA set gets its own connection', async () => {
    const { json } = await callRelay(relay, { path: '/credentials', body: { cert: client.certPem, key: client.keyPem, ca: serverCa.certPem } });
    await post(mtlsServer.localhostOrigin, { credentialId: json.credentialId });
    await post(mtlsServer.localhostOrigin, { ...FILES });
    await post(mtlsServer.localhostOrigin, { credentialId: json.credentialId, caRef: 'server-ca.pem' });
    const [upload, files, uploadWithCaRef] = mtlsServer.requests.map((r) => r.socket);
    expect(files).toBe(upload); // same certificate, key and CA: the same identity, whether uploaded or from files
    expect(uploadWithCaRef).not.toBe(upload); // two CAs trusted: another identity
  });

  it('DELETE closes the idle connections that carried the forgotten certificate', async () => {
    const { json } = await callRelay(relay, { path: '/credentials', body: { cert: client.certPem, key: client.keyPem, ca: serverCa.certPem } });
    await post(mtlsServer.localhostOrigin, { credentialId: json.credentialId });
    const { socket } = mtlsServer.requests[0];
    expect(socket.destroyed).toBe(false); // kept alive after the answer
    const closed = new Promise((resolve) => socket.once('close', resolve));
    await callRelay(relay, { method: 'DELETE', path: `/credentials/${json.credentialId}` });
    await closed; // the relay ended it: the upstream never closes a kept-alive connection by itself within the test
  });
});

describe('TLS failures, in words', () => {
  it('a server certificate from an unknown CA → 502 tls', async () => {
    const res = await post(plainTlsServer.origin, { certRef: 'client.pem', keyRef: 'client-key.pem' });
    expect(res.status).toBe(502);
    expect(res.json).toMatchObject({ error: 'relay_upstream_error', kind: 'tls', code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
    expect(res.json.reason).toMatch(/unknown CA/);
  });

  it('the server requires a client certificate and none is sent → 502 tls', async () => {
    const res = await post(mtlsServer.origin, { caRef: 'server-ca.pem' });
    expect(res.status).toBe(502);
    // TLS 1.3: the server's certificate_required alert, or the reset that can overtake it (the same refusal)
    expect(res.json).toMatchObject({ kind: 'tls' });
    expect(['ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED', 'ECONNRESET']).toContain(res.json.code);
    expect(res.json.reason).toMatch(/wanted a client certificate and none was sent/);
    expect(mtlsServer.requests).toHaveLength(0);
  });

  it('the server refuses a client certificate from a CA it does not trust → 502 tls', async () => {
    const stranger = await issue(serverCa, { subject: 'CN=stranger' });
    const { json } = await callRelay(relay, { path: '/credentials', body: { cert: stranger.certPem, key: stranger.keyPem, ca: serverCa.certPem } });
    const res = await post(mtlsServer.origin, { credentialId: json.credentialId });
    // TLS 1.3: the server's unknown_ca alert, or the reset that can overtake it (both mean the same refusal)
    expect(res.json).toMatchObject({ kind: 'tls' });
    expect(['ERR_SSL_TLSV1_ALERT_UNKNOWN_CA', 'ECONNRESET']).toContain(res.json.code);
    expect(res.json.reason).toMatch(/refused the client certificate/);
  });

  it('an expired server certificate → 502 tls CERT_HAS_EXPIRED', async () => {
    const res = await post(expiredServer.origin, { caRef: 'server-ca.pem' });
    expect(res.json).toMatchObject({ kind: 'tls', code: 'CERT_HAS_EXPIRED' });
    expect(res.json.reason).toMatch(/has expired/);
  });

  it('a host name the server certificate is not issued for → 502 tls hostname mismatch', async () => {
    const lookup = (_host, _options, callback) => callback(null, [{ address: '127.0.0.1', family: 4 }]);
    const named = await startTestRelay({ certDir, lookup });
    const res = await forwardVia(named, { method: 'GET', url: `https://other.example:${plainTlsServer.port}/`, headers: {}, body: null, mtls: { caRef: 'server-ca.pem' } });
    await named.close();
    expect(res.json).toMatchObject({ kind: 'tls', code: 'ERR_TLS_CERT_ALTNAME_INVALID' });
    expect(res.json.reason).toMatch(/hostname mismatch/);
  });

  it('certRef/keyRef files that do not match → 400 key/cert mismatch, nothing sent', async () => {
    const res = await post(mtlsServer.origin, { ...FILES, keyRef: 'other-key.pem' });
    expect(res.status).toBe(400);
    expect(res.json.reason).toMatch(/keyRef "other-key.pem" does not belong to certRef "client.pem"/);
    expect(mtlsServer.requests).toHaveLength(0);
  });
});

describe('refs stay inside certDir', () => {
  it.each([
    ['a ../ path', { ...FILES, keyRef: '../relay-outside/secret.pem' }, /must be a file name inside the certificate directory/],
    ['an absolute path', { ...FILES, certRef: '/etc/passwd' }, /must be a file name inside the certificate directory/],
    ['the directory itself', { ...FILES, caRef: '.' }, /must be a file name inside the certificate directory/],
    ['a symlink leading outside', { ...FILES, keyRef: 'escape.pem' }, /"escape.pem" links outside the certificate directory/],
  ])('refuses %s with 400', async (_name, mtls, reason) => {
    const res = await post(mtlsServer.origin, mtls);
    expect(res.status).toBe(400);
    expect(res.json.reason).toMatch(reason);
    expect(mtlsServer.requests).toHaveLength(0);
  });

  it('a missing file is named together with the directory', async () => {
    const res = await post(mtlsServer.origin, { ...FILES, certRef: 'DEMO-ONLY-missing.pem' });
    expect(res.status).toBe(400);
    expect(res.json.reason).toContain(`no file "DEMO-ONLY-missing.pem" in the certificate directory ${certDir}`);
  });
});
