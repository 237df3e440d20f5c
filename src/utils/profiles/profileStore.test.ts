// The profile collection's changes and its store: ids, names, import merges, and storage that is full or blocked.
import { describe, expect, it } from 'vitest';
import { createMemoryStorage, type KeyValueStorage } from '../storage';
import { addProfile, EMPTY_COLLECTION, mergeImported, nameClashes, removeProfile, renameProfile, type ProfileCollection } from './profileCollection';
import { unusedProfileName } from './profileName';
import { createProfileStore, PROFILES_STORAGE_KEY } from './profileStore';

type Config = { clientId?: string };
const empty = EMPTY_COLLECTION as ProfileCollection<Config>;
const readConfig = (v: unknown): Config => (v && typeof v === 'object' && typeof (v as Config).clientId === 'string' ? { clientId: (v as Config).clientId } : {});

function collectionOf(...names: string[]): ProfileCollection<Config> {
  let c = empty;
  for (const name of names) {
    const change = addProfile(c, name, { clientId: name });
    if (!change.ok) throw new Error(change.error);
    c = change.collection;
  }
  return c;
}

describe('profile collection', () => {
  it('adds with p1, p2… ids, makes the new one active, and refuses a taken or empty name', () => {
    const c = collectionOf('A', 'B');
    expect(c.profiles.map((p) => p.id)).toEqual(['p1', 'p2']);
    expect(c.activeId).toBe('p2');
    expect(addProfile(c, ' a ', {})).toEqual({ ok: false, error: 'A profile named “a” exists already.' });
    expect(addProfile(c, '', {})).toEqual({ ok: false, error: 'Give the profile a name.' });
  });

  it('renames, and refuses a name another profile has', () => {
    const c = collectionOf('A', 'B');
    expect(renameProfile(c, 'p1', 'B')).toMatchObject({ ok: false });
    const renamed = renameProfile(c, 'p1', 'Staging');
    expect(renamed.ok && renamed.collection.profiles[0]!.name).toBe('Staging');
  });

  it('removes, and the next profile (or the previous, at the end) becomes active', () => {
    const c = { ...collectionOf('A', 'B', 'C'), activeId: 'p2' };
    expect(removeProfile(c, 'p2').activeId).toBe('p3');
    expect(removeProfile({ ...c, activeId: 'p3' }, 'p3').activeId).toBe('p2');
    expect(removeProfile(collectionOf('A'), 'p1')).toEqual({ activeId: null, profiles: [] });
  });

  it('merges an import: a clash replaces in place (same id), a new name is added, the active one stays', () => {
    const c = collectionOf('A', 'B');
    expect(nameClashes(c, [{ name: 'b' }, { name: 'C' }])).toEqual(['b']);
    const merged = mergeImported(c, [{ name: 'b', config: { clientId: 'new' } }, { name: 'C', config: {} }]);
    expect(merged.ok && merged.collection.profiles.map((p) => [p.id, p.name, p.config.clientId])).toEqual([['p1', 'A', 'A'], ['p2', 'b', 'new'], ['p3', 'C', undefined]]);
    expect(merged.ok && merged.collection.activeId).toBe('p2');
  });

  it('finds an unused name for a copy', () => {
    expect(unusedProfileName('Prod', ['Prod', 'prod (2)'])).toBe('Prod (3)');
  });
});

describe('profile store', () => {
  it('saves and loads the collection, each configuration read field by field', () => {
    const storage = createMemoryStorage();
    const store = createProfileStore<Config>({ storage, readConfig, writeConfig: (c) => c });
    store.save(collectionOf('A', 'B'));
    expect(store.load()).toEqual(collectionOf('A', 'B'));
  });

  it('skips one unreadable profile and keeps the others; an unknown active id falls back to the first', () => {
    const storage = createMemoryStorage({
      [PROFILES_STORAGE_KEY]: JSON.stringify({ v: 1, activeId: 'p9', profiles: [{ id: 'bad id', name: 'X', config: {} }, { id: 'p2', name: 'B', config: { clientId: 'b', clientSecret: 'no' }, sources: {} }] }),
    });
    const loaded = createProfileStore<Config>({ storage, readConfig, writeConfig: (c) => c }).load();
    expect(loaded).toEqual({ activeId: 'p2', profiles: [{ id: 'p2', name: 'B', config: { clientId: 'b' }, sources: {} }] });
  });

  it.each([
    ['blocked (the getter throws)', () => { throw new Error('SecurityError'); }],
    ['full (setItem throws)', () => ({ getItem: () => null, setItem: () => { throw new DOMException('full', 'QuotaExceededError'); }, removeItem: () => undefined }) as KeyValueStorage],
  ])('tolerates storage that is %s: loads nothing, reports the failed write, never throws', (_, storage) => {
    const store = createProfileStore<Config>({ storage, readConfig, writeConfig: (c) => c });
    expect(store.load()).toEqual(empty);
    expect(store.save(collectionOf('A')).ok).toBe(false);
    expect(() => store.clear()).not.toThrow();
  });

  it('starts empty on tampered storage', () => {
    const storage = createMemoryStorage({ [PROFILES_STORAGE_KEY]: '{"v":7}' });
    expect(createProfileStore<Config>({ storage, readConfig, writeConfig: (c) => c }).load()).toEqual(empty);
  });
});
