// mTLS client authentication and certificate-bound tokens (RFC 8705) end to end on the sandbox's HTTPS listener.
// Thumbprints are computed here with node:crypto, independently of the sandbox's own code.
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { basicAuthorization, decodeJwtPart, requestToken, startTestSandbox } from '../testing/sandbox.js';
import { tlsRequest, tlsTokenRequest } from '../testing/tls.js';
import { createDemoCertificates } from './demoCertificates.js';

const FILES = {
  ca: 'DEMO-ONLY-sandbox-ca.pem',
  tlsCert: 'DEMO-ONLY-sandbox-tls.crt.pem',
  tlsKey: 'DEMO-ONLY-sandbox-tls.key.pem',
  selfSignedCert: 'DEMO-ONLY-sandbox-self-signed-tls.crt.pem',
  selfSignedKey: 'DEMO-ONLY-sandbox-self-signed-tls.key.pem',
};
const BASIC = basicAuthorization('sandbox-basic', 'demo-secret-basic-DO-NOT-USE-IN-PRODUCTION');
const thumbprint = (pem) => createHash('sha256').update(new X509Certificate(pem).raw).digest('base64url');

let sandbox;
let certDir;
/** @type {Record<keyof typeof FILES, string>} */
const pem = {};
let foreign; // certificates from another demo CA: the sandbox-tls subject DN, but a CA this sandbox does not trust
let ca;

beforeAll(async () => {
  certDir = await mkdtemp(join(tmpdir(), 'sandbox-certs-'));
  sandbox = await startTestSandbox({ mtlsPort: 0, certDir });
  for (const [name, file] of Object.entries(FILES)) pem[name] = await readFile(join(certDir, file), 'utf8');
  ca = pem.ca;
  foreign = await createDemoCertificates();
});
afterAll(async () => {
  await sandbox.close();
  await rm(certDir, { recursive: true, force: true });
});

const TLS = () => ({ cert: pem.tlsCert, key: pem.tlsKey, ca });
const SELF_SIGNED = () => ({ cert: pem.selfSignedCert, key: pem.selfSignedKey, ca });

async function boundToken(clientId, credentials) {
  const res = await tlsTokenRequest(sandbox, clientId, credentials);
  expect(res.status, res.text).toBe(200);
  return res.json().access_token;
}

describe('demo material and discovery', () => {
  it('writes the DEMO-ONLY CA and client certificates, keys as PKCS#8, the tls_client_auth one issued by the CA', () => {
    expect(pem.tlsKey).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(pem.selfSignedKey).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    const caCert = new X509Certificate(pem.ca);
    expect(caCert.ca).toBe(true);
    expect(new X509Certificate(pem.tlsCert).verify(caCert.publicKey)).toBe(true);
    expect(new X509Certificate(pem.selfSignedCert).verify(caCert.publicKey)).toBe(false);
  });

  it('advertises the mTLS token endpoint alias, bound tokens and both certificate methods', async () => {
    const discovery = await (await fetch(`${sandbox.issuer}/.well-known/openid-configuration`)).json();
    expect(sandbox.mtls.tokenEndpoint).toBe(`${sandbox.mtls.baseUrl}/${sandbox.envId}/as/token`);
    expect(sandbox.mtls.baseUrl).toMatch(/^https:\/\/localhost:\d+$/);
    expect(discovery.mtls_endpoint_aliases).toEqual({ token_endpoint: sandbox.mtls.tokenEndpoint });
    expect(discovery.tls_client_certificate_bound_access_tokens).toBe(true);
    expect(discovery.token_endpoint_auth_methods_supported).toEqual(expect.arrayContaining(['tls_client_auth', 'self_signed_tls_client_auth']));
  });

  it('lists the certificate clients in /sandbox/info with their files and the mTLS token endpoint', async () => {
    const info = await (await fetch(`${sandbox.baseUrl}/sandbox/info`)).json();
    expect(info.mtls).toMatchObject({ tokenEndpoint: sandbox.mtls.tokenEndpoint, certDir, caRef: FILES.ca });
    const byId = Object.fromEntries(info.clients.map((c) => [c.client_id, c]));
    expect(byId['sandbox-tls']).toMatchObject({
      token_endpoint_auth_method: 'tls_client_auth', certRef: FILES.tlsCert, keyRef: FILES.tlsKey, caRef: FILES.ca,
      mtls_token_endpoint: sandbox.mtls.tokenEndpoint,
    });
    expect(byId['sandbox-self-signed-tls']).toMatchObject({
      token_endpoint_auth_method: 'self_signed_tls_client_auth', certRef: FILES.selfSignedCert, keyRef: FILES.selfSignedKey,
    });
    expect(byId['sandbox-tls'].scope).toBe(byId['sandbox-basic'].scope);
  });
});

describe('certificate client authentication (RFC 8705 §2)', () => {
  it.each([
    ['sandbox-tls', TLS, 'tlsCert'],
    ['sandbox-self-signed-tls', SELF_SIGNED, 'selfSignedCert'],
  ])('%s gets a token bound to its certificate (cnf.x5t#S256)', async (clientId, credentials, certName) => {
    const claims = decodeJwtPart(await boundToken(clientId, credentials()), 1);
    expect(claims.client_id).toBe(clientId);
    expect(claims.cnf).toEqual({ 'x5t#S256': thumbprint(pem[certName]) });
    expect(claims.scope.split(' ')).toContain('p1:read:device');
  });

  const refusals = [
    ['sandbox-tls without a certificate', 'sandbox-tls', () => ({ ca })],
    ['sandbox-tls with a certificate the demo CA did not issue', 'sandbox-tls', SELF_SIGNED],
    ['sandbox-tls with its subject DN from an unknown CA', 'sandbox-tls',
      () => ({ cert: foreign.tlsClient.certPem, key: foreign.tlsClient.keyPem, ca })],
    ['sandbox-self-signed-tls without a certificate', 'sandbox-self-signed-tls', () => ({ ca })],
    ['sandbox-self-signed-tls with another certificate', 'sandbox-self-signed-tls', TLS],
    ['sandbox-self-signed-tls with an unregistered self-signed certificate', 'sandbox-self-signed-tls',
      () => ({ cert: foreign.selfSignedClient.certPem, key: foreign.selfSignedClient.keyPem, ca })],
  ];
  it.each(refusals)('refuses %s (invalid_client)', async (_name, clientId, credentials) => {
    const res = await tlsTokenRequest(sandbox, clientId, credentials());
    expect(res.status).toBe(401);
    expect(res.json()).toMatchObject({ error: 'invalid_client', error_description: expect.stringMatching(/certificate/) });
  });

  it('refuses a certificate client on the plain HTTP listener, where no certificate can be presented', async () => {
    const res = await requestToken(sandbox, { client_id: 'sandbox-tls' });
    expect(res.status).toBe(401);
    expect((await res.json()).error).toBe('invalid_client');
  });
});

describe('the PingOne API and certificate-bound tokens (RFC 8705 §3)', () => {
  const usersPath = () => `/v1/environments/${sandbox.envId}/users`;
  const expectCertificateRefusal = (res) => {
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer error="invalid_token", error_description="[^"]*certificate[^"]*"$/);
  };

  it('accepts the bound token with its certificate and refuses it without, with another one, or over plain HTTP', async () => {
    const token = await boundToken('sandbox-tls', TLS());
    const url = `${sandbox.mtls.baseUrl}${usersPath()}`;
    const headers = { authorization: `Bearer ${token}` };
    expect((await tlsRequest(url, { headers, ...TLS() })).status).toBe(200);
    expectCertificateRefusal(await tlsRequest(url, { headers, ca }));
    expectCertificateRefusal(await tlsRequest(url, { headers, ...SELF_SIGNED() }));
    const plain = await fetch(`${sandbox.baseUrl}${usersPath()}`, { headers });
    expectCertificateRefusal({ status: plain.status, headers: { 'www-authenticate': plain.headers.get('www-authenticate') } });
    expect((await plain.json()).details[0].code).toBe('INVALID_TOKEN');
  });

  it('keeps unbound tokens working on both listeners, with or without a certificate', async () => {
    const res = await tlsTokenRequest(sandbox, 'sandbox-basic', { ca }, {});
    expect(res.status).toBe(401); // client_id in the form and no secret: sandbox-basic must send Basic
    const token = await tlsRequest(sandbox.mtls.tokenEndpoint, {
      method: 'POST', headers: { authorization: BASIC, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials', ca,
    });
    expect(token.status, token.text).toBe(200);
    const accessToken = token.json().access_token;
    expect(decodeJwtPart(accessToken, 1).cnf).toBeUndefined();
    const headers = { authorization: `Bearer ${accessToken}` };
    expect((await tlsRequest(`${sandbox.mtls.baseUrl}${usersPath()}`, { headers, ca })).status).toBe(200);
    expect((await tlsRequest(`${sandbox.mtls.baseUrl}${usersPath()}`, { headers, ...TLS() })).status).toBe(200);
    expect((await fetch(`${sandbox.baseUrl}${usersPath()}`, { headers })).status).toBe(200);
  });
});

describe('start-up', () => {
  it('leaves the certificate files alone when the mTLS port is taken (a second sandbox never replaces them)', async () => {
    const before = await readFile(join(certDir, FILES.ca), 'utf8');
    const port = Number(new URL(sandbox.mtls.baseUrl).port);
    await expect(startTestSandbox({ mtlsPort: port, certDir })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    expect(await readFile(join(certDir, FILES.ca), 'utf8')).toBe(before);
  });
});

describe('start-up failures', () => {
  it('rejects (instead of serving without its files) when the certificate directory cannot be written', async () => {
    const file = join(certDir, FILES.ca); // a file where a directory is needed
    await expect(startTestSandbox({ mtlsPort: 0, certDir: join(file, 'sub') })).rejects.toMatchObject({ code: expect.stringMatching(/^E/) });
  });
});
