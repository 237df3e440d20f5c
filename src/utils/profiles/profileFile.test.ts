// The profiles file: what it writes, and every way an import is refused with a sentence and nothing returned.
import { describe, expect, it } from 'vitest';
import * as z from '../zod';
import { MAX_PROFILE_FILE_BYTES, MAX_PROFILES, parseProfileFile, PROFILE_FILE_FORMAT, PROFILE_FILE_VERSION, serializeProfileFile } from './profileFile';

const config = z.partial(z.strictObject({ clientId: z.string().check(z.maxLength(20)), authMethod: z.enum(['client_secret_basic', 'private_key_jwt']) }));
const file = (profiles: unknown, extra: Record<string, unknown> = {}) => JSON.stringify({ format: PROFILE_FILE_FORMAT, version: PROFILE_FILE_VERSION, profiles, ...extra });

describe('profiles file', () => {
  it('round-trips names and configurations through its text', () => {
    const text = serializeProfileFile([{ name: 'Staging', config: { clientId: 'a' } }, { name: 'Prod', config: { clientId: 'b', authMethod: 'private_key_jwt' } }]);
    expect(JSON.parse(text)).toMatchObject({ format: PROFILE_FILE_FORMAT, version: 1 });
    expect(parseProfileFile(text, config)).toEqual({ ok: true, profiles: [{ name: 'Staging', config: { clientId: 'a' } }, { name: 'Prod', config: { clientId: 'b', authMethod: 'private_key_jwt' } }] });
  });

  it.each([
    ['not JSON', '{nope', /not valid JSON/],
    ['an array', '[]', /not a profiles file/],
    ['another format', JSON.stringify({ format: 'something-else', version: 1, profiles: [] }), /not a profiles file/],
    ['a later version', file([], { version: 2 }), /version 2.*reads version 1/],
    ['no version', JSON.stringify({ format: PROFILE_FILE_FORMAT, profiles: [] }), /no valid version/],
    ['an unknown top-level field', file([], { secrets: {} }), /unknown field “secrets” in the file/],
    ['an unknown profile field', file([{ name: 'a', config: {}, id: 'p1' }]), /unknown field “id” in profile 1/],
    ['a secret in a configuration', file([{ name: 'a', config: { clientId: 'x', clientSecret: 's3cr3t' } }]), /unknown field “clientSecret” in profile 1, config/],
    ['a private key in a configuration', file([{ name: 'a', config: { privateKey: '-----BEGIN PRIVATE KEY-----' } }]), /unknown field “privateKey”/],
    ['a value of the wrong type', file([{ name: 'a', config: { authMethod: 'none' } }]), /not valid at profile 1, config.authMethod/],
    ['a value over its limit', file([{ name: 'a', config: { clientId: 'x'.repeat(21) } }]), /not valid at profile 1, config.clientId/],
    ['an empty name', file([{ name: '  ', config: {} }]), /Give the profile a name/],
    ['a control character in a name', file([{ name: 'a\u0007b', config: {} }]), /control characters/],
    // Bidi overrides make a name read in another order ("Trojan Source"); a zero-width space makes two names look one.
    ['a bidi override in a name', file([{ name: 'prod\u202Eveg', config: {} }]), /direction-changing ones \(found U\+202E\)/],
    ['a zero-width space in a name', file([{ name: 'Pro\u200Bd', config: {} }]), /found U\+200B/],
    ['two profiles with one name', file([{ name: 'Prod', config: {} }, { name: 'prod ', config: {} }]), /two profiles “prod”/],
    ['too many profiles', file(Array.from({ length: MAX_PROFILES + 1 }, (_, i) => ({ name: `p${i}`, config: {} }))), /at most 50 profiles/],
    ['an oversized file', file([{ name: 'a', config: {} }], { pad: 'x'.repeat(MAX_PROFILE_FILE_BYTES) }), /larger than 256 KiB/],
  ])('refuses %s with a clear message', (_, text, message) => {
    const result = parseProfileFile(text, config);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it('drops __proto__ members before validation, so a crafted file cannot pollute prototypes', () => {
    const text = `{"format":"${PROFILE_FILE_FORMAT}","version":1,"profiles":[{"name":"a","config":{"__proto__":{"polluted":true}}}]}`;
    const result = parseProfileFile(text, config);
    expect(result.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('shows a hostile field name shortened and without control characters', () => {
    const result = parseProfileFile(file([{ name: 'a', config: { [`<img src=x>\u0000${'y'.repeat(100)}`]: 1 } }]), config);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toContain('<img src=x>\uFFFD');
      expect(result.error).toContain('…');
      expect(result.error).not.toContain('\u0000');
    }
  });
});
