// The sandbox's admin API under /sandbox: info, client registration, faults, authz mode, outbox, reset.
// Loopback callers only: it hands out demo secrets and can reconfigure the server.
import express from 'express';

import { AUTHZ_MODES } from './constants.js';
import { SandboxInputError } from './inputError.js';
import { logLine } from '../lib/logText.js';

/** Largest admin request body (express.json `limit`): 413 beyond. */
export const ADMIN_BODY_LIMIT = '64kb';
const IPV4_LOOPBACK = /^127(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/**
 * True when a socket's remote address is loopback: 127.0.0.0/8, ::1, or 127.x mapped into IPv6.
 * @param {unknown} address  `req.socket.remoteAddress`
 * @see https://www.rfc-editor.org/rfc/rfc5735#section-3 (127.0.0.0/8) and RFC 4291 §2.5.3 (::1), §2.5.5.2 (mapped)
 */
export function isLoopbackAddress(address) {
  if (typeof address !== 'string') return false;
  const lower = address.toLowerCase();
  if (lower === '::1' || lower === '0:0:0:0:0:0:0:1') return true;
  const v4 = lower.startsWith('::ffff:') ? lower.slice('::ffff:'.length) : lower;
  return IPV4_LOOPBACK.test(v4);
}

/**
 * True when a Host header names this machine by a loopback name (any port). Refusing other names defeats DNS
 * rebinding, where a web page's own hostname is re-pointed at 127.0.0.1 to read the admin API as "same origin".
 * @param {unknown} host  `req.headers.host`
 */
export function isLoopbackHost(host) {
  if (typeof host !== 'string') return false;
  const name = host.toLowerCase().replace(/:\d+$/, '');
  return name === 'localhost' || name === '[::1]' || IPV4_LOOPBACK.test(name);
}

const jsonError = (res, status, error, message, field) => res.status(status).json({ error, message, ...(field ? { field } : {}) });

/**
 * @param {{
 *   info(): Record<string, unknown>,
 *   registerClient(body: unknown): Promise<Record<string, unknown>>,
 *   faults: { add(body: unknown): object, list(): object[], clear(): void },
 *   setAuthz(mode: unknown): void,
 *   outbox: { list(): object[], clear(): void },
 *   reset(): void,
 *   isAllowedOrigin(origin: unknown): boolean,
 *   logger: { error(message: string): void },
 * }} deps
 * @returns {import('express').Router}
 */
export function createAdminRouter(deps) {
  const router = express.Router();

  router.use((req, res, next) => {
    if (!isLoopbackAddress(req.socket.remoteAddress) || !isLoopbackHost(req.headers.host)) {
      return jsonError(res, 403, 'access_denied', 'the sandbox admin API only answers loopback callers');
    }
    // Browsers send Origin on cross-site requests; refusing foreign origins stops a web page from driving the admin API.
    const { origin } = req.headers;
    if (origin !== undefined && !deps.isAllowedOrigin(origin)) {
      return jsonError(res, 403, 'access_denied', `origin ${origin} may not use the sandbox admin API`);
    }
    return next();
  });
  // Every admin body is small (a fault's raw body is at most 16 KiB, a registration a few keys); a bigger one is
  // refused before it is read into memory.
  router.use(express.json({ limit: ADMIN_BODY_LIMIT }));

  const requireBody = (req) => {
    if (!req.is('application/json')) throw new SandboxInputError('body', 'send a JSON object with Content-Type: application/json');
    return req.body;
  };

  router.get('/info', (_req, res) => res.json(deps.info()));

  router.post('/clients', async (req, res) => {
    res.status(201).json(await deps.registerClient(requireBody(req)));
  });

  router.get('/faults', (_req, res) => res.json(deps.faults.list()));
  router.post('/faults', (req, res) => res.status(201).json(deps.faults.add(requireBody(req))));
  router.delete('/faults', (_req, res) => {
    deps.faults.clear();
    res.status(204).end();
  });

  router.post('/authz', (req, res) => {
    const body = requireBody(req);
    if (!AUTHZ_MODES.includes(body?.mode)) throw new SandboxInputError('mode', `mode must be one of ${AUTHZ_MODES.join(', ')}`);
    deps.setAuthz(body.mode);
    res.json({ authz: body.mode });
  });

  router.get('/outbox', (_req, res) => res.json(deps.outbox.list()));
  router.delete('/outbox', (_req, res) => {
    deps.outbox.clear();
    res.status(204).end();
  });

  router.post('/reset', (_req, res) => {
    deps.reset();
    res.status(204).end();
  });

  router.use((req, res) => jsonError(res, 404, 'not_found', `no sandbox admin route ${req.method} ${req.originalUrl}`));

  // Express 5 forwards errors thrown by sync and async handlers here.
  router.use((err, req, res, next) => {
    if (res.headersSent) return next(err);
    if (err instanceof SandboxInputError) return jsonError(res, err.status, err.error, err.message, err.field);
    if (err?.type === 'entity.parse.failed') return jsonError(res, 400, 'invalid_request', 'the body is not valid JSON', 'body');
    if (err?.type === 'entity.too.large') return jsonError(res, 413, 'invalid_request', `the body is larger than ${ADMIN_BODY_LIMIT}`, 'body');
    deps.logger.error(logLine`[sandbox] admin error ${req.method} ${req.originalUrl}: ${err?.stack ?? err}`);
    return jsonError(res, 500, 'server_error', 'unexpected sandbox error');
  });

  return router;
}
