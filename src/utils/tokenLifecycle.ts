// Token lifetime: countdown and duration formatting, exp/iat/nbf checks with a clock-skew tolerance.
import { DEFAULT_CLOCK_SKEW_SECONDS, MAX_CLOCK_SKEW_SECONDS } from '../config/defaults';
import { InputError } from './errors';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * `mm:ss`, or `h:mm:ss` from one hour up. Rounds up, so the display reaches 00:00 exactly at expiry and never
 * shows 00:00 while the token is still valid.
 */
export function formatCountdown(ms: number): string {
  const total = Number.isFinite(ms) && ms > 0 ? Math.ceil(ms / 1000) : 0;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

/** `1h 2m 3s`, starting at the largest non-zero unit. */
function compactDuration(totalSeconds: number): string {
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  if (h > 0) return `${h}h ${m}m ${s}s`;
  if (m > 0) return `${m}m ${s}s`;
  return `${s}s`;
}

/** A lifetime as `1h 0m 0s (3600 seconds)`: readable, with the exact figure the server sent. */
export function formatDuration(seconds: number): string {
  const total = Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds) : 0;
  return `${compactDuration(total)} (${total} ${total === 1 ? 'second' : 'seconds'})`;
}

export interface TimeClaimCheck {
  claim: 'exp' | 'iat' | 'nbf';
  ok: boolean;
  message: string;
}

const isNumericDate = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Checks a JWT's time claims at `now` (epoch ms) with a clock-skew tolerance. `exp` is always reported (RFC 9068
 * requires it, so its absence fails); `iat` and `nbf` only when present.
 * @throws InputError('clockSkewSeconds') when the skew is outside 0–300 s
 * @see https://www.rfc-editor.org/rfc/rfc7519#section-4.1.4
 * @see https://www.rfc-editor.org/rfc/rfc9068#section-2.2
 */
export function checkTimeClaims(
  claims: { exp?: unknown; iat?: unknown; nbf?: unknown },
  now: number,
  skewSeconds: number = DEFAULT_CLOCK_SKEW_SECONDS,
): TimeClaimCheck[] {
  if (!Number.isFinite(skewSeconds) || skewSeconds < 0 || skewSeconds > MAX_CLOCK_SKEW_SECONDS) {
    throw new InputError('clockSkewSeconds', `Clock skew must be between 0 and ${MAX_CLOCK_SKEW_SECONDS} seconds.`);
  }
  const nowSeconds = now / 1000;
  const tolerance = `within the ${skewSeconds}s clock-skew tolerance`;
  const checks: TimeClaimCheck[] = [];

  if (claims.exp === undefined) {
    checks.push({ claim: 'exp', ok: false, message: 'exp is missing: the token states no expiry.' });
  } else if (!isNumericDate(claims.exp)) {
    checks.push({ claim: 'exp', ok: false, message: 'exp is not a NumericDate (seconds since the epoch).' });
  } else {
    const left = claims.exp - nowSeconds;
    if (left > 0) checks.push({ claim: 'exp', ok: true, message: `expires in ${compactDuration(Math.ceil(left))}.` });
    else if (-left <= skewSeconds) {
      checks.push({ claim: 'exp', ok: true, message: `expired ${compactDuration(Math.floor(-left))} ago, ${tolerance}.` });
    } else checks.push({ claim: 'exp', ok: false, message: `expired ${compactDuration(Math.floor(-left))} ago.` });
  }

  for (const claim of ['iat', 'nbf'] as const) {
    const value = claims[claim];
    if (value === undefined) continue;
    if (!isNumericDate(value)) {
      checks.push({ claim, ok: false, message: `${claim} is not a NumericDate (seconds since the epoch).` });
      continue;
    }
    const ahead = value - nowSeconds;
    const what = claim === 'iat' ? 'issued' : 'valid from';
    if (ahead <= 0) {
      const ago = Math.floor(-ahead);
      checks.push({ claim, ok: true, message: `${what} ${compactDuration(ago)} ago.` });
    } else if (ahead <= skewSeconds) {
      checks.push({ claim, ok: true, message: `${what} ${compactDuration(Math.ceil(ahead))} in the future, ${tolerance}.` });
    } else {
      const hint = claim === 'iat' ? ' Check the clocks of this machine and the server.' : '';
      checks.push({ claim, ok: false, message: `${what} ${compactDuration(Math.ceil(ahead))} in the future.${hint}` });
    }
  }
  return checks;
}
