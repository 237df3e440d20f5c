// PingOne in one place: the worker's p1:* scopes, their catalog, regions and hosts, and the hint texts.
//
// SINGLE SOURCE RULE: this is the only file under src/ that spells a `p1:` scope name
// (tests/singleSourceScopes.test.ts enforces it). Everything else imports from here.
import { InputError } from '../utils/errors';
import { splitScopes } from '../utils/scopes';
import { DEFAULT_PINGONE_REGION, PINGONE_REGIONS, type PingOneRegion } from './pingoneRegions';
import { scopeForEndpoint, type ScopeCatalogEntry } from './scopeCatalog';

/**
 * The PingOne API scopes the worker (M2M) token requests. These scopes are required for MFA device management:
 * reading users, and the full lifecycle of their MFA devices (SMS, Email, TOTP). Do NOT remove any of the six
 * (the MFA console needs each of them), and do not widen the list to admin-style scopes without a documented reason here.
 *
 * Caveat: PingOne grants a worker app its rights through role assignments (e.g. Identity Data Admin); these `p1:*`
 * names are self-management scopes for user tokens. The list is kept because the product asks for it and the local
 * sandbox (SANDBOX_AUTHZ=scopes) enforces it; see {@link PINGONE_ROLES_TRUTH}.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.3
 * @see https://apidocs.pingidentity.com/pingone/platform/v1/api/
 */
export const PINGONE_WORKER_SCOPES: readonly string[] = Object.freeze([
  // User-level scopes: read users and their MFA state, optionally update user objects.
  'p1:read:user',
  'p1:update:user',
  // Device-level scopes: full lifecycle of MFA devices — required for MFA device management.
  'p1:create:device',
  'p1:read:device',
  'p1:update:device',
  'p1:delete:device',
  // Optional extras, off by default to stay least-privilege; see PINGONE_OPTIONAL_SCOPES.
  // "p1:create:pairingKey",   // QR / mobile pairing flows
  // "p1:read:pairingKey",     // reading pairing keys or their metadata
  // TODO: Confirm whether we need p1:update:userMfaEnabled for this flow based on PingOne documentation.
  // "p1:update:userMfaEnabled",
]);

/**
 * The optional scopes, as data so the scope advisor can offer them when a flow needs them.
 * Not requested unless the user adds them (settings or `VITE_PINGONE_EXTRA_SCOPES`).
 */
export const PINGONE_OPTIONAL_SCOPES: readonly string[] = Object.freeze([
  'p1:create:pairingKey',
  'p1:read:pairingKey',
  // TODO: Confirm whether we need p1:update:userMfaEnabled for this flow based on PingOne documentation.
  'p1:update:userMfaEnabled',
]);

const USER = '/environments/{envId}/users/{userId}';
const CAVEAT = 'A PingOne self-management scope: cannot be granted on a client_credentials flow (roles decide).';

/**
 * What each p1 scope enables and which Platform endpoints it gates (paths relative to `https://api.pingone.{tld}/v1`).
 * The reorder call is `POST …/devices` with `Content-Type: application/vnd.pingidentity.devices.reorder+json`; it
 * needs `p1:update:device`, not `p1:create:device` — {@link requiredScopesFor} tells them apart by content type.
 */
export const PINGONE_SCOPE_CATALOG: readonly ScopeCatalogEntry[] = Object.freeze([
  {
    provider: 'pingone',
    name: 'p1:read:user',
    enables: 'List and read users, and read their mfaEnabled flag.',
    endpoints: [
      { method: 'GET', path: '/environments/{envId}/users' },
      { method: 'GET', path: USER },
      { method: 'GET', path: `${USER}/mfaEnabled` },
    ],
    capability: 'read users',
    note: CAVEAT,
  },
  {
    provider: 'pingone',
    name: 'p1:update:user',
    enables: "Update a user object, including the user's mfaEnabled flag.",
    endpoints: [
      { method: 'PUT', path: USER },
      { method: 'PUT', path: `${USER}/mfaEnabled` },
    ],
    capability: 'toggle mfaEnabled',
    note: CAVEAT,
  },
  {
    provider: 'pingone',
    name: 'p1:create:device',
    enables: 'Create MFA devices (SMS, Email, TOTP, …) for a user.',
    endpoints: [{ method: 'POST', path: `${USER}/devices` }],
    capability: 'manage devices',
    note: CAVEAT,
  },
  {
    provider: 'pingone',
    name: 'p1:read:device',
    enables: "List and read a user's MFA devices.",
    endpoints: [
      { method: 'GET', path: `${USER}/devices` },
      { method: 'GET', path: `${USER}/devices/{deviceId}` },
    ],
    capability: 'manage devices',
    note: CAVEAT,
  },
  {
    provider: 'pingone',
    name: 'p1:update:device',
    enables: 'Update MFA devices: activate with an OTP, rename (nickname), reorder.',
    endpoints: [
      { method: 'POST', path: `${USER}/devices/{deviceId}` },
      { method: 'PUT', path: `${USER}/devices/{deviceId}/nickname` },
    ],
    capability: 'manage devices',
    note: `${CAVEAT} Reorder is POST …/devices with the devices.reorder+json content type.`,
  },
  {
    provider: 'pingone',
    name: 'p1:delete:device',
    enables: 'Delete MFA devices.',
    endpoints: [{ method: 'DELETE', path: `${USER}/devices/{deviceId}` }],
    capability: 'manage devices',
    note: CAVEAT,
  },
  {
    provider: 'pingone',
    name: 'p1:create:pairingKey',
    enables: 'Create pairing keys for QR / mobile pairing flows (optional); the sandbox also lets it revoke them.',
    endpoints: [
      { method: 'POST', path: `${USER}/pairingKeys` },
      { method: 'DELETE', path: `${USER}/pairingKeys/{pairingKeyId}` },
    ],
    capability: 'pairing keys',
    note: `${CAVEAT} Optional: not requested by default.`,
  },
  {
    provider: 'pingone',
    name: 'p1:read:pairingKey',
    enables: 'Read pairing keys and their metadata (optional).',
    endpoints: [{ method: 'GET', path: `${USER}/pairingKeys/{pairingKeyId}` }],
    capability: 'pairing keys',
    note: `${CAVEAT} Optional: not requested by default.`,
  },
  {
    provider: 'pingone',
    name: 'p1:update:userMfaEnabled',
    enables: "Toggle only the user's mfaEnabled flag (narrower than p1:update:user; optional).",
    endpoints: [{ method: 'PUT', path: `${USER}/mfaEnabled` }],
    capability: 'toggle mfaEnabled',
    note: `${CAVEAT} Optional: not requested by default. TODO: Confirm whether we need p1:update:userMfaEnabled for this flow based on PingOne documentation.`,
  },
] satisfies ScopeCatalogEntry[]);

/** The media type that turns `POST …/devices` into a reorder. @see https://apidocs.pingidentity.com/pingone/mfa/v1/api/ */
export const PINGONE_REORDER_CONTENT_TYPE = 'application/vnd.pingidentity.devices.reorder+json';
/** The media type that turns `POST …/devices/{deviceId}` into an activation with an OTP. */
export const PINGONE_ACTIVATE_CONTENT_TYPE = 'application/vnd.pingidentity.device.activate+json';

/**
 * The p1 scopes that would allow a Platform call, any one of them sufficing (e.g. `PUT …/mfaEnabled` accepts
 * `p1:update:user` or `p1:update:userMfaEnabled`). Empty when the catalog does not know the endpoint.
 * `path` may be a full URL. The reorder content type selects `p1:update:device` for `POST …/devices`.
 */
export function requiredScopesFor(method: string, path: string, contentType?: string): string[] {
  const verb = method.trim().toUpperCase();
  if (verb === 'POST' && contentType?.toLowerCase().startsWith(PINGONE_REORDER_CONTENT_TYPE)) {
    return ['p1:update:device'];
  }
  // Every template starts at the literal `environments` segment, so a suffix match is an exact match and checking
  // entries one by one finds all the alternatives (the shared lookup returns only the best one).
  return PINGONE_SCOPE_CATALOG.filter((entry) => scopeForEndpoint([entry], verb, path) !== undefined).map((e) => e.name);
}

/**
 * Merges scope lists: splits strings on whitespace, trims, drops empties and duplicates, keeps first-seen order.
 * The base (required) scopes always come first so extras can add but never remove one.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.3
 */
export function mergeWorkerScopes(
  base: string | readonly string[] = PINGONE_WORKER_SCOPES,
  ...extra: Array<string | readonly string[] | undefined>
): string[] {
  return splitScopes([base, ...extra].flatMap((part) => (part === undefined ? [] : typeof part === 'string' ? [part] : part)));
}

/** The space-delimited `scope` parameter for the worker token request: the required scopes plus any extras. */
export function workerScopeString(...extra: Array<string | readonly string[] | undefined>): string {
  return mergeWorkerScopes(PINGONE_WORKER_SCOPES, ...extra).join(' ');
}

// ---------------------------------------------------------------------------------------------------------------
// Regions and hosts (developer.pingidentity.com "API requests"; github.com/pingidentity/pingone-go-sdk-v2 region.go)

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Looks a region up by id (`NA`…) or TLD (`com`…). @throws InputError (field `region`) */
export function pingOneRegion(region: string = DEFAULT_PINGONE_REGION): PingOneRegion {
  const key = region.trim();
  const found = PINGONE_REGIONS.find((r) => r.id === key.toUpperCase() || r.tld === key.toLowerCase());
  if (!found) throw new InputError('region', `Unknown PingOne region "${region}".`);
  return found;
}

/** Checks a PingOne environment ID (a UUID). @throws InputError (field `environmentId`) */
export function validateEnvironmentId(envId: string): string {
  const value = (envId ?? '').trim();
  if (!UUID.test(value)) {
    throw new InputError('environmentId', 'The environment ID must be a UUID, e.g. 3f2b0c1e-6c0d-4e4b-9a57-1c2d3e4f5a6b.');
  }
  return value;
}

/** The authorization server base (also the issuer): `https://auth.pingone.{tld}/{envId}/as` — no `/v1`. */
export function authBase(region: string, envId: string): string {
  return `https://auth.pingone.${pingOneRegion(region).tld}/${validateEnvironmentId(envId)}/as`;
}

/** The token endpoint: `https://auth.pingone.{tld}/{envId}/as/token`. @see https://www.rfc-editor.org/rfc/rfc6749#section-3.2 */
export function tokenEndpoint(region: string, envId: string): string {
  return `${authBase(region, envId)}/token`;
}

/** The discovery document URL. @see https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfig */
export function discoveryUrl(region: string, envId: string): string {
  return `${authBase(region, envId)}/.well-known/openid-configuration`;
}

/** The Platform API base: `https://api.pingone.{tld}/v1` (the `/v1` is required). */
export function apiBase(region: string): string {
  return `https://api.pingone.${pingOneRegion(region).tld}/v1`;
}

// ---------------------------------------------------------------------------------------------------------------
// Hint texts shown with PingOne failures

/** Shown verbatim with every 403 from the Platform API. */
export const PINGONE_403_HINT =
  'This endpoint requires device or user scopes such as p1:read:device, p1:update:device, p1:create:device, p1:read:user, p1:update:user. Verify PingOne API scope configuration for the worker app.';

/** The truth about workers, shown next to the scope hint so nobody chases scopes forever. @see https://apidocs.pingidentity.com/pingone/platform/v1/api/ (roles) */
export const PINGONE_ROLES_TRUTH =
  'In PingOne, a worker app gets its rights from role assignments (for MFA devices: the Identity Data Admin role), ' +
  'not from scopes. The p1:* names are self-management scopes for user tokens and cannot be granted on a ' +
  'client_credentials flow. If the scopes look right, check the worker app\'s Roles tab.';

/** Verbatim: the message for a failed worker token request. */
export const PINGONE_TOKEN_FAILURE_MESSAGE =
  'PingOne worker token request failed. Check client credentials and PingOne API scopes.';
