// TOTP helpers against the RFC test vectors (RFC 4226 Appendix D, RFC 6238 Appendix B) and base32 round trips.
import { describe, expect, it } from 'vitest';

import { base32Decode, base32Encode, generateOtp, generateTotpSecret, hotp, totpCode, totpKeyUri, verifyTotp } from './totp.js';

const RFC_SECRET = Buffer.from('12345678901234567890');

describe('HOTP / TOTP', () => {
  it('matches RFC 4226 Appendix D', () => {
    expect([0, 1, 2, 9].map((c) => hotp(RFC_SECRET, c))).toEqual(['755224', '287082', '359152', '520489']);
  });

  it('matches RFC 6238 Appendix B (SHA-1, 8 digits)', () => {
    const secret = base32Encode(RFC_SECRET);
    expect(totpCode(secret, 59_000, 8)).toBe('94287082');
    expect(totpCode(secret, 1_111_111_109_000, 8)).toBe('07081804');
    expect(totpCode(secret, 2_000_000_000_000, 8)).toBe('69279037');
  });

  it('accepts one step of drift either way, and nothing else', () => {
    const secret = generateTotpSecret();
    const t = 1_700_000_000_000;
    expect(verifyTotp(secret, totpCode(secret, t), t)).toBe(true);
    expect(verifyTotp(secret, totpCode(secret, t - 30_000), t)).toBe(true);
    expect(verifyTotp(secret, totpCode(secret, t + 30_000), t)).toBe(true);
    expect(verifyTotp(secret, totpCode(secret, t - 90_000), t)).toBe(false);
    expect(verifyTotp(secret, '12345', t)).toBe(false);
    expect(verifyTotp(secret, 123456, t)).toBe(false);
  });
});

describe('base32, secrets, OTPs and key URIs', () => {
  it('round-trips base32 (RFC 4648 §10 vectors, unpadded)', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Decode('MZXW6YTBOI').toString()).toBe('foobar');
    expect(() => base32Decode('not base32!')).toThrow();
  });

  it('makes 160-bit secrets, 6-digit OTPs and an otpauth URI with issuer and account', () => {
    expect(generateTotpSecret()).toMatch(/^[A-Z2-7]{32}$/);
    expect(generateOtp()).toMatch(/^\d{6}$/);
    const uri = new URL(totpKeyUri('JBSWY3DPEHPK3PXP', 'ada.lovelace'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/PingOne Sandbox:ada.lovelace');
    expect(Object.fromEntries(uri.searchParams)).toEqual({
      secret: 'JBSWY3DPEHPK3PXP', issuer: 'PingOne Sandbox', algorithm: 'SHA1', digits: '6', period: '30',
    });
  });
});
