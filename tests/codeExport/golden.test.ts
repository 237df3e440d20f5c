// Go, Java, C# and PowerShell exports pinned by golden files per auth method (no toolchain for them runs here);
// Java is also parsed by javac's parser. UPDATE_GOLDEN=1 rewrites the files after a deliberate change.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { AuthMethod } from '../../src/types/token';
import type { CodeExportInput, ExportLanguage } from '../../src/utils/codeExport/exportInput';
import { exportCode } from '../../src/utils/codeExport/generate';
import { x509HeaderParameters, x509Thumbprints, type X509HeaderChoice } from '../../src/utils/x509Thumbprint';
import { describeFor } from './describeFor';
import { DEMO_KEY_FILE } from './sandboxClients';

const GOLDEN = join(import.meta.dirname, 'golden');
const EXTENSIONS = { go: 'go', java: 'java', csharp: 'cs', powershell: 'ps1' } as const satisfies Partial<Record<ExportLanguage, string>>;
const TOKEN_ENDPOINT = 'https://auth.example.com/as/token';
const ISSUER = 'https://auth.example.com/as';

interface GoldenCase {
  name: string;
  authMethod: AuthMethod;
  extra?: Partial<CodeExportInput>;
  /** A certificate credential: which thumbprint members of the test certificate the assertion header carries. */
  x509?: X509HeaderChoice;
}

/** A certificate credential's certificate (TEST-ONLY, as the Entra provider tests use it). */
const CERTIFICATE = readFileSync(join(import.meta.dirname, '../providers/fixtures/TEST-ONLY-entra-cert.pem'), 'utf8');

const CASES: GoldenCase[] = [
  { name: 'client_secret_basic', authMethod: 'client_secret_basic' },
  { name: 'client_secret_post', authMethod: 'client_secret_post' },
  { name: 'client_secret_jwt', authMethod: 'client_secret_jwt', extra: { assertion: { audience: 'token_endpoint', lifetimeSeconds: 30 } } },
  { name: 'private_key_jwt-ES256-issuer', authMethod: 'private_key_jwt', extra: { privateKey: { file: 'private-key.pem', alg: 'ES256', kid: 'key-1' }, assertion: { audience: 'issuer', lifetimeSeconds: 60 } } },
  { name: 'private_key_jwt-RS256-endpoint', authMethod: 'private_key_jwt', extra: { privateKey: { file: 'private-key.pem', alg: 'RS256' }, assertion: { audience: 'endpoint', lifetimeSeconds: 60 } } },
  // No typ at all: C# cannot use JsonWebTokenHandler for it, Go deletes golang-jwt's default, Java sets no type.
  { name: 'private_key_jwt-ES256-untyped', authMethod: 'private_key_jwt', extra: { privateKey: { file: 'private-key.pem', alg: 'ES256', kid: 'key-1' }, assertion: { audience: 'issuer', typ: 'omit', lifetimeSeconds: 60 } } },
  { name: 'private_key_jwt-PS256', authMethod: 'private_key_jwt', extra: { privateKey: { file: 'private-key.pem', alg: 'PS256' } } },
  // A certificate credential (Entra ID): the header names the certificate by both thumbprints.
  { name: 'private_key_jwt-certificate', authMethod: 'private_key_jwt', x509: 'both', extra: { privateKey: { file: 'private-key.pem', alg: 'RS256', kid: 'key-1' }, assertion: { audience: 'token_endpoint', lifetimeSeconds: 60 } } },
  { name: 'private_key_jwt-certificate-untyped', authMethod: 'private_key_jwt', x509: 'x5t#S256', extra: { privateKey: { file: 'private-key.pem', alg: 'RS256' }, assertion: { audience: 'token_endpoint', typ: 'omit', lifetimeSeconds: 60 } } },
  { name: 'tls_client_auth', authMethod: 'tls_client_auth', extra: { clientCertificate: { certFile: 'client.crt.pem', keyFile: 'client.key.pem', caFile: 'server-ca.pem' } } },
  { name: 'dpop', authMethod: 'client_secret_basic', extra: { dpop: true } },
];

async function inputFor(c: GoldenCase): Promise<CodeExportInput> {
  const description = await describeFor({
    tokenEndpoint: TOKEN_ENDPOINT,
    issuer: ISSUER,
    clientId: 'worker-app',
    authMethod: c.authMethod,
    privateKeyFile: DEMO_KEY_FILE,
    scope: 'p1:read:user p1:read:device',
    audience: 'https://api.pingone.com',
    resource: ['https://api.example.com/', 'https://other.example.com/'],
    ...(c.x509 ? { x509: x509HeaderParameters(await x509Thumbprints(CERTIFICATE), c.x509) } : {}),
  });
  return { description, authMethod: c.authMethod, issuer: ISSUER, ...c.extra };
}

const javaDir = mkdtempSync(join(tmpdir(), 'java-export-'));
afterAll(() => rmSync(javaDir, { recursive: true, force: true }));

describe.each(Object.entries(EXTENSIONS))('%s export', (language, extension) => {
  it.each(CASES)('$name matches its golden file', async (c) => {
    const code = exportCode(language as ExportLanguage, await inputFor(c));
    const file = join(GOLDEN, language, `${c.name}.${extension}`);
    if (process.env.UPDATE_GOLDEN === '1') {
      mkdirSync(join(GOLDEN, language), { recursive: true });
      writeFileSync(file, code);
    }
    expect(code).toBe(readFileSync(file, 'utf8'));
    // The secret is never a literal: the program names the environment variable.
    expect(code).not.toContain('placeholder-secret');
    if (c.extra?.dpop) expect(code).toContain('DPoP (RFC 9449) is not generated');
  });
});

describe('Java exports', () => {
  it('parse with javac (syntax only: without the Nimbus jar javac cannot resolve its types)', async () => {
    const files = await Promise.all(
      CASES.map(async (c) => {
        const dir = join(javaDir, c.name);
        mkdirSync(dir, { recursive: true });
        const file = join(dir, 'Token.java');
        writeFileSync(file, exportCode('java', await inputFor(c)));
        return file;
      }),
    );
    await expect(promisify(execFile)('java', [join(import.meta.dirname, 'JavaParse.java'), ...files])).resolves.toBeDefined();
  });
});
