// A sandbox socket (HTTP or the mTLS listener) that listens before the app exists: the issuer needs the real port,
// and requests that arrive in between wait for the app instead of hanging unanswered.
import { closeServer, listen } from '../lib/listen.js';

/**
 * @param {import('node:http').Server | import('node:https').Server} server
 * @param {number} port  0 for an ephemeral port
 * @param {string} host
 * @returns {Promise<{ port: number,
 *   serve(app: (req: object, res: object) => void, onClientError?: (err: Error, socket: object) => void): void,
 *   abort(): Promise<void>, close(): Promise<void> }>}
 */
export async function openListener(server, port, host) {
  let handle = null;
  const early = [];
  server.on('request', (req, res) => (handle ? handle(req, res) : early.push([req, res])));
  const realPort = await listen(server, port, host);
  return {
    port: realPort,
    /** Hands requests to `app`; `onClientError` answers the ones Node's parser refuses (see clientError.js). */
    serve(app, onClientError) {
      if (onClientError) server.on('clientError', onClientError);
      handle = app;
      for (const [req, res] of early.splice(0)) app(req, res);
    },
    /** Start-up failed: answer the waiting requests 503 and stop. */
    async abort() {
      for (const [, res] of early.splice(0)) res.writeHead(503).end();
      await closeServer(server);
    },
    close: () => closeServer(server),
  };
}
