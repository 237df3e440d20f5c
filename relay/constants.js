// Fixed values of the local relay: its port, the app origins it serves, and its limits.
// The relay keeps its own copy of the app origins (it never imports src/ or sandbox/).

/** Version reported by `GET /health`; bump it when the wire contract changes. */
export const RELAY_VERSION = '1.1.0';

/** Port the relay listens on unless RELAY_PORT (or the `port` option) says otherwise. */
export const DEFAULT_PORT = 4600;

/** Origins of the playground app (vite dev and vite preview, both loopback spellings). */
export const APP_ORIGINS = Object.freeze([
  'http://localhost:5173',
  'http://127.0.0.1:5173',
  'http://localhost:4173',
  'http://127.0.0.1:4173',
]);

/** Overall time a forward may take (DNS, connect, TLS, response body) before it is answered 504. */
export const DEFAULT_TIMEOUT_MS = 15_000;

/** Cap on the request the relay reads and on the upstream response body it returns (1 MiB). */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** Forwards in flight at once; one more is answered 503 instead of queueing without bound. */
export const DEFAULT_MAX_CONCURRENT = 16;

/** Uploaded client credentials kept in memory; the oldest is forgotten when a new one would exceed this. */
export const MAX_CREDENTIALS = 20;

/** Cap on a certificate/key file named by certRef/keyRef/caRef: PEM files are a few KiB. */
export const MAX_PEM_FILE_BYTES = 256 * 1024;

/** Methods a forward may use: those the token endpoint and the step-4 API calls need. CONNECT/TRACE never. */
export const FORWARD_METHODS = Object.freeze(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** How long a browser may cache the relay's preflight answer, in seconds. */
export const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * How long an unused upstream connection stays open for the next forward. Below the 5 s idle timeout of Node's own
 * HTTP server and Apache httpd, so the relay lets go first instead of reusing a connection the server is closing
 * (a server that announces `Keep-Alive: timeout=` is honoured by Node's agent as well).
 * @see https://nodejs.org/docs/latest-v20.x/api/http.html#serverkeepalivetimeout
 * @see https://httpd.apache.org/docs/2.4/mod/core.html#keepalivetimeout
 */
export const AGENT_IDLE_MS = 4_000;

/** TLS identities (client certificate + key + CAs) that keep a connection pool; the least recently used goes first. */
export const MAX_TLS_IDENTITIES = 32;
