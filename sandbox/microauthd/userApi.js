// microauthd emulation user endpoints on the AUTH server, each gated by one built-in scope (name or UUID).
import { randomBytes, randomUUID, scrypt } from 'node:crypto';
import { promisify } from 'node:util';

import { Router } from 'express';

import { parseAuthorization } from '../dpop/resourceGuard.js';
import { BUILT_IN_SCOPES as S } from './seed.js';

const UNAUTHORIZED = { success: false, message: 'Unauthorized' };
const DENIED = { success: false, message: 'Permission Denied' };
const NOT_FOUND = { success: false, message: 'User not found' };
const MIN_PASSWORD = 8;

const scryptAsync = promisify(scrypt);

/**
 * A salted scrypt hash: the emulation keeps passwords only in this form and never returns it. Asynchronous (libuv's
 * thread pool), so hashing the seed users at start runs in parallel and never blocks the event loop.
 */
export async function hashPassword(password) {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('base64url')}$${(await scryptAsync(password, salt, 32)).toString('base64url')}`;
}

/** The public view of a user: never the password hash. */
export function toUserObject(u) {
  const { id, username, email, created_at, lockout_until, is_active, email_verified, totp_enabled } = u;
  return { id, username, email, created_at, lockout_until, is_active, email_verified, totp_enabled };
}

/** Does the token's space-delimited `scope` claim hold this built-in scope, by friendly name or by UUID? */
export function tokenHasScope(scopeClaim, scope) {
  if (typeof scopeClaim !== 'string') return false;
  return scopeClaim.split(/\s+/).some((s) => s === scope.name || s.toLowerCase() === scope.id);
}

function fail(res, status, message) {
  return res.status(status).json({ success: false, message });
}

/** A non-empty trimmed string, or undefined. */
function text(value) {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * Creates the user routes.
 * @param {{ verify: (jwt: string) => Promise<Record<string, unknown>>, store: { users: Map<string, object> },
 *   dpop: { check(req: object, res: object, credentials: object, payload: object): Promise<{ description: string } | undefined> },
 *   now: () => number, log: (event: object) => void }} deps
 */
export function createUserRouter({ verify, store, dpop, now, log }) {
  const router = Router();

  /**
   * Token check (Bearer, or DPoP with a proof for a bound token, RFC 9449 §7.1) then scope check: 401 for a bad or
   * missing token or proof, 403 for a missing scope.
   */
  const requireScope = (scope) => async (req, res, next) => {
    const credentials = parseAuthorization(req.get('authorization'));
    if (!credentials) {
      res.set('WWW-Authenticate', 'Bearer realm="microauthd"');
      return res.status(401).json(UNAUTHORIZED);
    }
    let claims;
    try {
      claims = await verify(credentials.token);
    } catch (err) {
      log({ event: 'api.unauthorized', path: req.path, reason: err?.code ?? err?.message ?? 'invalid token' });
      res.set('WWW-Authenticate', 'Bearer realm="microauthd", error="invalid_token"');
      return res.status(401).json(UNAUTHORIZED);
    }
    const refusal = await dpop.check(req, res, credentials, claims);
    if (refusal) {
      log({ event: 'api.unauthorized', path: req.path, reason: refusal.description });
      return res.status(401).json({ success: false, message: refusal.description });
    }
    if (!tokenHasScope(claims.scope, scope)) {
      log({ event: 'api.denied', path: req.path, client_id: claims.client_id, needs: scope.name });
      return res.status(403).json(DENIED);
    }
    req.microauthdClaims = claims;
    return next();
  };

  const findUser = (id) => store.users.get(String(id).toLowerCase());

  router.get('/users', requireScope(S.listUsers), (_req, res) => {
    res.json([...store.users.values()].map(toUserObject));
  });

  router.get('/user/:id', requireScope(S.readUser), (req, res) => {
    const user = findUser(req.params.id);
    return user ? res.json(toUserObject(user)) : res.status(404).json(NOT_FOUND);
  });

  router.post('/user', requireScope(S.provisionUsers), async (req, res) => {
    const body = req.body ?? {};
    const username = text(body.username);
    const email = text(body.email);
    const password = typeof body.password === 'string' ? body.password : undefined;
    if (!username) return fail(res, 400, 'username is required');
    if (!/^[A-Za-z0-9._@-]{1,64}$/.test(username)) {
      return fail(res, 400, 'username may contain only letters, digits, ".", "_", "@", "-" (1–64 characters)');
    }
    if (!email) return fail(res, 400, 'email is required');
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return fail(res, 400, 'email is not a valid address');
    if (!password) return fail(res, 400, 'password is required');
    if (password.length < MIN_PASSWORD) return fail(res, 400, `password must be at least ${MIN_PASSWORD} characters`);
    // Hashed before the uniqueness check, so no other request can take the name between the check and the insert.
    const passwordHash = await hashPassword(password);
    const taken = [...store.users.values()].some((u) => u.username.toLowerCase() === username.toLowerCase());
    if (taken) return fail(res, 409, `username "${username}" already exists`);

    const user = {
      id: randomUUID(), username, email, passwordHash,
      created_at: new Date(now()).toISOString(), lockout_until: null,
      is_active: true, email_verified: false, totp_enabled: false,
    };
    store.users.set(user.id, user);
    log({ event: 'user.provisioned', id: user.id, by: req.microauthdClaims.client_id });
    return res.json(toUserObject(user));
  });

  router.post('/user/:id/reset', requireScope(S.resetPasswords), async (req, res) => {
    const user = findUser(req.params.id);
    if (!user) return res.status(404).json(NOT_FOUND);
    const newPassword = req.body?.new_password;
    if (typeof newPassword !== 'string' || newPassword === '') return fail(res, 400, 'new_password is required');
    if (newPassword.length < MIN_PASSWORD) {
      return fail(res, 400, `new_password must be at least ${MIN_PASSWORD} characters`);
    }
    user.passwordHash = await hashPassword(newPassword);
    user.lockout_until = null;
    log({ event: 'user.password_reset', id: user.id, by: req.microauthdClaims.client_id });
    return res.json({ success: true, message: `Password reset for user '${user.username}'` });
  });

  router.post('/user/:id/deactivate', requireScope(S.deactivateUsers), (req, res) => {
    const user = findUser(req.params.id);
    if (!user) return res.status(404).json(NOT_FOUND);
    user.is_active = false;
    log({ event: 'user.deactivated', id: user.id, by: req.microauthdClaims.client_id });
    return res.json({ success: true, message: `User '${user.username}' deactivated` });
  });

  return router;
}
