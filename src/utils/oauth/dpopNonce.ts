// DPoP server nonces (RFC 9449 §8, §9): remembered per origin, and one retry when a server asks for one.
import { OAuthResponseError } from '../errors';
import { parseJsonSafely, readTextCapped } from '../secureJson';
import { originOf } from '../urlValidation';

/** Origins remembered at most; a playground talks to a handful, so the oldest is simply forgotten. */
const MAX_ORIGINS = 32;
/** A use_dpop_nonce error body is tiny; anything larger is not one. */
const MAX_ERROR_BYTES = 16 * 1024;

/** The latest `DPoP-Nonce` each server origin gave (the token endpoint's and each API's are separate, §8, §9). */
export interface DpopNonceMemory {
  get(url: string): string | undefined;
  /** Keeps the response's `DPoP-Nonce`, if any (servers may rotate it on any response, §8.2). */
  remember(url: string, response: Response): void;
  clear(): void;
}

export function createDpopNonceMemory(): DpopNonceMemory {
  const nonces = new Map<string, string>();
  return {
    get: (url) => nonces.get(originOf(url)),
    remember(url, response) {
      const nonce = response.headers.get('dpop-nonce');
      if (nonce === null || nonce === '') return;
      const origin = originOf(url);
      nonces.delete(origin); // re-insert so the Map's order is least recently set first
      nonces.set(origin, nonce);
      if (nonces.size > MAX_ORIGINS) nonces.delete(nonces.keys().next().value as string);
    },
    clear: () => nonces.clear(),
  };
}

/** Whether a `WWW-Authenticate` value carries a DPoP challenge with `error="use_dpop_nonce"` (RFC 9449 §9). */
export function isUseDpopNonceChallenge(header: string | null): boolean {
  if (header === null || !/(^|[\s,])DPoP(\s|$)/i.test(header)) return false;
  return /(^|[\s,])error\s*=\s*"?use_dpop_nonce"?/i.test(header);
}

/**
 * Whether the response is a server asking for a nonce: a token endpoint's 400 `{"error":"use_dpop_nonce"}` (§8)
 * or a resource server's 401 with `WWW-Authenticate: DPoP error="use_dpop_nonce"` (§9). Reads a clone, so the
 * caller can still read the body.
 */
export async function isUseDpopNonce(response: Response): Promise<boolean> {
  if (response.status === 401) return isUseDpopNonceChallenge(response.headers.get('www-authenticate'));
  if (response.status !== 400) return false;
  try {
    const read = await readTextCapped(response.clone(), MAX_ERROR_BYTES);
    if (!read.ok) return false;
    const parsed = parseJsonSafely(read.text);
    return parsed.ok && (parsed.value as { error?: unknown } | null)?.error === 'use_dpop_nonce';
  } catch {
    return false; // a body that breaks off is the caller's to report, not a nonce request
  }
}

/** Why a nonce exchange failed: the server asked again after the retry, or asked without giving a nonce. */
export type DpopNonceFailure = 'nonce_loop' | 'nonce_missing';

/** A `use_dpop_nonce` that one retry cannot satisfy: a clear error instead of a retry storm. */
export class DpopNonceError extends OAuthResponseError {
  readonly reason: DpopNonceFailure;

  constructor(reason: DpopNonceFailure, response: Response) {
    const description =
      reason === 'nonce_loop'
        ? 'the server asked for a DPoP nonce again after the retry that carried its nonce; not retrying again (RFC 9449 §8)'
        : 'the server asked for a DPoP nonce but sent no DPoP-Nonce header (RFC 9449 §8 requires one)';
    super({ error: 'use_dpop_nonce', error_description: description }, response.status, { response });
    this.name = 'DpopNonceError';
    this.reason = reason;
  }
}

/** Sends one request with a fresh proof carrying `nonce` (undefined when none is known for the origin yet). */
export type DpopSend = (nonce: string | undefined) => Promise<Response>;

/**
 * Sends with the origin's remembered nonce; when the server answers `use_dpop_nonce`, sends once more with the
 * nonce it gave, and never a third time. Every response's `DPoP-Nonce` is remembered.
 * @throws DpopNonceError `nonce_missing` (no DPoP-Nonce header to retry with) or `nonce_loop` (asked again)
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-8
 */
export async function sendWithDpopNonce(url: string, send: DpopSend, memory: DpopNonceMemory): Promise<Response> {
  const first = await send(memory.get(url));
  memory.remember(url, first);
  if (!(await isUseDpopNonce(first))) return first;
  const nonce = first.headers.get('dpop-nonce');
  if (nonce === null || nonce === '') throw new DpopNonceError('nonce_missing', first);
  void first.body?.cancel().catch(() => undefined); // not awaited: the retry must not wait on the old stream

  const second = await send(nonce);
  memory.remember(url, second);
  if (await isUseDpopNonce(second)) throw new DpopNonceError('nonce_loop', second);
  return second;
}
