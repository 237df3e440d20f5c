// Client credentials held by the playground: secrets in memory (persisted only on opt-in) and signing keys in IndexedDB.
import type { Clock } from './clock';
import { effects } from './effects';
import { InputError } from './errors';
import { isDpopKeyRecord } from './dpopKey';
import { createKeyStore, type KeyStore, type StoredKeyRecord } from './keyStore';
import type { SigningKey } from './keys';
import type { X509Thumbprints } from './x509Thumbprint';
import { createSafeStorage, storageKeysWithPrefix, webStorage, type KeyValueStorage, type SafeStorage, type StorageWriteResult } from './storage';

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
  /**
   * Persists a key under its RFC 7638 thumbprint, so saving the same key twice replaces it; a certificate
   * credential's key keeps its certificate's thumbprints with it.
   */
  saveKey(key: SigningKey, label?: string, certificate?: X509Thumbprints): Promise<StoredKeyRecord>;
  loadKeys(): Promise<StoredKeyRecord[]>;
  deleteKey(id: string): Promise<void>;
  /** Sign-out: forgets every secret (memory and device) and deletes every stored key. */
  purgeAll(): Promise<void>;
}

export interface CredentialManagerOptions {
  keyStore?: KeyStore;
  /** Where remembered secrets go. Default: localStorage, looked up on use. */
  rememberStorage?: KeyValueStorage;
}

const defaultLocalStorage = webStorage('localStorage');

function requireClientId(clientId: string): string {
  if (typeof clientId !== 'string' || clientId.trim() === '') throw new InputError('clientId', 'Client ID is required.');
  return clientId;
}

/** Where secrets live: memory for the page's lifetime, and the opt-in device storage behind it. */
interface SecretPlaces {
  memory: Map<string, string>;
  remembered: SafeStorage;
  /** The device storage itself, looked up on use, for enumerating remembered keys. */
  getRemember: () => KeyValueStorage | null;
}

const rememberedKeyOf = (clientId: string) => REMEMBERED_SECRET_PREFIX + clientId;

function forgetSecretIn(places: SecretPlaces, clientId: string): void {
  places.memory.delete(clientId);
  places.remembered.removeItem(rememberedKeyOf(clientId));
}

function setSecretIn(places: SecretPlaces, clientId: string, secret: string, remember: boolean): StorageWriteResult {
  requireClientId(clientId);
  if (secret === '') {
    forgetSecretIn(places, clientId);
    return { ok: true };
  }
  places.memory.set(clientId, secret);
  if (!remember) {
    // Un-ticking "remember on this device" must also take the stored copy away.
    places.remembered.removeItem(rememberedKeyOf(clientId));
    return { ok: true };
  }
  // The user's explicit opt-in ("remember on this device"): only then does a secret leave memory, and it is
  // stored as-is — obfuscation would promise a protection that script-readable storage cannot give.
  return places.remembered.setItem(rememberedKeyOf(clientId), secret);
}

function readRemembered(places: SecretPlaces, clientId: string): string | undefined {
  const stored = places.remembered.getItem(rememberedKeyOf(clientId));
  return stored === null || stored === '' ? undefined : stored;
}

function getSecretIn(places: SecretPlaces, clientId: string): string | undefined {
  const inMemory = places.memory.get(clientId);
  if (inMemory !== undefined) return inMemory;
  const stored = readRemembered(places, clientId);
  if (stored !== undefined) places.memory.set(clientId, stored);
  return stored;
}

/** Removes every remembered secret from the device; with `alsoMemory`, forgets the in-memory copies too. */
function forgetRememberedIn(places: SecretPlaces, alsoMemory: boolean): void {
  // Known client IDs first (covers storages that cannot be enumerated), then anything else under the prefix.
  for (const clientId of [...places.memory.keys()]) {
    if (alsoMemory) forgetSecretIn(places, clientId);
    else places.remembered.removeItem(rememberedKeyOf(clientId));
  }
  for (const key of storageKeysWithPrefix(places.getRemember, REMEMBERED_SECRET_PREFIX)) places.remembered.removeItem(key);
}

function keyRecordOf(key: SigningKey, label: string | undefined, clock: Clock, certificate?: X509Thumbprints): StoredKeyRecord {
  const record: StoredKeyRecord = { id: key.thumbprint, key, createdAt: clock.now() };
  if (label !== undefined && label.trim() !== '') record.label = label.trim();
  if (certificate) record.certificate = certificate;
  return record;
}

/** Creates the credential manager. Nothing here ever logs a secret or puts it anywhere but the chosen storage. */
export function createCredentialManager(options: CredentialManagerOptions = {}): CredentialManager {
  const getRemember = () => options.rememberStorage ?? defaultLocalStorage();
  const places: SecretPlaces = { memory: new Map(), remembered: createSafeStorage(getRemember), getRemember };
  let keyStore = options.keyStore;
  const keys = () => (keyStore ??= createKeyStore());

  return {
    setSecret: (clientId, secret, { remember }) => setSecretIn(places, clientId, secret, remember),
    holdSecret(clientId, secret) {
      requireClientId(clientId);
      if (secret === '') places.memory.delete(clientId);
      else places.memory.set(clientId, secret);
    },
    getSecret: (clientId) => getSecretIn(places, clientId),
    forgetSecret: (clientId) => forgetSecretIn(places, clientId),
    hasRememberedSecret: (clientId) => readRemembered(places, clientId) !== undefined,
    forgetRememberedSecrets: () => forgetRememberedIn(places, false),
    async saveKey(key, label, certificate) {
      const record = keyRecordOf(key, label, effects().clock, certificate);
      await keys().put(record);
      return record;
    },
    // The DPoP key shares the store (one kind of key record) but is not a private_key_jwt signing key.
    loadKeys: async () => (await keys().list()).filter((record) => !isDpopKeyRecord(record)),
    deleteKey: (id) => keys().delete(id),
    async purgeAll() {
      forgetRememberedIn(places, true);
      await keys().clear();
    },
  };
}
