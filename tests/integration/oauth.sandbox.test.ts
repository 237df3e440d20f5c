// The token-request core against the real sandbox (oidc-provider): every auth method gets a real token.
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../sandbox/app.js';
import { OAuthResponseError, type PlaygroundError } from '../../src/utils/errors';
import { generateSigningKeyPair, importPrivateKeyPem, toJwks } from '../../src/utils/keys';
import { buildClientCredentialsBody } from '../../src/utils/oauth/body';
import { clientSecretBasic, clientSecretJwt, clientSecretPost, privateKeyJwt, type ClientAuth } from '../../src/utils/oauth/clientAuth';
import { describeClientCredentialsRequest } from '../../src/utils/oauth/description';
import type { AttemptInfo } from '../../src/utils/oauth/retry';
import { requestClientCredentialsToken } from '../../src/utils/oauth/token';
import type { SigningAlg } from '../../src/types/token';

interface SandboxClient {
  client_id: string;
  client_secret?: string;
  token_endpoint_auth_method: string;
  scope: string;
  jwks?: { keys: Array<{ kid?: string }> };
  private_key_pem?: string;
}

let sandbox: Awaited<ReturnType<typeof startSandbox>>;
let clients: SandboxClient[];
let jwks: ReturnType<typeof createRemoteJWKSet>;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, quiet: true });
  clients = ((await (await fetch(`${sandbox.baseUrl}/sandbox/info`)).json()) as { clients: SandboxClient[] }).clients;
  jwks = createRemoteJWKSet(new URL(`${sandbox.issuer}/jwks`));
});
afterAll(async () => {
  await sandbox?.close();
});

const client = (id: string): SandboxClient => {
  const found = clients.find((c) => c.client_id === id);
  if (!found) throw new TypeError(`sandbox has no demo client ${id}`);
  return found;
};

async function getToken(clientId: string, auth: ClientAuth, scope = 'p1:read:user', onAttempt?: (i: AttemptInfo) => void) {
  const describeRequest = () =>
    describeClientCredentialsRequest({
      tokenEndpoint: sandbox.tokenEndpoint,
      issuer: sandbox.issuer,
      clientId,
      auth,
      params: buildClientCredentialsBody({ scope }),
    });
  const { response } = await requestClientCredentialsToken({ describe: describeRequest, onAttempt });
  return response;
}

/** The access token is a JWT signed by the sandbox, issued to this client with the scope asked for. */
async function expectRealToken(token: Awaited<ReturnType<typeof getToken>>, clientId: string) {
  expect(token.token_type).toBe('bearer');
  expect(token.expires_in).toBeGreaterThan(0);
  const { payload } = await jwtVerify(token.access_token, jwks, { issuer: sandbox.issuer });
  expect(payload.client_id).toBe(clientId);
  expect(String(payload.scope).split(' ')).toContain('p1:read:user');
}

async function register(body: Record<string, unknown>): Promise<SandboxClient> {
  const response = await fetch(`${sandbox.baseUrl}/sandbox/clients`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as SandboxClient;
}

describe('demo clients', () => {
  it.each([
    ['sandbox-basic', (s: string) => clientSecretBasic(s)],
    ['sandbox-post', (s: string) => clientSecretPost(s)],
    ['sandbox-secret-jwt', (s: string) => clientSecretJwt(s)],
  ])('%s gets a token', async (id, make) => {
    const c = client(id);
    await expectRealToken(await getToken(c.client_id, make(c.client_secret!)), c.client_id);
  });

  it('sandbox-private-key-jwt gets a token with its demo PEM imported as PKCS#8', async () => {
    const c = client('sandbox-private-key-jwt');
    const key = await importPrivateKeyPem(c.private_key_pem!, 'RS256');
    // The committed JWKS names the key by its RFC 7638 thumbprint, which is exactly our default kid.
    expect(key.kid).toBe(c.jwks!.keys[0]!.kid);
    await expectRealToken(await getToken(c.client_id, privateKeyJwt(key.privateKey, { alg: 'RS256' })), c.client_id);
  });
});

describe('runtime clients', () => {
  it.each(['ES256', 'RS256', 'PS256'] as const)('private_key_jwt with a generated %s key registered as a JWKS', async (alg: SigningAlg) => {
    const key = await generateSigningKeyPair(alg);
    const registered = await register({ token_endpoint_auth_method: 'private_key_jwt', jwks: toJwks([key]), scope: 'p1:read:user' });
    const token = await getToken(registered.client_id, privateKeyJwt(key.privateKey, { alg, kid: key.kid }));
    await expectRealToken(token, registered.client_id);
  });

  it('private_key_jwt with aud = issuer is accepted too', async () => {
    const key = await generateSigningKeyPair('ES256');
    const registered = await register({ token_endpoint_auth_method: 'private_key_jwt', jwks: toJwks([key]), scope: 'p1:read:user' });
    await expectRealToken(await getToken(registered.client_id, privateKeyJwt(key.privateKey, { alg: 'ES256', audience: 'issuer' })), registered.client_id);
  });

  it('client_secret_basic with special characters in the secret (form-urlencoded before base64)', async () => {
    // oidc-provider allows only printable ASCII in secrets (RFC 6749 VSCHAR); these are the ones encoding breaks.
    const secret = 'a:b+c /%&=secret~';
    const registered = await register({ token_endpoint_auth_method: 'client_secret_basic', client_secret: secret, scope: 'p1:read:user' });
    await expectRealToken(await getToken(registered.client_id, clientSecretBasic(secret)), registered.client_id);
  });
});

describe('failures', () => {
  it('a wrong secret is invalid_client, and is not retried', async () => {
    const attempts: AttemptInfo[] = [];
    const error = (await getToken('sandbox-basic', clientSecretBasic('wrong-secret'), 'p1:read:user', (i) => attempts.push(i)).catch(
      (e: unknown) => e,
    )) as PlaygroundError;
    expect(error).toBeInstanceOf(OAuthResponseError);
    expect(error).toMatchObject({ code: 'OAUTH_ERROR', error: 'invalid_client', status: 401 });
    expect(attempts).toEqual([expect.objectContaining({ attempt: 1, outcome: 'failed', status: 401, code: 'OAUTH_ERROR' })]);
  });

  it('an assertion signed by an unregistered key is invalid_client', async () => {
    const stranger = await generateSigningKeyPair('ES256');
    const registered = await register({
      token_endpoint_auth_method: 'private_key_jwt',
      jwks: toJwks([await generateSigningKeyPair('ES256')]),
      scope: 'p1:read:user',
    });
    await expect(getToken(registered.client_id, privateKeyJwt(stranger.privateKey, { alg: 'ES256' }))).rejects.toMatchObject({
      error: 'invalid_client',
    });
  });

  it('an injected 503 with Retry-After: 0 is retried once and then succeeds', async () => {
    const fault = await fetch(`${sandbox.baseUrl}/sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ target: 'token', status: 503, retryAfter: 0, count: 1 }),
    });
    expect(fault.status).toBe(201);
    const attempts: AttemptInfo[] = [];
    const c = client('sandbox-basic');
    const token = await getToken(c.client_id, clientSecretBasic(c.client_secret!), 'p1:read:user', (i) => attempts.push(i));
    await expectRealToken(token, c.client_id);
    expect(attempts.map((a) => [a.outcome, a.status, a.delayMs])).toEqual([
      ['retry', 503, 0],
      ['success', 200, undefined],
    ]);
    expect(decodeProtectedHeader(token.access_token).alg).toBeDefined();
  });
});
