// Redaction on long, hostile text (issue 19): the e-mail and URL-password rules find what they found before, and
// a 100 KB run of address-like characters no longer costs seconds (the old patterns rescanned it from every position).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REDACTED, maskEmail, maskJwts, maskToken, redactString } from './redact';

/** The e-mail pattern maskEmail ran before issue 19: the reference its walk must agree with. */
const OLD_EMAIL = /([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})/g;
const oldMaskEmail = (text: string) => text.replace(OLD_EMAIL, (_m, first: string, domain: string) => `${first}•••@${domain}`);

describe('maskEmail', () => {
  it('masks exactly the addresses the old pattern masked (generated text of address characters)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'Z', '1', '.', '@', '-', '+', '_', ' ', 'c', 'o', 'm', '/'), maxLength: 40 });
    fc.assert(fc.property(text, (s) => maskEmail(s) === oldMaskEmail(s)), { numRuns: 3000 });
  });

  it.each([
    ['mail jane.doe@example.com and x@sub.example.org', 'mail j•••@example.com and x•••@sub.example.org'],
    // The first address's domain stops before `.x` (a one-letter label cannot end it); the second starts there.
    ['a@b.co.uk.x+y@z.com', 'a•••@b.co.uk.•••@z.com'],
    ['@example.com, a@b, @@', '@example.com, a@b, @@'],
  ])('%s', (input, expected) => {
    expect(maskEmail(input)).toBe(expected);
    expect(maskEmail(input)).toBe(oldMaskEmail(input));
  });
});

/** The JWT pattern redactString ran before: the reference maskJwts must agree with. */
const OLD_JWT = /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)?/g;
const oldMaskJwts = (text: string) => text.replace(OLD_JWT, (jwt) => maskToken(jwt));

describe('maskJwts', () => {
  it('masks exactly what the old pattern masked (generated text of JWT-like pieces)', () => {
    const text = fc.string({ unit: fc.constantFrom('eyJ', 'eyJhbGciOi', 'a', 'Z9', '-', '_', '.', ' ', '"', '=', 'é'), maxLength: 30 });
    fc.assert(fc.property(text, (s) => maskJwts(s) === oldMaskJwts(s)), { numRuns: 5000 });
  });

  it.each([
    ['Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl and more', 'Bearer eyJhbGciOi…[redacted] and more'],
    ['jwe eyJhbGciOiJkaXIifQ..aXY.Y2lwaGVy.dGFn.', 'jwe eyJhbGciOi…[redacted].'],
    ['x-eyJhbGciOiJIUzI1NiJ9.e.s', 'x-eyJhbGciOi…[redacted]'],
    ['x_eyJhbGciOiJIUzI1NiJ9.e.s', 'x_eyJhbGciOiJIUzI1NiJ9.e.s'],
  ])('%s', (input, expected) => {
    expect(maskJwts(input)).toBe(expected);
    expect(maskJwts(input)).toBe(oldMaskJwts(input));
  });
});

describe('URL passwords', () => {
  it.each([
    ['https://client:hunter22@example.com/x', `https://client:${REDACTED}@example.com/x`],
    ['see x.https://u:pw-123456@h/', `see x.https://u:${REDACTED}@h/`],
    // Not schemes by RFC 3986 §3.1 (a digit first, a `_` before), but a password all the same: masked.
    ['1.https://u:pw-123456@h/', `1.https://u:${REDACTED}@h/`],
    ['_https://u:pw-123456@h/', `_https://u:${REDACTED}@h/`],
  ])('%s', (input, expected) => {
    expect(redactString(input)).toBe(expected);
  });
});

describe('long runs (a 1 MB request body froze the tab)', () => {
  // Before the fix each of these took seconds (quadratic in the run's length) and ran past the test's timeout.
  it.each([
    ['letters', 'Z'.repeat(100_000)],
    ['digits', '1'.repeat(100_000)],
    ['dotted', 'a.'.repeat(50_000)],
    ['dashed', 'a-'.repeat(50_000)],
    // Every `eyJ` after a dash could start a JWT: the old pattern scanned the rest of the run from each one.
    ['JWT starts (200 KB: 100 KB took the old pattern 5 s)', '-eyJa'.repeat(40_000)],
  ])('redacts a 100 KB run of %s and leaves it as it was', (_kind, run) => {
    const body = JSON.stringify({ big: run, contact: 'jane.doe@example.com' });
    expect(redactString(body)).toBe(JSON.stringify({ big: run, contact: 'j•••@example.com' }));
  });
});
