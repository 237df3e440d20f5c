// toCurl through a real POSIX shell: quoting round-trips, placeholders stay placeholders, the body is exact.
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildClientCredentialsBody } from './body';
import { clientSecretBasic, clientSecretJwt, clientSecretPost } from './clientAuth';
import { shellQuote, toCurl } from './curl';
import { describeClientCredentialsRequest, type RequestDescription } from './description';

/** Runs the command in sh with `curl` replaced by a function that prints its arguments NUL-separated. */
function curlArgs(command: string, env: Record<string, string> = {}): string[] {
  const script = `curl() { for a in "$@"; do printf '%s\\0' "$a"; done; }\n${command}`;
  const result = spawnSync('sh', ['-c', script], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env } });
  expect(result.status).toBe(0);
  return result.stdout.split('\0').slice(0, -1);
}

/** What curl would send as the body for the given -d options (curl joins them with '&'). */
function curlBody(args: string[]): string {
  const parts: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--data-raw') parts.push(args[++i]!);
    if (args[i] === '--data-urlencode') {
      const option = args[++i]!;
      const eq = option.indexOf('=');
      // curl percent-encodes all but unreserved characters (space as %20).
      parts.push(`${option.slice(0, eq)}=${encodeURIComponent(option.slice(eq + 1)).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`);
    }
  }
  return parts.join('&');
}

function headersOf(args: string[]): string[] {
  return args.flatMap((a, i) => (args[i - 1] === '--header' ? [a] : []));
}

const describeWith = (auth: Parameters<typeof describeClientCredentialsRequest>[0]['auth'], clientId = 'client-1') =>
  describeClientCredentialsRequest({
    tokenEndpoint: "https://as.example.com/env/as/token?x='y'",
    clientId,
    auth,
    params: buildClientCredentialsBody({ scope: ["it's", 'a$b', '`cmd`'] }),
  });

describe('shellQuote', () => {
  // Each run spawns one sh for a batch of strings (a spawn costs ~10 ms), hence the generous test timeout.
  it('round-trips any string through sh', () => {
    const value = fc.string({ unit: 'grapheme', maxLength: 40 }).filter((s) => !s.includes('\0'));
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 10 }), (values) => {
        const out = spawnSync('sh', ['-c', `printf '%s\\0' ${values.map(shellQuote).join(' ')}`], { encoding: 'utf8' });
        expect(out.stdout.split('\0').slice(0, -1)).toEqual(values);
      }),
      { numRuns: 100 },
    );
  }, 30_000);

  it('handles the classic troublemakers', () => {
    for (const value of [`'`, `''`, `a'b"c`, '$(rm -rf /)', '`id`', '\\n', '!!', 'line\nbreak', '$HOME']) {
      expect(spawnSync('sh', ['-c', `printf '%s' ${shellQuote(value)}`], { encoding: 'utf8' }).stdout).toBe(value);
    }
  });
});

describe('toCurl', () => {
  it('lays out one option per line with continuations', async () => {
    const curl = toCurl(await describeWith(clientSecretBasic('s')));
    const lines = curl.split('\n');
    expect(lines[0]).toBe('curl --request POST \\');
    expect(lines.slice(1, -1).every((l) => l.startsWith('  --') && l.endsWith(' \\'))).toBe(true);
    expect(lines.at(-1)).toMatch(/^ {2}--data-raw '.*'$/);
  });

  it.each([
    ['client_secret_basic', () => clientSecretBasic("p'a$s`s w:ö"), { BASIC_CREDENTIALS: 'QUJD' }],
    ['client_secret_post', () => clientSecretPost("p'a$s`s w&ö=+"), { CLIENT_SECRET: "p'a$s`s w&ö=+" }],
    ['client_secret_jwt', () => clientSecretJwt('s3cret'), {}],
  ] as const)('%s: masked by default, with placeholders that work once exported', async (_name, auth, env) => {
    const desc = await describeWith(auth(), "id with 'quote'");
    const curl = toCurl(desc);
    const body = new URLSearchParams(desc.body);
    const secrets = [desc.headers.Authorization?.slice('Basic '.length), body.get('client_secret'), body.get('client_assertion')].filter(Boolean);
    for (const secret of secrets) expect(curl).not.toContain(secret);
    expect(curl).toMatch(/\$\{(BASIC_CREDENTIALS|CLIENT_SECRET|CLIENT_ASSERTION)\}/);

    const args = curlArgs(curl, { ...env, CLIENT_ASSERTION: body.get('client_assertion') ?? '' });
    expect(args.slice(0, 4)).toEqual(['--request', 'POST', '--url', desc.url]);
    // The body curl would send decodes to the same parameters, in the same order.
    expect([...new URLSearchParams(curlBody(args))]).toEqual([...body]);
    if ('BASIC_CREDENTIALS' in env) expect(headersOf(args)).toContain('Authorization: Basic QUJD');
  });

  it('revealed: the shell hands curl the exact headers and body bytes', async () => {
    const desc = await describeWith(clientSecretBasic("p'a$s`s"));
    const args = curlArgs(toCurl(desc, { reveal: true }));
    expect(headersOf(args)).toEqual(Object.entries(desc.headers).map(([k, v]) => `${k}: ${v}`));
    expect(curlBody(args)).toBe(desc.body);
  });

  it('property: any client id, secret and scopes survive the shell exactly when revealed', async () => {
    const scopeToken = fc.stringMatching(/^[\x21\x23-\x5B\x5D-\x7E]{1,10}$/);
    const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).filter((s) => !s.includes('\0') && s.trim() !== '');
    await fc.assert(
      fc.asyncProperty(text, text, fc.array(scopeToken, { maxLength: 4 }), async (clientId, secret, scopes) => {
        const desc: RequestDescription = await describeClientCredentialsRequest({
          tokenEndpoint: 'https://as.example.com/token',
          clientId,
          auth: clientSecretPost(secret),
          params: buildClientCredentialsBody({ scope: scopes }),
        });
        const args = curlArgs(toCurl(desc, { reveal: true }));
        expect(curlBody(args)).toBe(desc.body);
        expect(toCurl(desc)).not.toContain(`client_secret=${new URLSearchParams([['', secret]]).toString().slice(1)}`);
      }),
      { numRuns: 100 },
    );
  }, 30_000);

  it('falls back to quote concatenation for an unusual auth scheme', () => {
    const desc: RequestDescription = { url: 'https://a.example/t', method: 'POST', headers: { Authorization: 'We!rd$ abc' }, body: 'grant_type=client_credentials' };
    const curl = toCurl(desc);
    expect(curl).not.toContain('abc');
    expect(headersOf(curlArgs(curl, { AUTHORIZATION_CREDENTIALS: 'zzz' }))).toEqual(['Authorization: We!rd$ zzz']);
  });
});

describe('toCurl with a client certificate (mTLS)', () => {
  const desc = { url: 'https://localhost:4543/as/token', method: 'POST' as const, headers: {}, body: 'grant_type=client_credentials&client_id=c' };

  it('names the certificate, key and CA files, never their contents', () => {
    const curl = toCurl(desc, { clientCertificate: { certFile: 'tls.crt.pem', keyFile: 'tls.key.pem', caFile: 'ca.pem' } });
    expect(curl).toContain("--cert 'tls.crt.pem'");
    expect(curl).toContain("--key 'tls.key.pem'");
    expect(curl).toContain("--cacert 'ca.pem'");
  });

  it('uses shell variables when the certificate was pasted (no file to name)', () => {
    const curl = toCurl(desc, { clientCertificate: { certFile: '', keyFile: '' } });
    expect(curl).toContain('--cert "${CLIENT_CERT_FILE}"');
    expect(curl).toContain('--key "${CLIENT_KEY_FILE}"');
    expect(curl).not.toContain('--cacert');
  });
});
