// Which p1:* scope(s) each emulated PingOne endpoint demands, and the scopes-vs-roles authorization decision.
// The scope names are the sandbox's own copy (constants.js), never imported from src/: the server must not agree
// with the app by construction. tests/singleSourceScopes.test.ts pins the two lists together.
import { P1_SCOPES } from '../constants.js';

/** Every p1 scope the sandbox knows (six the playground requires for device management, then three optional ones). */
export { P1_SCOPES };

/** The role a PingOne worker needs for MFA device operations. @see https://developer.pingidentity.com/pingone-api/mfa/users/mfa-devices.html */
export const IDENTITY_DATA_ADMIN = 'Identity Data Admin';

/**
 * Operation → the scopes that allow it (any one suffices). Choices no public source settles, documented:
 * - `updateMfaEnabled` accepts `p1:update:userMfaEnabled` (the narrow scope) OR `p1:update:user` (the playground's
 *   required list has only the broad one, and the flag is part of the user object).
 * - `deletePairingKey` needs `p1:create:pairingKey`: PingOne names no delete scope for pairing keys, and whoever
 *   may create a pairing key may revoke it.
 * - activate, rename and reorder are device updates: `p1:update:device`.
 */
export const OPERATION_SCOPES = Object.freeze({
  listUsers: ['p1:read:user'],
  readUser: ['p1:read:user'],
  readMfaEnabled: ['p1:read:user'],
  updateMfaEnabled: ['p1:update:userMfaEnabled', 'p1:update:user'],
  listDevices: ['p1:read:device'],
  readDevice: ['p1:read:device'],
  createDevice: ['p1:create:device'],
  activateDevice: ['p1:update:device'],
  renameDevice: ['p1:update:device'],
  reorderDevices: ['p1:update:device'],
  deleteDevice: ['p1:delete:device'],
  createPairingKey: ['p1:create:pairingKey'],
  readPairingKey: ['p1:read:pairingKey'],
  deletePairingKey: ['p1:create:pairingKey'],
});

/** The `scope` claim as a list (a space-delimited string per RFC 8693 §4.2 / RFC 9068; arrays tolerated). */
export function grantedScopes(payload) {
  const raw = payload?.scope ?? payload?.scp;
  if (Array.isArray(raw)) return raw.filter((s) => typeof s === 'string');
  if (typeof raw === 'string') return raw.split(/\s+/).filter(Boolean);
  return [];
}

/**
 * Decides whether a verified token may perform an operation.
 * @param {'scopes'|'roles'} mode  scopes: the token's scope claim must hold one of the operation's scopes;
 *   roles: PingOne's real model — the client's role assignment decides, scopes are ignored.
 * @returns {{ allowed: true } | { allowed: false, reason: string }}
 */
export function authorize({ mode, operation, payload, clientRoles }) {
  const needed = OPERATION_SCOPES[operation];
  if (!needed) throw new Error(`Unknown operation ${operation}`);
  if (mode === 'roles') {
    const roles = clientRoles(String(payload?.client_id ?? ''));
    if (roles.includes(IDENTITY_DATA_ADMIN)) return { allowed: true };
    return {
      allowed: false,
      reason: `The client's role assignments do not include ${IDENTITY_DATA_ADMIN}, which this operation requires.`,
    };
  }
  const granted = grantedScopes(payload);
  if (needed.some((s) => granted.includes(s))) return { allowed: true };
  return {
    allowed: false,
    reason: `The access token's scope claim has none of: ${needed.join(', ')}.`,
  };
}
