// What a token response's Content-Type says that the body does not: kept as warnings, the token still accepted.

import type { ResponseWarning } from '../../types/token';

/** The longest piece of the server's header a warning quotes: it is the server's text, shown to the user. */
const QUOTED_MAX = 80;

/** The header as a warning may quote it: no control or invisible characters, cut to {@link QUOTED_MAX}. */
function quoted(header: string): string {
  const clean = header.replace(/[\p{Cc}\p{Cf}]/gu, '\uFFFD').trim();
  return clean.length > QUOTED_MAX ? `${clean.slice(0, QUOTED_MAX - 1)}…` : clean;
}

/** `type/subtype` lower-cased and the `charset` parameter (lower-cased, unquoted) of a Content-Type value. */
function parseMediaType(header: string): { essence: string; charset: string | undefined } {
  const [essence = '', ...params] = header.split(';');
  let charset: string | undefined;
  for (const param of params) {
    const [name = '', value = ''] = param.split('=');
    if (name.trim().toLowerCase() === 'charset') charset = value.trim().replace(/^"(.*)"$/, '$1').toLowerCase();
  }
  return { essence: essence.trim().toLowerCase(), charset };
}

/**
 * Warnings for the Content-Type of a token response whose body parsed as JSON. Servers do mislabel JSON (as
 * text/html, text/plain), so the body is still accepted; the person testing their server should hear of it:
 * - not `application/json` (or no Content-Type at all) — RFC 6749 §5.1 says the body uses application/json;
 * - a `charset` other than UTF-8 — RFC 8259 §8.1 requires UTF-8 for JSON between systems and §11 defines no charset
 *   parameter ("adding one really has no effect on compliant recipients"), so the body was read as UTF-8 anyway.
 *   No rule tells a client to refuse such a body, so it is not refused.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.1
 * @see https://www.rfc-editor.org/rfc/rfc8259#section-8.1
 */
export function contentTypeWarnings(header: string | null): ResponseWarning[] {
  if (header === null || header.trim() === '') {
    return [{ code: 'content-type', message: 'The token response has no Content-Type; a token response is application/json (RFC 6749 §5.1).' }];
  }
  const { essence, charset } = parseMediaType(header);
  const warnings: ResponseWarning[] = [];
  if (essence !== 'application/json') {
    warnings.push({
      code: 'content-type',
      message: `Content-Type "${quoted(header)}" is not application/json (RFC 6749 §5.1); the body was read as JSON because it is JSON.`,
    });
  }
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    warnings.push({
      code: 'charset',
      message: `The response declares charset "${quoted(charset)}"; JSON is UTF-8 (RFC 8259 §8.1), so it was read as UTF-8.`,
    });
  }
  return warnings;
}
