// The export's inputs: what is taken from the description, what is left out, and hostile values staying data.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { EXPORT_LANGUAGES, type CodeExportInput } from '../../src/utils/codeExport/exportInput';
import { exportCode } from '../../src/utils/codeExport/generate';
import { commentText, goQuoted, powershellQuoted, quoted } from '../../src/utils/codeExport/literals';
import { requestPartsOf } from '../../src/utils/codeExport/requestParts';
import { toNodeProgram } from '../../src/utils/codeExport/nodeProgram';
import { toPythonProgram } from '../../src/utils/codeExport/pythonProgram';
import { describeFor } from './describeFor';

const PYTHON = process.env.PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');
const HOSTILE = `a"b\\c'd\`e$f{g}\n// h\u2028i\u0085j\u2019k\r\n#l`;
const work = mkdtempSync(join(tmpdir(), 'export-input-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const input = async (over: Partial<Parameters<typeof describeFor>[0]> = {}, extra: Partial<CodeExportInput> = {}): Promise<CodeExportInput> => ({
  description: await describeFor({ tokenEndpoint: 'https://as.example.com/token', clientId: 'my client:1', authMethod: 'client_secret_basic', secret: 'S3cr3t:+/%=', scope: 'a b', ...over }),
  authMethod: over.authMethod ?? 'client_secret_basic',
  ...extra,
});

describe('requestPartsOf', () => {
  it('takes the URL, parameters and plain headers from the description and leaves every credential out', async () => {
    const parts = requestPartsOf(await input({ audience: 'https://api', resource: ['https://r1/', 'https://r2/'] }));
    expect(parts.clientId).toBe('my client:1'); // decoded from the form-urlencoded Basic credentials
    expect(parts.params).toEqual([['grant_type', 'client_credentials'], ['scope', 'a b'], ['audience', 'https://api'], ['resource', 'https://r1/'], ['resource', 'https://r2/']]);
    expect(parts.headers).toEqual([['Accept', 'application/json']]);
    const post = requestPartsOf(await input({ authMethod: 'client_secret_post' }));
    expect(post.params.map(([n]) => n)).toEqual(['grant_type', 'scope']);
  });

  it('resolves the assertion audience mode: issuer, token endpoint, or the endpoint called', async () => {
    const jwt = await input({ authMethod: 'client_secret_jwt' });
    const with_ = (audience: 'issuer' | 'token_endpoint' | 'endpoint') => requestPartsOf({ ...jwt, issuer: 'https://as.example.com', assertion: { audience, lifetimeSeconds: 60 } }).assertionAudience;
    expect(with_('issuer')).toBe('https://as.example.com');
    expect(with_('token_endpoint')).toBe('https://as.example.com/token');
    expect(with_('endpoint')).toBe('https://as.example.com/token');
    expect(() => requestPartsOf({ ...jwt, assertion: { audience: 'issuer', lifetimeSeconds: 60 } })).toThrow(/no issuer/);
  });

  it('refuses a description made with another method than the one exported', async () => {
    const basic = await input();
    expect(() => requestPartsOf({ ...basic, authMethod: 'client_secret_post' })).toThrow(/client_secret_basic, not client_secret_post/);
  });
});

describe('literals', () => {
  it('quoted and goQuoted are JSON (so JS, Python, Java, C#, Go read them back) with line separators escaped', () => {
    for (const q of [quoted, goQuoted]) {
      const literal = q(HOSTILE);
      expect(literal).not.toMatch(/[\n\r\u2028\u2029\u0085]/);
      expect(JSON.parse(literal)).toBe(HOSTILE);
    }
    expect(goQuoted('\uD800x')).toBe('"\uFFFDx"');
  });

  it('powershellQuoted doubles every kind of single quote; commentText keeps a comment on one line', () => {
    expect(powershellQuoted("it's ‘x’")).toBe("'it''s ‘‘x’’'");
    expect(commentText(HOSTILE)).not.toMatch(/[\n\r\u2028\u2029\u0085]/);
  });

  it('a hostile client id stays data in the Node and Python programs (parsed by node and python3)', async () => {
    const hostile = await input({ clientId: HOSTILE, authMethod: 'client_secret_post', scope: 'a' });
    const node = join(work, 'hostile.mjs');
    writeFileSync(node, toNodeProgram(hostile));
    await promisify(execFile)(process.execPath, ['--check', node]);
    const python = join(work, 'hostile.py');
    writeFileSync(python, toPythonProgram(hostile));
    const read = `import ast, json, sys\nfor n in ast.parse(open(sys.argv[1]).read()).body:\n    if isinstance(n, ast.Assign) and n.targets[0].id == "CLIENT_ID": print(json.dumps(n.value.value))`;
    const { stdout } = await promisify(execFile)(PYTHON, ['-c', read, python]);
    expect(JSON.parse(stdout)).toBe(HOSTILE);
  });
});

describe('exportCode', () => {
  it('offers every language of the select, and none of the programs carries the secret', async () => {
    const base = await input();
    for (const language of EXPORT_LANGUAGES) {
      const code = exportCode(language, base);
      expect(code.length, language).toBeGreaterThan(100);
      expect(code, language).not.toContain('S3cr3t');
    }
    expect(exportCode('curl', { ...base, reveal: true })).toContain('Authorization: Basic');
  });
});
