// Key-value storage behind a tiny interface: Web Storage in the browser, a Map in tests, and never a throw.

/** The subset of Web Storage the playground uses. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** An in-memory KeyValueStorage (tests, and the fallback when the browser blocks storage). */
export function createMemoryStorage(initial: Record<string, string> = {}): KeyValueStorage & { keys(): string[] } {
  const map = new Map(Object.entries(initial));
  return {
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => {
      map.set(key, value);
    },
    removeItem: (key) => {
      map.delete(key);
    },
    keys: () => [...map.keys()],
  };
}

/** A storage, or a getter for one looked up on each access (Web Storage getters can throw when blocked). */
export type StorageSource = KeyValueStorage | (() => KeyValueStorage | null | undefined);

/**
 * A getter for the browser's `sessionStorage` or `localStorage`, looked up at call time rather than import time:
 * it is absent in Node, and reading it can throw when the browser blocks storage (createSafeStorage catches that).
 */
export function webStorage(name: 'sessionStorage' | 'localStorage'): () => KeyValueStorage | null {
  return () => (globalThis as Partial<Record<'sessionStorage' | 'localStorage', KeyValueStorage>>)[name] ?? null;
}

/** The getter form of a {@link StorageSource}. */
export function storageGetter(source: StorageSource): () => KeyValueStorage | null | undefined {
  return typeof source === 'function' ? source : () => source;
}

/** Result of a tolerant write: storage may be blocked (privacy mode) or full (quota). */
export type StorageWriteResult = { ok: true } | { ok: false; reason: 'unavailable' | 'quota' | 'error' };

/**
 * Wraps a possibly-absent, possibly-throwing storage so reads return null and writes report failure
 * instead of throwing. Accessing `window.sessionStorage` itself can throw (blocked cookies), hence the getter.
 */
export function createSafeStorage(get: () => KeyValueStorage | null | undefined) {
  function resolve(): KeyValueStorage | null {
    try {
      return get() ?? null;
    } catch {
      return null;
    }
  }
  return {
    getItem(key: string): string | null {
      try {
        return resolve()?.getItem(key) ?? null;
      } catch {
        return null;
      }
    },
    setItem(key: string, value: string): StorageWriteResult {
      const storage = resolve();
      if (!storage) return { ok: false, reason: 'unavailable' };
      try {
        storage.setItem(key, value);
        return { ok: true };
      } catch (error) {
        const name = (error as { name?: string } | null)?.name;
        return { ok: false, reason: name === 'QuotaExceededError' ? 'quota' : 'error' };
      }
    },
    removeItem(key: string): void {
      try {
        resolve()?.removeItem(key);
      } catch {
        // Nothing to remove from a storage we cannot reach.
      }
    },
  };
}

export type SafeStorage = ReturnType<typeof createSafeStorage>;

type Enumerable = { keys?: () => string[]; length?: number; key?: (i: number) => string | null } | null | undefined;

/**
 * Lists the keys starting with `prefix` in a Web Storage (`length`/`key(i)`) or a storage with `keys()`
 * (createMemoryStorage), given the storage or a getter for it. Returns [] when it cannot be enumerated or throws.
 */
export function storageKeysWithPrefix(storage: unknown, prefix: string): string[] {
  try {
    const s = (typeof storage === 'function' ? (storage as () => unknown)() : storage) as Enumerable;
    if (!s) return [];
    let all: string[] = [];
    if (typeof s.keys === 'function') all = s.keys();
    else if (typeof s.length === 'number' && typeof s.key === 'function') {
      for (let i = 0; i < s.length; i += 1) all.push(s.key(i) ?? '');
    }
    return all.filter((k) => k.startsWith(prefix));
  } catch {
    return [];
  }
}
