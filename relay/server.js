// CLI entry point of the relay (`npm run relay`): reads RELAY_* settings, starts it, prints where it listens.
import { resolve } from 'node:path';

import { DEFAULT_CERT_DIR, startRelay } from './app.js';
import { APP_ORIGINS, DEFAULT_PORT } from './constants.js';
import { logLine } from '../lib/logText.js';

function fail(message) {
  console.error(logLine`[relay] ${message}`);
  process.exit(2);
}

/** RELAY_ALLOWED_ORIGINS entries must be bare origins (`https://host:port`), exactly as a browser sends Origin. */
function readOrigins(raw) {
  const extra = (raw ?? '').split(',').map((o) => o.trim()).filter(Boolean);
  for (const origin of extra) {
    let parsed = null;
    try {
      parsed = new URL(origin);
    } catch { /* reported below */ }
    if (!parsed || parsed.origin !== origin) fail(`RELAY_ALLOWED_ORIGINS entry ${JSON.stringify(origin)} is not an origin: expected scheme://host[:port] with no path or trailing slash.`);
  }
  return [...new Set([...APP_ORIGINS, ...extra])];
}

/** Reads and checks the RELAY_* environment; exits 2 with a clear message on a bad value. */
function readSettings(env) {
  const rawPort = env.RELAY_PORT ?? '';
  const port = rawPort === '' ? DEFAULT_PORT : Number(rawPort);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`RELAY_PORT=${JSON.stringify(rawPort)} is invalid: expected an integer from 0 to 65535.`);
  const allowPrivate = env.RELAY_ALLOW_PRIVATE ?? '';
  if (!['', '0', '1'].includes(allowPrivate)) fail(`RELAY_ALLOW_PRIVATE=${JSON.stringify(allowPrivate)} is invalid: expected 1 (allow private addresses) or 0.`);
  return {
    port,
    allowedOrigins: readOrigins(env.RELAY_ALLOWED_ORIGINS),
    allowPrivate: allowPrivate === '1',
    certDir: env.RELAY_CERT_DIR ? resolve(env.RELAY_CERT_DIR) : DEFAULT_CERT_DIR,
    quiet: env.RELAY_QUIET === '1',
  };
}

const settings = readSettings(process.env);
let relay;
try {
  relay = await startRelay(settings);
} catch (err) {
  if (err?.code === 'EADDRINUSE') fail(`port ${settings.port} is already in use: stop the other process or set RELAY_PORT.`);
  fail(`failed to start: ${err?.message ?? err}`);
}
console.log(`relay  ${relay.url}`);

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    if (closing) return;
    closing = true;
    await relay.close();
    process.exit(0);
  });
}
