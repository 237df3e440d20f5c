// The authorization server sees the sandbox's configured origin, never the Host header a client chose.
//
// oidc-provider builds the URLs it compares against from the request (koa's ctx.href, from Host): the DPoP proof's
// `htu` at the token endpoint (RFC 9449 §4.3 check 9: "the htu claim matches the HTTP URI value for the HTTP request
// in which the JWT was received") and the client assertion's accepted `aud` values (RFC 7523 §3 item 3). Taken from
// Host, a proof or an assertion made for another server (`Host: api.pingone.example`) would pass here. The emulated
// APIs already judge `htu` against the configured origins (dpop/resourceGuard.js); this does the same for the
// authorization server by setting Host to the origin of the listener the request came in on.

/**
 * What is configured for the listener a request came in on (the mTLS one when its socket is TLS): its origin, its host.
 * @template T
 * @param {import('node:http').IncomingMessage} req @param {{ http: T, tls?: T }} perListener
 * @returns {T | undefined}
 */
export function forListener(req, perListener) {
  return /** @type {import('node:tls').TLSSocket} */ (req.socket).encrypted ? perListener.tls : perListener.http;
}

/**
 * @param {{ http: string, tls?: string }} origins  the configured origin of each listener
 * @returns {import('express').RequestHandler}
 */
export function useConfiguredAuthority(origins) {
  const hosts = { http: new URL(origins.http).host, ...(origins.tls === undefined ? {} : { tls: new URL(origins.tls).host }) };
  return (req, _res, next) => {
    const host = forListener(req, hosts);
    if (host !== undefined) req.headers.host = host;
    next();
  };
}
