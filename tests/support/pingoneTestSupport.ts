// Test-only helpers for the PingOne client tests (imported by *.test.ts only): unsigned JWT-shaped access tokens.

/** base64url of a JSON value, without Node's Buffer so this file type-checks with the app. */
function b64url(value: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A JWT-shaped access token (unsigned; the client only reads its `scope` claim for diagnostics). */
export function fakeAccessToken(claims: Record<string, unknown>): string {
  return `${b64url({ alg: 'RS256', kid: 'k1' })}.${b64url({ client_id: 'worker', ...claims })}.c2lnbmF0dXJlLW5vdC1jaGVja2Vk`;
}
