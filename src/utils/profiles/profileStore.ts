// Saved profiles on this device (localStorage by default, injected): read tolerantly, written whole, never a secret.
import { parseJsonSafely } from '../secureJson';
import { createSafeStorage, storageGetter, webStorage, type StorageSource, type StorageWriteResult } from '../storage';
import * as z from '../zod';
import { EMPTY_COLLECTION, type Profile, type ProfileCollection } from './profileCollection';
import { MAX_PROFILE_FILE_BYTES, MAX_PROFILES } from './profileFile';
import { profileNameProblem } from './profileName';

/** Not under the flow-progress prefix: sign-out keeps the profiles (they hold no secret); `Forget profiles` clears them. */
export const PROFILES_STORAGE_KEY = 'm2m-playground:profiles';

export interface ProfileStore<C> {
  /** The saved collection; an empty one when nothing (or nothing readable) is stored. */
  load(): ProfileCollection<C>;
  save(collection: ProfileCollection<C>): StorageWriteResult;
  clear(): void;
}

export interface ProfileStoreOptions<C> {
  storage?: StorageSource;
  /**
   * Reads one stored configuration field by field: a field this build does not know, or one over its limit, is
   * dropped rather than losing the whole profile (the form fills it from configuration).
   */
  readConfig(value: unknown): C;
  /** What is written for a configuration (only the form's own fields, each within its limit). */
  writeConfig(config: C): unknown;
}

// Built on first load, not at import (issue 24: page-load main thread; see lazySchema).
const storedProfile = z.lazySchema(() => z.object({
  id: z.string().check(z.regex(/^p\d{1,9}$/)),
  name: z.string().check(z.refine((n) => profileNameProblem(n) === undefined)),
  config: z.unknown(),
  sources: z.catch(z.record(z.string(), z.string().check(z.maxLength(64))), {}),
}));

const storedCollection = z.lazySchema(() => z.object({
  v: z.literal(1),
  activeId: z.nullable(z.string()),
  profiles: z.array(z.unknown()).check(z.maxLength(MAX_PROFILES)),
}));

/** Each profile on its own: one that cannot be read is skipped, the others are kept. */
function readProfiles<C>(items: readonly unknown[], readConfig: (value: unknown) => C): Profile<C>[] {
  const profiles: Profile<C>[] = [];
  for (const item of items) {
    const valid = storedProfile().safeParse(item);
    if (valid.success && !profiles.some((p) => p.id === valid.data.id)) {
      profiles.push({ id: valid.data.id, name: valid.data.name, config: readConfig(valid.data.config), sources: valid.data.sources });
    }
  }
  return profiles;
}

/**
 * Why localStorage: profiles are small JSON that must be read synchronously when the flow starts (so the form never
 * flashes another profile), must outlive the tab, and hold no secret; IndexedDB keeps what needs it (CryptoKeys).
 */
export function createProfileStore<C>(options: ProfileStoreOptions<C>): ProfileStore<C> {
  const safe = createSafeStorage(storageGetter(options.storage ?? webStorage('localStorage')));
  return {
    load() {
      const text = safe.getItem(PROFILES_STORAGE_KEY);
      if (text === null) return EMPTY_COLLECTION;
      const parsed = parseJsonSafely(text, { maxBytes: MAX_PROFILE_FILE_BYTES * 4 });
      const valid = parsed.ok ? storedCollection().safeParse(parsed.value) : null;
      if (!valid?.success) return EMPTY_COLLECTION; // unreadable (tampered with, or not ours): start with none
      const profiles = readProfiles(valid.data.profiles, options.readConfig);
      const activeId = profiles.some((p) => p.id === valid.data.activeId) ? valid.data.activeId : (profiles[0]?.id ?? null);
      return { activeId, profiles };
    },
    save(collection) {
      const profiles = collection.profiles.map((p) => ({ id: p.id, name: p.name, config: options.writeConfig(p.config), sources: p.sources }));
      return safe.setItem(PROFILES_STORAGE_KEY, JSON.stringify({ v: 1, activeId: collection.activeId, profiles }));
    },
    clear() {
      safe.removeItem(PROFILES_STORAGE_KEY);
    },
  };
}
