// The identifier character rule: which characters are refused, and how the message names them.
import { describe, expect, it } from 'vitest';
import { findUnsafeChar, isSafeIdentifierText, unsafeCharMessage, type UnsafeCharKind } from './textSafety';

describe('findUnsafeChar', () => {
  it.each([
    ...['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C'].map((c) => [c, 'bidi'] as const),
    ...['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD'].map((c) => [c, 'invisible'] as const),
    ...['\u0000', '\t', '\n', '\r', '\u001F', '\u007F', '\u0085', '\u009F'].map((c) => [c, 'control'] as const),
    ['\uD800', 'surrogate'] as const,
  ] satisfies ReadonlyArray<readonly [string, UnsafeCharKind]>)('finds %j as %s', (ch, kind) => {
    expect(findUnsafeChar(`ab${ch}cd`)).toEqual({ kind, codePoint: `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`, index: 2 });
  });

  it.each(['client-1', 'worker ü', 'NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs', 'https://api.example.com/a?b=c', 'مرحبا', '😀'])('accepts %j', (text) => {
    expect(findUnsafeChar(text)).toBeUndefined();
    expect(isSafeIdentifierText(text)).toBe(true);
  });

  it('says which character and why, with the field label', () => {
    expect(unsafeCharMessage('Client ID', 'a\u202Eb')).toBe(
      'Client ID contains U+202E, a bidirectional control, which makes text display in a different order than it is sent; remove it.',
    );
    expect(unsafeCharMessage('Client ID', 'ab')).toBeUndefined();
  });
});
