// computeAbsoluteExpiry: numbers and numeric strings in, epoch ms out; bad input names expires_in.
import { describe, expect, it } from 'vitest';
import { computeAbsoluteExpiry } from './expiry';

const NOW = Date.UTC(2030, 0, 1);

describe('computeAbsoluteExpiry', () => {
  it.each([
    [3600, NOW + 3_600_000],
    ['3600', NOW + 3_600_000],
    [' 90 ', NOW + 90_000],
    [0, NOW],
    [1.5, NOW + 1500],
  ])('%j → now + seconds', (expiresIn, expected) => {
    expect(computeAbsoluteExpiry(expiresIn, NOW)).toBe(expected);
  });

  it.each([['soon'], [''], ['-5'], [-5], [Number.NaN], [Number.POSITIVE_INFINITY], ['1e3'], ['0x10']])(
    'refuses %j with field expires_in',
    (expiresIn) => {
      expect(() => computeAbsoluteExpiry(expiresIn, NOW)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', field: 'expires_in' }));
    },
  );
});
