// The storage seam: tolerant reads/writes, lazy Web Storage lookup, prefix listing.
import { afterEach, describe, expect, it } from 'vitest';

import { createMemoryStorage, createSafeStorage, storageGetter, storageKeysWithPrefix, webStorage, type KeyValueStorage } from './storage';

const g = globalThis as { sessionStorage?: KeyValueStorage };

afterEach(() => {
  delete g.sessionStorage;
});

describe('webStorage', () => {
  it('looks the storage up when called, not when created', () => {
    const get = webStorage('sessionStorage');
    expect(get()).toBeNull();
    const memory = createMemoryStorage();
    g.sessionStorage = memory;
    expect(get()).toBe(memory);
  });
});

describe('storageGetter', () => {
  it('wraps a storage and passes a getter through', () => {
    const memory = createMemoryStorage();
    const getter = () => memory;
    expect(storageGetter(memory)()).toBe(memory);
    expect(storageGetter(getter)).toBe(getter);
  });
});

describe('createSafeStorage', () => {
  it('reads null and reports unavailable when the getter throws (blocked storage)', () => {
    const safe = createSafeStorage(() => {
      throw new Error('SecurityError');
    });
    expect(safe.getItem('k')).toBeNull();
    expect(safe.setItem('k', 'v')).toEqual({ ok: false, reason: 'unavailable' });
    expect(() => safe.removeItem('k')).not.toThrow();
  });

  it('reports quota when the storage is full', () => {
    const full: KeyValueStorage = {
      getItem: () => null,
      setItem: () => {
        throw Object.assign(new Error('full'), { name: 'QuotaExceededError' });
      },
      removeItem: () => undefined,
    };
    expect(createSafeStorage(() => full).setItem('k', 'v')).toEqual({ ok: false, reason: 'quota' });
  });

  it('round-trips through a working storage', () => {
    const safe = createSafeStorage(() => createMemoryStorage({ a: '1' }));
    expect(safe.getItem('a')).toBe('1');
  });
});

describe('storageKeysWithPrefix', () => {
  it('lists matching keys of a memory storage, a getter, and a Web-Storage-shaped object', () => {
    const memory = createMemoryStorage({ 'p.a': '1', 'p.b': '2', other: '3' });
    expect(storageKeysWithPrefix(memory, 'p.').sort()).toEqual(['p.a', 'p.b']);
    expect(storageKeysWithPrefix(() => memory, 'p.').sort()).toEqual(['p.a', 'p.b']);
    const keys = ['x.1', 'y.2'];
    expect(storageKeysWithPrefix({ length: keys.length, key: (i: number) => keys[i] ?? null }, 'x.')).toEqual(['x.1']);
    expect(storageKeysWithPrefix(null, 'x.')).toEqual([]);
  });
});
