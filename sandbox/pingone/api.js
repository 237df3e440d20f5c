// The emulated PingOne Platform API (mounted at /v1/environments/{envId}): bearer check, authorization, routes.
import { randomBytes } from 'node:crypto';

import express, { Router } from 'express';

import { createDpopGuard, parseAuthorization } from '../dpop/resourceGuard.js';

import { presentedThumbprint } from '../mtls/presentedCertificate.js';
import { mountDeviceRoutes } from './deviceRoutes.js';
import { dpopRefused, forbidden, invalidToken, notFound, sendError } from './errors.js';
import { createRepresentations } from './representation.js';
import { authorize } from './scopes.js';
import { createStore } from './store.js';
import { mountUserRoutes } from './userRoutes.js';

/**
 * Why a certificate-bound token may not be used on this request, or undefined: the request must come over TLS with
 * the certificate whose SHA-256 thumbprint the token's `cnf.x5t#S256` names. Unbound tokens pass.
 * @see https://www.rfc-editor.org/rfc/rfc8705#section-3
 */
function certificateMismatch(req, payload) {
  const bound = payload?.cnf?.['x5t#S256'];
  if (bound === undefined) return undefined;
  const presented = presentedThumbprint(req);
  if (presented === bound) return undefined;
  return presented === undefined
    ? 'The access token is bound to a client certificate (cnf.x5t#S256); send it over mTLS with that certificate.'
    : 'The access token is bound to a different client certificate than the one presented (cnf.x5t#S256).';
}

/**
 * @param {{
 *   envId: string,
 *   apiBase: string,                      // e.g. http://localhost:4500/v1
 *   verifyAccessToken: (jwt: string) => Promise<Record<string, unknown>>, // throws when invalid/expired
 *   authz: () => 'scopes' | 'roles',      // read at request time
 *   clientRoles: (clientId: string) => string[], // role names assigned to a client (roles mode)
 *   outbox: { push(entry: object): void },
 *   dpopNonceSecret?: Buffer,             // 32 bytes, shared with the token endpoint (default: its own)
 *   origins?: { http: string, tls?: string }, // DPoP htu origins (default: apiBase's), see dpop/resourceGuard.js
 * }} options
 * @returns {{ router: import('express').Router, reset(): void, users(): Array<{id: string, username: string}> }}
 */
export function createPingOneApi({
  envId, apiBase, verifyAccessToken, authz, clientRoles, outbox, dpopNonceSecret = randomBytes(32), origins = { http: new URL(apiBase).origin },
}) {
  const store = createStore();
  const dpop = createDpopGuard({ nonceSecret: dpopNonceSecret, origins });
  const rep = createRepresentations({ apiBase: apiBase.replace(/\/+$/, ''), envId });
  const router = Router();

  // Every Platform call needs a valid access token for this environment: Bearer (RFC 6750 §2.1), or DPoP with a
  // proof when the token is DPoP-bound (RFC 9449 §7.1).
  router.use(async (req, res, next) => {
    if (req.method === 'OPTIONS') return next();
    const credentials = parseAuthorization(req.get('authorization'));
    if (!credentials) return invalidToken(res, 'A bearer access token is required.');
    let payload;
    try {
      payload = await verifyAccessToken(credentials.token);
    } catch (err) {
      const expired = err?.code === 'ERR_JWT_EXPIRED';
      return invalidToken(res, expired ? 'The access token has expired.' : 'The access token could not be verified.');
    }
    if (payload?.env !== envId) return invalidToken(res, 'The access token was not issued for this environment.');
    const unbound = certificateMismatch(req, payload);
    if (unbound) return invalidToken(res, unbound, { challenge: true });
    const refusal = await dpop.check(req, res, credentials, payload);
    if (refusal) return dpopRefused(res, refusal.description);
    res.locals.token = payload;
    return next();
  });

  // Vendor media types (`application/vnd.pingidentity.…+json`) are JSON too.
  router.use(express.json({ type: ['application/json', 'application/*+json'] }));

  /** Scopes mode checks the token's p1:* scopes; roles mode asks the client's role assignments (read per request). */
  const guard = (operation) => (_req, res, next) => {
    const decision = authorize({ mode: authz(), operation, payload: res.locals.token, clientRoles });
    if (!decision.allowed) return forbidden(res, decision.reason);
    return next();
  };

  mountUserRoutes({ router, store, rep, guard });
  mountDeviceRoutes({ router, store, rep, guard, outbox });

  router.use((req, res, next) => (req.method === 'OPTIONS' ? next() : notFound(res)));

  // Malformed JSON and anything unexpected become PingOne-shaped errors, never an HTML stack page.
  router.use((err, _req, res, next) => {
    if (res.headersSent) return next(err);
    if (err?.type === 'entity.parse.failed') {
      return sendError(res, 400, 'INVALID_REQUEST', 'The request could not be completed. The body is not valid JSON.');
    }
    if (err?.type === 'entity.too.large') {
      return sendError(res, 413, 'INVALID_REQUEST', 'The request could not be completed. The body is too large.');
    }
    return sendError(res, 500, 'UNEXPECTED_ERROR', 'An unexpected error occurred.');
  });

  return {
    router,
    reset: () => store.reset(),
    users: () => store.listUsers().map((u) => ({ id: u.id, username: u.username })),
  };
}
