// Registry of the sandbox's PingOne worker clients: the seeded demo clients plus clients registered at runtime.
import { readFileSync } from 'node:fs';

import { P1_SCOPES } from './constants.js';
import { limitReached } from './inputError.js';

const demoKeyUrl = (name) => new URL(`./demo-keys/${name}`, import.meta.url);
const DEMO_JWKS = JSON.parse(readFileSync(demoKeyUrl('DEMO-ONLY-private-key-jwt.public.jwks.json'), 'utf8'));
const DEMO_PRIVATE_KEY_PEM = readFileSync(demoKeyUrl('DEMO-ONLY-private-key-jwt.pem'), 'utf8');

const ALL_SCOPES = P1_SCOPES.join(' ');
/** Clients registered at runtime at once (the seeded ones do not count): enough for any demo, bounded memory. */
export const MAX_RUNTIME_CLIENTS = 100;
const IDENTITY_DATA_ADMIN = 'Identity Data Admin';

/**
 * @typedef {object} ClientEntry
 * @property {string} client_id
 * @property {string} [client_secret]
 * @property {string} token_endpoint_auth_method
 * @property {{ keys: object[] }} [jwks]  public keys, for private_key_jwt
 * @property {string} scope  space-separated p1:* scopes this client may be granted (scopes mode)
 * @property {string} purpose  what the client is for, shown in /sandbox/info
 * @property {string[]} roles  PingOne role names (decide access in roles mode)
 * @property {string} [private_key_pem]  only on the demo private_key_jwt client: a committed DEMO key
 * @property {number} [token_ttl]  this client's access-token lifetime in seconds (default: the sandbox's)
 * @property {boolean} [cors]  false: browsers get no Access-Control-Allow-Origin on its token requests
 * @property {'opaque'} [access_token_format]  opaque: its tokens can be introspected and revoked (RFC 7662, 7009)
 * @property {boolean} [dpop_bound_access_tokens]  RFC 9449 §5.2: its token requests must carry a DPoP proof
 * @property {'issuer'} [client_assertion_audience]  issuer: its assertions' aud must be the issuer alone
 *   (draft-ietf-oauth-rfc7523bis); otherwise oidc-provider's issuer, token endpoint or endpoint called
 * @property {string} [tls_client_auth_subject_dn]  tls_client_auth: the certificate subject it must present
 * @property {boolean} [tls_client_certificate_bound_access_tokens]  RFC 8705 §3: its tokens carry cnf.x5t#S256
 * @property {{ certRef: string, keyRef: string, caRef: string }} [certificate]  demo files, relative to the cert dir
 */

/**
 * @typedef {object} MtlsDemoMaterial  what the mTLS demo clients are registered with (sandbox/mtls/demoCertificates.js)
 * @property {string} subjectDn  the sandbox-tls certificate's subject (RFC 4514)
 * @property {{ keys: object[] }} selfSignedJwks  the sandbox-self-signed-tls certificate as a JWK with x5c
 * @property {Record<'ca' | 'tlsCert' | 'tlsKey' | 'selfSignedCert' | 'selfSignedKey', string>} files
 */

/** The clients that authenticate with a demo certificate on the mTLS listener (RFC 8705 §2). @param {MtlsDemoMaterial} mtls */
function mtlsDemoClients({ subjectDn, selfSignedJwks, files }) {
  const bound = { tls_client_certificate_bound_access_tokens: true, scope: ALL_SCOPES, roles: [IDENTITY_DATA_ADMIN] };
  return [
    {
      client_id: 'sandbox-tls',
      token_endpoint_auth_method: 'tls_client_auth',
      tls_client_auth_subject_dn: subjectDn,
      ...bound,
      purpose: 'Worker app with every p1:* scope; authenticates with a client certificate issued by the sandbox\'s demo CA '
        + '(subject DN registered) on the mTLS listener, and gets certificate-bound tokens (RFC 8705).',
      certificate: { certRef: files.tlsCert, keyRef: files.tlsKey, caRef: files.ca },
    },
    {
      client_id: 'sandbox-self-signed-tls',
      token_endpoint_auth_method: 'self_signed_tls_client_auth',
      jwks: selfSignedJwks,
      ...bound,
      purpose: 'Worker app with every p1:* scope; authenticates with its self-signed certificate (registered in its jwks '
        + 'as x5c) on the mTLS listener, and gets certificate-bound tokens (RFC 8705 §2.2).',
      certificate: { certRef: files.selfSignedCert, keyRef: files.selfSignedKey, caRef: files.ca },
    },
  ];
}

/**
 * The seeded demo clients. Their secrets are public demo credentials, labelled as such.
 * @param {MtlsDemoMaterial} [mtls]  without it (no mTLS listener) the certificate clients are left out
 * @returns {ClientEntry[]}
 */
function demoClients(mtls) {
  return [
    {
      client_id: 'sandbox-basic',
      client_secret: 'demo-secret-basic-DO-NOT-USE-IN-PRODUCTION',
      token_endpoint_auth_method: 'client_secret_basic',
      scope: ALL_SCOPES,
      purpose: 'Worker app with every p1:* scope; secret sent in the HTTP Basic Authorization header (RFC 6749 §2.3.1).',
      roles: [IDENTITY_DATA_ADMIN],
    },
    {
      client_id: 'sandbox-post',
      client_secret: 'demo-secret-post-DO-NOT-USE-IN-PRODUCTION',
      token_endpoint_auth_method: 'client_secret_post',
      scope: ALL_SCOPES,
      purpose: 'Worker app with every p1:* scope; secret sent in the form body (client_secret_post).',
      roles: [IDENTITY_DATA_ADMIN],
    },
    {
      client_id: 'sandbox-secret-jwt',
      client_secret: 'demo-secret-jwt-DO-NOT-USE-IN-PRODUCTION-0123456789',
      token_endpoint_auth_method: 'client_secret_jwt',
      scope: ALL_SCOPES,
      purpose: 'Worker app with every p1:* scope; authenticates with an HS256 client assertion keyed by its secret (RFC 7523).',
      roles: [IDENTITY_DATA_ADMIN],
    },
    {
      client_id: 'sandbox-private-key-jwt',
      token_endpoint_auth_method: 'private_key_jwt',
      jwks: DEMO_JWKS,
      scope: ALL_SCOPES,
      purpose: 'Worker app with every p1:* scope; authenticates with an RS256 client assertion signed by the committed '
        + 'DEMO key in sandbox/demo-keys (RFC 7523). Generate your own key in the playground for anything else.',
      roles: [IDENTITY_DATA_ADMIN],
      private_key_pem: DEMO_PRIVATE_KEY_PEM,
    },
    {
      client_id: 'sandbox-strict-audience',
      token_endpoint_auth_method: 'private_key_jwt',
      jwks: DEMO_JWKS,
      scope: ALL_SCOPES,
      purpose: 'Worker app with every p1:* scope, signing with the same DEMO key as sandbox-private-key-jwt, that accepts '
        + 'only the issuer identifier as its client assertion aud, as its only value (a string or a one-element array), '
        + 'as draft-ietf-oauth-rfc7523bis requires: the token endpoint URL is refused with invalid_client.',
      roles: [IDENTITY_DATA_ADMIN],
      private_key_pem: DEMO_PRIVATE_KEY_PEM,
      client_assertion_audience: 'issuer',
    },
    {
      client_id: 'sandbox-underscoped',
      client_secret: 'demo-secret-underscoped-DO-NOT-USE-IN-PRODUCTION',
      token_endpoint_auth_method: 'client_secret_basic',
      scope: 'p1:read:user',
      purpose: 'Under-scoped worker: only p1:read:user, whatever it asks for. Use it to see 403 diagnostics on device calls.',
      roles: [],
    },
    {
      client_id: 'sandbox-roles',
      client_secret: 'demo-secret-roles-DO-NOT-USE-IN-PRODUCTION',
      token_endpoint_auth_method: 'client_secret_basic',
      scope: '',
      purpose: 'PingOne\'s real worker model: no p1:* scopes, the Identity Data Admin role decides. Works in roles mode '
        + '(SANDBOX_AUTHZ=roles or POST /sandbox/authz); in scopes mode its device calls get 403.',
      roles: [IDENTITY_DATA_ADMIN],
    },
    {
      client_id: 'sandbox-no-cors',
      client_secret: 'demo-secret-no-cors-DO-NOT-USE-IN-PRODUCTION',
      token_endpoint_auth_method: 'client_secret_basic',
      scope: ALL_SCOPES,
      purpose: 'Worker app whose token endpoint refuses browsers, as oidc-provider\'s default clientBasedCORS does for '
        + 'confidential clients: the preflight passes, but a POST with an Origin is refused without '
        + 'Access-Control-Allow-Origin, so the app sees a CORS failure. Without an Origin (a backend, the local relay) it gets a token.',
      roles: [IDENTITY_DATA_ADMIN],
      cors: false,
    },
    {
      client_id: 'sandbox-opaque',
      client_secret: 'demo-secret-opaque-DO-NOT-USE-IN-PRODUCTION',
      token_endpoint_auth_method: 'client_secret_basic',
      scope: ALL_SCOPES,
      purpose: 'Worker app with every p1:* scope whose access tokens are opaque: introspect them at /as/introspect '
        + '(RFC 7662) and revoke them at /as/revoke (RFC 7009); the PingOne API accepts them by introspecting them.',
      roles: [IDENTITY_DATA_ADMIN],
      access_token_format: 'opaque',
    },
    {
      client_id: 'sandbox-dpop',
      client_secret: 'demo-secret-dpop-DO-NOT-USE-IN-PRODUCTION',
      token_endpoint_auth_method: 'client_secret_basic',
      scope: ALL_SCOPES,
      purpose: 'Worker app with every p1:* scope that must prove possession of a key (RFC 9449): token requests '
        + 'need a DPoP proof (the first answer is use_dpop_nonce), tokens are bound with cnf.jkt, and the APIs '
        + 'want Authorization: DPoP plus a proof with ath.',
      roles: [IDENTITY_DATA_ADMIN],
      dpop_bound_access_tokens: true,
    },
    ...(mtls ? mtlsDemoClients(mtls) : []),
  ];
}

/**
 * The oidc-provider client metadata for an entry. `scope` is deliberately left out: oidc-provider would answer
 * `invalid_scope` when a client asks for more than it has, whereas the sandbox down-scopes silently (see authServer.js).
 * @param {ClientEntry} entry
 */
export function toProviderMetadata(entry) {
  return {
    client_id: entry.client_id,
    ...(entry.client_secret === undefined ? {} : { client_secret: entry.client_secret }),
    ...(entry.jwks === undefined ? {} : { jwks: entry.jwks }),
    token_endpoint_auth_method: entry.token_endpoint_auth_method,
    ...(entry.tls_client_auth_subject_dn === undefined ? {} : { tls_client_auth_subject_dn: entry.tls_client_auth_subject_dn }),
    ...(entry.tls_client_certificate_bound_access_tokens ? { tls_client_certificate_bound_access_tokens: true } : {}),
    ...(entry.dpop_bound_access_tokens ? { dpop_bound_access_tokens: true } : {}),
    grant_types: ['client_credentials'],
    response_types: [],
    redirect_uris: [],
  };
}

/**
 * The public description of a client, as listed by `GET /sandbox/info` (demo credentials included on purpose).
 * @param {ClientEntry} entry
 * @param {{ mtlsTokenEndpoint?: string }} [endpoints]  where certificate clients send their token requests
 */
export function describeClient(entry, { mtlsTokenEndpoint } = {}) {
  return {
    client_id: entry.client_id,
    ...(entry.client_secret === undefined ? {} : { client_secret: entry.client_secret }),
    token_endpoint_auth_method: entry.token_endpoint_auth_method,
    scope: entry.scope,
    purpose: entry.purpose,
    roles: [...entry.roles],
    provider: 'pingone',
    ...(entry.jwks === undefined ? {} : { jwks: entry.jwks }),
    ...(entry.private_key_pem === undefined ? {} : { private_key_pem: entry.private_key_pem }),
    ...(entry.token_ttl === undefined ? {} : { token_ttl: entry.token_ttl }),
    ...(entry.tls_client_auth_subject_dn === undefined ? {} : { tls_client_auth_subject_dn: entry.tls_client_auth_subject_dn }),
    ...(entry.tls_client_certificate_bound_access_tokens ? { tls_client_certificate_bound_access_tokens: true } : {}),
    ...(entry.certificate === undefined ? {} : { ...entry.certificate, mtls_token_endpoint: mtlsTokenEndpoint }),
    ...(entry.cors === false ? { cors: false } : {}),
    ...(entry.access_token_format === undefined ? {} : { access_token_format: entry.access_token_format }),
    ...(entry.dpop_bound_access_tokens ? { dpop_bound_access_tokens: true } : {}),
    ...(entry.client_assertion_audience === undefined ? {} : { client_assertion_audience: entry.client_assertion_audience }),
  };
}

/**
 * In-memory client registry, seeded with the demo clients; `reset()` drops runtime registrations.
 * @param {MtlsDemoMaterial} [mtls]  registers the certificate clients too
 */
export function createClientRegistry(mtls) {
  /** @type {Map<string, ClientEntry>} */
  const entries = new Map();
  const seededIds = new Set();

  function seed() {
    entries.clear();
    for (const entry of demoClients(mtls)) {
      entries.set(entry.client_id, entry);
      seededIds.add(entry.client_id);
    }
  }
  seed();

  return {
    /** @param {string} clientId @returns {ClientEntry | undefined} */
    get: (clientId) => entries.get(clientId),
    /** @returns {ClientEntry[]} */
    list: () => [...entries.values()],
    /** @param {string} clientId */
    isSeeded: (clientId) => seededIds.has(clientId),
    /** The seeded demo clients (fixed for the registry's lifetime: they cannot be overwritten). @returns {ClientEntry[]} */
    seeded: () => [...seededIds].map((clientId) => entries.get(clientId)),
    /**
     * Adds or replaces a runtime client; a new one over MAX_RUNTIME_CLIENTS is refused (409, see limitReached).
     * @param {ClientEntry} entry
     */
    put(entry) {
      if (!entries.has(entry.client_id) && entries.size - seededIds.size >= MAX_RUNTIME_CLIENTS) {
        throw limitReached(`the sandbox holds at most ${MAX_RUNTIME_CLIENTS} registered clients; POST /sandbox/reset first`);
      }
      entries.set(entry.client_id, entry);
    },
    /** The p1:* scopes a client may be granted (empty for unknown clients). @param {string} clientId */
    allowedScopes: (clientId) => (entries.get(clientId)?.scope ?? '').split(' ').filter(Boolean),
    /** The client's own access-token lifetime in seconds, if it registered one. @param {string} clientId */
    tokenTtl: (clientId) => entries.get(clientId)?.token_ttl,
    /** False when browsers may not call the token endpoint for this client (no ACAO). @param {string} clientId */
    allowsCors: (clientId) => entries.get(clientId)?.cors !== false,
    /** True when the client's access tokens are opaque (introspectable) instead of JWTs. @param {string} clientId */
    opaqueTokens: (clientId) => entries.get(clientId)?.access_token_format === 'opaque',
    /** True when the client's assertions must name only the issuer as aud. @param {string} clientId */
    issuerOnlyAudience: (clientId) => entries.get(clientId)?.client_assertion_audience === 'issuer',
    /** Role names assigned to a client (empty for unknown clients). @param {string} clientId */
    roles: (clientId) => [...(entries.get(clientId)?.roles ?? [])],
    reset: seed,
  };
}
