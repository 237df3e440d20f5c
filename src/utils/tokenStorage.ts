// Token persistence: one entry per token cache key (so every profile's token survives a reload), the access token and
// just enough metadata, in sessionStorage by default, bounded, tolerant of blocked storage.
import * as z from './zod';
import type { TokenCacheKeyParts, TokenRecord } from '../types/token';
import { effects } from './effects';
import { createSafeStorage, storageGetter, storageKeysWithPrefix, webStorage, type StorageSource, type StorageWriteResult } from './storage';
import { parseJsonSafely } from './secureJson';
import { cacheKey, normaliseCacheKeyParts } from './tokenCacheKey';

export const TOKEN_STORAGE_PREFIX = 'm2m-playground:token:';

export const TOKEN_KINDS = ['client_credentials'] as const;
export type TokenKind = (typeof TOKEN_KINDS)[number];

/**
 * At most this many tokens are kept per kind; the oldest obtained goes first. Enough for every profile a person
 * switches between in one tab, small enough that the one storage item stays far below any quota.
 */
export const MAX_STORED_TOKENS = 16;

/** What was asked for, so a token restored after reload can be put back in the cache under the right key. */
export interface StoredTokenMeta {
  clientId: string;
  env: string;
  scope?: string[];
  audience?: string;
  resource?: string;
  /** The DPoP key's thumbprint of a bound token (part of its cache key). */
  jkt?: string;
  issuer?: string;
}

export type StoredToken = TokenRecord & { kind: TokenKind; meta: StoredTokenMeta };

export interface TokenStorage {
  /** Stores the token under its cache key (from `meta`), replacing that key's earlier token and evicting the oldest beyond the cap. */
  put(kind: TokenKind, record: TokenRecord & { meta: StoredTokenMeta }): StorageWriteResult;
  /** Every stored, unexpired token of the kind, oldest first (expired and unreadable entries are removed). */
  list(kind: TokenKind): StoredToken[];
  /** Removes the token stored under this cache key (a revoked token), leaving the others. */
  remove(kind: TokenKind, parts: TokenCacheKeyParts): void;
  /** Removes one kind, or every entry under the prefix (sign-out). */
  clear(kind?: TokenKind): void;
}

export interface TokenStorageOptions {
  /** A storage, or a getter looked up on each access (Web Storage getters can throw). Default: sessionStorage. */
  storage?: StorageSource;
}

/** The cache key parts a stored token was requested under (the inverse of what `put` is given), as the cache keeps them. */
export function storedKeyParts(meta: StoredTokenMeta): TokenCacheKeyParts {
  return normaliseCacheKeyParts({ ...meta, scope: meta.scope ?? [] });
}

const metaSchema = () => z.object({
  clientId: z.string(),
  env: z.string(),
  scope: z.optional(z.array(z.string())),
  audience: z.optional(z.string()),
  resource: z.optional(z.string()),
  jkt: z.optional(z.string()),
  issuer: z.optional(z.string()),
});

// Built on first use, not at import (issue 24: page-load main thread; see lazySchema).
const entrySchema = z.lazySchema(() => z.object({
  accessToken: z.string().check(z.minLength(1)),
  tokenType: z.string(),
  scope: z.optional(z.string()),
  expiresIn: z.optional(z.number()),
  obtainedAt: z.number(),
  expAt: z.number(),
  meta: metaSchema(),
}));
type Entry = z.infer<ReturnType<typeof entrySchema>>;

/** Version 2: the list, one entry per cache key. Version 1 (one token per kind) is read as a list of one. */
const listSchema = z.lazySchema(() => z.object({ v: z.literal(2), tokens: z.array(z.unknown()).check(z.maxLength(MAX_STORED_TOKENS * 4)) }));
const legacySchema = z.lazySchema(() => z.extend(entrySchema(), { v: z.literal(1) }));

/** Each entry holds a token of a few KB at most; a larger item is not ours. */
const MAX_ITEM_BYTES = MAX_STORED_TOKENS * 64 * 1024;

/** Picks fields explicitly: whatever else the caller's object carries (id_token, raw response) stays out. */
function entryOf(record: TokenRecord & { meta: StoredTokenMeta }): Entry {
  const m = record.meta;
  const meta: Entry['meta'] = { clientId: m.clientId, env: m.env };
  if (m.scope) meta.scope = [...m.scope];
  if (m.audience) meta.audience = m.audience;
  if (m.resource) meta.resource = m.resource;
  if (m.jkt) meta.jkt = m.jkt;
  if (m.issuer) meta.issuer = m.issuer;
  const entry: Entry = { accessToken: record.accessToken, tokenType: record.tokenType, obtainedAt: record.obtainedAt, expAt: record.expAt, meta };
  if (record.scope !== undefined) entry.scope = record.scope;
  if (record.expiresIn !== undefined) entry.expiresIn = record.expiresIn;
  return entry;
}

/** The entries an item's text holds, unexpired and valid; `clean` is false when something had to be dropped. */
function parseItem(text: string, now: number): { entries: Entry[]; clean: boolean } {
  const parsed = parseJsonSafely(text, { maxBytes: MAX_ITEM_BYTES });
  if (!parsed.ok) return { entries: [], clean: false };
  const list = listSchema().safeParse(parsed.value);
  const legacy = list.success ? null : legacySchema().safeParse(parsed.value);
  const raw: unknown[] = list.success ? list.data.tokens : legacy?.success ? [legacy.data] : [];
  const entries: Entry[] = [];
  for (const item of raw) {
    const valid = entrySchema().safeParse(item);
    if (valid.success && valid.data.expAt > now) entries.push(valid.data);
  }
  // A legacy item is always rewritten, so the next reader finds version 2.
  return { entries, clean: list.success && entries.length === raw.length };
}

/** One per key (the later wins), oldest first, at most the cap. */
function bounded(entries: Entry[]): Entry[] {
  const byKey = new Map<string, Entry>();
  for (const entry of entries) {
    const key = cacheKey(storedKeyParts(entry.meta));
    const held = byKey.get(key);
    if (!held || held.obtainedAt <= entry.obtainedAt) byKey.set(key, entry);
  }
  return [...byKey.values()].sort((a, b) => a.obtainedAt - b.obtainedAt).slice(-MAX_STORED_TOKENS);
}

/** Creates a token storage over Web Storage (default: sessionStorage, looked up lazily). */
export function createTokenStorage(options: TokenStorageOptions = {}): TokenStorage {
  const source = options.storage ?? webStorage('sessionStorage');
  const resolve = storageGetter(source);
  const safe = createSafeStorage(resolve);
  const itemKey = (kind: TokenKind) => TOKEN_STORAGE_PREFIX + kind;

  function read(kind: TokenKind): { entries: Entry[]; clean: boolean } {
    const text = safe.getItem(itemKey(kind));
    return text === null ? { entries: [], clean: true } : parseItem(text, effects().clock.now());
  }

  function write(kind: TokenKind, entries: Entry[]): StorageWriteResult {
    if (entries.length === 0) {
      safe.removeItem(itemKey(kind));
      return { ok: true };
    }
    return safe.setItem(itemKey(kind), JSON.stringify({ v: 2, tokens: entries }));
  }

  return {
    put(kind, record) {
      return write(kind, bounded([...read(kind).entries, entryOf(record)]));
    },

    list(kind) {
      const { entries, clean } = read(kind);
      if (!clean) write(kind, entries);
      return entries.map((entry) => ({ ...entry, kind }));
    },

    remove(kind, parts) {
      const key = cacheKey(parts);
      const { entries } = read(kind);
      write(kind, entries.filter((entry) => cacheKey(storedKeyParts(entry.meta)) !== key));
    },

    clear(kind) {
      if (kind) {
        safe.removeItem(itemKey(kind));
        return;
      }
      const known = TOKEN_KINDS.map(itemKey);
      const keys = new Set([...known, ...storageKeysWithPrefix(resolve, TOKEN_STORAGE_PREFIX)]);
      for (const key of keys) safe.removeItem(key);
    },
  };
}

/** The app's token storage: sessionStorage (survives reload, not shared with other tabs). */
export const tokenStorage: TokenStorage = createTokenStorage();
