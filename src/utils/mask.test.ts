// Masking: the exact forms the spec shows, and that nothing sensitive survives maskSensitiveText.
import { describe, expect, it } from 'vitest';
import { maskAuthorization, maskedSnippet, maskEmail, maskKnownValues, maskOtp, maskPhone, maskSensitiveText } from './mask';

describe('maskPhone', () => {
  it.each([
    ['+14135550150', '+1•••••0150'],
    ['+1.5125201234', '+1•••••1234'],
    ['+44 20 7946 0958', '+44•••••0958'],
  ])('%s → %s', (input, expected) => {
    expect(maskPhone(input)).toBe(expected);
  });

  it('masks short values whole', () => {
    expect(maskPhone('+123')).not.toMatch(/\d/);
  });
});

describe('maskEmail', () => {
  it('keeps the first character and the domain', () => {
    expect(maskEmail('jane.doe@example.com')).toBe('j•••@example.com');
    expect(maskEmail('j@example.com')).toBe('j•••@example.com');
  });

  it('masks a value without a local part whole', () => {
    expect(maskEmail('not-an-email')).toBe('•••');
    expect(maskEmail('@example.com')).toBe('•••');
  });
});

describe('maskOtp', () => {
  it('never reveals digits or length', () => {
    expect(maskOtp('123456')).toBe('••••••');
    expect(maskOtp('12345678')).toBe('••••••');
  });
});

describe('maskAuthorization', () => {
  it('keeps the scheme and a short prefix of the token only', () => {
    const token = 'eyJhbGciOiJSUzI1NiJ9.eyJzY29wZSI6InAxIn0.c2lnbmF0dXJl';
    const masked = maskAuthorization(`Bearer ${token}`);
    expect(masked.startsWith('Bearer eyJhbGci')).toBe(true);
    expect(masked).not.toContain('c2lnbmF0dXJl');
    expect(masked).not.toContain('eyJzY29wZSI6InAxIn0');
    expect(maskAuthorization('Bearer short')).not.toContain('short');
  });
});

describe('maskSensitiveText', () => {
  const body = JSON.stringify({
    type: 'SMS',
    phone: '+1.5125201234',
    email: 'grace.hopper@example.com',
    otp: '493817',
    secret: 'JBSWY3DPEHPK3PXP',
    keyUri: 'otpauth://totp/Sandbox:grace?secret=JBSWY3DPEHPK3PXP',
    note: 'call +14135550150',
  });

  it('masks OTPs, TOTP secrets, otpauth URIs, phones and emails', () => {
    const out = maskSensitiveText(body);
    for (const leaked of ['5125201234', '4135550150', 'grace.hopper', '493817', 'JBSWY3DPEHPK3PXP']) {
      expect(out).not.toContain(leaked);
    }
    expect(out).toContain('+1•••••1234');
    expect(out).toContain('g•••@example.com');
    expect(out).toContain('"type":"SMS"');
  });

  it('can keep personal data while still masking secrets', () => {
    const out = maskSensitiveText(body, { personalData: false });
    expect(out).toContain('+1.5125201234');
    expect(out).toContain('grace.hopper@example.com');
    expect(out).not.toContain('493817');
    expect(out).not.toContain('JBSWY3DPEHPK3PXP');
  });

  it('leaves UUIDs and timestamps alone', () => {
    const text = '{"id":"5f4c7f5e-8e3b-4b1e-9f6a-2d7c1b9e0a11","createdAt":"2022-09-22T13:07:15.115Z"}';
    expect(maskSensitiveText(text)).toBe(text);
  });
});

describe('maskKnownValues', () => {
  it('masks every occurrence of a known secret and ignores too-short values', () => {
    expect(maskKnownValues('OTP 482913 is wrong (482913)', ['482913', 'ab'])).toBe('OTP •••••• is wrong (••••••)');
    expect(maskKnownValues('abc', [])).toBe('abc');
  });
});

describe('maskedSnippet', () => {
  it('masks before cutting, so a secret straddling the cut leaves no prefix behind', () => {
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    // The value starts at character 50: cutting to 54 before masking would keep its first 4 characters.
    const body = `{"pad":"${'x'.repeat(30)}","secret":"${secret}"}`;
    const snippet = maskedSnippet(body, { max: 55, personalData: false });
    expect(snippet).not.toContain(secret.slice(0, 4));
    expect(snippet.length).toBe(55);
    expect(snippet.endsWith('…')).toBe(true);
  });

  it('leaves a short body whole', () => {
    expect(maskedSnippet('{"ok":true}', { max: 60 })).toBe('{"ok":true}');
  });
});
