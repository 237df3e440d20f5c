// microauthd emulation seed data: the built-in scopes (name ↔ UUID), seeded users and demo clients.

/**
 * The five built-in AUTH-server scopes, exactly as upstream (friendly name ↔ immutable UUID).
 * The sandbox never imports src/, so this table is repeated here on purpose; a contract test keeps them equal.
 */
export const BUILT_IN_SCOPES = Object.freeze({
  provisionUsers: { name: 'admin::provision_users', id: 'd0955db1-67f7-4a7b-a9bb-ffbef4f0d2bd' },
  resetPasswords: { name: 'admin::reset_passwords', id: '2192998b-c3d3-4274-9a25-4a4195ba2ec7' },
  deactivateUsers: { name: 'admin::deactivate_users', id: '31c00aae-4136-4a8c-92a6-d2bbf4be2d35' },
  readUser: { name: 'admin::read_user', id: '1f4610fe-0cb2-4119-bd69-9b6033326998' },
  listUsers: { name: 'admin::list_users', id: 'b6348575-83ec-4288-801b-e0d2da20569c' },
});

const S = BUILT_IN_SCOPES;

/** Seeded users. Passwords are demo values, hashed at start and never returned by any endpoint. */
export const SEED_USERS = Object.freeze([
  {
    id: '5e0f8f8a-1c3b-4d7e-9a21-000000000a11', username: 'alice', email: 'alice@example.test',
    password: 'demo-password-alice', created_at: '2025-01-06T09:15:00Z', lockout_until: null,
    is_active: true, email_verified: true, totp_enabled: true,
  },
  {
    id: '5e0f8f8a-1c3b-4d7e-9a21-000000000b22', username: 'bob', email: 'bob@example.test',
    password: 'demo-password-bob', created_at: '2025-02-11T14:02:00Z', lockout_until: null,
    is_active: true, email_verified: false, totp_enabled: false,
  },
  {
    id: '5e0f8f8a-1c3b-4d7e-9a21-000000000c33', username: 'carol', email: 'carol@example.test',
    password: 'demo-password-carol', created_at: '2025-03-20T08:45:00Z', lockout_until: '2030-01-01T00:00:00Z',
    is_active: true, email_verified: true, totp_enabled: false,
  },
  {
    id: '5e0f8f8a-1c3b-4d7e-9a21-000000000d44', username: 'dave', email: 'dave@example.test',
    password: 'demo-password-dave', created_at: '2024-11-30T17:30:00Z', lockout_until: null,
    is_active: false, email_verified: true, totp_enabled: false,
  },
]);

/**
 * Demo clients. Secrets are deliberately labelled demo values. `scopes` is what the client is assigned, in the
 * form microauthd stored it: names for most, UUIDs for one client, so its tokens carry UUIDs.
 */
export const DEMO_CLIENTS = Object.freeze([
  {
    client_id: 'microauthd-support-portal',
    client_secret: 'demo-secret-portal-DO-NOT-USE-IN-PRODUCTION',
    scopes: [S.readUser.name, S.listUsers.name, S.resetPasswords.name],
    purpose: 'Support portal (least privilege): view and list users, reset passwords; cannot provision or deactivate.',
  },
  {
    client_id: 'microauthd-provisioner',
    client_secret: 'demo-secret-provisioner-DO-NOT-USE-IN-PRODUCTION',
    scopes: [S.provisionUsers.name],
    purpose: 'Provisioning service: may only create users; every read is denied (403).',
  },
  {
    client_id: 'microauthd-unscoped',
    client_secret: 'demo-secret-unscoped-DO-NOT-USE-IN-PRODUCTION',
    scopes: [],
    purpose: 'No built-in scopes: gets a token, but every user endpoint answers 403 Permission Denied.',
  },
  {
    client_id: 'microauthd-uuid-scopes',
    client_secret: 'demo-secret-uuid-DO-NOT-USE-IN-PRODUCTION',
    scopes: [S.readUser.id, S.listUsers.id, S.deactivateUsers.id],
    purpose:
      'Scopes assigned as UUIDs (how microauthd stores built-ins): tokens carry UUIDs, which the endpoints accept ' +
      'as readily as names. Can read, list and deactivate users.',
  },
]);

/** Finds a built-in scope by friendly name or UUID (UUIDs case-insensitive). */
export function findBuiltInScope(value) {
  const v = String(value).trim();
  return Object.values(BUILT_IN_SCOPES).find((s) => s.name === v || s.id === v.toLowerCase());
}
