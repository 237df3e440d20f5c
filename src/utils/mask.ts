// Masking of personal data and one-time secrets for logs and on-screen request/response views.
import { maskEmail as redactMaskEmail, maskPhone as redactMaskPhone, maskToken, redactString } from './redact';

/** The masking glyph for personal data and one-time secrets: a bullet, as password fields show, never an asterisk. */
export const MASK = '•';

/** A hidden secret (OTP, client secret, assertion): six bullets, so not even its length shows. */
export const MASKED_SECRET = MASK.repeat(6);

/**
 * Masks a phone number, keeping the country code and the last four digits: `+14135550150` → `+1•••••0150`,
 * `+1.5125201234` → `+1•••••1234`. One implementation: the logger's redaction owns the rule.
 */
export const maskPhone: (phone: string) => string = redactMaskPhone;

/**
 * Masks an email's local part after its first character and keeps the domain (support needs it):
 * `jane.doe@example.com` → `j•••@example.com`. A value that is not an address is masked whole.
 */
export function maskEmail(email: string): string {
  const masked = redactMaskEmail(email.trim());
  return masked === email.trim() || !masked.includes('•') ? MASK.repeat(3) : masked;
}

/** Masks a one-time passcode completely (not even its length is kept): OTPs are never shown or logged. */
export function maskOtp(_otp?: string): string {
  return MASKED_SECRET;
}

/**
 * Masks the credential part of an `Authorization` header value, keeping its scheme and a short token prefix
 * (`Bearer eyJhbGciOi…[redacted]`), so two calls can be told apart without exposing the token.
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-2.1
 */
export function maskAuthorization(header: string): string {
  const match = /^\s*(\S+)\s+(\S+)\s*$/.exec(header);
  if (!match) return maskToken(header.trim());
  return `${match[1]} ${maskToken(match[2] as string)}`;
}

// JSON members whose values are secrets whatever the context: OTPs, TOTP seeds and their otpauth URIs, pairing
// key tokens, and credentials that should never be in a body but might be.
const SECRET_MEMBERS = ['otp', 'secret', 'keyUri', 'token', 'access_token', 'refresh_token', 'id_token', 'client_secret', 'client_assertion'];
const SECRET_MEMBER_RE = new RegExp(`("(?:${SECRET_MEMBERS.join('|')})"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'g');
const OTPAUTH_RE = /otpauth:\/\/[^\s"']+/g;

export interface MaskTextOptions {
  /** Also mask phone numbers and emails (logs: yes; the user's own on-screen view: optional). Default true. */
  personalData?: boolean;
}

/**
 * Masks secrets (and by default personal data) inside free text or a JSON body: OTP/secret/token members,
 * otpauth URIs, phone numbers and emails. Used before anything reaches a log line or an exchange view.
 */
export function maskSensitiveText(text: string, opts: MaskTextOptions = {}): string {
  let out = text.replace(SECRET_MEMBER_RE, (_m, prefix: string) => `${prefix}"${MASKED_SECRET}"`);
  out = out.replace(OTPAUTH_RE, `otpauth://${MASKED_SECRET}`);
  // The logger's free-text redaction covers phones, emails, JWTs and credential parameters.
  return opts.personalData ?? true ? redactString(out) : out;
}

/**
 * An excerpt of a response body safe to show or log: masked first, then cut to `max` characters (an ellipsis
 * marks the cut). Cutting first could split a secret member so the masking no longer recognises it.
 */
export function maskedSnippet(text: string, opts: MaskTextOptions & { max: number }): string {
  const masked = maskSensitiveText(text, opts);
  return masked.length > opts.max ? `${masked.slice(0, opts.max - 1)}…` : masked;
}

/** Longest body excerpt an error or an exchange view carries by default. */
export const BODY_SNIPPET_CHARS = 500;

/**
 * A log-safe excerpt of a response body: secrets (and, unless `personalData: false`, phones and emails) masked
 * first, then cut to `max` characters (default {@link BODY_SNIPPET_CHARS}).
 */
export function bodySnippet(text: string, opts: MaskTextOptions & { max?: number } = {}): string {
  return maskedSnippet(text, { ...opts, max: opts.max ?? BODY_SNIPPET_CHARS });
}

/**
 * Masks every occurrence of known secret values (e.g. the OTP a request just sent) in a text, so a server that
 * echoes them back in an error message cannot get them into a log. Values shorter than 4 characters are ignored.
 */
export function maskKnownValues(text: string, values: readonly string[]): string {
  let out = text;
  for (const value of values) {
    if (value.length >= 4) out = out.split(value).join(MASKED_SECRET);
  }
  return out;
}
