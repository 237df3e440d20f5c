// The app's auth stores wired together, made once per app: one TokenCache, token storage, history, credentials
// (secrets, signing keys), the DPoP key, the relay's pasted certificate, the provider in use, and one sign-out that
// purges all of it in every tab.
import type { AuthMethod, TokenCacheKeyParts, TokenRecord } from '../types/token';
import { deleteRelayCredential } from '../services/relayAdmin';
import { createCredentialManager, type CredentialManager } from '../utils/credentialManager';
import { effects } from '../utils/effects';
import { InputError } from '../utils/errors';
import { createKeyStore } from '../utils/keyStore';
import { createListenerSet } from '../utils/listeners';
import type { Logger } from '../utils/logger';
import { webStorage, type KeyValueStorage } from '../utils/storage';
import { TokenCache, type TokenCacheKeyInput } from '../utils/tokenCache';
import { keyPartsOf } from '../utils/tokenCacheKey';
import { createTokenHistory, type TokenHistory } from '../utils/tokenHistory';
import { createTokenStorage, storedKeyParts, type TokenStorage } from '../utils/tokenStorage';
import { createDpopStore, type DpopStore } from './dpopStore';
import { createProviderIdentityStore, type ProviderIdentityStore } from './providerIdentity';
import { createRelayCredentialStore, type HeldRelayCredential, type RelayCredentialStore } from './relayCredentialStore';
import { NO_BROADCAST, type SessionBroadcast } from './sessionBroadcast';
import { persistToken, purgeFlowProgress, restoreSavedTokens, type SaveTokenMeta } from './tokenPersistence';

export { FLOW_PROGRESS_PREFIX, type SaveTokenMeta } from './tokenPersistence';

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

export interface AuthStores {
  cache: TokenCache;
  tokenStorage: TokenStorage;
  credentialManager: CredentialManager;
  history: TokenHistory;
  logger: Logger;
  dpop: DpopStore;
  identity: ProviderIdentityStore;
  relayCredential: RelayCredentialStore;
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
  /** Forgets the relay's pasted certificate here and asks the relay to drop it (best effort). */
  forgetRelayCredential(): Promise<void>;
  /** Epoch ms of the last revocation, or null (also after a new token or a sign-out). */
  revokedAt(): number | null;
  subscribeRevocation(listener: () => void): () => void;
  /**
   * Purges every token, secret, signing key, the DPoP key and nonces, history, flow progress, the relay's pasted
   * certificate (the relay is asked to drop it) and the provider identity; then counts a new session. Other tabs of
   * the app do the same.
   */
  signOut(): Promise<void>;
  /** Increments on every sign-out (here or in another tab): flows start a new session on it. */
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
  /** How sign-out reaches the app's other tabs (the app gives a BroadcastChannel, sessionBroadcast.ts); default: it does not. */
  broadcast?: SessionBroadcast;
  /** Asks the relay to drop a pasted certificate (default: `DELETE /credentials/:id`, best effort). */
  forgetRelayCredential?: (held: HeldRelayCredential) => Promise<void>;
}

/** The stores the options do not supply, over session storage (tokens, history), the remembered secrets and one key store. */
function baseStoresFor(options: AuthStoresOptions) {
  const given = options.sessionStorage;
  const session = given ? () => given : webStorage('sessionStorage');
  const keyStore = createKeyStore(options.indexedDB ? { indexedDB: options.indexedDB } : {});
  return {
    session,
    tokenStorage: options.tokenStorage ?? createTokenStorage({ storage: session }),
    history: options.history ?? createTokenHistory({ storage: session }),
    credentialManager: createCredentialManager({ rememberStorage: options.localStorage, keyStore }),
    // The DPoP key sits in the same key store, so the credential manager's purge removes it too.
    dpop: createDpopStore(keyStore),
    identity: createProviderIdentityStore(),
    relayCredential: createRelayCredentialStore(),
  };
}

/** A value with listeners, for the revocation time and the session epoch. */
function observable<T>(initial: T) {
  let value = initial;
  const listeners = createListenerSet();
  return {
    get: () => value,
    set(next: T) {
      if (Object.is(value, next)) return;
      value = next;
      listeners.notify();
    },
    subscribe: listeners.subscribe,
  };
}

const forgetAtRelay = (held: HeldRelayCredential) => deleteRelayCredential(held.relayUrl, held.credential.credentialId);

/**
 * Creates the stores and restores every token saved before a reload into the cache (TTLs continue from the
 * absolute expiry). Nothing here captures browser globals at import time; clock and logger come from `effects()`.
 */
export function createAuthStores(options: AuthStoresOptions = {}): AuthStores {
  const log = effects().logger.child('CC');
  const stores = baseStoresFor(options);
  const { session, tokenStorage, history, credentialManager, dpop, identity, relayCredential } = stores;
  let source: TokenSource | null = null;
  const epoch = observable(0);
  const revokedAt = observable<number | null>(null);
  const broadcast = options.broadcast ?? NO_BROADCAST;
  /** Counts sign-outs and revocations: a token whose writes wait for its fingerprint is kept only if none came. */
  let forgets = 0;
  const keptFrom = () => {
    const at = forgets;
    return () => forgets === at;
  };

  const cache = new TokenCache({
    proactiveRefreshSeconds: options.proactiveRefreshSeconds,
    async fetchToken(parts, signal) {
      const current = source;
      if (!current) {
        throw new InputError('tokenSource', 'No token source yet: get a token in the Client Credentials flow first.');
      }
      const record = await current.fetch(parts, signal);
      // The key parts are the stored metadata (storedKeyParts reads them back after a reload).
      const meta: SaveTokenMeta = { ...parts, scope: [...parts.scope], authMethod: current.authMethod, issuer: current.issuer };
      await persistToken(stores, record, meta, keptFrom());
      return record;
    },
  });
  restoreSavedTokens(tokenStorage, cache, log);

  async function forgetRelayCredential(): Promise<void> {
    const held = relayCredential.getSnapshot();
    relayCredential.hold(undefined);
    if (held) await (options.forgetRelayCredential ?? forgetAtRelay)(held).catch(() => undefined);
  }

  /** Everything this tab holds; the relay and IndexedDB are asked by the tab that signed out. */
  async function purge(): Promise<void> {
    forgets += 1;
    source = null;
    revokedAt.set(null);
    cache.clear();
    tokenStorage.clear();
    history.clear();
    purgeFlowProgress(session);
    identity.forget();
    await forgetRelayCredential();
    await dpop.forget();
    await credentialManager.purgeAll();
    epoch.set(epoch.get() + 1);
  }

  broadcast.listen(() => {
    void purge().then(() => log.info('signed out in another tab: this tab purged too'));
  });

  return {
    ...stores,
    cache,
    logger: log,
    setTokenSource(next) {
      source = next;
      if (next?.proactiveRefreshSeconds !== undefined) cache.setProactiveRefreshSeconds(next.proactiveRefreshSeconds);
    },
    async saveToken(record, meta) {
      revokedAt.set(null);
      cache.set(storedKeyParts(meta), record);
      await persistToken(stores, record, meta, keptFrom());
    },
    recordFailure(meta, errorCode) {
      // A failed request has no token, so its entry has no fingerprint and no expiry.
      history.add({ status: 'error', errorCode, clientId: meta.clientId, authMethod: meta.authMethod, scope: meta.scope?.join(' '), obtainedAt: effects().clock.now() });
    },
    revokeToken(parts) {
      forgets += 1;
      cache.invalidate(parts);
      // Only this key's token: the other profiles' tokens were not revoked.
      tokenStorage.remove('client_credentials', keyPartsOf(parts));
      log.info('token revoked: removed from the cache and session storage');
      revokedAt.set(effects().clock.now());
    },
    forgetRelayCredential,
    revokedAt: revokedAt.get,
    subscribeRevocation: revokedAt.subscribe,
    async signOut() {
      await purge();
      broadcast.post({ type: 'signed-out' });
      log.info('signed out: tokens, secrets, keys, DPoP key, relay certificate, history and flow progress purged');
    },
    sessionEpoch: epoch.get,
    subscribeSession: epoch.subscribe,
  };
}
