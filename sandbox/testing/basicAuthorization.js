// Test harness (tests only): the HTTP Basic header a strict client sends, for both the sandbox and microauthd harnesses.

/** RFC 6749 §2.3.1: form-urlencode each half before base64, as a strict server expects. */
export function basicAuthorization(clientId, secret) {
  const enc = (v) => encodeURIComponent(v).replace(/%20/g, '+');
  return `Basic ${Buffer.from(`${enc(clientId)}:${enc(secret)}`).toString('base64')}`;
}
