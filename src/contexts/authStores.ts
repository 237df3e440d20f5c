// The app's token-related stores wired together: one TokenCache, token storage, history, credentials, logger.
import type { AuthMethod, TokenCacheKeyParts, TokenRecord } from '../types/token';
import { createCredentialManager, type CredentialManager } from '../utils/credentialManager';
import { InputError } from '../utils/errors';
import { createListenerSet } from '../utils/listeners';
import { createKeyStore } from '../utils/keyStore';
import { tokenFingerprint } from '../utils/fingerprint';
import { effects } from '../utils/effects';
import type { Logger } from '../utils/logger';
import { createSafeStorage, storageKeysWithPrefix, webStorage, type KeyValueStorage } from '../utils/storage';
import { TokenCache, type TokenCacheKeyInput } from '../utils/tokenCache';
import { createTokenHistory, type TokenHistory } from '../utils/tokenHistory';
import { createTokenStorage, type StoredTokenMeta, type TokenStorage } from '../utils/tokenStorage';

/** sessionStorage keys under this prefix hold flow progress; sign-out removes them all. */
export const FLOW_PROGRESS_PREFIX = 'm2m-playground:flow:';

/**
 * How the cache obtains a token for a key when nobody handed it one: the flow registers this after a successful
 * `Get token`, so proactive refresh and `getM2MToken` re-run the same request (with a fresh assertion).
 */
export interface TokenSource {
  authMethod: AuthMethod;
  issuer?: string;
  /** The user's "Proactive refresh" setting, applied to the cache when the source is registered. */
  proactiveRefreshSeconds?: number;
  fetch(parts: TokenCacheKeyParts, signal?: AbortSignal): Promise<TokenRecord>;
}

/** What `saveToken` needs besides the record: the cache key parts and how the token was obtained. */
export interface SaveTokenMeta extends StoredTokenMeta {
  authMethod: AuthMethod;
}

export interface AuthStores {
  cache: TokenCache;
  tokenStorage: TokenStorage;
  credentialManager: CredentialManager;
  history: TokenHistory;
  logger: Logger;
  setTokenSource(source: TokenSource | null): void;
  /** Storage + cache + history, for a token obtained by an explicit request. */
  saveToken(record: TokenRecord, meta: SaveTokenMeta): Promise<void>;
  /** History, for a token request that failed: what was asked for and the OAuth error or error code. */
  recordFailure(meta: SaveTokenMeta, errorCode: string): void;
  /**
   * The server revoked the token (RFC 7009): it leaves the cache (no refresh either) and this tab's storage, and
   * {@link revokedAt} says so until the next token is saved.
   */
  revokeToken(parts: TokenCacheKeyInput): void;
  /** Epoch ms of the last revocation, or null (also after a new token or a sign-out). */
  revokedAt(): number | null;
  subscribeRevocation(listener: () => void): () => void;
  /** Purges every token, secret, key, history entry and the flow progress, then counts a new session. */
  signOut(): Promise<void>;
  /**
   * Increments on every sign-out. Kept here, not in React state, so every provider over these stores (the status
   * bar's and the flow's) sees the same session.
   */
  sessionEpoch(): number;
  subscribeSession(listener: () => void): () => void;
}

export interface AuthStoresOptions {
  /** Default: sessionStorage (tokens, history, flow progress). */
  sessionStorage?: KeyValueStorage;
  /** Default: localStorage (only remembered secrets, on opt-in). */
  localStorage?: KeyValueStorage;
  indexedDB?: IDBFactory;
  proactiveRefreshSeconds?: number;
  tokenStorage?: TokenStorage;
  history?: TokenHistory;
  credentialManager?: CredentialManager;
}

function partsOf(meta: StoredTokenMeta): TokenCacheKeyParts {
  const parts: TokenCacheKeyParts = { clientId: meta.clientId, env: meta.env, scope: meta.scope ?? [] };
  if (meta.audience) parts.audience = meta.audience;
  if (meta.resource) parts.resource = meta.resource;
  if (meta.jkt) parts.jkt = meta.jkt;
  return parts;
}

/** The stores the options do not supply, over session storage (tokens, history) and the remembered secrets. */
function baseStoresFor(options: AuthStoresOptions) {
  const given = options.sessionStorage;
  const session = given ? () => given : webStorage('sessionStorage');
  const tokenStorage = options.tokenStorage ?? createTokenStorage({ storage: session });
  const history = options.history ?? createTokenHistory({ storage: session });
  const credentialManager = options.credentialManager ?? createCredentialManager({
    rememberStorage: options.localStorage,
    keyStore: options.indexedDB ? createKeyStore({ indexedDB: options.indexedDB }) : undefined,
  });
  return { session, tokenStorage, history, credentialManager };
}

/** Stores the token for a reload and records it in history by fingerprint (never the token itself). */
async function persistToken(stores: { tokenStorage: TokenStorage; history: TokenHistory }, record: TokenRecord, meta: SaveTokenMeta) {
  stores.tokenStorage.put('client_credentials', { ...record, meta });
  stores.history.add({
    fingerprint: await tokenFingerprint(record.accessToken),
    clientId: meta.clientId,
    authMethod: meta.authMethod,
    scope: record.scope,
    expAt: record.expAt,
    obtainedAt: record.obtainedAt,
    status: 'success',
  });
}

/** Puts a token saved before a reload back into the cache; its TTL continues from the absolute expiry. */
function restoreSavedToken(tokenStorage: TokenStorage, cache: TokenCache, log: Logger): void {
  const restored = tokenStorage.get('client_credentials');
  if (!restored?.meta) return;
  const { kind: _kind, meta, ...record } = restored;
  cache.set(partsOf(meta), record);
  log.info(`restored token from session exp=${new Date(record.expAt).toISOString()}`);
}

/** Removes every flow-progress key from session storage. */
function purgeFlowProgress(session: () => KeyValueStorage | null | undefined): void {
  const safe = createSafeStorage(session);
  for (const key of storageKeysWithPrefix(session, FLOW_PROGRESS_PREFIX)) safe.removeItem(key);
}

/**
 * Creates the stores and restores a token saved before a reload into the cache (TTL continues from the absolute
 * expiry). Nothing here captures browser globals at import time; clock and logger come from `effects()`.
 */
export function createAuthStores(options: AuthStoresOptions = {}): AuthStores {
  const log = effects().logger.child('CC');
  const stores = baseStoresFor(options);
  const { session, tokenStorage, history, credentialManager } = stores;
  let source: TokenSource | null = null;
  let epoch = 0;
  const sessionListeners = createListenerSet();
  let revokedAt: number | null = null;
  const revocationListeners = createListenerSet();
  const setRevoked = (at: number | null) => {
    if (revokedAt === at) return;
    revokedAt = at;
    revocationListeners.notify();
  };

  const cache = new TokenCache({
    proactiveRefreshSeconds: options.proactiveRefreshSeconds,
    async fetchToken(parts, signal) {
      const current = source;
      if (!current) {
        throw new InputError('tokenSource', 'No token source yet: get a token in the Client Credentials flow first.');
      }
      const record = await current.fetch(parts, signal);
      // The key parts are the stored metadata (partsOf reads them back after a reload).
      const meta: SaveTokenMeta = { ...parts, scope: [...parts.scope], authMethod: current.authMethod, issuer: current.issuer };
      await persistToken(stores, record, meta);
      return record;
    },
  });
  restoreSavedToken(tokenStorage, cache, log);

  return {
    cache,
    tokenStorage,
    credentialManager,
    history,
    logger: log,
    setTokenSource(next) {
      source = next;
      if (next?.proactiveRefreshSeconds !== undefined) cache.setProactiveRefreshSeconds(next.proactiveRefreshSeconds);
    },
    async saveToken(record, meta) {
      setRevoked(null);
      cache.set(partsOf(meta), record);
      await persistToken(stores, record, meta);
    },
    recordFailure(meta, errorCode) {
      // A failed request has no token, so its entry has no fingerprint and no expiry.
      history.add({ status: 'error', errorCode, clientId: meta.clientId, authMethod: meta.authMethod, scope: meta.scope?.join(' '), obtainedAt: effects().clock.now() });
    },
    revokeToken(parts) {
      cache.invalidate(parts);
      tokenStorage.clear('client_credentials');
      log.info('token revoked: removed from the cache and session storage');
      setRevoked(effects().clock.now());
    },
    revokedAt: () => revokedAt,
    subscribeRevocation: revocationListeners.subscribe,
    async signOut() {
      source = null;
      setRevoked(null);
      cache.clear();
      tokenStorage.clear();
      history.clear();
      purgeFlowProgress(session);
      await credentialManager.purgeAll();
      log.info('signed out: tokens, secrets, keys, history and flow progress purged');
      epoch += 1;
      sessionListeners.notify();
    },
    sessionEpoch: () => epoch,
    subscribeSession: sessionListeners.subscribe,
  };
}
