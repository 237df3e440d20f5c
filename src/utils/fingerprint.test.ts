import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { tokenFingerprint } from './fingerprint';

describe('tokenFingerprint', () => {
  it('is the first 16 base64url characters of SHA-256', async () => {
    const token = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ3b3JrZXIifQ.c2ln';
    const expected = createHash('sha256').update(token).digest('base64url').slice(0, 16);
    expect(await tokenFingerprint(token)).toBe(expected);
  });

  it('is stable, short, URL-safe and different per token', async () => {
    const a = await tokenFingerprint('token-a');
    expect(a).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(await tokenFingerprint('token-a')).toBe(a);
    expect(await tokenFingerprint('token-b')).not.toBe(a);
  });
});
