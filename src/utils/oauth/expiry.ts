// Absolute token expiry: what survives a reload, unlike a relative expires_in.
import { InputError } from '../errors';

/**
 * The longest `expires_in` the playground accepts: ten years. Longer is a server bug or a unit mix-up
 * (milliseconds sent as seconds), and far longer (1e13 s and up) is not even a representable date.
 * @see https://tc39.es/ecma262/#sec-time-values-and-time-range (±8.64e15 ms)
 */
export const MAX_EXPIRES_IN_SECONDS = 10 * 365 * 24 * 3600;

/**
 * `now + expires_in` in epoch milliseconds. Accepts a number or a numeric string (some servers send "3600").
 * @throws InputError field `expires_in` when the value is not a number of seconds from 0 to
 *   {@link MAX_EXPIRES_IN_SECONDS}
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.1
 */
export function computeAbsoluteExpiry(expiresIn: number | string, now: number): number {
  const seconds =
    typeof expiresIn === 'number' ? expiresIn : /^\s*\d+(\.\d+)?\s*$/.test(String(expiresIn)) ? Number(expiresIn) : Number.NaN;
  if (!Number.isFinite(seconds) || seconds < 0 || seconds > MAX_EXPIRES_IN_SECONDS) {
    throw new InputError(
      'expires_in',
      `expires_in must be a number of seconds from 0 to ${MAX_EXPIRES_IN_SECONDS} (got ${JSON.stringify(String(expiresIn)).slice(0, 40)}).`,
    );
  }
  if (!Number.isFinite(now)) throw new InputError('now', 'now must be epoch milliseconds.');
  return now + Math.round(seconds * 1000);
}
