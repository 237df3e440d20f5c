// HTTP Basic client credentials (RFC 6749 §2.3.1), read once for the whole sandbox.

/** Form-urlencoding decode of one credential half: `+` is a space, then percent-decoding. */
function formDecode(value) {
  return decodeURIComponent(value.replace(/\+/g, ' '));
}

/**
 * Reads HTTP Basic client credentials. RFC 6749 §2.3.1 form-urlencodes the client ID and the secret before base64,
 * so both halves are decoded that way. Returns undefined when the header is absent or not Basic, and
 * `{ malformed: true }` when it is Basic but unreadable (no colon, empty ID, broken percent-encoding).
 * @param {unknown} header  the Authorization header value
 * @returns {{ clientId: string, clientSecret: string } | { malformed: true } | undefined}
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1
 * @see https://www.rfc-editor.org/rfc/rfc7617#section-2
 */
export function parseBasicAuthorization(header) {
  if (typeof header !== 'string' || !/^basic\s/i.test(header)) return undefined;
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 1) return { malformed: true };
  try {
    return { clientId: formDecode(decoded.slice(0, colon)), clientSecret: formDecode(decoded.slice(colon + 1)) };
  } catch {
    return { malformed: true };
  }
}
