// The assertion header `typ` each program renders, over typ option × audience mode × language × JWT method: the
// value the playground's own request would carry (draft-ietf-oauth-rfc7523bis-11 §4), or no typ at all.
import { describe, expect, it } from 'vitest';
import type { AssertionAudience, AssertionTyp } from '../../src/config/assertionModes';
import type { AuthMethod } from '../../src/types/token';
import type { ExportLanguage } from '../../src/utils/codeExport/exportInput';
import { exportCode } from '../../src/utils/codeExport/generate';
import { describeFor } from './describeFor';
import { DEMO_KEY_FILE } from './sandboxClients';

const CLIENT_AUTHENTICATION_JWT = 'client-authentication+jwt';

/** Written out rather than computed with assertionTypHeader, so the table checks the rule instead of repeating it. */
const TABLE: Array<[AssertionTyp, AssertionAudience, string | null]> = [
  ['auto', 'issuer', CLIENT_AUTHENTICATION_JWT],
  ['auto', 'token_endpoint', 'JWT'],
  ['auto', 'endpoint', 'JWT'],
  ['send', 'issuer', CLIENT_AUTHENTICATION_JWT],
  ['send', 'token_endpoint', CLIENT_AUTHENTICATION_JWT],
  ['send', 'endpoint', CLIENT_AUTHENTICATION_JWT],
  ['omit', 'issuer', null],
  ['omit', 'token_endpoint', null],
  ['omit', 'endpoint', null],
];

/** The one line of `code` that matches, failing when there is not exactly one. */
function oneLine(code: string, pattern: RegExp): string {
  const lines = code.split('\n').filter((line) => pattern.test(line));
  expect(lines, String(pattern)).toHaveLength(1);
  return lines[0]!;
}

/**
 * The `typ` a program's assertion header gets, read from the line that builds the header: a value, or `null` when
 * the program leaves `typ` out (for Go and C#, whose libraries write `typ: JWT` unless told otherwise, only an
 * explicit delete or a hand-built header counts as leaving it out).
 */
const RENDERED_TYP: Readonly<Record<Exclude<ExportLanguage, 'curl' | 'fetch'>, (code: string) => string | null>> = {
  node: (code) => /typ: "([^"]+)"/.exec(oneLine(code, /\.setProtectedHeader\(\{ alg: (SIGNING_ALG|'HS256')/))?.[1] ?? null,
  python: (code) => {
    const typ = /headers=\{"typ": (?:"([^"]+)"|None)/.exec(oneLine(code, /assertion = jwt\.encode\(claims/));
    expect(typ).not.toBeNull();
    return typ![1] ?? null;
  },
  go: (code) => {
    const set = /^\ttoken\.Header\["typ"\] = "([^"]+)"$/m.exec(code);
    if (set) return set[1]!;
    oneLine(code, /^\tdelete\(token\.Header, "typ"\)/);
    return null;
  },
  java: (code) => {
    const line = oneLine(code, /new JWSHeader\.Builder\(/);
    if (line.includes('.type(JOSEObjectType.JWT)')) return 'JWT';
    return /\.type\(new JOSEObjectType\("([^"]+)"\)\)/.exec(line)?.[1] ?? (line.includes('.type(') ? 'unknown' : null);
  },
  csharp: (code) => {
    const set = /^ +TokenType = "([^"]+)",$/m.exec(code);
    if (set) return set[1]!;
    expect(code).not.toContain('JsonWebTokenHandler().CreateToken');
    expect(oneLine(code, /var header = new Dictionary<string, object> \{ \["alg"\]/)).not.toContain('typ');
    return null;
  },
  powershell: (code) => /typ = '([^']+)'/.exec(oneLine(code, /\$header = \[ordered\]@\{ alg = /))?.[1] ?? null,
};

const METHODS: AuthMethod[] = ['client_secret_jwt', 'private_key_jwt'];
const ROWS = Object.entries(RENDERED_TYP).flatMap(([language, read]) =>
  METHODS.flatMap((authMethod) => TABLE.map(([typ, audience, expected]) => ({ language, read, authMethod, typ, audience, expected }))),
);

describe('the assertion header typ in every exported program', () => {
  it.each(ROWS)('$language, $authMethod, typ $typ, aud $audience → $expected', async ({ language, read, authMethod, typ, audience, expected }) => {
    const description = await describeFor({ tokenEndpoint: 'https://as.example.com/as/token', issuer: 'https://as.example.com/as', clientId: 'worker', authMethod, privateKeyFile: DEMO_KEY_FILE });
    const code = exportCode(language as ExportLanguage, {
      description,
      authMethod,
      issuer: 'https://as.example.com/as',
      assertion: { audience, typ, lifetimeSeconds: 60 },
      privateKey: authMethod === 'private_key_jwt' ? { file: 'private-key.pem', alg: 'RS256' } : undefined,
    });
    expect(read(code)).toBe(expected);
  });

  it('defaults to auto: the issuer audience types the assertion, the token endpoint keeps JWT', async () => {
    const description = await describeFor({ tokenEndpoint: 'https://as.example.com/as/token', clientId: 'worker', authMethod: 'client_secret_jwt' });
    const input = { description, authMethod: 'client_secret_jwt' as const, issuer: 'https://as.example.com/as' };
    expect(RENDERED_TYP.node(exportCode('node', { ...input, assertion: { audience: 'issuer', lifetimeSeconds: 60 } }))).toBe(CLIENT_AUTHENTICATION_JWT);
    expect(RENDERED_TYP.node(exportCode('node', input))).toBe('JWT');
  });
});
