// Assembles and starts the sandbox: authorization server, PingOne and microauthd emulations, admin API, faults, CORS.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';

import express from 'express';

import { createAdminRouter } from './admin.js';
import { createAuthServer } from './authServer.js';
import { createClientErrorHandler } from './clientError.js';
import { parseClientRegistration } from './clientRegistration.js';
import { createClientRegistry, describeClient, toProviderMetadata } from './clients.js';
import {
  AUTHZ_MODES, DEFAULT_CERT_DIR, DEFAULT_ENV_ID, DEFAULT_PORT, DEFAULT_TOKEN_TTL_SECONDS,
} from './constants.js';
import { createCors } from './cors.js';
import { createFinalErrorHandler } from './errorHandler.js';
import { createFaults } from './faults.js';
import { SandboxInputError } from './inputError.js';
import { openListener } from './listener.js';
import { logLine } from '../lib/logText.js';
import { createMicroauthd } from './microauthd/index.js';
import { CERT_FILES, certificatesForStart } from './mtls/demoCertificates.js';
import { loadSubjectMatching } from './mtls/mtlsFeature.js';
import { useConfiguredAuthority } from './configuredAuthority.js';
import { createOutbox } from './outbox.js';
import { createPingOneApi } from './pingone/api.js';
import { signingKeysForStart } from './signingKeys.js';

/** What /sandbox/info says is on, beyond client credentials. */
const FEATURES = Object.freeze({
  introspection: true, // RFC 7662, opaque tokens only (sandbox-opaque)
  revocation: true, // RFC 7009, opaque tokens only
  dpop: Object.freeze({ nonce: 'required', apis: Object.freeze(['pingone', 'microauthd']) }), // RFC 9449
});

const ENV_ID_PATTERN = /^[A-Za-z0-9-]{1,64}$/;
// oidc-provider's metadata errors are prose; these map them back to the request field they are about.
const PROVIDER_FIELD_HINTS = [
  [/jwks|JSON Web Key/i, 'jwks'],
  [/client_secret/, 'client_secret'],
  [/token_endpoint_auth/, 'token_endpoint_auth_method'],
  [/client_id/, 'client_id'],
];

/** @param {boolean} quiet */
function consoleLogger(quiet) {
  const silent = () => {};
  return { info: quiet ? silent : console.log, warn: quiet ? silent : console.warn, error: console.error };
}

// microauthd events worth a console line: refusals and errors (a playground user wants to see why), not successes.
const MICROAUTHD_WARNINGS = new Set(['token.refused', 'token.invalid_client', 'api.unauthorized', 'api.denied', 'error']);

/** Prints microauthd's refusal events as one escaped line each (`key=value` pairs, values as sent). */
function microauthdLog(logger) {
  return (event) => {
    if (!MICROAUTHD_WARNINGS.has(event?.event)) return;
    const { event: name, ...fields } = event;
    const pairs = Object.entries(fields).map(([key, value]) => logLine`${key}=${value}`).join(' ');
    logger.warn(logLine`[microauthd] ${name}` + (pairs ? ` ${pairs}` : ''));
  };
}

/** oidc-provider's client metadata check, turned into a 400 that names the field it complains about. */
async function validateWithProvider(provider, entry) {
  try {
    await provider.Client.validate(toProviderMetadata(entry));
  } catch (err) {
    const description = err.error_description ?? err.message;
    const field = PROVIDER_FIELD_HINTS.find(([pattern]) => pattern.test(description))?.[1] ?? 'body';
    throw new SandboxInputError(field, description);
  }
}

/**
 * The HTTPS listener for mTLS client authentication (RFC 8705): the demo certificates, a server certificate for
 * localhost, and a client certificate requested but not enforced, since oidc-provider and the PingOne API decide what
 * a certificate (or its absence) means. New certificates are written only once the port is ours.
 * @param {{ mtlsPort: number, host: string, certDir: string,
 *   certificates: Promise<Awaited<ReturnType<typeof certificatesForStart>>> }} options
 */
async function openMtlsListener({ mtlsPort, host, certDir, certificates }) {
  const { material, save } = await certificates;
  const server = createHttpsServer({
    key: material.server.keyPem, cert: material.server.certPem, ca: [material.caPem], requestCert: true, rejectUnauthorized: false,
  });
  const listener = await openListener(server, mtlsPort, host);
  try {
    await save();
  } catch (err) {
    await listener.abort();
    throw err;
  }
  const registration = { subjectDn: material.tlsClient.subjectDn, selfSignedJwks: material.selfSignedClient.jwks, files: CERT_FILES };
  return { listener, registration, baseUrl: `https://localhost:${listener.port}`, certDir };
}

/** The one express app both listeners serve. */
function assembleApp({ asPrefix, envId, baseUrl, issuer, origins, cors, faults, provider, pingone, microauthd, adminRouter, logger }) {
  const app = express();
  app.disable('x-powered-by');
  const isAuthServerPath = (path) => path === asPrefix || path.startsWith(`${asPrefix}/`);
  app.use((req, res, next) => (isAuthServerPath(req.path) ? next() : cors.middleware(req, res, next)));
  app.use(faults.middleware);
  app.use(asPrefix, useConfiguredAuthority(origins), provider.callback());
  app.use(`/v1/environments/${envId}`, pingone.router);
  app.use('/microauthd', microauthd.router);
  app.use('/sandbox', adminRouter);
  app.get('/', (_req, res) => res.json({
    name: 'OAuth M2M Playground sandbox (development only, in-memory)',
    info: `${baseUrl}/sandbox/info`,
    issuer,
  }));
  app.use((req, res) => res.status(404).json(req.path.startsWith('/v1/')
    ? { id: 'sandbox-not-found', code: 'NOT_FOUND', message: 'The requested resource was not found.' }
    : { error: 'not_found', message: `no sandbox route ${req.method} ${req.path}` }));
  app.use(createFinalErrorHandler(logger));
  return app;
}

function checkOptions({ authz, tokenTtl, envId, mtlsPort }) {
  if (!AUTHZ_MODES.includes(authz)) throw new SandboxInputError('authz', `authz must be one of ${AUTHZ_MODES.join(', ')}`);
  if (!Number.isInteger(tokenTtl) || tokenTtl < 1) throw new SandboxInputError('tokenTtl', 'tokenTtl must be a positive integer (seconds)');
  if (!ENV_ID_PATTERN.test(envId)) throw new SandboxInputError('envId', 'envId must be 1-64 characters of A-Z a-z 0-9 -');
  if (mtlsPort !== undefined && !(Number.isInteger(mtlsPort) && mtlsPort >= 0 && mtlsPort <= 65535)) {
    throw new SandboxInputError('mtlsPort', 'mtlsPort must be a port number (0 for an ephemeral one), or left out for no mTLS listener');
  }
}

/**
 * Starts the sandbox. It listens first, so `port: 0` works and the issuer carries the real port; the issuer host is
 * `localhost` (what the app and PingOne-style URLs use) while the sockets bind `host`. With `mtlsPort` it also
 * serves the same app over HTTPS with client certificates, and seeds the certificate clients. With
 * `keepDemoMaterial` (the CLI) it reuses the signing keys and certificates an earlier start kept in `certDir` and keeps
 * new ones there; otherwise each start makes its own keys and never writes them.
 * @param {{ port?: number, host?: string, envId?: string, tokenTtl?: number, authz?: 'scopes' | 'roles',
 *   quiet?: boolean, corsOrigins?: string[], mtlsPort?: number, certDir?: string, keepDemoMaterial?: boolean,
 *   logger?: { info(m: string): void, warn(m: string): void, error(m: string): void } }} [options]
 * @returns {Promise<{ baseUrl: string, envId: string, issuer: string, tokenEndpoint: string,
 *   mtls?: { baseUrl: string, tokenEndpoint: string, certDir: string },
 *   close(): Promise<void>, setAuthz(mode: 'scopes' | 'roles'): void }>}
 */
export async function startSandbox({
  port = DEFAULT_PORT, host = '127.0.0.1', envId = DEFAULT_ENV_ID, tokenTtl = DEFAULT_TOKEN_TTL_SECONDS, authz = 'scopes', quiet = false,
  corsOrigins = [], mtlsPort, certDir = DEFAULT_CERT_DIR, keepDemoMaterial = false, logger = consoleLogger(quiet),
} = {}) {
  checkOptions({ authz, tokenTtl, envId, mtlsPort });
  // Keys and certificates need neither the ports nor each other: both are read (or made) while the sockets open.
  const keep = keepDemoMaterial;
  const signing = observed(signingKeysForStart({ certDir, keep }));
  const certificates = mtlsPort === undefined ? undefined : observed(certificatesForStart({ certDir, keep }));
  const http = await openListener(createServer(), port, host);
  const listeners = [http];
  try {
    const tls = certificates && await openMtlsListener({ mtlsPort, host, certDir, certificates });
    if (tls) listeners.push(tls.listener);
    const baseUrl = `http://localhost:${http.port}`;
    const asPrefix = `/${envId}/as`;
    const issuer = `${baseUrl}${asPrefix}`;
    const mtls = tls && { baseUrl: tls.baseUrl, tokenEndpoint: `${tls.baseUrl}${asPrefix}/token`, certDir: tls.certDir };
    const signingKeys = await keepSigningKeys(await signing, certDir, logger);
    const parts = await createParts({ envId, tokenTtl, authz, corsOrigins, logger, baseUrl, issuer, asPrefix, tls, mtls, signingKeys });
    const app = assembleApp({ asPrefix, envId, baseUrl, issuer, logger, ...parts });
    const onClientError = createClientErrorHandler(parts.cors.isAllowedOrigin);
    http.serve(app, onClientError);
    tls?.listener.serve(afterLoading(loadSubjectMatching, app, logger), onClientError);
    return {
      baseUrl,
      envId,
      issuer,
      tokenEndpoint: `${issuer}/token`,
      ...(mtls ? { mtls } : {}),
      setAuthz: parts.setAuthz,
      close: async () => {
        await Promise.all(listeners.map((listener) => listener.close()));
      },
    };
  } catch (err) {
    await Promise.all(listeners.map((listener) => listener.abort()));
    throw err;
  }
}

/**
 * `app`, once `load` has settled: the first request starts it, and every request waits for it. For the mTLS listener,
 * whose DN matching loads on first use rather than at every start.
 */
function afterLoading(load, app, logger) {
  let ready = false;
  return (req, res) => {
    if (ready) return app(req, res);
    return load().then(() => {
      ready = true;
      app(req, res);
    }, (err) => {
      logger.error(logLine`[sandbox] mTLS listener cannot serve: ${err?.message ?? err}`);
      res.writeHead(500).end();
    });
  };
}

/** `promise`, with a rejection handled for now: it is awaited later, after other awaits that may come first. */
function observed(promise) {
  promise.catch(() => {});
  return promise;
}

/**
 * Writes new signing keys for the next start. Failing to is not fatal (the next start makes others): the keys are in
 * memory, and unlike the certificates no client reads them from the directory.
 */
async function keepSigningKeys({ keys, save }, certDir, logger) {
  try {
    await save();
  } catch (err) {
    logger.warn(logLine`[sandbox] could not keep the demo signing keys in ${certDir} (the next start makes new ones): ${err?.message ?? err}`);
  }
  return keys;
}

/** Everything the app is made of, wired together: auth server, emulated APIs, faults, the admin API's operations. */
async function createParts({ envId, tokenTtl, authz, corsOrigins, logger, baseUrl, issuer, asPrefix, tls, mtls, signingKeys }) {
  const apiBase = `${baseUrl}/v1`;
  // Where DPoP proofs' htu must point on each listener: the configured origins, never a request's Host header.
  const origins = { http: baseUrl, ...(tls ? { tls: tls.baseUrl } : {}) };
  const microauthdBase = `${baseUrl}/microauthd`;
  let mode = authz;
  const setAuthz = (next) => {
    if (!AUTHZ_MODES.includes(next)) throw new SandboxInputError('mode', `mode must be one of ${AUTHZ_MODES.join(', ')}`);
    mode = next;
  };

  const registry = createClientRegistry(tls?.registration);
  const cors = createCors(corsOrigins);
  const outbox = createOutbox();
  // One DPoP nonce secret for the origin: a nonce from the token endpoint is good at the APIs and back (RFC 9449 §9).
  const nonceSecret = randomBytes(32);
  const [{ provider, verifyAccessToken }, microauthd] = await Promise.all([
    createAuthServer({
      issuer, envId, tokenTtl, registry, getAuthz: () => mode, isAllowedOrigin: cors.isAllowedOrigin, mtls, nonceSecret,
      signingJwk: signingKeys.authServer, logger,
    }),
    createMicroauthd({
      baseUrl: microauthdBase, log: microauthdLog(logger), dpopNonceSecret: nonceSecret, origins, signingJwk: signingKeys.microauthd,
    }),
  ]);
  const pingone = createPingOneApi({
    envId, apiBase, verifyAccessToken, authz: () => mode, clientRoles: (clientId) => registry.roles(clientId), outbox,
    dpopNonceSecret: nonceSecret, origins,
  });
  const faults = createFaults({ tokenPath: `${asPrefix}/token`, applyCors: cors.applyHeaders });
  const describe = (entry) => describeClient(entry, { mtlsTokenEndpoint: mtls?.tokenEndpoint });

  const info = () => ({
    environmentId: envId,
    issuer,
    tokenEndpoint: `${issuer}/token`,
    discoveryUrl: `${issuer}/.well-known/openid-configuration`,
    jwksUri: `${issuer}/jwks`,
    introspectionEndpoint: `${issuer}/introspect`,
    revocationEndpoint: `${issuer}/revoke`,
    features: FEATURES,
    apiBase,
    microauthdBase,
    ...(mtls ? { mtls: { ...mtls, apiBase: `${mtls.baseUrl}/v1`, caRef: CERT_FILES.ca } } : {}),
    authz: mode,
    tokenTtl,
    clients: [...registry.list().map(describe), ...microauthd.clients()],
    users: pingone.users(),
    microauthdUsers: microauthd.users(),
  });
  const registerClient = async (body) => {
    const entry = parseClientRegistration(body, registry);
    await validateWithProvider(provider, entry);
    registry.put(entry);
    return describe(entry);
  };
  const reset = () => {
    registry.reset();
    faults.clear();
    outbox.clear();
    pingone.reset();
    microauthd.reset();
    mode = authz;
  };
  const adminRouter = createAdminRouter({
    info, registerClient, faults, setAuthz, outbox, reset, isAllowedOrigin: cors.isAllowedOrigin, logger,
  });
  return { cors, faults, provider, pingone, microauthd, adminRouter, setAuthz, origins };
}
