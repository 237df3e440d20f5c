// Token fingerprint: a short SHA-256 digest that identifies a token in history and logs without revealing it.

/**
 * The first 16 characters of base64url(SHA-256(token)): enough to tell tokens apart, useless to replay.
 * @see https://www.rfc-editor.org/rfc/rfc4648#section-5
 */
export async function tokenFingerprint(token: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
  let binary = '';
  for (const byte of new Uint8Array(digest)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '').slice(0, 16);
}
