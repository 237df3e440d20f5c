// lintClientAssertion: each rule's error and ok, and never a throw on malformed input.
import { SignJWT } from 'jose';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../tests/support/virtualClock';
import { provideEffects } from '../effects';
import { generateSigningKeyPair, type SigningKey } from '../keys';
import { signClientAssertion } from './assertion';
import { lintClientAssertion, lintClientAssertionReport, RFC7523BIS_URL, type LintFinding } from './assertionLint';

const ENDPOINT = 'https://as.example.com/env/as/token';
const ISSUER = 'https://as.example.com/env/as';
const NOW = Date.UTC(2030, 0, 1, 12, 0, 0);
const nowS = NOW / 1000;
const expect_ = { clientId: 'client-1', tokenEndpoint: ENDPOINT, issuer: ISSUER, now: NOW, method: 'private_key_jwt' as const };

let key: SigningKey;
beforeAll(async () => {
  key = await generateSigningKeyPair('ES256');
});

const good = { iss: 'client-1', sub: 'client-1', aud: ENDPOINT, iat: nowS, exp: nowS + 60, jti: crypto.randomUUID() };

async function sign(claims: Record<string, unknown>, header: Record<string, unknown> = { alg: 'ES256', kid: 'k1' }) {
  if (header.alg === 'HS256') return new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('secret'));
  return new SignJWT(claims).setProtectedHeader({ ...header, alg: 'ES256' }).sign(key.privateKey);
}

const b64 = (v: unknown) => btoa(JSON.stringify(v)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
const levels = (findings: LintFinding[]) => Object.fromEntries(findings.map((f) => [`${f.rule}:${f.level}`, true]));
const byRule = (findings: LintFinding[], rule: string) => findings.filter((f) => f.rule === rule).map((f) => f.level);

describe('lintClientAssertion', () => {
  it('passes an assertion made by signClientAssertion on every rule', async () => {
    const restore = provideEffects({ clock: new VirtualClock(NOW) });
    const jwt = await signClientAssertion({ clientId: 'client-1', tokenEndpoint: ENDPOINT, privateKey: key.privateKey, alg: 'ES256' }).finally(restore);
    const findings = lintClientAssertion(jwt, expect_);
    expect(findings.map((f) => f.rule)).toEqual(['alg', 'kid', 'typ', 'iss', 'sub', 'aud', 'exp', 'lifetime', 'iat', 'jti']);
    expect(findings.every((f) => f.level === 'ok')).toBe(true);
  });

  it.each([
    ['iss is another client', { iss: 'other' }, 'iss', 'error'],
    ['iss missing', { iss: undefined }, 'iss', 'error'],
    ['sub differs from client_id', { sub: 'someone' }, 'sub', 'error'],
    ['aud is another server', { aud: 'https://evil.example/token' }, 'aud', 'error'],
    ['aud missing', { aud: undefined }, 'aud', 'error'],
    ['aud is the issuer', { aud: ISSUER }, 'aud', 'ok'],
    ['exp missing', { exp: undefined }, 'exp', 'error'],
    ['expired', { iat: nowS - 120, exp: nowS - 60 }, 'exp', 'error'],
    ['lifetime of an hour', { exp: nowS + 3600 }, 'lifetime', 'error'],
    ['exp before iat', { iat: nowS + 10, exp: nowS + 5 }, 'lifetime', 'error'],
    ['iat far in the future', { iat: nowS + 600, exp: nowS + 630 }, 'iat', 'error'],
    ['iat slightly ahead (within skew)', { iat: nowS + 30, exp: nowS + 60 }, 'iat', 'ok'],
    ['iat missing', { iat: undefined }, 'iat', 'warning'],
    ['nbf in the future', { nbf: nowS + 600 }, 'nbf', 'error'],
    ['jti missing', { jti: undefined }, 'jti', 'error'],
    ['jti guessable', { jti: '1' }, 'jti', 'warning'],
    ['jti long and varied but not a UUID', { jti: 'Zq8mT2vXk9Lp4rWs' }, 'jti', 'ok'],
  ])('%s → %s %s', async (_name, overrides, rule, level) => {
    const claims = Object.fromEntries(Object.entries({ ...good, ...overrides }).filter(([, v]) => v !== undefined));
    expect(byRule(lintClientAssertion(await sign(claims), expect_), rule)).toContain(level);
  });

  it('warns about several audiences but accepts one that matches', async () => {
    const findings = lintClientAssertion(await sign({ ...good, aud: [ENDPOINT, 'https://other'] }), expect_);
    expect(levels(findings)).toMatchObject({ 'aud:ok': true, 'aud:warning': true });
  });

  it('warns when an asymmetric assertion has no kid', async () => {
    expect(byRule(lintClientAssertion(await sign(good, { alg: 'ES256' }), expect_), 'kid')).toEqual(['warning']);
  });

  it('flags HS256 when private_key_jwt is expected, and an asymmetric alg when client_secret_jwt is', async () => {
    expect(byRule(lintClientAssertion(await sign(good, { alg: 'HS256' }), expect_), 'alg')).toEqual(['error']);
    expect(byRule(lintClientAssertion(await sign(good), { ...expect_, method: 'client_secret_jwt' }), 'alg')).toEqual(['error']);
    expect(byRule(lintClientAssertion(await sign(good, { alg: 'HS256' }), { ...expect_, method: 'client_secret_jwt' }), 'alg')).toEqual(['ok']);
  });

  it('flags alg none', () => {
    const unsigned = `${b64({ alg: 'none' })}.${b64(good)}.`;
    expect(byRule(lintClientAssertion(unsigned, expect_), 'alg')).toEqual(['error']);
  });

  it.each([
    ['empty', ''],
    ['garbage', 'not a jwt'],
    ['two parts', 'a.b'],
    ['JWE-shaped', 'a.b.c.d.e'],
    ['bad base64 JSON', 'eyJhbGciOi.eyJpc3Mi.sig'],
    ['claims not JSON', `${b64({ alg: 'ES256' })}.${btoa('hello')}.sig`],
  ])('%s → a single format error', (_name, input) => {
    expect(lintClientAssertion(input, expect_)).toEqual([{ rule: 'format', level: 'error', message: expect.any(String) }]);
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(fc.base64String(), { maxLength: 4 }).map((p) => p.join('.')), fc.anything()), (input) => {
        const findings = lintClientAssertion(input as string, expect_);
        expect(Array.isArray(findings)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('audience and typ (RFC 7523bis)', () => {
  const INTROSPECT = 'https://as.example.com/env/as/introspect';

  it('reports the aud and typ as sent, with the audience-injection explanation and its link', async () => {
    const jwt = await sign({ ...good, aud: ISSUER }, { alg: 'ES256', kid: 'k1', typ: 'client-authentication+jwt' });
    const report = lintClientAssertionReport(jwt, { ...expect_, audienceMode: 'issuer' });
    expect(report.sent).toEqual({ aud: ISSUER, typ: 'client-authentication+jwt' });
    expect(report.audience).toMatchObject({ link: RFC7523BIS_URL, mode: 'issuer', expected: ISSUER });
    expect(report.audience.link).toBe('https://datatracker.ietf.org/doc/draft-ietf-oauth-rfc7523bis/');
    const sentences = report.audience.text.split(/(?<=\.)\s+(?=[A-Z])/);
    expect(sentences).toHaveLength(2);
    expect(sentences[0]).toMatch(/^Audience injection: .*RFC 7523bis .*issuer identifier/);
    expect(sentences[1]).toBe(`This server is set to the issuer (RFC 7523bis): "aud" must be "${ISSUER}".`);
    expect(report.findings.every((f) => f.level === 'ok')).toBe(true);
  });

  it.each([
    ['token_endpoint', ENDPOINT, /token endpoint \(RFC 7523\): "aud" must be "https:\/\/as\.example\.com\/env\/as\/token", which servers that follow RFC 7523bis refuse/],
    ['endpoint', INTROSPECT, /endpoint called: "aud" must be "https:\/\/as\.example\.com\/env\/as\/introspect"/],
    [undefined, undefined, /not set: servers that follow RFC 7523bis want the issuer, older ones the token endpoint/],
  ] as const)('says which value a server set to %s needs', async (audienceMode, expected, sentence) => {
    const { audience } = lintClientAssertionReport(await sign(good), { ...expect_, endpoint: INTROSPECT, audienceMode });
    expect(audience.expected).toBe(expected);
    expect(audience.text).toMatch(sentence);
  });

  it('reports a malformed assertion with nothing sent, and still explains', () => {
    const report = lintClientAssertionReport('not a jwt', { ...expect_, audienceMode: 'issuer' });
    expect(report.sent).toEqual({ aud: undefined, typ: undefined });
    expect(report.findings.map((f) => f.rule)).toEqual(['format']);
    expect(report.audience.text).toMatch(/^Audience injection/);
  });

  it.each([
    ['issuer mode, aud issuer', 'issuer', ISSUER, 'ok'],
    ['issuer mode, aud token endpoint', 'issuer', ENDPOINT, 'warning'],
    ['token endpoint mode, aud issuer', 'token_endpoint', ISSUER, 'warning'],
    ['endpoint mode at introspection, aud introspection URL', 'endpoint', INTROSPECT, 'ok'],
    ['endpoint mode at introspection, aud token endpoint', 'endpoint', ENDPOINT, 'warning'],
    ['issuer mode, aud elsewhere', 'issuer', 'https://evil.example/token', 'error'],
  ] as const)('%s → aud %s', async (_name, audienceMode, aud, level) => {
    const findings = lintClientAssertion(await sign({ ...good, aud }), { ...expect_, endpoint: INTROSPECT, audienceMode });
    expect(byRule(findings, 'aud')).toEqual([level]);
  });

  it.each([
    ['typed, aud issuer', { typ: 'client-authentication+jwt' }, ISSUER, 'ok'],
    ['typed, aud token endpoint', { typ: 'client-authentication+jwt' }, ENDPOINT, 'warning'],
    ['untyped, aud issuer', {}, ISSUER, 'warning'],
    ['typ JWT, aud issuer', { typ: 'JWT' }, ISSUER, 'warning'],
    ['typ JWT, aud token endpoint', { typ: 'JWT' }, ENDPOINT, 'ok'],
    ['untyped, aud token endpoint', {}, ENDPOINT, 'ok'],
  ] as const)('typ: %s → %s', async (_name, header, aud, level) => {
    const findings = lintClientAssertion(await sign({ ...good, aud }, { alg: 'ES256', kid: 'k1', ...header }), expect_);
    expect(byRule(findings, 'typ')).toEqual([level]);
  });
});
