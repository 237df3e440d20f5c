// The emulated APIs and the token endpoint judge a DPoP proof's htu against the sandbox's configured origins (its
// HTTP one and its mTLS one), never against the Host header a client sends (RFC 9449 §4.3 check 9).
import { request } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { SEED_USER_IDS } from '../pingone/seed.js';
import { createDpopSigner } from '../testing/dpop.js';
import { basicAuthorization, requestToken, startTestSandbox } from '../testing/sandbox.js';
import { tlsRequest } from '../testing/tls.js';

const DPOP_BASIC = basicAuthorization('sandbox-dpop', 'demo-secret-dpop-DO-NOT-USE-IN-PRODUCTION');
const FOREIGN = 'http://api.pingone.example';
let sandbox;
let certDir;
let ca;
let signer;
let token;
let nonce;
const devicesPath = () => `/v1/environments/${sandbox.envId}/users/${SEED_USER_IDS.ada}/devices`;

beforeAll(async () => {
  certDir = await mkdtemp(join(tmpdir(), 'sandbox-htu-'));
  sandbox = await startTestSandbox({ mtlsPort: 0, certDir });
  ca = await readFile(join(certDir, 'DEMO-ONLY-sandbox-ca.pem'), 'utf8');
  signer = createDpopSigner();
  const send = (n) => requestToken(sandbox, {}, { authorization: DPOP_BASIC, dpop: signer.proof({ htu: sandbox.tokenEndpoint, nonce: n }) });
  nonce = (await send(undefined)).headers.get('dpop-nonce');
  token = (await (await send(nonce)).json()).access_token;
});
afterAll(async () => {
  await sandbox.close();
  await rm(certDir, { recursive: true, force: true });
});

const proofFor = (htu) => signer.proof({ htm: 'GET', htu, token, nonce });

/** A request to the sandbox's HTTP listener with a Host header of our choosing (fetch does not let us set it). */
function sendWithHost(method, path, host, headers, body) {
  const { port } = new URL(sandbox.baseUrl);
  return new Promise((resolve, reject) => {
    const req = request({ method, host: '127.0.0.1', port, path, headers: { host, ...headers }, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({
        status: res.statusCode, challenge: res.headers['www-authenticate'] ?? '', text: Buffer.concat(chunks).toString('utf8'),
      }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
const getWithHost = (path, host, headers) => sendWithHost('GET', path, host, headers);

describe('HTTP listener', () => {
  it('refuses a proof for another server\'s URL even when the Host header names that server', async () => {
    const res = await getWithHost(devicesPath(), 'api.pingone.example', {
      authorization: `DPoP ${token}`, dpop: proofFor(`${FOREIGN}${devicesPath()}`),
    });
    expect(res.status).toBe(401);
    expect(res.challenge).toMatch(/^DPoP error="invalid_dpop_proof".*htu/);
  });

  it('accepts a proof for its own configured URL whatever the Host header says', async () => {
    const res = await getWithHost(devicesPath(), 'api.pingone.example', {
      authorization: `DPoP ${token}`, dpop: proofFor(`${sandbox.baseUrl}${devicesPath()}`),
    });
    expect(res.status).toBe(200);
  });
});

describe('mTLS listener', () => {
  const call = (htu) => tlsRequest(`${sandbox.mtls.baseUrl}${devicesPath()}`, {
    headers: { authorization: `DPoP ${token}`, dpop: proofFor(htu) }, ca,
  });

  it('accepts a proof for its own https origin', async () => {
    const res = await call(`${sandbox.mtls.baseUrl}${devicesPath()}`);
    expect(res.status, res.text).toBe(200);
  });

  it('refuses a proof for the HTTP listener\'s URL', async () => {
    const res = await call(`${sandbox.baseUrl}${devicesPath()}`);
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toMatch(/invalid_dpop_proof.*htu/);
  });
});

describe('token endpoint', () => {
  const tokenPath = () => new URL(sandbox.tokenEndpoint).pathname;
  const post = (host, dpop) => sendWithHost('POST', tokenPath(), host, {
    authorization: DPOP_BASIC, dpop, 'content-type': 'application/x-www-form-urlencoded',
  }, 'grant_type=client_credentials');
  const tokenProof = (htu) => signer.proof({ htu, nonce });

  it('refuses a proof for another server\'s token endpoint even when the Host header names that server', async () => {
    const res = await post('api.pingone.example', tokenProof(`${FOREIGN}${tokenPath()}`));
    expect(res.status, res.text).toBe(400);
    expect(JSON.parse(res.text)).toMatchObject({ error: 'invalid_dpop_proof' });
  });

  it('accepts a proof for its own configured token endpoint whatever the Host header says', async () => {
    const res = await post('api.pingone.example', tokenProof(sandbox.tokenEndpoint));
    expect(res.status, res.text).toBe(200);
  });

  it('lists its configured endpoints in discovery whatever the Host header says', async () => {
    const res = await sendWithHost('GET', `${new URL(sandbox.issuer).pathname}/.well-known/openid-configuration`, 'api.pingone.example');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text).token_endpoint).toBe(sandbox.tokenEndpoint);
  });
});
