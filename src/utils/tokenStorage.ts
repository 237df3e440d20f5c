// Token persistence: the access token and just enough metadata, in sessionStorage by default, tolerant of blocked storage.
import { z } from './zod';
import type { TokenRecord } from '../types/token';
import { effects } from './effects';
import { createSafeStorage, storageGetter, storageKeysWithPrefix, webStorage, type StorageSource, type StorageWriteResult } from './storage';
import { parseJsonSafely } from './secureJson';

export const TOKEN_STORAGE_PREFIX = 'm2m-playground:token:';

export const TOKEN_KINDS = ['client_credentials'] as const;
export type TokenKind = (typeof TOKEN_KINDS)[number];

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

export type StoredToken = TokenRecord & { kind: TokenKind; meta?: StoredTokenMeta };

export interface TokenStorage {
  put(kind: TokenKind, record: TokenRecord & { meta?: StoredTokenMeta }): StorageWriteResult;
  /** The stored token, or null when absent, expired or unreadable (expired and corrupt entries are removed). */
  get(kind: TokenKind): StoredToken | null;
  /** Removes one kind, or every entry under the prefix (sign-out). */
  clear(kind?: TokenKind): void;
}

export interface TokenStorageOptions {
  /** A storage, or a getter looked up on each access (Web Storage getters can throw). Default: sessionStorage. */
  storage?: StorageSource;
}

const metaSchema = z.object({
  clientId: z.string(),
  env: z.string(),
  scope: z.array(z.string()).optional(),
  audience: z.string().optional(),
  resource: z.string().optional(),
  jkt: z.string().optional(),
  issuer: z.string().optional(),
});

const storedSchema = z.object({
  v: z.literal(1),
  accessToken: z.string().min(1),
  tokenType: z.string(),
  scope: z.string().optional(),
  expiresIn: z.number().optional(),
  obtainedAt: z.number(),
  expAt: z.number(),
  meta: metaSchema.optional(),
});

/** Creates a token storage over Web Storage (default: sessionStorage, looked up lazily). */
export function createTokenStorage(options: TokenStorageOptions = {}): TokenStorage {
  const source = options.storage ?? webStorage('sessionStorage');
  const resolve = storageGetter(source);
  const safe = createSafeStorage(resolve);

  return {
    put(kind, record) {
      // Pick fields explicitly: whatever else the caller's object carries (id_token, raw response) stays out.
      const value: z.infer<typeof storedSchema> = {
        v: 1,
        accessToken: record.accessToken,
        tokenType: record.tokenType,
        obtainedAt: record.obtainedAt,
        expAt: record.expAt,
      };
      if (record.scope !== undefined) value.scope = record.scope;
      if (record.expiresIn !== undefined) value.expiresIn = record.expiresIn;
      if (record.meta) {
        const m = record.meta;
        value.meta = { clientId: m.clientId, env: m.env };
        if (m.scope) value.meta.scope = [...m.scope];
        if (m.audience) value.meta.audience = m.audience;
        if (m.resource) value.meta.resource = m.resource;
        if (m.jkt) value.meta.jkt = m.jkt;
        if (m.issuer) value.meta.issuer = m.issuer;
      }
      return safe.setItem(TOKEN_STORAGE_PREFIX + kind, JSON.stringify(value));
    },

    get(kind) {
      const key = TOKEN_STORAGE_PREFIX + kind;
      const text = safe.getItem(key);
      if (text === null) return null;
      const parsed = parseJsonSafely(text, { maxBytes: 64 * 1024 });
      const valid = parsed.ok ? storedSchema.safeParse(parsed.value) : null;
      if (!valid?.success || valid.data.expAt <= effects().clock.now()) {
        safe.removeItem(key);
        return null;
      }
      const { v: _v, ...rest } = valid.data;
      return { ...rest, kind };
    },

    clear(kind) {
      if (kind) {
        safe.removeItem(TOKEN_STORAGE_PREFIX + kind);
        return;
      }
      const known = TOKEN_KINDS.map((k) => TOKEN_STORAGE_PREFIX + k);
      const keys = new Set([...known, ...storageKeysWithPrefix(resolve, TOKEN_STORAGE_PREFIX)]);
      for (const key of keys) safe.removeItem(key);
    },
  };
}

/** The app's token storage: sessionStorage (survives reload, not shared with other tabs). */
export const tokenStorage: TokenStorage = createTokenStorage();
