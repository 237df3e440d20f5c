// Validation of `POST /sandbox/clients` bodies into registry entries; every failure names the field at fault.
import { randomBytes, randomUUID } from 'node:crypto';

import { AUTH_METHODS, P1_SCOPES } from './constants.js';
import { SandboxInputError, tooLarge } from './inputError.js';
import { assertPublicSigningKeys } from './publicJwk.js';

const SECRET_METHODS = new Set(['client_secret_basic', 'client_secret_post', 'client_secret_jwt']);
const CLIENT_ID_PATTERN = /^[A-Za-z0-9._~-]{1,128}$/;
// HS256 needs a key of at least 256 bits (RFC 7518 §3.2); plain secrets only need to be guessable-proof.
const MIN_SECRET_LENGTH = { client_secret_jwt: 32, default: 8 };
/** Keys in a registered JWK Set: room for rotation (old, current, next) and more, not for a key dump. */
export const MAX_JWKS_KEYS = 10;

/** @param {unknown} value */
const isPlainObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** @param {unknown} raw @returns {string} space-separated, deduplicated, only known p1:* scopes */
function parseScope(raw) {
  if (raw === undefined) throw new SandboxInputError('scope', 'scope is required (space-separated p1:* scopes, may be "")');
  let list;
  if (typeof raw === 'string') list = raw.split(/\s+/).filter(Boolean);
  else if (Array.isArray(raw) && raw.every((s) => typeof s === 'string')) list = raw;
  else throw new SandboxInputError('scope', 'scope must be a space-separated string or an array of strings');
  const unknown = list.filter((s) => !P1_SCOPES.includes(s));
  if (unknown.length > 0) {
    throw new SandboxInputError('scope', `unknown scope ${unknown.join(', ')}; allowed: ${P1_SCOPES.join(' ')}`);
  }
  return [...new Set(list)].join(' ');
}

/** @param {unknown} raw @returns {string[]} */
function parseRoles(raw) {
  if (raw === undefined) return [];
  if (!Array.isArray(raw) || !raw.every((r) => typeof r === 'string' && r.trim() !== '' && r.length <= 100)) {
    throw new SandboxInputError('roles', 'roles must be an array of role names, e.g. ["Identity Data Admin"]');
  }
  return [...new Set(raw.map((r) => r.trim()))];
}

// Short lifetimes let demos and E2E tests watch proactive refresh without waiting an hour.
const TOKEN_TTL_RANGE = { min: 5, max: 86_400 };

/** @param {unknown} raw @returns {number | undefined} seconds */
function parseTokenTtl(raw) {
  if (raw === undefined) return undefined;
  if (!Number.isInteger(raw) || raw < TOKEN_TTL_RANGE.min || raw > TOKEN_TTL_RANGE.max) {
    throw new SandboxInputError('token_ttl', `token_ttl must be a whole number of seconds from ${TOKEN_TTL_RANGE.min} to ${TOKEN_TTL_RANGE.max}`);
  }
  return raw;
}

/** @param {unknown} raw */
function parseJwks(raw) {
  if (raw === undefined) throw new SandboxInputError('jwks', 'jwks (public JWK Set) is required for private_key_jwt');
  if (!isPlainObject(raw) || !Array.isArray(raw.keys) || raw.keys.length === 0) {
    throw new SandboxInputError('jwks', 'jwks must be a JWK Set: { "keys": [ ...public JWKs ] }');
  }
  if (raw.keys.length > MAX_JWKS_KEYS) throw tooLarge('jwks', `jwks may hold at most ${MAX_JWKS_KEYS} keys`);
  assertPublicSigningKeys(raw.keys);
  return { keys: raw.keys };
}

/** @param {unknown} raw @param {string} method */
function parseSecret(raw, method) {
  if (!SECRET_METHODS.has(method)) {
    if (raw !== undefined) throw new SandboxInputError('client_secret', `client_secret is not used with ${method}`);
    return undefined;
  }
  if (raw === undefined) return randomBytes(32).toString('base64url');
  const min = MIN_SECRET_LENGTH[method] ?? MIN_SECRET_LENGTH.default;
  if (typeof raw !== 'string' || raw.length < min || raw.length > 512) {
    throw new SandboxInputError('client_secret', `client_secret must be a string of ${min} to 512 characters for ${method}`);
  }
  return raw;
}

/**
 * Turns a registration body into a registry entry, generating the client ID and secret when absent.
 * @param {unknown} body  parsed JSON body
 * @param {{ isSeeded(clientId: string): boolean }} registry  demo clients cannot be overwritten
 * @returns {import('./clients.js').ClientEntry}
 * @see https://www.rfc-editor.org/rfc/rfc7591#section-2 (client metadata names)
 */
export function parseClientRegistration(body, registry) {
  if (!isPlainObject(body)) throw new SandboxInputError('body', 'the body must be a JSON object');
  const method = body.token_endpoint_auth_method;
  if (!AUTH_METHODS.includes(method)) {
    throw new SandboxInputError('token_endpoint_auth_method', `token_endpoint_auth_method must be one of ${AUTH_METHODS.join(', ')}`);
  }
  let clientId = body.client_id;
  if (clientId === undefined) clientId = randomUUID();
  else if (typeof clientId !== 'string' || !CLIENT_ID_PATTERN.test(clientId)) {
    throw new SandboxInputError('client_id', 'client_id must be 1-128 characters of A-Z a-z 0-9 . _ ~ -');
  } else if (registry.isSeeded(clientId)) {
    throw new SandboxInputError('client_id', `client_id ${clientId} is a seeded demo client; choose another`);
  }
  if (body.purpose !== undefined && (typeof body.purpose !== 'string' || body.purpose.length > 500)) {
    throw new SandboxInputError('purpose', 'purpose must be a string of at most 500 characters');
  }
  const jwks = method === 'private_key_jwt' ? parseJwks(body.jwks) : undefined;
  if (method !== 'private_key_jwt' && body.jwks !== undefined) {
    throw new SandboxInputError('jwks', `jwks is only used with private_key_jwt, not ${method}`);
  }
  const clientSecret = parseSecret(body.client_secret, method);
  const tokenTtl = parseTokenTtl(body.token_ttl);
  return {
    client_id: clientId,
    ...(clientSecret === undefined ? {} : { client_secret: clientSecret }),
    token_endpoint_auth_method: method,
    ...(jwks === undefined ? {} : { jwks }),
    scope: parseScope(body.scope),
    purpose: body.purpose ?? 'Registered at runtime through POST /sandbox/clients.',
    roles: parseRoles(body.roles),
    ...(tokenTtl === undefined ? {} : { token_ttl: tokenTtl }),
  };
}
