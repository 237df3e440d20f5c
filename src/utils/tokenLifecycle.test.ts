import { describe, expect, it } from 'vitest';
import { checkTimeClaims, formatCountdown, formatDuration } from './tokenLifecycle';

const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);
const nowSeconds = NOW / 1000;

describe('formatCountdown', () => {
  it.each([
    [0, '00:00'], [-5000, '00:00'], [Number.NaN, '00:00'], [1, '00:01'], [999, '00:01'], [1000, '00:01'],
    [59_000, '00:59'], [60_000, '01:00'], [3599_000, '59:59'], [3600_000, '1:00:00'], [3661_000, '1:01:01'],
    [36_000_000, '10:00:00'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatCountdown(ms)).toBe(text);
  });
});

describe('formatDuration', () => {
  it.each([
    [3600, '1h 0m 0s (3600 seconds)'], [3661, '1h 1m 1s (3661 seconds)'], [90, '1m 30s (90 seconds)'],
    [45, '45s (45 seconds)'], [1, '1s (1 second)'], [0, '0s (0 seconds)'], [-3, '0s (0 seconds)'],
    [86400, '24h 0m 0s (86400 seconds)'],
  ])('%d → %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});

describe('checkTimeClaims', () => {
  const byClaim = (checks: ReturnType<typeof checkTimeClaims>) => Object.fromEntries(checks.map((c) => [c.claim, c]));

  it('passes a fresh token', () => {
    const checks = byClaim(checkTimeClaims({ exp: nowSeconds + 3600, iat: nowSeconds - 5, nbf: nowSeconds - 5 }, NOW));
    expect(checks.exp).toMatchObject({ ok: true, message: 'expires in 1h 0m 0s.' });
    expect(checks.iat?.ok).toBe(true);
    expect(checks.nbf?.ok).toBe(true);
  });

  it('tolerates an exp just past within the skew, and fails beyond it', () => {
    expect(byClaim(checkTimeClaims({ exp: nowSeconds - 120 }, NOW)).exp?.ok).toBe(true);
    expect(byClaim(checkTimeClaims({ exp: nowSeconds - 121 }, NOW)).exp).toMatchObject({ ok: false, message: 'expired 2m 1s ago.' });
    expect(byClaim(checkTimeClaims({ exp: nowSeconds - 1 }, NOW, 0)).exp?.ok).toBe(false);
  });

  it.each(['iat', 'nbf'] as const)('tolerates %s slightly in the future, within the skew only', (claim) => {
    expect(byClaim(checkTimeClaims({ exp: nowSeconds + 60, [claim]: nowSeconds + 120 }, NOW))[claim]?.ok).toBe(true);
    expect(byClaim(checkTimeClaims({ exp: nowSeconds + 60, [claim]: nowSeconds + 121 }, NOW))[claim]?.ok).toBe(false);
    expect(byClaim(checkTimeClaims({ exp: nowSeconds + 60, [claim]: nowSeconds + 250 }, NOW, 300))[claim]?.ok).toBe(true);
  });

  it('fails a missing or non-numeric exp and skips absent iat/nbf', () => {
    expect(checkTimeClaims({}, NOW)).toEqual([{ claim: 'exp', ok: false, message: expect.stringContaining('missing') }]);
    expect(byClaim(checkTimeClaims({ exp: '1700000000' }, NOW)).exp?.ok).toBe(false);
    expect(byClaim(checkTimeClaims({ exp: nowSeconds + 1, iat: 'soon' }, NOW)).iat?.ok).toBe(false);
  });

  it.each([0, 300])('accepts a skew of %d s', (skew) => {
    expect(() => checkTimeClaims({ exp: nowSeconds + 1 }, NOW, skew)).not.toThrow();
  });

  it.each([-1, 301, Number.NaN])('refuses a skew of %d s with an InputError on clockSkewSeconds', (skew) => {
    expect(() => checkTimeClaims({ exp: nowSeconds + 1 }, NOW, skew)).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'clockSkewSeconds' }),
    );
  });
});
