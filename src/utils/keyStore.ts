// Signing keys in IndexedDB: the non-extractable CryptoKey itself (structured clone keeps it non-extractable).
import type { JWK } from 'jose';
import { SIGNING_ALGS, type SigningAlg } from '../types/token';
import { InputError, PlaygroundError } from './errors';
import type { SigningKey } from './keys';
import type { X509Thumbprints } from './x509Thumbprint';

export const KEY_DB_NAME = 'm2m-playground';
export const KEY_STORE_NAME = 'keys';
const DB_VERSION = 1;

export interface StoredKeyRecord {
  id: string;
  label?: string;
  key: SigningKey;
  /** epoch ms */
  createdAt: number;
  /** For a certificate credential: its certificate's thumbprints (public), which the assertion header names. */
  certificate?: X509Thumbprints;
}

export interface KeyStore {
  /** @throws PlaygroundError STORAGE_ERROR when IndexedDB is unavailable or the write fails */
  put(record: StoredKeyRecord): Promise<void>;
  get(id: string): Promise<StoredKeyRecord | undefined>;
  /** Oldest first; [] when IndexedDB is unavailable. */
  list(): Promise<StoredKeyRecord[]>;
  delete(id: string): Promise<void>;
  clear(): Promise<void>;
}

/** The row as stored: flat, so a future reader does not depend on the SigningKey interface's nesting. */
interface KeyRow {
  id: string;
  label?: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
  kid: string;
  thumbprint: string;
  alg: SigningAlg;
  createdAt: number;
  certificate?: X509Thumbprints;
}

function toRecord(row: unknown): StoredKeyRecord | undefined {
  const r = row as Partial<KeyRow> | null;
  const ok =
    r !== null && typeof r === 'object' && typeof r.id === 'string' && typeof r.kid === 'string' && typeof r.thumbprint === 'string' &&
    typeof r.createdAt === 'number' && typeof r.publicJwk === 'object' && r.publicJwk !== null &&
    (SIGNING_ALGS as readonly string[]).includes(r.alg as string) &&
    typeof r.privateKey === 'object' && r.privateKey !== null && r.privateKey.type === 'private';
  if (!ok) return undefined; // a row this version cannot use is skipped, not fatal
  const record: StoredKeyRecord = {
    id: r.id as string,
    createdAt: r.createdAt as number,
    key: {
      privateKey: r.privateKey as CryptoKey,
      publicJwk: r.publicJwk as JWK,
      kid: r.kid as string,
      thumbprint: r.thumbprint as string,
      alg: r.alg as SigningAlg,
    },
  };
  if (typeof r.label === 'string') record.label = r.label;
  const certificate = thumbprintsOf(r.certificate);
  if (certificate) record.certificate = certificate;
  return record;
}

const THUMBPRINT = /^[A-Za-z0-9_-]{16,64}$/;

/** Stored thumbprints, when both are base64url strings (anything else is read as no certificate). */
function thumbprintsOf(value: unknown): X509Thumbprints | undefined {
  const t = value as Partial<X509Thumbprints> | null | undefined;
  if (typeof t !== 'object' || t === null) return undefined;
  const { x5t, 'x5t#S256': s256 } = t;
  return typeof x5t === 'string' && typeof s256 === 'string' && THUMBPRINT.test(x5t) && THUMBPRINT.test(s256) ? { x5t, 'x5t#S256': s256 } : undefined;
}

const storageError = (message: string, cause?: unknown) => new PlaygroundError('STORAGE_ERROR', message, { cause });

/** The row for `record`, refusing anything but a non-extractable private key. */
function toRow(record: StoredKeyRecord): KeyRow {
  const { key } = record;
  if (!key || typeof key.privateKey !== 'object' || key.privateKey.type !== 'private') {
    throw new InputError('privateKey', 'Only a private signing key can be stored.');
  }
  if (key.privateKey.extractable) {
    // The whole point of storing the CryptoKey is that script can never read the key material back.
    throw new InputError('privateKey', 'Refusing to store an extractable private key; import it as non-extractable.');
  }
  const row: KeyRow = {
    id: record.id,
    privateKey: key.privateKey,
    publicJwk: key.publicJwk,
    kid: key.kid,
    thumbprint: key.thumbprint,
    alg: key.alg,
    createdAt: record.createdAt,
  };
  if (record.label !== undefined) row.label = record.label;
  if (record.certificate !== undefined) row.certificate = { x5t: record.certificate.x5t, 'x5t#S256': record.certificate['x5t#S256'] };
  return row;
}

/** Opens (creating or upgrading) the key database; `onVersionChange` runs after it is closed for another tab. */
function openKeyDatabase(getFactory: () => IDBFactory | undefined, onVersionChange: () => void): Promise<IDBDatabase> {
  return new Promise<IDBDatabase>((resolve, reject) => {
    // Looked up in here: reading `indexedDB` throws where the browser blocks storage, and that must reject.
    const factory = getFactory();
    if (!factory) throw storageError('IndexedDB is not available in this browser.');
    const request = factory.open(KEY_DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains(KEY_STORE_NAME)) {
        request.result.createObjectStore(KEY_STORE_NAME, { keyPath: 'id' });
      }
    };
    request.onsuccess = () => {
      const database = request.result;
      // Let another tab upgrade the schema instead of blocking it; we reopen on next use.
      database.onversionchange = () => {
        database.close();
        onVersionChange();
      };
      resolve(database);
    };
    request.onerror = () => reject(storageError('IndexedDB could not be opened.', request.error));
    request.onblocked = () => reject(storageError('IndexedDB is blocked by another tab of the playground.'));
  });
}

/** One request in its own transaction, settled when the transaction completes (so the write is durable). */
function runInTransaction<T>(database: IDBDatabase, mode: IDBTransactionMode, use: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let tx: IDBTransaction;
    try {
      tx = database.transaction(KEY_STORE_NAME, mode);
    } catch (cause) {
      reject(storageError('IndexedDB transaction could not start.', cause));
      return;
    }
    const request = use(tx.objectStore(KEY_STORE_NAME));
    tx.oncomplete = () => resolve(request.result);
    tx.onerror = () => reject(storageError('IndexedDB request failed.', tx.error ?? request.error));
    tx.onabort = () => reject(storageError('IndexedDB transaction was aborted.', tx.error));
  });
}

/** Opens the store over the given IDBFactory (default: the browser's, looked up on first use). */
export function createKeyStore(options: { indexedDB?: IDBFactory } = {}): KeyStore {
  let db: Promise<IDBDatabase> | null = null;

  function open(): Promise<IDBDatabase> {
    if (db) return db;
    const getFactory = () => options.indexedDB ?? (globalThis as { indexedDB?: IDBFactory }).indexedDB;
    db = openKeyDatabase(getFactory, () => {
      db = null;
    }).catch((error: unknown) => {
      db = null; // retry on next use (the user may re-enable storage)
      throw error instanceof PlaygroundError ? error : storageError('IndexedDB is not available.', error);
    });
    return db;
  }

  async function run<T>(mode: IDBTransactionMode, use: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    return runInTransaction(await open(), mode, use);
  }

  /** Reads and deletes on an unavailable database have nothing to act on: they succeed empty. */
  async function tolerant<T>(fallback: T, action: () => Promise<T>): Promise<T> {
    try {
      await open();
    } catch {
      return fallback;
    }
    return action();
  }

  return {
    async put(record) {
      const row = toRow(record);
      await run('readwrite', (store) => store.put(row));
    },
    get: (id) => tolerant(undefined, async () => toRecord(await run('readonly', (store) => store.get(id)))),
    list: () =>
      tolerant([], async () => {
        const rows = await run('readonly', (store) => store.getAll());
        return rows.map(toRecord).filter((r): r is StoredKeyRecord => r !== undefined).sort((a, b) => a.createdAt - b.createdAt);
      }),
    delete: (id) => tolerant(undefined, () => run('readwrite', (store) => store.delete(id))),
    clear: () => tolerant(undefined, () => run('readwrite', (store) => store.clear())),
  };
}
