// microauthd AUTH-server emulation: /token (client_credentials), discovery, JWKS and the scope-gated user API.
import { randomBytes } from 'node:crypto';

import express, { Router } from 'express';

import { DPOP_ALGS } from '../dpop/proof.js';
import { createDpopGuard } from '../dpop/resourceGuard.js';

import { BUILT_IN_SCOPES, DEMO_CLIENTS, SEED_USERS, findBuiltInScope } from './seed.js';
import { createSigner } from './signer.js';
import { createTokenHandler } from './tokenEndpoint.js';
import { createUserRouter, hashPassword } from './userApi.js';

/** The `aud` of every token this emulation issues. */
export const MICROAUTHD_AUDIENCE = 'microauthd';

/** Client auth methods the emulated /token accepts: no JWT client authentication, as upstream. */
export const MICROAUTHD_AUTH_METHODS = Object.freeze(['client_secret_basic', 'client_secret_post']);

/** The discovery document for an issuer. */
function discovery(issuer) {
  return {
    issuer,
    token_endpoint: `${issuer}/token`,
    jwks_uri: `${issuer}/jwks.json`,
    grant_types_supported: ['client_credentials'],
    response_types_supported: [],
    token_endpoint_auth_methods_supported: [...MICROAUTHD_AUTH_METHODS],
    // An emulation extra (upstream microauthd has no DPoP): bound tokens for clients that send a proof.
    dpop_signing_alg_values_supported: [...DPOP_ALGS],
    id_token_signing_alg_values_supported: ['RS256'],
    subject_types_supported: ['public'],
    scopes_supported: Object.values(BUILT_IN_SCOPES).map((s) => s.name),
    claims_supported: ['sub', 'jti', 'iat', 'nbf', 'exp', 'iss', 'aud', 'client_id', 'token_use', 'scope'],
  };
}

/**
 * The seed users, whose password hashes are made when the emulation gets its first request: no endpoint ever reads a
 * hash (none checks a password), and four scrypt hashes are ~0.15 s of CPU that a start, and a sandbox nobody asks
 * microauthd anything, do not need (issue 24). Each hash lands in the seed record (which reset() copies) and in the
 * stored user of that id, unless a password reset got there first. Until then a seed user has no password in any
 * form, and never one in clear.
 * @returns {{ seededUsers: object[], seeded(): Promise<void> }}  seeded() starts the hashing (once) and settles when
 *   every hash is in
 */
function hashSeedPasswords(store, hash, log) {
  const seededUsers = SEED_USERS.map((user) => {
    const record = { ...user };
    delete record.password; // kept only as its hash
    return record;
  });
  const hashOne = async ({ id, password }, i) => {
    const passwordHash = await hash(password);
    seededUsers[i].passwordHash = passwordHash;
    const stored = store.users.get(id);
    if (stored && stored.passwordHash === undefined) stored.passwordHash = passwordHash;
  };
  let hashing;
  const seeded = () => {
    hashing ??= Promise.all(SEED_USERS.map(hashOne)).then(
      () => undefined,
      (err) => log({ event: 'error', message: `seed password hashing failed: ${err?.message ?? err}` }),
    );
    return hashing;
  };
  return { seededUsers, seeded };
}

/**
 * Creates the emulation. The caller mounts `router` at the path of `baseUrl` (e.g. `/microauthd`).
 * @param {{ baseUrl: string, tokenTtlSeconds?: number, now?: () => number, log?: (event: object) => void,
 *   dpopNonceSecret?: Buffer, origins?: { http: string, tls?: string }, signingJwk?: JsonWebKey,
 *   hashPassword?: (password: string) => Promise<string> }} options
 *   baseUrl e.g. http://localhost:4500/microauthd (the issuer); `now` and `log` are for tests and the console;
 *   dpopNonceSecret (32 bytes) is shared with the sandbox's token endpoint, so one nonce serves the origin;
 *   origins are where DPoP proofs' htu must point (default: baseUrl's origin), see dpop/resourceGuard.js.
 *   signingJwk is the RS256 private key its tokens are signed with (default: one generated for this process);
 *   hashPassword hashes the seed users' passwords (default: userApi.js's scrypt; tests pass a slow or failing one).
 * @returns {Promise<{ router: import('express').Router, reset(): void, seeded(): Promise<void>,
 *   clients(): Array<{client_id: string, client_secret: string, token_endpoint_auth_method: string, scope: string,
 *     scope_names: string, purpose: string, provider: 'microauthd', roles: string[]}>,
 *   users(): Array<{id: string, username: string, email: string}> }>}
 */
export async function createMicroauthd(options) {
  const issuer = String(options?.baseUrl ?? '').replace(/\/+$/, '');
  if (!/^https?:\/\//.test(issuer)) throw new TypeError('createMicroauthd: baseUrl must be an http(s) URL');
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => {});
  const dpop = createDpopGuard({
    nonceSecret: options.dpopNonceSecret ?? randomBytes(32), origins: options.origins ?? { http: new URL(issuer).origin }, now,
  });
  const signer = await createSigner({
    issuer, audience: MICROAUTHD_AUDIENCE, ttlSeconds: options.tokenTtlSeconds ?? 3600, now, privateJwk: options.signingJwk,
  });
  const store = { users: new Map() };
  const { seededUsers, seeded } = hashSeedPasswords(store, options.hashPassword ?? hashPassword, log);
  const reset = () => {
    store.users.clear();
    for (const u of seededUsers) store.users.set(u.id, { ...u });
  };
  reset();

  const clientsById = new Map(DEMO_CLIENTS.map((c) => [c.client_id, c]));

  const router = Router();
  router.use((_req, _res, next) => {
    void seeded();
    next();
  });
  router.use(express.urlencoded({ extended: false, limit: '16kb' }));
  router.use(express.json({ limit: '16kb' }));
  router.get('/.well-known/openid-configuration', (_req, res) => res.json(discovery(issuer)));
  router.get('/jwks.json', (_req, res) => res.json(signer.jwks()));
  router.post('/token', createTokenHandler({
    findClient: (id) => clientsById.get(id),
    findScope: findBuiltInScope,
    signer,
    dpop,
    audience: MICROAUTHD_AUDIENCE,
    log,
  }));
  router.use(createUserRouter({ verify: (jwt) => signer.verify(jwt), store, dpop, now, log }));
  // Malformed JSON/form bodies: answer in microauthd's `{success,message}` shape rather than an HTML error page.
  router.use((err, _req, res, next) => {
    if (res.headersSent) return next(err);
    const status = Number.isInteger(err?.status) && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) log({ event: 'error', message: String(err?.message ?? err) });
    return res.status(status).json({ success: false, message: status === 500 ? 'Internal error' : 'Malformed request body' });
  });

  return {
    router,
    reset,
    seeded,
    clients: () => DEMO_CLIENTS.map((c) => ({
      client_id: c.client_id,
      client_secret: c.client_secret,
      token_endpoint_auth_method: 'client_secret_basic',
      scope: c.scopes.join(' '),
      scope_names: c.scopes.map((s) => findBuiltInScope(s)?.name ?? s).join(' '),
      purpose: c.purpose,
      provider: 'microauthd',
      roles: [],
    })),
    users: () => [...store.users.values()].map((u) => ({ id: u.id, username: u.username, email: u.email })),
  };
}
