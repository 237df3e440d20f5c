// Assembles and starts the relay: Host and Origin checks, CORS, the routes, the concurrency limit, the forward log.
import { lookup as dnsLookup } from 'node:dns';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { closeServer, listen } from '../lib/listen.js';

import { createAccessPolicy } from './access.js';
import { createAgentPool } from './agentPool.js';
import { checkClientCredential } from './clientCredential.js';
import {
  APP_ORIGINS, DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_CONCURRENT, DEFAULT_PORT, DEFAULT_TIMEOUT_MS, RELAY_VERSION,
} from './constants.js';
import { createCredentialStore } from './credentialStore.js';
import { parseForwardEnvelope } from './envelope.js';
import { forward, forwardLogLine } from './forward.js';
import { ClientGone, RelayRefusal, UpstreamFailure } from './refusal.js';
import { readJsonBody } from './requestBody.js';

/** `<repo>/certs`, where certRef/keyRef/caRef are looked up unless RELAY_CERT_DIR says otherwise. */
export const DEFAULT_CERT_DIR = fileURLToPath(new URL('../certs', import.meta.url));

const ROUTES_TEXT = 'the relay serves GET /health, POST /forward, POST /credentials and DELETE /credentials/<id>';
const CREDENTIAL_PATH = /^\/credentials\/([A-Za-z0-9-]{1,64})$/;

function sendJson(res, status, headers, body) {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { ...headers, ...(text ? { 'content-type': 'application/json; charset=utf-8' } : {}), 'cache-control': 'no-store' });
  res.end(text);
}

/** `POST /credentials`: checks the PEMs, keeps them in memory, answers their description. */
async function uploadCredential(req, { credentials, maxBodyBytes, now }) {
  const json = await readJsonBody(req, maxBodyBytes);
  if (typeof json !== 'object' || json === null) throw new RelayRefusal(400, 'the request body must be a JSON object { cert, key, ca? }');
  const { tls, description } = checkClientCredential({ cert: json.cert, key: json.key, ca: json.ca }, { now: now() });
  return { credentialId: credentials.add(tls, req.headers.origin), ...description };
}

/** Runs one `POST /forward`, within the concurrency limit, and logs it. */
async function handleForward(req, res, context) {
  const started = performance.now();
  let envelope = null;
  let outcome;
  if (context.inFlight >= context.maxConcurrent) {
    const busy = new RelayRefusal(503, `the relay is busy (${context.maxConcurrent} forwards in flight); try again in a moment`);
    context.log(forwardLogLine(null, busy, 0));
    throw busy;
  }
  context.inFlight += 1;
  try {
    envelope = parseForwardEnvelope(await readJsonBody(req, context.maxBodyBytes));
    const onClientGone = (abort) => res.on('close', () => !res.writableFinished && abort());
    const answer = await forward(envelope, { ...context, origin: req.headers.origin, onClientGone });
    outcome = { status: answer.status };
    return answer;
  } catch (err) {
    outcome = err instanceof RelayRefusal || err instanceof UpstreamFailure || err instanceof ClientGone ? err : { reason: 'internal error' };
    throw err;
  } finally {
    context.inFlight -= 1;
    context.log(forwardLogLine(envelope, outcome, Math.round(performance.now() - started)));
  }
}

/** Routes one request that passed the Host and Origin checks; answers `[status, body]`. */
async function route(req, res, context) {
  const { pathname } = new URL(req.url, 'http://relay.invalid');
  if (pathname === '/health' && req.method === 'GET') return [200, { relay: true, version: RELAY_VERSION }];
  if (pathname === '/forward' && req.method === 'POST') return [200, await handleForward(req, res, context)];
  if (pathname === '/credentials' && req.method === 'POST') return [201, await uploadCredential(req, context)];
  const credential = pathname.match(CREDENTIAL_PATH);
  if (credential && req.method === 'DELETE') {
    const forgotten = context.credentials.delete(credential[1], req.headers.origin); // another origin's id: nothing
    if (forgotten) context.agents.retire(forgotten); // its kept-alive connections carry the certificate
    return [204, undefined];
  }
  const known = pathname === '/health' || pathname === '/forward' || pathname === '/credentials' || credential;
  throw new RelayRefusal(known ? 405 : 404, `no relay route ${req.method} ${pathname}: ${ROUTES_TEXT}`);
}

function createHandler(context) {
  const { access } = context;
  return async (req, res) => {
    const origin = req.headers.origin;
    let cors = { vary: 'Origin' }; // no CORS grant before the Host is known to be the relay's own
    try {
      access.checkHost(req.headers.host);
      cors = access.corsHeaders(origin);
      const isPreflight = req.method === 'OPTIONS';
      const { pathname } = new URL(req.url, 'http://relay.invalid');
      access.checkOrigin(origin, isPreflight || pathname !== '/health');
      if (isPreflight) return sendJson(res, 204, access.preflightHeaders(origin, req.headers['access-control-request-private-network'] === 'true'));
      const [status, body] = await route(req, res, context);
      sendJson(res, status, cors, body);
    } catch (err) {
      if (err instanceof ClientGone) return; // nobody is left to answer
      const known = err instanceof RelayRefusal || err instanceof UpstreamFailure;
      if (!known) console.error(`[relay] internal error (${err?.name ?? 'Error'})`); // never the message: it may quote input
      if (!res.headersSent) sendJson(res, known ? err.status : 500, cors, known ? err : { error: 'relay_refused', reason: 'internal relay error' });
    }
  };
}

/**
 * Starts the relay on `host:port` (`port: 0` picks a free one).
 * @param {{ port?: number, host?: string, allowedOrigins?: string[], allowPrivate?: boolean, certDir?: string,
 *   quiet?: boolean, lookup?: Function, timeoutMs?: number, maxBodyBytes?: number, maxConcurrent?: number,
 *   log?: (line: string) => void, now?: () => number }} [options] `lookup` has `dns.lookup`'s signature (tests make
 *   names resolve anywhere); `allowedOrigins` replaces the app's default origins; `log` receives the forward lines;
 *   `now` is the clock an upload's validity is judged on.
 * @returns {Promise<{ url: string, port: number, close(): Promise<void> }>}
 */
export async function startRelay({
  port = DEFAULT_PORT, host = '127.0.0.1', allowedOrigins = APP_ORIGINS, allowPrivate = false, certDir = DEFAULT_CERT_DIR,
  quiet = false, lookup = dnsLookup, timeoutMs = DEFAULT_TIMEOUT_MS, maxBodyBytes = DEFAULT_MAX_BODY_BYTES,
  maxConcurrent = DEFAULT_MAX_CONCURRENT, log = quiet ? () => {} : console.log, now = Date.now,
} = {}) {
  let realPort = port;
  const context = {
    access: createAccessPolicy({ allowedOrigins, port: () => realPort }),
    credentials: createCredentialStore(),
    agents: createAgentPool(),
    lookup, allowPrivate, certDir, timeoutMs, maxBodyBytes, maxConcurrent, log, now, inFlight: 0,
  };
  const server = createServer(createHandler(context));
  realPort = await listen(server, port, host);
  return {
    url: `http://localhost:${realPort}`,
    port: realPort,
    close: async () => {
      context.agents.close();
      await closeServer(server);
    },
  };
}
