// Absolute token expiry: what survives a reload, unlike a relative expires_in.
import { InputError } from '../errors';

/**
 * `now + expires_in` in epoch milliseconds. Accepts a number or a numeric string (some servers send "3600").
 * @throws InputError field `expires_in` when the value is not a finite, non-negative number of seconds
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.1
 */
export function computeAbsoluteExpiry(expiresIn: number | string, now: number): number {
  const seconds =
    typeof expiresIn === 'number' ? expiresIn : /^\s*\d+(\.\d+)?\s*$/.test(String(expiresIn)) ? Number(expiresIn) : Number.NaN;
  if (!Number.isFinite(seconds) || seconds < 0) {
    throw new InputError('expires_in', `expires_in must be a non-negative number of seconds (got ${JSON.stringify(String(expiresIn)).slice(0, 40)}).`);
  }
  if (!Number.isFinite(now)) throw new InputError('now', 'now must be epoch milliseconds.');
  return now + Math.round(seconds * 1000);
}
