// CLI entry point of the sandbox (`npm run sandbox`): reads SANDBOX_* settings, starts it, prints what it serves.
import { startSandbox } from './app.js';
import {
  AUTHZ_MODES, DEFAULT_CERT_DIR, DEFAULT_ENV_ID, DEFAULT_MTLS_PORT, DEFAULT_PORT, DEFAULT_TOKEN_TTL_SECONDS,
} from './constants.js';
import { logLine } from '../lib/logText.js';

/** Reads and checks the SANDBOX_* environment; exits with a clear message on a bad value. */
function readSettings(env) {
  const fail = (name, expected) => {
    console.error(logLine`[sandbox] ${name}=${JSON.stringify(env[name])} is invalid: expected ${expected}.`);
    process.exit(2);
  };
  const integer = (name, fallback, min, max) => {
    if (env[name] === undefined || env[name] === '') return fallback;
    const value = Number(env[name]);
    if (!Number.isInteger(value) || value < min || value > max) fail(name, `an integer from ${min} to ${max}`);
    return value;
  };
  const authz = env.SANDBOX_AUTHZ || 'scopes';
  if (!AUTHZ_MODES.includes(authz)) fail('SANDBOX_AUTHZ', AUTHZ_MODES.join(' or '));
  return {
    port: integer('SANDBOX_PORT', DEFAULT_PORT, 0, 65535),
    // `off` leaves out the mTLS listener and the certificate clients (e.g. when 4543 is taken and mTLS is not needed).
    mtlsPort: env.SANDBOX_MTLS_PORT === 'off' ? undefined : integer('SANDBOX_MTLS_PORT', DEFAULT_MTLS_PORT, 0, 65535),
    certDir: env.SANDBOX_CERT_DIR || DEFAULT_CERT_DIR,
    // The CLI keeps its demo keys and certificates between starts: generating them is most of a cold start's CPU.
    keepDemoMaterial: true,
    tokenTtl: integer('SANDBOX_TOKEN_TTL', DEFAULT_TOKEN_TTL_SECONDS, 1, 86_400),
    authz,
    envId: env.SANDBOX_ENV_ID || DEFAULT_ENV_ID,
    // Quiet leaves out the refusal lines (errors still print): for E2E and bench children, whose output nobody reads.
    quiet: env.SANDBOX_QUIET === '1',
    corsOrigins: (env.SANDBOX_CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean),
  };
}

function printBanner(sandbox, info, settings, startupMs) {
  const lines = [
    '',
    '  OAuth M2M Playground — LOCAL SANDBOX (development only, in-memory, demo credentials)',
    `  listening on ${sandbox.baseUrl} after ${startupMs} ms   authz=${settings.authz}   token TTL=${settings.tokenTtl}s`,
    '',
    `  environment   ${info.environmentId}`,
    `  issuer        ${info.issuer}`,
    `  token         ${info.tokenEndpoint}`,
    `  discovery     ${info.discoveryUrl}`,
    `  jwks          ${info.jwksUri}`,
    `  PingOne API   ${info.apiBase}/environments/${info.environmentId}`,
    `  microauthd    ${info.microauthdBase}`,
    `  admin         ${sandbox.baseUrl}/sandbox/info  (loopback only)`,
    ...(info.mtls ? [
      `  mTLS          ${info.mtls.baseUrl}  (RFC 8705 client certificates; token ${info.mtls.tokenEndpoint})`,
      `  certificates  ${info.mtls.certDir}  (DEMO-ONLY CA and client certificates)`,
    ] : ['  mTLS          off']),
    `  demo material ${settings.certDir}  (DEMO-ONLY keys and certificates, kept between starts and renewed a week before`
      + ' they expire; delete the directory for new ones)',
    '',
    '  demo clients (public demo secrets — never use them anywhere else):',
    ...info.clients.map((c) => {
      const credential = c.client_secret
        ?? (c.private_key_pem ? 'key: sandbox/demo-keys/DEMO-ONLY-private-key-jwt.pem' : undefined)
        ?? (c.certRef ? `certificate: ${c.certRef}` : '(registered JWKS)');
      return logLine`    [${c.provider}] ${c.client_id.padEnd(28)} ${c.token_endpoint_auth_method.padEnd(27)} ${credential}`;
    }),
    '',
  ];
  console.log(lines.join('\n'));
}

/**
 * Starts the sandbox; when the default mTLS port is taken (another sandbox, a second checkout), it runs without the
 * mTLS listener and says so, since token requests and the emulated APIs do not need it. An explicit
 * SANDBOX_MTLS_PORT that is taken is an error like any other.
 */
async function start(settings, mtlsPortChosen) {
  try {
    return await startSandbox(settings);
  } catch (err) {
    if (mtlsPortChosen || err?.code !== 'EADDRINUSE' || err.port !== settings.mtlsPort) throw err;
    console.warn(logLine`[sandbox] mTLS listener off: port ${settings.mtlsPort} is taken (set SANDBOX_MTLS_PORT to use another)`);
    settings.mtlsPort = undefined;
    return startSandbox(settings);
  }
}

const settings = readSettings(process.env);
let sandbox;
try {
  sandbox = await start(settings, Boolean(process.env.SANDBOX_MTLS_PORT));
} catch (err) {
  const hint = err?.code === 'EADDRINUSE'
    ? ` (a port is taken: set SANDBOX_PORT, now ${settings.port}, or SANDBOX_MTLS_PORT, now ${settings.mtlsPort ?? 'off'})`
    : '';
  console.error(logLine`[sandbox] failed to start${hint}: ${err?.message ?? err}`);
  process.exit(1);
}
const startupMs = Math.round(process.uptime() * 1000);
const info = await (await fetch(`${sandbox.baseUrl}/sandbox/info`)).json();
printBanner(sandbox, info, settings, startupMs);

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    if (closing) return;
    closing = true;
    console.log(logLine`[sandbox] ${signal}: closing`);
    await sandbox.close();
    process.exit(0);
  });
}
