// Token history: a bounded, newest-first list of token requests that keeps a fingerprint, never the token.
import { z } from './zod';
import { AUTH_METHODS, type AuthMethod } from '../types/token';
import { effects } from './effects';
import { InputError } from './errors';
import { parseJsonSafely } from './secureJson';
import { createSafeStorage, storageGetter, webStorage, type StorageSource } from './storage';

export const TOKEN_HISTORY_KEY = 'm2m-playground:history';
export const DEFAULT_HISTORY_LIMIT = 20;

export interface TokenHistoryInput {
  /** tokenFingerprint() of the access token; '' for a failed request */
  fingerprint: string;
  clientId: string;
  authMethod: AuthMethod;
  /** granted (or, on error, requested) scope, space-delimited */
  scope?: string;
  expAt: number;
  obtainedAt: number;
  status: 'success' | 'error';
  /** OAuth `error` or playground error code */
  errorCode?: string;
}

export interface TokenHistoryEntry extends TokenHistoryInput {
  id: string;
  /** epoch ms when the entry was added */
  recordedAt: number;
}

export interface TokenHistory {
  add(entry: TokenHistoryInput): TokenHistoryEntry;
  /** Newest first. */
  list(): readonly TokenHistoryEntry[];
  clear(): void;
  subscribe(listener: () => void): () => void;
  /** Same array reference until the history changes (useSyncExternalStore). */
  getSnapshot(): readonly TokenHistoryEntry[];
}

export interface TokenHistoryOptions {
  /** Default: sessionStorage, looked up lazily. */
  storage?: StorageSource;
  limit?: number;
}

// A fingerprint is short base64url; a JWT (it has dots) or any long opaque token does not fit.
const FINGERPRINT = /^[A-Za-z0-9_-]{8,64}$/;

const entrySchema = z.object({
  id: z.string(),
  recordedAt: z.number(),
  fingerprint: z.string().regex(FINGERPRINT).or(z.literal('')),
  clientId: z.string(),
  authMethod: z.enum(AUTH_METHODS),
  scope: z.string().optional(),
  expAt: z.number(),
  obtainedAt: z.number(),
  status: z.enum(['success', 'error']),
  errorCode: z.string().optional(),
});

let sequence = 0;

/** The valid entries of a stored text, newest first; anything unreadable is skipped. */
function readStoredEntries(text: string | null): TokenHistoryEntry[] {
  const parsed = text === null ? null : parseJsonSafely(text, { maxBytes: 256 * 1024 });
  const items = parsed?.ok && Array.isArray(parsed.value) ? parsed.value : [];
  const valid: TokenHistoryEntry[] = [];
  for (const item of items) {
    const result = entrySchema.safeParse(item);
    if (result.success) valid.push(result.data);
  }
  return valid;
}

/** The entry to store for `input`, refusing anything that is not a fingerprint (a token must never land here). */
function toHistoryEntry(input: TokenHistoryInput): TokenHistoryEntry {
  if (!(input.status === 'error' && input.fingerprint === '') && !FINGERPRINT.test(input.fingerprint)) {
    throw new InputError('fingerprint', 'History takes a token fingerprint (tokenFingerprint()), never the token.');
  }
  sequence += 1;
  const recordedAt = effects().clock.now();
  // Explicit picks: nothing else the caller's object carries ends up in storage.
  const entry: TokenHistoryEntry = {
    id: `${recordedAt.toString(36)}-${sequence}`,
    recordedAt,
    fingerprint: input.fingerprint,
    clientId: input.clientId,
    authMethod: input.authMethod,
    expAt: input.expAt,
    obtainedAt: input.obtainedAt,
    status: input.status,
  };
  if (input.scope !== undefined) entry.scope = input.scope;
  if (input.errorCode !== undefined) entry.errorCode = input.errorCode;
  return entry;
}

/** Creates a token history persisted in sessionStorage (or the given storage); storage failures are tolerated. */
export function createTokenHistory(options: TokenHistoryOptions = {}): TokenHistory {
  const limit = options.limit ?? DEFAULT_HISTORY_LIMIT;
  if (!Number.isInteger(limit) || limit < 1) throw new InputError('limit', 'History limit must be a whole number ≥ 1.');
  const source = options.storage ?? webStorage('sessionStorage');
  const safe = createSafeStorage(storageGetter(source));
  const listeners = new Set<() => void>();
  let entries: readonly TokenHistoryEntry[] | null = null;

  function load(): readonly TokenHistoryEntry[] {
    entries ??= Object.freeze(readStoredEntries(safe.getItem(TOKEN_HISTORY_KEY)).slice(0, limit));
    return entries;
  }

  function commit(next: TokenHistoryEntry[]): void {
    entries = Object.freeze(next);
    if (next.length === 0) safe.removeItem(TOKEN_HISTORY_KEY);
    else safe.setItem(TOKEN_HISTORY_KEY, JSON.stringify(next)); // a full/blocked storage keeps the in-memory list
    for (const listener of listeners) listener();
  }

  return {
    add(input) {
      const entry = toHistoryEntry(input);
      commit([entry, ...load()].slice(0, limit));
      return entry;
    },
    list: load,
    clear() {
      commit([]);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: load,
  };
}

/** The app's token history (sessionStorage, looked up on first use). */
export const tokenHistory: TokenHistory = createTokenHistory();
