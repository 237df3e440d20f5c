// Fixed values of the emulated PingOne environment: the "PingOne API" resource, its p1:* scopes, app origins.
// The sandbox keeps its own copy of the scope list (it never imports src/); a test pins the two together.
import { fileURLToPath } from 'node:url';

/** Audience and resource indicator of the "PingOne API" resource server. @see https://www.rfc-editor.org/rfc/rfc8707 */
export const PINGONE_API_RESOURCE = 'https://api.pingone.com';

/** The nine p1:* scopes the playground asks a worker for (real PingOne grants them only to user tokens). */
export const P1_SCOPES = Object.freeze([
  'p1:read:user',
  'p1:update:user',
  'p1:create:device',
  'p1:read:device',
  'p1:update:device',
  'p1:delete:device',
  'p1:create:pairingKey',
  'p1:read:pairingKey',
  'p1:update:userMfaEnabled',
]);

/** Default environment ID (a fixed UUID so bookmarks and E2E fixtures stay valid across restarts). */
export const DEFAULT_ENV_ID = '6a1c2e4d-8b3f-4c5a-9e7d-1f2b3c4d5e6f';

/** Organisation ID carried in the `org` claim, as PingOne does for PingOne API tokens. */
export const DEMO_ORG_ID = '0f3e9a57-2c41-4d8e-b6a0-7c5d1e2f3a4b';

/** Origins of the playground app (vite dev and vite preview, both loopback spellings). */
export const APP_ORIGINS = Object.freeze([
  'http://localhost:5173',
  'http://127.0.0.1:5173',
  'http://localhost:4173',
  'http://127.0.0.1:4173',
]);

/** Authorization modes: `scopes` (endpoints demand p1:* scopes) or `roles` (PingOne's real worker model: role assignments). */
export const AUTHZ_MODES = Object.freeze(['scopes', 'roles']);

/** Client authentication methods the sandbox accepts. @see https://www.rfc-editor.org/rfc/rfc7523 */
export const AUTH_METHODS = Object.freeze([
  'client_secret_basic',
  'client_secret_post',
  'client_secret_jwt',
  'private_key_jwt',
]);

/** The certificate methods, accepted on the mTLS listener only. @see https://www.rfc-editor.org/rfc/rfc8705#section-2 */
export const MTLS_AUTH_METHODS = Object.freeze(['tls_client_auth', 'self_signed_tls_client_auth']);

/** Port of the sandbox's mTLS (HTTPS) listener unless SANDBOX_MTLS_PORT says otherwise. */
export const DEFAULT_MTLS_PORT = 4543;

/** Where the demo CA and client certificates are written unless SANDBOX_CERT_DIR says otherwise: `<repo>/certs`. */
export const DEFAULT_CERT_DIR = fileURLToPath(new URL('../certs', import.meta.url));

/**
 * The public-key client assertion algorithms (private_key_jwt) by JWK key type. With HS256 (client_secret_jwt) they are
 * the token endpoint's enabled assertion algorithms, and registration accepts a JWK only for these.
 * @see https://www.rfc-editor.org/rfc/rfc7518#section-3.1
 */
export const PUBLIC_KEY_ASSERTION_ALGS = Object.freeze({ RSA: Object.freeze(['RS256', 'PS256']), EC: Object.freeze(['ES256']) });

/** Port the sandbox listens on unless SANDBOX_PORT (or the `port` option) says otherwise. */
export const DEFAULT_PORT = 4500;

/** Access-token lifetime in seconds unless SANDBOX_TOKEN_TTL says otherwise: PingOne's default `expires_in`. */
export const DEFAULT_TOKEN_TTL_SECONDS = 3600;

/**
 * How far ahead a client assertion's `exp` may be: PingOne rejects assertions that "expire more than one hour from
 * now"; oidc-provider sets no limit of its own.
 * @see https://developer.pingidentity.com/pingone-api/auth/auth-config-options/create-a-private-key-jwt.html
 * @see https://developer.pingidentity.com/pingone-api/auth/auth-config-options/create-a-client-secret-jwt.html
 */
export const MAX_ASSERTION_EXP_AHEAD_SECONDS = 3600;

/**
 * Clock skew allowed when judging a client's JWT timestamps: oidc-provider's `clockTolerance` default ("the allowed
 * system clock skew for validating client-provided JWTs"), set explicitly so the sandbox's own assertion checks
 * use the same figure. @see node_modules/oidc-provider/lib/helpers/defaults.js (clockTolerance)
 */
export const CLOCK_SKEW_SECONDS = 15;
