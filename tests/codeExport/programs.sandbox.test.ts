// The generated Node and Python programs, run as they are against the real sandbox for every method they offer.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthMethod } from '../../src/types/token';
import type { CodeExportInput } from '../../src/utils/codeExport/exportInput';
import { toNodeProgram } from '../../src/utils/codeExport/nodeProgram';
import { toPythonProgram } from '../../src/utils/codeExport/pythonProgram';
import { x509HeaderParameters, x509Thumbprints, type X509HeaderParameters } from '../../src/utils/x509Thumbprint';
import { DEMO_KEY_FILE, demoSecrets, startCodeExportSandbox, tlsFiles, type Sandbox } from './sandboxClients';
import { describeFor } from './describeFor';
import { startRecordingForwarder } from './recordingForwarder';

/** Debian's python3 carries the apt packages (python3-requests, -jwt, -cryptography); PYTHON overrides. */
const PYTHON = process.env.PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');
const run = promisify(execFile);

let sandbox: Sandbox;
let secrets: Record<string, string>;
const work = mkdtempSync(join(tmpdir(), 'code-export-'));

beforeAll(async () => {
  sandbox = await startCodeExportSandbox(join(work, 'certs'));
  secrets = await demoSecrets(sandbox);
  // The Node programs import jose: resolve it from this repository's node_modules.
  symlinkSync(join(import.meta.dirname, '../../node_modules'), join(work, 'node_modules'), 'dir');
});
afterAll(async () => {
  await sandbox?.close();
  rmSync(work, { recursive: true, force: true });
});

interface Case {
  name: string;
  clientId: string;
  authMethod: AuthMethod;
  extra?: Partial<CodeExportInput>;
  /** A certificate credential: the thumbprint members the playground's assertion header carried. */
  x509?: X509HeaderParameters;
}

const CASES: Case[] = [
  { name: 'client_secret_basic', clientId: 'sandbox-basic', authMethod: 'client_secret_basic' },
  { name: 'client_secret_post', clientId: 'sandbox-post', authMethod: 'client_secret_post' },
  { name: 'client_secret_jwt', clientId: 'sandbox-secret-jwt', authMethod: 'client_secret_jwt', extra: { assertion: { audience: 'token_endpoint', lifetimeSeconds: 30 } } },
  { name: 'private_key_jwt, aud = issuer', clientId: 'sandbox-private-key-jwt', authMethod: 'private_key_jwt', extra: { assertion: { audience: 'issuer', lifetimeSeconds: 60 } } },
  { name: 'private_key_jwt, aud = endpoint', clientId: 'sandbox-private-key-jwt', authMethod: 'private_key_jwt', extra: { assertion: { audience: 'endpoint', lifetimeSeconds: 60 } } },
  { name: 'tls_client_auth', clientId: 'sandbox-tls', authMethod: 'tls_client_auth' },
  { name: 'DPoP (client_secret_basic)', clientId: 'sandbox-dpop', authMethod: 'client_secret_basic', extra: { dpop: true } },
];

/**
 * The export input for a case, from a description the core built with the client's real credentials. `via` is a
 * URL the program sends to instead of the sandbox's token endpoint (a recording forwarder).
 */
async function inputFor(c: Case, via?: string): Promise<CodeExportInput> {
  const mtls = c.authMethod === 'tls_client_auth';
  const description = await describeFor({
    tokenEndpoint: via ?? (mtls ? sandbox.mtls.tokenEndpoint : sandbox.tokenEndpoint),
    issuer: sandbox.issuer,
    clientId: c.clientId,
    authMethod: c.authMethod,
    secret: secrets[c.clientId],
    privateKeyFile: DEMO_KEY_FILE,
    scope: 'p1:read:user',
    ...(c.x509 ? { x509: c.x509 } : {}),
  });
  return {
    description,
    authMethod: c.authMethod,
    issuer: sandbox.issuer,
    privateKey: c.authMethod === 'private_key_jwt' ? { file: DEMO_KEY_FILE, alg: 'RS256' } : undefined,
    clientCertificate: mtls ? tlsFiles(sandbox) : undefined,
    ...c.extra,
  };
}

const LANGUAGES = [
  { name: 'Node', file: 'token.mjs', make: toNodeProgram, command: () => process.execPath, printLine: 'console.log(JSON.stringify(await tokens.get()));', twice: 'const first = await tokens.get();\nconst second = await tokens.get();\nconsole.log(JSON.stringify({ same: first === second }));' },
  { name: 'Python', file: 'get_token.py', make: toPythonProgram, command: () => PYTHON, printLine: '    print(json.dumps(tokens.get()))', twice: '    first = tokens.get()\n    print(json.dumps({"same": first is tokens.get()}))' },
] as const;

async function runProgram(language: (typeof LANGUAGES)[number], dir: string, program: string, secret: string | undefined) {
  const file = join(work, dir === '' ? language.file : `${dir}-${language.file}`);
  writeFileSync(file, program);
  const env = { PATH: process.env.PATH ?? '', ...(secret ? { OAUTH_CLIENT_SECRET: secret } : {}) };
  return run(language.command(), [file], { cwd: work, env, encoding: 'utf8' });
}

describe.each(LANGUAGES)('the generated $name program', (language) => {
  it.each(CASES)('gets a real token with $name and prints it as one JSON object', async (c) => {
    const input = await inputFor(c);
    const program = language.make(input);
    const secret = secrets[c.clientId];
    // The description carried the real credentials; the program carries none of them.
    if (secret) expect(program).not.toContain(secret);
    expect(program).not.toMatch(/eyJ[\w-]+\./);
    const { stdout } = await runProgram(language, c.name.replace(/\W+/g, '_'), program, secret);
    const token = JSON.parse(stdout) as { access_token: string; token_type: string; expires_at: number };
    expect(decodeJwt(token.access_token).client_id).toBe(c.clientId);
    expect(token.expires_at).toBeGreaterThan(Date.now() / 1000 + 60);
    if (c.extra?.dpop) expect(decodeJwt(token.access_token).cnf).toHaveProperty('jkt');
    if (c.authMethod === 'tls_client_auth') expect(decodeJwt(token.access_token).cnf).toHaveProperty(['x5t#S256']);
  });

  // The assertion as the sandbox received it: the strict client takes only aud = issuer, and either header.
  it.each([
    ['auto', 'client-authentication+jwt'],
    ['omit', undefined],
  ] as const)('with aud = issuer and typ %s, sends an assertion whose header typ is %s', async (typ, expected) => {
    const forwarder = await startRecordingForwarder(sandbox.tokenEndpoint);
    try {
      const c: Case = { name: `typ ${typ}`, clientId: 'sandbox-strict-audience', authMethod: 'private_key_jwt', extra: { assertion: { audience: 'issuer', typ, lifetimeSeconds: 60 } } };
      const { stdout } = await runProgram(language, `typ-${typ}`, language.make(await inputFor(c, forwarder.url)), undefined);
      expect(decodeJwt((JSON.parse(stdout) as { access_token: string }).access_token).client_id).toBe('sandbox-strict-audience');
      expect(forwarder.bodies).toHaveLength(1);
      const header = decodeProtectedHeader(new URLSearchParams(forwarder.bodies[0]).get('client_assertion') ?? '');
      expect(header.alg).toBe('RS256');
      if (expected) expect(header.typ).toBe(expected);
      else expect(header).not.toHaveProperty('typ');
    } finally {
      await forwarder.close();
    }
  });

  // A certificate credential (Entra ID's x5t#S256): the program's header names the certificate as the playground's did.
  it('with a certificate credential, sends the thumbprint header members the playground sent', async () => {
    const certificate = readFileSync(join(import.meta.dirname, '../providers/fixtures/TEST-ONLY-entra-cert.pem'), 'utf8');
    const x509 = x509HeaderParameters(await x509Thumbprints(certificate), 'both');
    const forwarder = await startRecordingForwarder(sandbox.tokenEndpoint);
    try {
      const c: Case = { name: 'certificate', clientId: 'sandbox-private-key-jwt', authMethod: 'private_key_jwt', x509, extra: { assertion: { audience: 'issuer', lifetimeSeconds: 60 } } };
      const { stdout } = await runProgram(language, 'certificate', language.make(await inputFor(c, forwarder.url)), undefined);
      expect(decodeJwt((JSON.parse(stdout) as { access_token: string }).access_token).client_id).toBe('sandbox-private-key-jwt');
      const header = decodeProtectedHeader(new URLSearchParams(forwarder.bodies[0]).get('client_assertion') ?? '');
      expect(header).toMatchObject({ 'x5t#S256': x509['x5t#S256'], x5t: x509.x5t });
    } finally {
      await forwarder.close();
    }
  });

  it.each([
    [90, true],
    [86_400, false],
  ])('with refresh %i s before expiry, a second get() reuses the cached token: %s', async (refreshBeforeSeconds, same) => {
    const input = { ...(await inputFor(CASES[0]!)), refreshBeforeSeconds };
    const program = language.make(input);
    expect(program).toContain(language.printLine);
    const { stdout } = await runProgram(language, `cache-${refreshBeforeSeconds}`, program.replace(language.printLine, language.twice), secrets['sandbox-basic']);
    expect(JSON.parse(stdout)).toEqual({ same });
  });
});
