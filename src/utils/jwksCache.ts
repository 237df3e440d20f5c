// The issuers' key sets: each jwks_uri fetched once and reused, refetched only when a token names a key it lacks.
import { createLocalJWKSet, type JSONWebKeySet } from 'jose';
import { effects } from './effects';
import { isPlaygroundError } from './errors';
import { fetchWithTimeout } from './http';
import { readJsonBody } from './secureJson';
import { validateEndpointUrl } from './urlValidation';

/** A key set ready for `compactVerify`: jose imports each JWK once and keeps the CryptoKey with the set. */
export type LocalKeySet = ReturnType<typeof createLocalJWKSet>;

/**
 * The same defaults as jose's `createRemoteJWKSet`: a set is reused for 10 minutes, and a token naming an
 * unknown `kid` refetches it only if the cached copy is older than 30 s (so a bad token cannot make every check
 * a fetch).
 * @see https://github.com/panva/jose/blob/main/docs/jwks/remote/interfaces/RemoteJWKSetOptions.md
 */
export const JWKS_MAX_AGE_MS = 600_000;
export const JWKS_COOLDOWN_MS = 30_000;

export interface JwksCache {
  /**
   * The key set at `jwksUri`: the cached one while it is younger than {@link JWKS_MAX_AGE_MS}, else fetched
   * (concurrent callers share one fetch). A string says why there is none; failures are not cached.
   */
  get(jwksUri: string): Promise<LocalKeySet | string>;
  /**
   * For a token whose `kid` the set lacks (key rotation): fetched again unless the cached copy is younger than
   * {@link JWKS_COOLDOWN_MS}; undefined when it was not refetched.
   */
  reload(jwksUri: string): Promise<LocalKeySet | string | undefined>;
  clear(): void;
}

interface CachedSet {
  keys: LocalKeySet;
  fetchedAt: number;
}

/** Fetches and checks one JWKS through the HTTP seam; a string says what went wrong, in words for the checks list. */
async function fetchJwks(href: string): Promise<JSONWebKeySet | string> {
  let response: Response;
  try {
    response = await fetchWithTimeout(href, { headers: { accept: 'application/json' } }, { peer: 'the JWKS endpoint' });
  } catch (error) {
    if (isPlaygroundError(error) && error.code === 'TIMEOUT') return `The JWKS endpoint ${href} did not answer in time.`;
    return `Could not fetch the JWKS from ${href} (network or CORS).`;
  }
  if (!response.ok) return `The JWKS endpoint answered HTTP ${response.status}.`;
  const body = await readJsonBody(response).catch(() => null);
  const value = body?.ok ? body.value : undefined;
  if (!value || typeof value !== 'object' || !Array.isArray((value as { keys?: unknown }).keys)) {
    return 'The JWKS endpoint did not return a JSON Web Key Set.';
  }
  return value as JSONWebKeySet;
}

function hrefOf(jwksUri: string): string | { problem: string } {
  try {
    return validateEndpointUrl(jwksUri, 'jwksUri').href;
  } catch (error) {
    return { problem: error instanceof Error ? error.message : 'The JWKS URI is not a valid URL.' };
  }
}

/** A cache of key sets by JWKS URL; time comes from `effects().clock`, fetches from `effects().fetch`. */
export function createJwksCache(): JwksCache {
  const sets = new Map<string, CachedSet>();
  const pending = new Map<string, Promise<LocalKeySet | string>>();
  const age = (set: CachedSet) => effects().clock.now() - set.fetchedAt;

  function load(href: string): Promise<LocalKeySet | string> {
    const inflight = pending.get(href);
    if (inflight) return inflight;
    const started = fetchJwks(href).then((jwks) => {
      if (pending.get(href) === started) pending.delete(href);
      if (typeof jwks === 'string') return jwks;
      const keys = createLocalJWKSet(jwks);
      sets.set(href, { keys, fetchedAt: effects().clock.now() });
      return keys;
    });
    pending.set(href, started);
    return started;
  }

  return {
    async get(jwksUri) {
      const href = hrefOf(jwksUri);
      if (typeof href !== 'string') return href.problem;
      const cached = sets.get(href);
      return cached && age(cached) < JWKS_MAX_AGE_MS ? cached.keys : load(href);
    },
    async reload(jwksUri) {
      const href = hrefOf(jwksUri);
      if (typeof href !== 'string') return href.problem;
      const cached = sets.get(href);
      if (cached && age(cached) < JWKS_COOLDOWN_MS) return undefined;
      return load(href);
    },
    clear() {
      sets.clear();
      pending.clear();
    },
  };
}

/** The app's key sets (the Token step's signature checks share them across tokens). */
export const jwksCache: JwksCache = createJwksCache();
