// A token's life in this tab's storage: saved for a reload and recorded in history (by fingerprint), put back into
// the cache after a reload, and the flow's progress keys that sign-out removes.
import type { TokenRecord } from '../types/token';
import { tokenFingerprint } from '../utils/fingerprint';
import type { Logger } from '../utils/logger';
import { createSafeStorage, storageKeysWithPrefix, type KeyValueStorage } from '../utils/storage';
import type { TokenCache } from '../utils/tokenCache';
import type { TokenHistory } from '../utils/tokenHistory';
import { storedKeyParts, type StoredTokenMeta, type TokenStorage } from '../utils/tokenStorage';
import type { AuthMethod } from '../types/token';

/** sessionStorage keys under this prefix hold flow progress; sign-out removes them all. */
export const FLOW_PROGRESS_PREFIX = 'm2m-playground:flow:';

/** What `saveToken` needs besides the record: the cache key parts and how the token was obtained. */
export interface SaveTokenMeta extends StoredTokenMeta {
  authMethod: AuthMethod;
}

/**
 * Stores the token for a reload (under its cache key) and records it in history by fingerprint (never the token
 * itself). The fingerprint is taken first: SubtleCrypto settles its promise in a task of its own (its digest method
 * "queue[s] a global task on the crypto task source" to resolve it), so both writes come after the render that shows
 * a new token instead of before it (issue 24: reading, checking and rewriting the stored list was ~0.8 ms of a click's
 * answer). `kept` is asked then: after a sign-out or revocation in between, nothing is written.
 * @see https://w3c.github.io/webcrypto/#dfn-SubtleCrypto-method-digest
 */
export async function persistToken(
  stores: { tokenStorage: TokenStorage; history: TokenHistory },
  record: TokenRecord,
  meta: SaveTokenMeta,
  kept: () => boolean,
): Promise<void> {
  const fingerprint = await tokenFingerprint(record.accessToken);
  if (!kept()) return;
  stores.tokenStorage.put('client_credentials', { ...record, meta });
  stores.history.add({
    fingerprint,
    clientId: meta.clientId,
    authMethod: meta.authMethod,
    scope: record.scope,
    expAt: record.expAt,
    obtainedAt: record.obtainedAt,
    status: 'success',
  });
}

/**
 * Puts every token saved before a reload back into the cache, each under its own key (one per profile or scope
 * set); their TTLs continue from the absolute expiry.
 */
export function restoreSavedTokens(tokenStorage: TokenStorage, cache: TokenCache, log: Logger): void {
  for (const restored of tokenStorage.list('client_credentials')) {
    const { kind: _kind, meta, ...record } = restored;
    cache.set(storedKeyParts(meta), record);
    log.info(`restored token from session exp=${new Date(record.expAt).toISOString()}`);
  }
}

/** Removes every flow-progress key from session storage. */
export function purgeFlowProgress(session: () => KeyValueStorage | null | undefined): void {
  const safe = createSafeStorage(session);
  for (const key of storageKeysWithPrefix(session, FLOW_PROGRESS_PREFIX)) safe.removeItem(key);
}

