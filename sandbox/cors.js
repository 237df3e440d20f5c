// CORS for the sandbox's own routes (admin, PingOne API, microauthd): the playground app's origins only.
// The authorization server's routes are left to oidc-provider, which applies `clientBasedCORS` itself.

import { APP_ORIGINS } from './constants.js';

const ALLOW_METHODS = 'GET, POST, PUT, PATCH, DELETE, OPTIONS';
// DPoP carries the proof of RFC 9449; DPoP-Nonce is how a server hands out its nonce (§8, §9).
const ALLOW_HEADERS = 'Authorization, Content-Type, Accept, DPoP';
// Retry-After drives the app's backoff and Location names created devices; scripts can read neither without this.
const EXPOSE_HEADERS = 'Retry-After, Location, WWW-Authenticate, DPoP-Nonce';

/**
 * @param {string[]} [extraOrigins]  more allowed origins (SANDBOX_CORS_ORIGINS)
 * @returns {{
 *   origins: string[],
 *   isAllowedOrigin(origin: unknown): boolean,
 *   applyHeaders(req: import('express').Request, res: import('express').Response): void,
 *   middleware: import('express').RequestHandler,
 * }}
 * @see https://fetch.spec.whatwg.org/#http-cors-protocol
 */
export function createCors(extraOrigins = []) {
  const allowed = new Set([...APP_ORIGINS, ...extraOrigins.map((o) => o.trim().replace(/\/+$/, '')).filter(Boolean)]);
  const isAllowedOrigin = (origin) => typeof origin === 'string' && allowed.has(origin);

  /** Adds the response headers of an allowed cross-origin request (no-op for same-origin or unknown origins). */
  function applyHeaders(req, res) {
    res.append('Vary', 'Origin');
    const { origin } = req.headers;
    if (!isAllowedOrigin(origin)) return;
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Expose-Headers', EXPOSE_HEADERS);
  }

  function middleware(req, res, next) {
    applyHeaders(req, res);
    const isPreflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
    if (!isPreflight) return next();
    // An unknown origin gets an answer without CORS headers, which the browser treats as a refusal.
    if (isAllowedOrigin(req.headers.origin)) {
      res.setHeader('Access-Control-Allow-Methods', ALLOW_METHODS);
      res.setHeader('Access-Control-Allow-Headers', ALLOW_HEADERS);
      res.setHeader('Access-Control-Max-Age', '600');
    }
    res.status(204).end();
  }

  return { origins: [...allowed], isAllowedOrigin, applyHeaders, middleware };
}
