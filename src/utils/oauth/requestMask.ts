// Masking a request description for display: the Authorization value, client_secret, client_assertion and the
// token an introspection or revocation request carries.
import { MASKED_SECRET } from '../mask';
import type { RequestDescription } from './description';

/** Body parameters that carry secrets, with the placeholder name exports use for them. */
export const SENSITIVE_BODY_PARAMS: Readonly<Record<string, string>> = {
  client_secret: 'CLIENT_SECRET',
  client_assertion: 'CLIENT_ASSERTION',
  // RFC 7662 §2.1 / RFC 7009 §2.1: the access token being introspected or revoked.
  token: 'ACCESS_TOKEN',
};

/** Characters of a client assertion kept visible: the start of its (public) JOSE header, enough to recognise it. */
const ASSERTION_PREFIX = 10;

/** The placeholder name exports use for an `Authorization` header's credentials. */
export function authorizationPlaceholder(scheme: string): string {
  return scheme.toLowerCase() === 'basic' ? 'BASIC_CREDENTIALS' : 'AUTHORIZATION_CREDENTIALS';
}

/** Splits `Scheme credentials` (RFC 9110 §11.4). */
export function splitAuthorization(value: string): { scheme: string; credentials: string } {
  const match = /^(\S+)\s+([\s\S]*)$/.exec(value);
  return match ? { scheme: match[1] ?? '', credentials: match[2] ?? '' } : { scheme: '', credentials: value };
}

/** Decodes one application/x-www-form-urlencoded component. */
export function formDecode(component: string): string {
  try {
    return decodeURIComponent(component.replace(/\+/g, ' '));
  } catch {
    return component;
  }
}

/** The body's `name=value` pairs exactly as encoded, with the decoded name of each. */
export function bodyPairs(body: string): Array<{ name: string; value: string; encoded: string }> {
  if (body === '') return [];
  return body.split('&').map((encoded) => {
    const eq = encoded.indexOf('=');
    const rawName = eq === -1 ? encoded : encoded.slice(0, eq);
    const rawValue = eq === -1 ? '' : encoded.slice(eq + 1);
    return { name: formDecode(rawName), value: formDecode(rawValue), encoded };
  });
}

/** Whether a header is the Authorization header (masking and exports swap its credentials). */
export function isAuthorizationHeader(name: string): boolean {
  return name.toLowerCase() === 'authorization';
}

/**
 * A copy of the description safe to display: `Authorization: Basic ••••••`, `client_secret=••••••`,
 * `client_assertion=eyJhbGciOi••••••`. Masked values are inserted unencoded, so the result is for display only
 * and must never be sent. With `reveal: true` the copy is exact.
 */
export function maskRequestDescription(desc: RequestDescription, opts: { reveal?: boolean } = {}): RequestDescription {
  if (opts.reveal) return { ...desc, headers: { ...desc.headers } };
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(desc.headers)) {
    headers[name] = isAuthorizationHeader(name) ? `${splitAuthorization(value).scheme} ${MASKED_SECRET}`.trim() : value;
  }
  const body = bodyPairs(desc.body)
    .map(({ name, value, encoded }) => {
      if (!(name in SENSITIVE_BODY_PARAMS)) return encoded;
      const keep = name === 'client_assertion' ? value.slice(0, ASSERTION_PREFIX) : '';
      return `${encoded.slice(0, encoded.indexOf('=') + 1)}${keep}${MASKED_SECRET}`;
    })
    .join('&');
  return { url: desc.url, method: desc.method, headers, body };
}
