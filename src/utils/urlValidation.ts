// Endpoint URL validation: absolute http(s) only, https except on loopback, no credentials, no fragment.
import { InputError } from './errors';

export interface EndpointUrlOptions {
  /** Allow plain http for loopback hosts (the local sandbox). Default true. */
  allowHttpLoopback?: boolean;
}

/**
 * Whether a host name is a loopback host: `localhost` (and `*.localhost`, which browsers pin to loopback),
 * any address in 127.0.0.0/8, or `::1` (with or without brackets).
 * @see https://www.rfc-editor.org/rfc/rfc6761#section-6.3
 */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/\.$/, '');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (h === '::1' || h === '[::1]') return true;
  const octets = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  return octets !== null && octets.slice(1).every((o) => Number(o) <= 255);
}

/**
 * Parses and checks a URL the playground will send credentials or tokens to.
 * Rejects relative URLs and non-http(s) schemes (`javascript:`, `data:`, `file:`…), plain http to anything but a
 * loopback host (RFC 6749 §3.2 requires TLS at the token endpoint), embedded credentials (they would leak into
 * logs and history) and fragments (meaningless for an endpoint, RFC 8414 §2 forbids them in an issuer).
 * @throws InputError naming `field`
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.2
 */
export function validateEndpointUrl(value: string, field: string, opts: EndpointUrlOptions = {}): URL {
  const allowHttpLoopback = opts.allowHttpLoopback ?? true;
  const raw = typeof value === 'string' ? value.trim() : '';
  if (raw === '') throw new InputError(field, `${field} is required.`);

  let url: URL;
  try {
    url = new URL(raw);
  } catch (cause) {
    throw new InputError(field, `${field} must be an absolute URL such as https://auth.example.com/token.`, cause);
  }

  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InputError(field, `${field} must be an https:// URL (the ${url.protocol} scheme is not allowed).`);
  }
  if (url.protocol === 'http:' && !(allowHttpLoopback && isLoopbackHost(url.hostname))) {
    throw new InputError(
      field,
      allowHttpLoopback
        ? `${field} must use https; plain http is only allowed for localhost.`
        : `${field} must use https.`,
    );
  }
  if (url.username !== '' || url.password !== '') {
    throw new InputError(field, `${field} must not contain a username or password.`);
  }
  // `url.hash` is '' both for no fragment and for a bare trailing '#', so look at the serialised form.
  if (url.href.includes('#')) {
    throw new InputError(field, `${field} must not contain a #fragment.`);
  }
  return url;
}

/** The URL's origin (scheme, host, port), or the text itself when it is not a URL yet: for keying and messages. */
export function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}
