// The form's limits: how long each text field, secret and number draft may be. Field checks, the progress store,
// share links and profiles all read these, so what a field accepts survives a reload and what it refuses is said.
import type { FlowForm } from './flowTypes';

/** HS256 keys must be at least as long as the hash output: 256 bits (RFC 7518 §3.2). */
export const MIN_HS256_SECRET_LENGTH = 32;
/**
 * The longest client secret accepted. Providers issue 32–64 characters (PingOne, Auth0, Okta, Keycloak), so 1024 is
 * generous; a 100 KB secret made a 133 KB Basic header, answered 431. Even at 1024 characters, each
 * percent-encoded (RFC 6749 §2.3.1) and then base64-encoded, the header stays under half of Node's default 16 KiB
 * limit for all headers together, leaving room for the rest (a DPoP proof, cookies).
 * @see https://nodejs.org/api/http.html#httpmaxheadersize
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1
 */
export const MAX_CLIENT_SECRET_LENGTH = 1024;

/**
 * The longest value each text field accepts. The field checks and the progress store both read this table, so
 * whatever a field accepts survives a reload, and what it refuses is refused with a message, never dropped silently.
 */
export const FIELD_MAX_LENGTH = {
  environmentId: 200,
  region: 10,
  issuerOrDiscoveryUrl: 8192,
  tokenEndpoint: 8192,
  issuer: 8192,
  jwksUri: 8192,
  clientId: 256,
  keyRef: 256,
  kid: 256,
  audience: 8192,
  resource: 8192,
  mtlsCertRef: 256,
  mtlsKeyRef: 256,
  mtlsCaRef: 256,
  mtlsTokenEndpoint: 8192,
  introspectionEndpoint: 8192,
  revocationEndpoint: 8192,
} as const satisfies Partial<Record<keyof FlowForm, number>>;
export const MAX_SCOPES = 100;
export const MAX_SCOPE_LENGTH = 256;
