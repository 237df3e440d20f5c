// The headless runner against the real sandbox: every demo client gets a token, failures exit 3 and 5, nothing leaks.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFile } from 'node:fs/promises';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRunnerArgs } from '../../cli/runnerOptions';
import { runToken } from '../../cli/runToken';
import { main } from '../../cli/token';
import { provideEffects } from '../../src/utils/effects';
import { DEMO_KEY_FILE, demoSecrets, pemBodyLines, startCodeExportSandbox, tlsFiles, type Sandbox } from './sandboxClients';

let sandbox: Sandbox;
let secrets: Record<string, string>;
const certDir = mkdtempSync(join(tmpdir(), 'runner-certs-'));

beforeAll(async () => {
  sandbox = await startCodeExportSandbox(certDir);
  secrets = await demoSecrets(sandbox);
});
afterAll(async () => {
  await sandbox?.close();
  rmSync(certDir, { recursive: true, force: true });
});

/** Runs the runner in this process with its own environment; returns exit code and both streams. */
async function run(args: string[], env: Record<string, string | undefined> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, { env, readText: (f) => readFile(f, 'utf8') });
  return { code, stdout, stderr };
}

const scope = ['--scope', 'p1:read:user'];

/** Every demo client, by the flags the runner needs for it. */
function cases(): Array<[string, string[], Record<string, string>]> {
  const tls = tlsFiles(sandbox);
  const secret = (id: string) => ({ OAUTH_CLIENT_SECRET: secrets[id]! });
  const issuer = ['--issuer', sandbox.issuer];
  return [
    ['sandbox-basic', [...issuer, '--client-id', 'sandbox-basic'], secret('sandbox-basic')],
    ['sandbox-post', [...issuer, '--client-id', 'sandbox-post', '--auth-method', 'client_secret_post'], secret('sandbox-post')],
    ['sandbox-secret-jwt', ['--token-endpoint', sandbox.tokenEndpoint, '--client-id', 'sandbox-secret-jwt', '--auth-method', 'client_secret_jwt'], secret('sandbox-secret-jwt')],
    ['sandbox-private-key-jwt (aud = issuer)', [...issuer, '--client-id', 'sandbox-private-key-jwt', '--auth-method', 'private_key_jwt', '--private-key', DEMO_KEY_FILE, '--assertion-audience', 'issuer'], {}],
    ['sandbox-private-key-jwt (aud = endpoint)', [...issuer, '--client-id', 'sandbox-private-key-jwt', '--auth-method', 'private_key_jwt', '--private-key', DEMO_KEY_FILE, '--alg', 'RS256', '--assertion-audience', 'endpoint'], {}],
    ['sandbox-tls', [...issuer, '--client-id', 'sandbox-tls', '--auth-method', 'tls_client_auth', '--cert', tls.certFile, '--key', tls.keyFile, '--ca', tls.caFile], {}],
    ['sandbox-dpop', [...issuer, '--client-id', 'sandbox-dpop', '--dpop'], secret('sandbox-dpop')],
  ];
}

/** Secrets, PEM bodies and assertions: none may be printed. The one JWT allowed on stdout is the access token. */
function expectNoLeak(out: { stdout: string; stderr: string }, env: Record<string, string>, accessToken?: string) {
  const printed = `${out.stdout}\n${out.stderr}`.replaceAll(accessToken ?? '\u0000', '<token>');
  for (const value of Object.values(env)) expect(printed).not.toContain(value);
  for (const line of [...pemBodyLines(DEMO_KEY_FILE), ...pemBodyLines(tlsFiles(sandbox).keyFile)]) expect(printed).not.toContain(line);
  // A client assertion or DPoP proof is a JWS: base64url of a JSON header starts "eyJ".
  expect(printed).not.toMatch(/eyJ[\w-]+\.[\w-]+/);
}

describe('npm run token against the sandbox', () => {
  it('every demo client gets a token, printed as one JSON object with expires_at, and nothing else leaks', async () => {
    for (const [name, args, env] of cases()) {
      const out = await run([...args, ...scope], env);
      expect(out.code, `${name}: ${out.stderr}`).toBe(0);
      const token = JSON.parse(out.stdout) as { access_token: string; token_type: string; expires_at: number; expires_in: number };
      const clientId = args[args.indexOf('--client-id') + 1];
      expect(decodeJwt(token.access_token).client_id, name).toBe(clientId);
      expect(token.expires_at - Math.floor(Date.now() / 1000)).toBeGreaterThan(token.expires_in - 30);
      if (name === 'sandbox-dpop') expect(token.token_type).toBe('dpop');
      if (name === 'sandbox-tls') expect(decodeJwt(token.access_token).cnf).toHaveProperty(['x5t#S256']);
      expectNoLeak(out, env, token.access_token);
    }
  });

  it('--raw prints only the access token', async () => {
    const out = await run(['--token-endpoint', sandbox.tokenEndpoint, '--client-id', 'sandbox-basic', '--raw'], { OAUTH_CLIENT_SECRET: secrets['sandbox-basic']! });
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+\n$/);
  });

  it('a wrong secret exits 3 with what the server said and the likely cause, and leaks nothing', async () => {
    const env = { OAUTH_CLIENT_SECRET: 'wrong-secret-must-not-be-printed' };
    const out = await run(['--issuer', sandbox.issuer, '--client-id', 'sandbox-basic'], env);
    expect(out.code).toBe(3);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain('error=invalid_client');
    expect(out.stderr).toContain('status=401');
    expect(out.stderr).toContain('The client secret is wrong');
    expectNoLeak(out, env);
  });

  it('a refused private key leaks neither the PEM nor the assertion', async () => {
    const out = await run(['--token-endpoint', sandbox.tokenEndpoint, '--client-id', 'sandbox-basic', '--auth-method', 'private_key_jwt', '--private-key', DEMO_KEY_FILE]);
    expect(out.code).toBe(3);
    expectNoLeak(out, {});
  });

  it('an invalid scope exits 4 (an OAuth error that is not client authentication)', async () => {
    const out = await run(['--token-endpoint', sandbox.tokenEndpoint, '--client-id', 'sandbox-basic', '--resource', 'https://unknown.example/'], { OAUTH_CLIENT_SECRET: secrets['sandbox-basic']! });
    expect(out.code).toBe(4);
    expect(out.stderr).toMatch(/error=invalid_target|error=invalid_request/);
  });

  it('an unreachable server exits 5 and says so', async () => {
    const out = await run(['--token-endpoint', 'http://127.0.0.1:9/token', '--client-id', 'sandbox-basic'], { OAUTH_CLIENT_SECRET: 'x' });
    expect(out.code).toBe(5);
    expect(out.stderr).toContain('ECONNREFUSED');
  });

  it('a server certificate from an untrusted CA exits 5 and names TLS', async () => {
    const tls = tlsFiles(sandbox);
    const out = await run(['--token-endpoint', sandbox.mtls.tokenEndpoint, '--client-id', 'sandbox-tls', '--auth-method', 'tls_client_auth', '--cert', tls.certFile, '--key', tls.keyFile]);
    expect(out.code).toBe(5);
    expect(out.stderr).toContain('TLS:');
  });
});

describe('--assertion-typ', () => {
  /** The client assertions the runner sent, read from the form bodies on their way to the sandbox. */
  function recordAssertions(): { assertions: string[]; restore: () => void } {
    const assertions: string[] = [];
    const restore = provideEffects({
      fetch: (input, init) => {
        const assertion = new URLSearchParams(typeof init?.body === 'string' || init?.body instanceof URLSearchParams ? init.body : '').get('client_assertion');
        if (assertion) assertions.push(assertion);
        return globalThis.fetch(input, init);
      },
    });
    return { assertions, restore };
  }

  it.each([
    [['--assertion-audience', 'issuer'], 'sandbox-strict-audience', 'client-authentication+jwt'],
    [['--assertion-audience', 'issuer', '--assertion-typ', 'omit'], 'sandbox-strict-audience', undefined],
    [['--assertion-audience', 'token_endpoint', '--assertion-typ', 'send'], 'sandbox-private-key-jwt', 'client-authentication+jwt'],
    [['--assertion-audience', 'token_endpoint'], 'sandbox-private-key-jwt', 'JWT'],
  ])('%j signs the header typ the option asks for (%s gets a token): %s', async (flags, clientId, expected) => {
    const options = parseRunnerArgs(['--issuer', sandbox.issuer, '--client-id', clientId, '--auth-method', 'private_key_jwt', '--private-key', DEMO_KEY_FILE, ...flags]);
    const { assertions, restore } = recordAssertions();
    try {
      const token = await runToken(options, { env: {}, readText: (file) => readFile(file, 'utf8') });
      expect(decodeJwt(token.response.access_token).client_id).toBe(clientId);
    } finally {
      restore();
    }
    expect(assertions).toHaveLength(1);
    const header = decodeProtectedHeader(assertions[0]!);
    if (expected) expect(header.typ).toBe(expected);
    else expect(header).not.toHaveProperty('typ');
  });
});

describe('usage', () => {
  it('--help prints the usage on stdout and exits 0', async () => {
    const out = await run(['--help']);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('Exit codes: 0 token, 2 usage');
    expect(out.stdout).toContain('--assertion-typ T        auto | send | omit');
  });

  it.each([
    [['--client-id', 'x', '--token-endpoint', 'http://localhost/t', '--client-secret', 's3cr3t'], '--client-secret is refused'],
    [['--client-id', 'x', '--token-endpoint', 'http://localhost/t', '--client-secret=s3cr3t'], '--client-secret is refused'],
    [['--client-id', 'x'], 'exactly one of --issuer'],
    [['--client-id', 'x', '--token-endpoint', 'http://localhost/t', '--auth-method', 'private_key_jwt'], 'needs --private-key'],
    [['--client-id', 'x', '--token-endpoint', 'http://localhost/t', '--assertion-audience', 'aud'], '--assertion-audience must be one of'],
    [['--client-id', 'x', '--token-endpoint', 'http://localhost/t', '--assertion-typ', 'JWT'], '--assertion-typ must be one of auto, send, omit'],
    [['--client-id', 'x', '--token-endpoint', 'http://localhost/t'], 'set OAUTH_CLIENT_SECRET'],
  ])('%j exits 2', async (args, message) => {
    const out = await run(args);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain(message);
    expect(out.stderr).not.toContain('s3cr3t');
  });
});

describe('the bin entry', () => {
  it('runs as a separate process: the token on stdout, exit 0', async () => {
    // Not spawnSync: the sandbox answers from this process's event loop.
    const result = await promisify(execFile)(process.execPath, [join(import.meta.dirname, '../../cli/bin.mjs'), '--token-endpoint', sandbox.tokenEndpoint, '--client-id', 'sandbox-basic', '--raw'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', OAUTH_CLIENT_SECRET: secrets['sandbox-basic']! },
    });
    // execFile rejects on a non-zero exit, so reaching here is exit 0.
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^eyJ/);
  });
});
