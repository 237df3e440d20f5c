// microauthd facts as data: its built-in AUTH-server scopes, default base URL, client auth methods and model notes.

import type { ScopeCatalogEntry } from './scopeCatalog';

/** microauthd's AUTH server listens here by default (its ADMIN server is separate and not for third parties). */
export const MICROAUTHD_DEFAULT_BASE_URL = 'http://127.0.0.1:9040';

/**
 * The five built-in scopes that gate microauthd's AUTH-server user endpoints, friendly name ↔ UUID as upstream.
 * Endpoint paths are relative to the AUTH server base URL.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.3
 */
export const MICROAUTHD_SCOPE_CATALOG: readonly ScopeCatalogEntry[] = Object.freeze([
  {
    provider: 'microauthd',
    name: 'admin::provision_users',
    id: 'd0955db1-67f7-4a7b-a9bb-ffbef4f0d2bd',
    enables: 'Allows a service to create new user accounts',
    endpoints: [{ method: 'POST', path: '/user' }],
    capability: 'users.provision',
  },
  {
    provider: 'microauthd',
    name: 'admin::reset_passwords',
    id: '2192998b-c3d3-4274-9a25-4a4195ba2ec7',
    enables: 'Allows triggering a password reset flow',
    endpoints: [{ method: 'POST', path: '/user/{id}/reset' }],
    capability: 'users.resetPassword',
  },
  {
    provider: 'microauthd',
    name: 'admin::deactivate_users',
    id: '31c00aae-4136-4a8c-92a6-d2bbf4be2d35',
    enables: 'Allows disabling a user account cleanly',
    endpoints: [{ method: 'POST', path: '/user/{id}/deactivate' }],
    capability: 'users.deactivate',
  },
  {
    provider: 'microauthd',
    name: 'admin::read_user',
    id: '1f4610fe-0cb2-4119-bd69-9b6033326998',
    enables: 'Allows reading user info (e.g. email, flags)',
    endpoints: [{ method: 'GET', path: '/user/{id}' }],
    capability: 'users.read',
  },
  {
    provider: 'microauthd',
    name: 'admin::list_users',
    id: 'b6348575-83ec-4288-801b-e0d2da20569c',
    enables: 'Allows listing user summaries',
    endpoints: [{ method: 'GET', path: '/users' }],
    capability: 'users.list',
  },
]);

/** Short texts explaining microauthd's scope model, for the UI. */
export const MICROAUTHD_MODEL = Object.freeze({
  assignment:
    'Scopes are assigned to users (what they inherit) and to clients (what they may request); a client ' +
    'credentials token carries the client’s scopes.',
  inTokens: 'Granted scopes are included in the access token as the space-delimited `scope` claim.',
  storedAsUuids:
    'The built-in scopes are stored internally as UUIDs for immutability, so a token may carry the UUID ' +
    'instead of the friendly name.',
  guardrails:
    'These scopes are guardrails, not decoration: the AUTH server refuses a call whose token lacks the ' +
    'scope with 403 {"success":false,"message":"Permission Denied"}.',
  whyScopes:
    'Why scopes and not permissions: microauthd permissions are role-based, affect administrative behaviour ' +
    'and do not appear in JWTs, whereas these capabilities must be assignable to users and clients, travel in ' +
    'OAuth2 access tokens and gate specific actions for external systems without exposing the ADMIN API.',
  leastPrivilege:
    'They need no MadAdmin role and support least privilege: a support portal gets only what it uses; ' +
    'a client with none of them cannot touch other users.',
  nameUuidMismatch:
    'Known upstream mismatch: microauthd’s handlers compare scope UUIDs while its client-credentials tokens ' +
    'carry friendly names. This playground’s emulation accepts either; a real server may answer 403 even ' +
    'when the name is present.',
});

/**
 * Client authentication methods microauthd's `/token` accepts. There is no `private_key_jwt` or
 * `client_secret_jwt`: the endpoint reads credentials from HTTP Basic or from the form only (Basic wins when
 * both are present).
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1
 */
export const MICROAUTHD_AUTH_METHODS = Object.freeze(['client_secret_basic', 'client_secret_post'] as const);

/** The UI's note on why JWT client authentication is not offered for microauthd. */
export const MICROAUTHD_AUTH_METHODS_NOTE =
  'microauthd’s /token accepts client credentials only as HTTP Basic or as form fields (client_id, ' +
  'client_secret); it does not support client assertions, so private_key_jwt and client_secret_jwt are absent.';

/** A microauthd client-auth method. */
export type MicroauthdAuthMethod = (typeof MICROAUTHD_AUTH_METHODS)[number];
