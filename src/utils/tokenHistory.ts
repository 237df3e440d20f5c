// Token history: a bounded, newest-first list of token requests that keeps a fingerprint, never the token.
import * as z from './zod';
import { AUTH_METHODS, type AuthMethod } from '../types/token';
import { effects } from './effects';
import { InputError } from './errors';
import { parseJsonSafely } from './secureJson';
import { createSafeStorage, storageGetter, webStorage, type StorageSource } from './storage';

export const TOKEN_HISTORY_KEY = 'm2m-playground:history';
export const DEFAULT_HISTORY_LIMIT = 20;

/** What every history entry says: who asked, how, for which scope, and when. */
interface HistoryFacts {
  clientId: string;
  authMethod: AuthMethod;
  /** granted (or, on error, requested) scope, space-delimited */
  scope?: string;
  obtainedAt: number;
}

/** A token obtained: its fingerprint (never the token) and absolute expiry; or a failed request and why. */
export type TokenHistoryInput =
  | (HistoryFacts & {
      status: 'success';
      /** tokenFingerprint() of the access token */
      fingerprint: string;
      expAt: number;
    })
  | (HistoryFacts & {
      status: 'error';
      /** OAuth `error` or playground error code */
      errorCode: string;
    });

export type TokenHistoryEntry = TokenHistoryInput & {
  id: string;
  /** epoch ms when the entry was added */
  recordedAt: number;
};

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

const factsShape = () => ({
  id: z.string(),
  recordedAt: z.number(),
  clientId: z.string(),
  authMethod: z.enum(AUTH_METHODS),
  scope: z.optional(z.string()),
  obtainedAt: z.number(),
});

// Entries written before failures lost their placeholder fingerprint/expiry still read: extra members are dropped.
// Built on first read, not at import (issue 24: page-load main thread; see lazySchema).
const entrySchema = z.lazySchema(() => z.discriminatedUnion('status', [
  z.object({ ...factsShape(), status: z.literal('success'), fingerprint: z.string().check(z.regex(FINGERPRINT)), expAt: z.number() }),
  z.object({ ...factsShape(), status: z.literal('error'), errorCode: z.string() }),
]));

let sequence = 0;

/** The valid entries of a stored text, newest first; anything unreadable is skipped. */
function readStoredEntries(text: string | null): TokenHistoryEntry[] {
  const parsed = text === null ? null : parseJsonSafely(text, { maxBytes: 256 * 1024 });
  const items = parsed?.ok && Array.isArray(parsed.value) ? parsed.value : [];
  const valid: TokenHistoryEntry[] = [];
  for (const item of items) {
    const result = entrySchema().safeParse(item);
    if (result.success) valid.push(result.data);
  }
  return valid;
}

/** The entry to store for `input`, refusing anything that is not a fingerprint (a token must never land here). */
function toHistoryEntry(input: TokenHistoryInput): TokenHistoryEntry {
  if (input.status === 'success' && !FINGERPRINT.test(input.fingerprint)) {
    throw new InputError('fingerprint', 'History takes a token fingerprint (tokenFingerprint()), never the token.');
  }
  sequence += 1;
  const recordedAt = effects().clock.now();
  // Explicit picks: nothing else the caller's object carries ends up in storage.
  const facts = {
    id: `${recordedAt.toString(36)}-${sequence}`, recordedAt, clientId: input.clientId, authMethod: input.authMethod, scope: input.scope, obtainedAt: input.obtainedAt,
  };
  return input.status === 'success'
    ? { ...facts, status: 'success', fingerprint: input.fingerprint, expAt: input.expAt }
    : { ...facts, status: 'error', errorCode: input.errorCode };
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
