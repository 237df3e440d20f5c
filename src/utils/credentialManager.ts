// Client credentials held by the playground: secrets in memory (persisted only on opt-in) and signing keys in IndexedDB.
import { systemClock, type Clock } from './clock';
import { InputError } from './errors';
import { createKeyStore, type KeyStore, type StoredKeyRecord } from './keyStore';
import type { SigningKey } from './keys';
import { createSafeStorage, storageKeysWithPrefix, webStorage, type KeyValueStorage, type StorageWriteResult } from './storage';

export const REMEMBERED_SECRET_PREFIX = 'm2m-playground:secret:';

export interface CredentialManager {
  /**
   * Holds a client secret for this page's lifetime; with `remember: true` also writes it to the device.
   * An empty secret forgets it. Returns whether the remembered copy could be written.
   */
  setSecret(clientId: string, secret: string, options: { remember: boolean }): StorageWriteResult;
  /** Holds a secret in memory only (while it is being typed); a remembered copy is left as it was. */
  holdSecret(clientId: string, secret: string): void;
  getSecret(clientId: string): string | undefined;
  forgetSecret(clientId: string): void;
  hasRememberedSecret(clientId: string): boolean;
  /** Un-ticking "remember on this device": removes every remembered secret from the device, keeps memory. */
  forgetRememberedSecrets(): void;
  /** Persists a key under its RFC 7638 thumbprint, so saving the same key twice replaces it. */
  saveKey(key: SigningKey, label?: string): Promise<StoredKeyRecord>;
  loadKeys(): Promise<StoredKeyRecord[]>;
  deleteKey(id: string): Promise<void>;
  /** Sign-out: forgets every secret (memory and device) and deletes every stored key. */
  purgeAll(): Promise<void>;
}

export interface CredentialManagerOptions {
  keyStore?: KeyStore;
  /** Where remembered secrets go. Default: localStorage, looked up on use. */
  rememberStorage?: KeyValueStorage;
  /** for `createdAt` of saved keys */
  clock?: Clock;
}

const defaultLocalStorage = webStorage('localStorage');

function requireClientId(clientId: string): string {
  if (typeof clientId !== 'string' || clientId.trim() === '') throw new InputError('clientId', 'Client ID is required.');
  return clientId;
}

/** Creates the credential manager. Nothing here ever logs a secret or puts it anywhere but the chosen storage. */
export function createCredentialManager(options: CredentialManagerOptions = {}): CredentialManager {
  const memory = new Map<string, string>();
  const getRemember = () => options.rememberStorage ?? defaultLocalStorage();
  const remembered = createSafeStorage(getRemember);
  const clock = options.clock ?? systemClock;
  let keyStore = options.keyStore;
  const keys = () => (keyStore ??= createKeyStore());

  function forget(clientId: string): void {
    memory.delete(clientId);
    remembered.removeItem(REMEMBERED_SECRET_PREFIX + clientId);
  }

  return {
    setSecret(clientId, secret, { remember }) {
      requireClientId(clientId);
      if (secret === '') {
        forget(clientId);
        return { ok: true };
      }
      memory.set(clientId, secret);
      if (!remember) {
        // Un-ticking "remember on this device" must also take the stored copy away.
        remembered.removeItem(REMEMBERED_SECRET_PREFIX + clientId);
        return { ok: true };
      }
      // The user's explicit opt-in ("remember on this device"): only then does a secret leave memory, and it is
      // stored as-is — obfuscation would promise a protection that script-readable storage cannot give.
      return remembered.setItem(REMEMBERED_SECRET_PREFIX + clientId, secret);
    },

    holdSecret(clientId, secret) {
      requireClientId(clientId);
      if (secret === '') memory.delete(clientId);
      else memory.set(clientId, secret);
    },

    getSecret(clientId) {
      const inMemory = memory.get(clientId);
      if (inMemory !== undefined) return inMemory;
      const stored = remembered.getItem(REMEMBERED_SECRET_PREFIX + clientId);
      if (stored === null || stored === '') return undefined;
      memory.set(clientId, stored);
      return stored;
    },

    forgetSecret: forget,

    hasRememberedSecret(clientId) {
      const stored = remembered.getItem(REMEMBERED_SECRET_PREFIX + clientId);
      return stored !== null && stored !== '';
    },

    forgetRememberedSecrets() {
      // Known client IDs first (covers storages that cannot be enumerated), then anything else under the prefix.
      for (const clientId of memory.keys()) remembered.removeItem(REMEMBERED_SECRET_PREFIX + clientId);
      for (const key of storageKeysWithPrefix(getRemember, REMEMBERED_SECRET_PREFIX)) remembered.removeItem(key);
    },

    async saveKey(key, label) {
      const record: StoredKeyRecord = { id: key.thumbprint, key, createdAt: clock.now() };
      if (label !== undefined && label.trim() !== '') record.label = label.trim();
      await keys().put(record);
      return record;
    },

    loadKeys: () => keys().list(),

    deleteKey: (id) => keys().delete(id),

    async purgeAll() {
      // Known client IDs first (covers storages that cannot be enumerated), then anything else under the prefix.
      for (const clientId of [...memory.keys()]) forget(clientId);
      for (const key of storageKeysWithPrefix(getRemember, REMEMBERED_SECRET_PREFIX)) remembered.removeItem(key);
      await keys().clear();
    },
  };
}
