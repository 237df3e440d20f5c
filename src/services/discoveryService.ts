// Authorization server discovery: OIDC / RFC 8414 metadata, parsed leniently because real servers advertise badly.
import * as z from '../utils/zod';
import { DEFAULT_TIMEOUT_MS } from '../config/defaults';
import { effects } from '../utils/effects';
import { InputError, PlaygroundError } from '../utils/errors';
import { fetchWithTimeout } from '../utils/http';
import { readJsonBody } from '../utils/secureJson';
import { validateEndpointUrl } from '../utils/urlValidation';

const OIDC_SUFFIX = '/.well-known/openid-configuration';
const OAUTH_SUFFIX = '/.well-known/oauth-authorization-server';

/** The metadata the playground uses; `token_endpoint_auth_methods_supported` is defaulted when absent. */
export interface DiscoveryMetadata {
  issuer?: string;
  token_endpoint: string;
  jwks_uri?: string;
  token_endpoint_auth_methods_supported: string[];
  token_endpoint_auth_signing_alg_values_supported?: string[];
  grant_types_supported?: string[];
  scopes_supported?: string[];
  /**
   * RFC 8705 §5: the endpoints to use with mutual TLS (the mTLS listener), by metadata name; only usable URLs kept.
   * @see https://www.rfc-editor.org/rfc/rfc8705#section-5
   */
  mtls_endpoint_aliases?: Record<string, string>;
  /** RFC 8705 §3.3: whether the server binds access tokens to the client certificate. */
  tls_client_certificate_bound_access_tokens?: boolean;
  /** RFC 8414 §2 (RFC 7662): where tokens are introspected, and with which client authentication. */
  introspection_endpoint?: string;
  introspection_endpoint_auth_methods_supported?: string[];
  /** RFC 8414 §2 (RFC 7009): where tokens are revoked, and with which client authentication. */
  revocation_endpoint?: string;
  revocation_endpoint_auth_methods_supported?: string[];
  /** RFC 9449 §5.1: the DPoP proof algorithms the server accepts; absent = no DPoP. */
  dpop_signing_alg_values_supported?: string[];
}

export interface DiscoveryResult {
  metadata: DiscoveryMetadata;
  /** What the server left out or got wrong, and what the playground assumed instead. */
  warnings: string[];
  /** The URL the document came from. */
  fetchedFrom: string;
}

export interface DiscoveryService {
  /** `input` is an issuer or a full discovery URL. Cached per input for `ttlMs`. */
  discover(input: string): Promise<DiscoveryResult>;
  clear(): void;
}

/** Fetch, clock and logger come from `effects()`. */
export interface DiscoveryServiceOptions {
  /** Cache lifetime, default 5 minutes. */
  ttlMs?: number;
  /** Per-URL time until response headers, default {@link DEFAULT_TIMEOUT_MS}. */
  timeoutMs?: number;
}

// Built on the first discovery, not at import (issue 24: page-load main thread; see lazySchema).
const stringList = z.lazySchema(() => z.array(z.string()));
const OPTIONAL_LISTS = [
  'token_endpoint_auth_methods_supported',
  'token_endpoint_auth_signing_alg_values_supported',
  'grant_types_supported',
  'scopes_supported',
  'introspection_endpoint_auth_methods_supported',
  'revocation_endpoint_auth_methods_supported',
  'dpop_signing_alg_values_supported',
] as const;

/**
 * Discovery URLs to try for an input, in order. A URL that already points into `/.well-known/` is used as is.
 * For an issuer: the OIDC form (appended), then RFC 8414's form (inserted before the issuer's path), then the
 * appended RFC 8414 form some servers use instead.
 * @see https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfig
 * @see https://www.rfc-editor.org/rfc/rfc8414#section-3.1
 */
export function discoveryCandidates(input: string): string[] {
  const url = validateEndpointUrl(input, 'issuerOrDiscoveryUrl');
  if (url.pathname.includes('/.well-known/')) return [url.href];
  if (url.search !== '') throw new InputError('issuerOrDiscoveryUrl', 'An issuer URL has no query string (RFC 8414 §2).');
  const path = url.pathname.replace(/\/+$/, '');
  const candidates = [
    `${url.origin}${path}${OIDC_SUFFIX}`,
    `${url.origin}${OAUTH_SUFFIX}${path}`,
    `${url.origin}${path}${OAUTH_SUFFIX}`,
  ];
  return [...new Set(candidates)];
}

/** RFC 8705 §5 aliases (each a usable URL, else left out with a warning) and §3.3's binding flag. */
function readMtlsMetadata(raw: Record<string, unknown>, metadata: DiscoveryMetadata, warnings: string[]): void {
  if (typeof raw.tls_client_certificate_bound_access_tokens === 'boolean') {
    metadata.tls_client_certificate_bound_access_tokens = raw.tls_client_certificate_bound_access_tokens;
  }
  const aliases = raw.mtls_endpoint_aliases;
  if (aliases === undefined) return;
  if (aliases === null || typeof aliases !== 'object' || Array.isArray(aliases)) {
    warnings.push('mtls_endpoint_aliases is not a JSON object; ignored.');
    return;
  }
  const usable: Record<string, string> = {};
  for (const [name, value] of Object.entries(aliases as Record<string, unknown>)) {
    try {
      usable[name] = validateEndpointUrl(String(value), 'tokenEndpoint').href;
    } catch {
      warnings.push(`mtls_endpoint_aliases.${name} is not a usable URL; ignored.`);
    }
  }
  metadata.mtls_endpoint_aliases = usable;
}

/** Field-by-field lenient parse: only a usable token_endpoint is required. */
export function parseDiscoveryDocument(doc: unknown, expectedIssuer?: string): { metadata: DiscoveryMetadata; warnings: string[] } {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new PlaygroundError('DISCOVERY_ERROR', 'The discovery document is not a JSON object.');
  }
  const raw = doc as Record<string, unknown>;
  const warnings: string[] = [];

  const tokenEndpoint = z.string().safeParse(raw.token_endpoint);
  if (!tokenEndpoint.success) {
    throw new PlaygroundError('DISCOVERY_ERROR', 'The discovery document has no token_endpoint; enter the token endpoint directly.');
  }
  try {
    validateEndpointUrl(tokenEndpoint.data, 'tokenEndpoint');
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new PlaygroundError('DISCOVERY_ERROR', `The advertised token_endpoint is not usable: ${reason}`, { cause });
  }
  const metadata: DiscoveryMetadata = { token_endpoint: tokenEndpoint.data, token_endpoint_auth_methods_supported: [] };

  const issuer = z.string().safeParse(raw.issuer);
  if (issuer.success) {
    metadata.issuer = issuer.data;
    if (expectedIssuer && issuer.data.replace(/\/+$/, '') !== expectedIssuer.replace(/\/+$/, '')) {
      warnings.push(`The document's issuer (${issuer.data}) differs from the one entered (${expectedIssuer}); RFC 8414 §3.3 requires them to match.`);
    }
  } else if (raw.issuer !== undefined) warnings.push('issuer is not a string; ignored.');

  if (raw.jwks_uri !== undefined) {
    try {
      metadata.jwks_uri = validateEndpointUrl(String(raw.jwks_uri), 'jwksUri').href;
    } catch {
      warnings.push('jwks_uri is not a usable URL; token signatures cannot be checked against the issuer keys.');
    }
  }

  readMtlsMetadata(raw, metadata, warnings);
  for (const field of ['introspection_endpoint', 'revocation_endpoint'] as const) {
    if (raw[field] === undefined) continue;
    try {
      metadata[field] = validateEndpointUrl(String(raw[field]), field).href;
    } catch {
      warnings.push(`${field} is not a usable URL; ignored.`);
    }
  }

  for (const field of OPTIONAL_LISTS) {
    if (raw[field] === undefined) continue;
    const list = stringList().safeParse(raw[field]);
    if (list.success) metadata[field] = list.data;
    else warnings.push(`${field} is not a list of strings; ignored.`);
  }

  if (!metadata.grant_types_supported) {
    warnings.push('grant_types_supported is not advertised; assuming client_credentials may work.');
  } else if (!metadata.grant_types_supported.includes('client_credentials')) {
    warnings.push('grant_types_supported does not list client_credentials; the server may still accept it.');
  }
  if (metadata.token_endpoint_auth_methods_supported.length === 0) {
    // RFC 8414 §2: when omitted, the default is client_secret_basic.
    metadata.token_endpoint_auth_methods_supported = ['client_secret_basic'];
    warnings.push('token_endpoint_auth_methods_supported is not advertised; assuming client_secret_basic (RFC 8414 default).');
  }
  return { metadata, warnings };
}

const log = () => effects().logger.child('discovery');

/** One candidate URL: the result, or undefined when an issuer-derived URL answers 404 (try the next one). */
async function fetchOne(url: string, issuer: string | undefined, timeoutMs: number): Promise<DiscoveryResult | undefined> {
  // NETWORK / TIMEOUT come typed from the one HTTP seam.
  const response = await fetchWithTimeout(url, { headers: { Accept: 'application/json' } }, { timeoutMs, peer: `discovery at ${url}` });
  if (response.status === 404 && issuer !== undefined) {
    log().debug(`no discovery document at ${url}`);
    return undefined;
  }
  if (!response.ok) {
    throw new PlaygroundError('DISCOVERY_ERROR', `Discovery at ${url} answered HTTP ${response.status}.`, { status: response.status });
  }
  let body: Awaited<ReturnType<typeof readJsonBody>>;
  try {
    body = await readJsonBody(response);
  } catch (cause) {
    throw new PlaygroundError('NETWORK', `The connection dropped while reading ${url}.`, { cause });
  }
  if (!body.ok) {
    const why = body.reason === 'too_large' ? 'is too large' : 'is not valid JSON';
    throw new PlaygroundError('DISCOVERY_ERROR', `The discovery document at ${url} ${why}.`, { status: response.status });
  }
  const { metadata, warnings } = parseDiscoveryDocument(body.value, issuer);
  log().info(`discovered token_endpoint=${metadata.token_endpoint}`, { fetchedFrom: url });
  for (const warning of warnings) log().warn(warning);
  return { metadata, warnings, fetchedFrom: url };
}

/** Creates a discovery client with a per-input cache (in-flight lookups are shared too). */
export function createDiscoveryService(options: DiscoveryServiceOptions = {}): DiscoveryService {
  const ttlMs = options.ttlMs ?? 5 * 60_000;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const cache = new Map<string, { at: number; result: Promise<DiscoveryResult> }>();

  async function load(input: string): Promise<DiscoveryResult> {
    const candidates = discoveryCandidates(input);
    const isIssuer = !new URL(input).pathname.includes('/.well-known/');
    for (const url of candidates) {
      const result = await fetchOne(url, isIssuer ? input : undefined, timeoutMs);
      if (result) return result;
    }
    throw new PlaygroundError('DISCOVERY_ERROR', `No discovery document found (tried ${candidates.join(', ')}).`, { status: 404 });
  }

  return {
    discover(input) {
      const key = typeof input === 'string' ? input.trim() : '';
      const hit = cache.get(key);
      const now = effects().clock.now();
      if (hit && now - hit.at < ttlMs) return hit.result;
      const result = load(key);
      cache.set(key, { at: now, result });
      // Failures are not cached: the user will fix the URL or start the server and try again.
      result.catch(() => {
        if (cache.get(key)?.result === result) cache.delete(key);
      });
      return result;
    },
    clear() {
      cache.clear();
    },
  };
}
