import { describe, expect, it } from 'vitest';
import { PlaygroundError, OAuthResponseError } from './errors';
import { REDACTED, maskEmail, maskPhone, maskToken, redactString, redactValue } from './redact';

// A syntactically real JWT (header {"alg":"ES256","typ":"JWT"}); the payload part is the secret we look for.
const JWT =
  'eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJjbGllbnQtMTIzIiwic2NvcGUiOiJwMTpyZWFkOnVzZXIifQ.c2lnbmF0dXJlLXZhbHVlLWhlcmU';
const PAYLOAD = 'eyJzdWIiOiJjbGllbnQtMTIzIiwic2NvcGUiOiJwMTpyZWFkOnVzZXIifQ';
const PEM = [
  '-----BEGIN PRIVATE KEY-----',
  'MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgSECRETKEYMATERIAL',
  '-----END PRIVATE KEY-----',
].join('\n');

describe('redactString', () => {
  it('masks Authorization headers but keeps the scheme', () => {
    expect(redactString('Authorization: Basic Y2xpZW50OnMzY3JldA==')).toBe(`Authorization: Basic ${REDACTED}`);
    expect(redactString(`authorization=Bearer ${JWT}`)).toBe(`authorization=Bearer ${REDACTED}`);
    expect(redactString('curl -H "Authorization: Basic Y2xpZW50OnMzY3JldA=="')).not.toContain('Y2xpZW50');
  });

  it('masks bare Basic/Bearer credentials but not prose about them', () => {
    expect(redactString('sent Basic Y2xpZW50OnMzY3JldA== to server')).toBe(`sent Basic ${REDACTED} to server`);
    expect(redactString('uses Basic authentication')).toBe('uses Basic authentication');
    expect(redactString('auth_method=client_secret_basic')).toBe('auth_method=client_secret_basic');
  });

  it('keeps a short prefix of JWTs and drops the rest', () => {
    const out = redactString(`token is ${JWT} ok`);
    expect(out).toBe(`token is ${JWT.slice(0, 10)}…${REDACTED} ok`);
    expect(out).not.toContain(PAYLOAD);
  });

  it('does not mistake host names for JWTs', () => {
    expect(redactString('POST https://auth.pingone.com/abc/as/token')).toBe('POST https://auth.pingone.com/abc/as/token');
  });

  it('masks PEM private key blocks, keeping the armour', () => {
    const out = redactString(`key:\n${PEM}\nend`);
    expect(out).toContain('-----BEGIN PRIVATE KEY-----');
    expect(out).not.toContain('SECRETKEYMATERIAL');
    expect(redactString('-----BEGIN RSA PRIVATE KEY-----\nABCDEF truncated')).not.toContain('ABCDEF');
  });

  it('masks secret parameters in form bodies and URL queries', () => {
    const body = 'grant_type=client_credentials&client_id=app&client_secret=s3cr3t-value&scope=a%20b';
    expect(redactString(body)).toBe(`grant_type=client_credentials&client_id=app&client_secret=${REDACTED}&scope=a%20b`);
    const url = `https://example.com/cb?access_token=${JWT}&state=xyz#frag`;
    expect(redactString(url)).toBe(`https://example.com/cb?access_token=${REDACTED}&state=xyz#frag`);
    expect(redactString(`client_assertion_type=x&client_assertion=${JWT}`)).not.toContain(PAYLOAD);
    expect(redactString('{"otp":"123456","ok":true}')).toBe(`{"otp":"${REDACTED}","ok":true}`);
    expect(redactString('otp=12345678')).toBe(`otp=${REDACTED}`);
  });

  it('masks JSON text members and URL passwords', () => {
    expect(redactString('{"client_secret": "a b\\"c", "client_id": "x"}')).toBe(`{"client_secret": "${REDACTED}", "client_id": "x"}`);
    expect(redactString('https://client:hunter22@example.com/x')).toBe(`https://client:${REDACTED}@example.com/x`);
  });

  it('masks phone numbers to country code + last four', () => {
    expect(redactString('sent to +15550100150')).toBe('sent to +1•••••0150');
    expect(redactString('sent to +44 20 7946 0958.')).toBe('sent to +44•••••0958.');
    expect(maskPhone('+33612345678')).toBe('+33•••••5678');
    expect(maskPhone('555-010-0150')).toBe('•••••0150');
  });

  it('masks e-mail addresses partially', () => {
    expect(redactString('mail jane.doe@example.com now')).toBe('mail j•••@example.com now');
    expect(maskEmail('x@sub.example.org')).toBe('x•••@sub.example.org');
  });

  it('is stable when applied twice', () => {
    const once = redactString(`Authorization: Bearer ${JWT} client_secret=abcdefgh +15550100150 jane@example.com`);
    expect(redactString(once)).toBe(once);
  });

  it('maskToken hides short tokens entirely', () => {
    expect(maskToken('short')).toBe(REDACTED);
    expect(maskToken('a'.repeat(40))).toBe(`${'a'.repeat(10)}…${REDACTED}`);
  });
});

describe('redactValue', () => {
  it('masks secret keys at any depth and in arrays', () => {
    const out = redactValue({
      a: { b: [{ client_secret: 'topsecret1', clientSecret: 'topsecret2', password: 'pw-123456' }] },
      access_token: JWT,
      token_type: 'Bearer',
      tokenEndpoint: 'https://as.example/token',
      hasToken: true,
    });
    expect(out).toEqual({
      a: { b: [{ client_secret: REDACTED, clientSecret: REDACTED, password: REDACTED }] },
      access_token: `${JWT.slice(0, 10)}…${REDACTED}`,
      token_type: 'Bearer',
      tokenEndpoint: 'https://as.example/token',
      hasToken: true,
    });
  });

  it('masks headers objects (plain and Fetch Headers)', () => {
    expect(redactValue({ headers: { Authorization: 'Basic Y2xpZW50OnNlY3JldA==', Accept: 'application/json' } })).toEqual({
      headers: { Authorization: `Basic ${REDACTED}`, Accept: 'application/json' },
    });
    const h = new Headers({ authorization: `Bearer ${JWT}`, 'content-type': 'application/x-www-form-urlencoded' });
    expect(redactValue(h)).toEqual({ authorization: `Bearer ${REDACTED}`, 'content-type': 'application/x-www-form-urlencoded' });
  });

  it('masks JWK private members but keeps public ones', () => {
    const jwk = { kty: 'EC', crv: 'P-256', x: 'xx', y: 'yy', d: 'PRIVATE-D', kid: 'k1' };
    expect(redactValue({ jwk })).toEqual({ jwk: { kty: 'EC', crv: 'P-256', x: 'xx', y: 'yy', d: REDACTED, kid: 'k1' } });
    const rsa = { kty: 'RSA', n: 'nn', e: 'AQAB', d: 'D', p: 'P', q: 'Q', dp: 'DP', dq: 'DQ', qi: 'QI' };
    expect(redactValue(rsa)).toEqual({ kty: 'RSA', n: 'nn', e: 'AQAB', d: REDACTED, p: REDACTED, q: REDACTED, dp: REDACTED, dq: REDACTED, qi: REDACTED });
    expect(redactValue({ kty: 'oct', k: 'c2VjcmV0' })).toEqual({ kty: 'oct', k: REDACTED });
    // Outside a JWK, `q` is just a search query.
    expect(redactValue({ q: 'devices' })).toEqual({ q: 'devices' });
  });

  it('masks OTPs, phone and private keys by key, whatever their type', () => {
    expect(redactValue({ otp: '123456', passcode: 87654321, phone: '+15550100150', privateKey: { type: 'private' } })).toEqual({
      otp: REDACTED,
      passcode: REDACTED,
      phone: '+1•••••0150',
      privateKey: REDACTED,
    });
    expect(redactValue({ new_password: 'N3w-pass!' })).toEqual({ new_password: REDACTED });
  });

  it('redacts strings inside values (URLs, bodies, emails)', () => {
    expect(
      redactValue({ url: new URL('https://x.example/t?client_secret=abc12345&a=1'), body: new URLSearchParams({ client_secret: 'abc12345', scope: 's' }), email: 'ann@example.com' }),
    ).toEqual({ url: `https://x.example/t?client_secret=${REDACTED}&a=1`, body: `client_secret=${REDACTED}&scope=s`, email: 'a•••@example.com' });
  });

  it('reduces errors to name, code, message, status — never cause or response', () => {
    const cause = new Error('client_secret=leaky123');
    const err = new PlaygroundError('NETWORK', 'failed with client_secret=abc12345', { cause, status: 503 });
    expect(redactValue({ err })).toEqual({ err: { name: 'PlaygroundError', code: 'NETWORK', message: `failed with client_secret=${REDACTED}`, status: 503 } });
    const oauth = new OAuthResponseError({ error: 'invalid_client' }, 401, { response: new Response('secret body') });
    expect(JSON.stringify(redactValue(oauth))).not.toContain('secret body');
  });

  it('handles cycles, depth and odd values without throwing', () => {
    const a: Record<string, unknown> = { name: 'a' };
    a.self = a;
    expect(redactValue(a)).toEqual({ name: 'a', self: '[Circular]' });
    let deep: Record<string, unknown> = { leaf: true };
    for (let i = 0; i < 20; i++) deep = { next: deep };
    expect(JSON.stringify(redactValue(deep))).toContain('[Truncated]');
    const shared = { v: 1 };
    expect(redactValue({ x: shared, y: shared })).toEqual({ x: { v: 1 }, y: { v: 1 } });
    expect(redactValue({ f: () => 1, n: 10n, b: new Uint8Array(4), date: new Date(0) })).toEqual({
      f: '[Function]', n: '10', b: '[Binary 4 bytes]', date: '1970-01-01T00:00:00.000Z',
    });
    const hostile = Object.defineProperty({}, 'boom', { enumerable: true, get() { throw new Error('no'); } });
    expect(redactValue(hostile)).toBe('[Unloggable value]');
  });

  it('does not mutate its input', () => {
    const input = { client_secret: 'abc12345', nested: { password: 'x' } };
    redactValue(input);
    expect(input).toEqual({ client_secret: 'abc12345', nested: { password: 'x' } });
  });
});
