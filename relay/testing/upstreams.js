// Test-only upstreams on 127.0.0.1:0 (http, and https with a test CA) that record every request they receive.
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';

function record(handler) {
  const requests = [];
  const listener = (req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const seen = { method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), socket: req.socket };
      requests.push(seen);
      handler(seen, res);
    });
  };
  return { requests, listener };
}

function listening(server, requests, scheme) {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        port, requests, origin: `${scheme}://127.0.0.1:${port}`, localhostOrigin: `${scheme}://localhost:${port}`,
        close: () => new Promise((done) => {
          server.close(() => done());
          server.closeAllConnections();
        }),
      });
    });
  });
}

/** An http upstream; `handler(request, res)` answers (default: 200 "ok"). */
export function startHttpUpstream(handler = (_req, res) => res.end('ok')) {
  const { requests, listener } = record(handler);
  return listening(createHttpServer(listener), requests, 'http');
}

/** An https upstream with `cert`/`key`, asking for (and requiring) a client certificate issued by `clientCa` if given. */
export function startHttpsUpstream({ certPem, keyPem, clientCa }, handler = (_req, res) => res.end('ok')) {
  const { requests, listener } = record(handler);
  const server = createHttpsServer({
    cert: certPem, key: keyPem, ...(clientCa ? { requestCert: true, rejectUnauthorized: true, ca: clientCa.certPem } : {}),
  }, listener);
  return listening(server, requests, 'https');
}
