// Who may use the relay: pages from the app's own origins, addressed to the relay by a loopback Host.
// A foreign page is refused before anything is read or forwarded; CORS answers only the allowed origins.
import { PREFLIGHT_MAX_AGE_SECONDS } from './constants.js';
import { forbidden } from './refusal.js';

/**
 * @param {{ allowedOrigins: string[], port: () => number }} options `port` is read per request (known after listen)
 */
export function createAccessPolicy({ allowedOrigins, port }) {
  const origins = new Set(allowedOrigins);

  /**
   * DNS rebinding defence: a page on evil.example that re-points its name at 127.0.0.1 still sends
   * `Host: evil.example:4600`, so only the loopback spellings of this port are served.
   * @see https://www.rfc-editor.org/rfc/rfc9110#section-7.2 (Host) and https://en.wikipedia.org/wiki/DNS_rebinding
   */
  function checkHost(host) {
    const allowed = ['localhost', '127.0.0.1', '[::1]'].map((name) => `${name}:${port()}`);
    if (!allowed.includes(String(host ?? '').toLowerCase())) {
      throw forbidden(`the relay answers only Host localhost:${port()}, 127.0.0.1:${port()} or [::1]:${port()}`);
    }
  }

  /** Refuses a foreign Origin on every route, and a missing Origin where `originRequired`. */
  function checkOrigin(origin, originRequired) {
    if (origin === undefined) {
      if (originRequired) throw forbidden('this relay route is for the playground page only: the request has no Origin header');
      return;
    }
    if (!origins.has(origin)) {
      throw forbidden(`origin ${origin} may not use the relay; start it with RELAY_ALLOWED_ORIGINS=${origin} if this is your playground`);
    }
  }

  /** Headers for every answer to an allowed origin (each answer depends on Origin, hence Vary). */
  function corsHeaders(origin) {
    return origin !== undefined && origins.has(origin) ? { 'access-control-allow-origin': origin, vary: 'Origin' } : { vary: 'Origin' };
  }

  /** Headers of a preflight answer; the caller has already checked the origin. */
  function preflightHeaders(origin, privateNetworkRequested) {
    return {
      ...corsHeaders(origin),
      'access-control-allow-methods': 'GET, POST, DELETE',
      'access-control-allow-headers': 'content-type',
      'access-control-max-age': String(PREFLIGHT_MAX_AGE_SECONDS),
      // Chrome's Private Network Access: a page served from a public origin (RELAY_ALLOWED_ORIGINS) asks this first.
      // @see https://wicg.github.io/private-network-access/#cors-preflight
      ...(privateNetworkRequested ? { 'access-control-allow-private-network': 'true' } : {}),
    };
  }

  return { checkHost, checkOrigin, corsHeaders, preflightHeaders };
}
