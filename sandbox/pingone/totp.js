// TOTP for the emulated TOTP devices: base32 secrets, otpauth key URIs, and code checks (RFC 6238 over RFC 4226).
import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
export const TOTP_ISSUER = 'PingOne Sandbox';

/** RFC 4648 §6 base32, unpadded (what authenticator apps expect in `secret=`). */
export function base32Encode(bytes) {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

export function base32Decode(text) {
  let bits = 0;
  let value = 0;
  const out = [];
  for (const ch of text.replace(/=+$/, '').toUpperCase()) {
    const index = BASE32.indexOf(ch);
    if (index < 0) throw new Error('invalid base32');
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** A new 160-bit secret (RFC 4226 §4 recommends 160 bits), base32. */
export function generateTotpSecret() {
  return base32Encode(randomBytes(20));
}

/** The `otpauth://totp/…` URI an authenticator app scans (Google Authenticator key URI format). */
export function totpKeyUri(secret, accountName) {
  const label = encodeURIComponent(`${TOTP_ISSUER}:${accountName}`);
  const params = new URLSearchParams({
    secret,
    issuer: TOTP_ISSUER,
    algorithm: 'SHA1',
    digits: String(TOTP_DIGITS),
    period: String(TOTP_PERIOD_SECONDS),
  });
  return `otpauth://totp/${label}?${params}`;
}

/** HOTP (RFC 4226 §5.3) with HMAC-SHA1 and dynamic truncation. */
export function hotp(key, counter, digits = TOTP_DIGITS) {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', key).update(msg).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const code = (mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits;
  return String(code).padStart(digits, '0');
}

/** The TOTP code of a base32 secret at `nowMs`. */
export function totpCode(secret, nowMs = Date.now(), digits = TOTP_DIGITS) {
  return hotp(base32Decode(secret), Math.floor(nowMs / 1000 / TOTP_PERIOD_SECONDS), digits);
}

/** Whether `code` is valid now, allowing one step of clock drift either way (RFC 6238 §5.2). */
export function verifyTotp(secret, code, nowMs = Date.now()) {
  if (typeof code !== 'string' || !/^\d{6}$/.test(code)) return false;
  const key = base32Decode(secret);
  const counter = Math.floor(nowMs / 1000 / TOTP_PERIOD_SECONDS);
  return [-1, 0, 1].some((drift) => sameCode(hotp(key, counter + drift), code));
}

/** Constant-time comparison of two codes of equal length. */
export function sameCode(expected, actual) {
  if (typeof actual !== 'string' || actual.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(expected), Buffer.from(actual));
}

/** A 6-digit OTP for SMS/EMAIL activation (uniform, leading zeros kept). */
export function generateOtp() {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}
