// Saved profiles as one immutable value, and the pure changes to it (add, rename, remove, import): the store
// persists the value, the flow session decides which change to make.
import { MAX_PROFILES } from './profileFile';
import { profileNameProblem, sameProfileName } from './profileName';

export interface Profile<C> {
  /** Stable within this browser (`p1`, `p2`…); never exported, so an import never collides on it. */
  id: string;
  name: string;
  config: C;
  /** Where each value came from (typed, sandbox, share link…), as the form's badges show it. */
  sources: Partial<Record<string, string>>;
}

export interface ProfileCollection<C> {
  /** The profile the flow shows; null while an unsaved configuration (a share link) is on screen. */
  activeId: string | null;
  profiles: ReadonlyArray<Profile<C>>;
}

export type ProfileChange<C> = { ok: true; collection: ProfileCollection<C>; id: string } | { ok: false; error: string };
/** An import's result: the collection, whose active profile stays what it was. */
export type ProfileMerge<C> = { ok: true; collection: ProfileCollection<C> } | { ok: false; error: string };

export const EMPTY_COLLECTION: ProfileCollection<never> = Object.freeze({ activeId: null, profiles: Object.freeze([]) });

/** The first `p<n>` not in use: ids stay short, readable and free of any randomness to inject. */
export function nextProfileId(profiles: ReadonlyArray<{ id: string }>): string {
  let max = 0;
  for (const { id } of profiles) {
    const n = /^p(\d{1,9})$/.exec(id)?.[1];
    if (n !== undefined) max = Math.max(max, Number(n));
  }
  return `p${max + 1}`;
}

export function profileById<C>(collection: ProfileCollection<C>, id: string | null): Profile<C> | undefined {
  return id === null ? undefined : collection.profiles.find((p) => p.id === id);
}

function nameTaken<C>(collection: ProfileCollection<C>, name: string, except?: string): boolean {
  return collection.profiles.some((p) => p.id !== except && sameProfileName(p.name, name));
}

/** Adds a profile (and makes it active): the name must be valid and not taken. */
export function addProfile<C>(collection: ProfileCollection<C>, name: string, config: C, sources: Partial<Record<string, string>> = {}): ProfileChange<C> {
  const problem = profileNameProblem(name);
  if (problem) return { ok: false, error: problem };
  if (nameTaken(collection, name)) return { ok: false, error: `A profile named “${name.trim()}” exists already.` };
  if (collection.profiles.length >= MAX_PROFILES) return { ok: false, error: `At most ${MAX_PROFILES} profiles: delete one first.` };
  const id = nextProfileId(collection.profiles);
  const profile: Profile<C> = { id, name: name.trim(), config, sources };
  return { ok: true, collection: { activeId: id, profiles: [...collection.profiles, profile] }, id };
}

export function renameProfile<C>(collection: ProfileCollection<C>, id: string, name: string): ProfileChange<C> {
  const problem = profileNameProblem(name);
  if (problem) return { ok: false, error: problem };
  if (!profileById(collection, id)) return { ok: false, error: 'That profile no longer exists.' };
  if (nameTaken(collection, name, id)) return { ok: false, error: `A profile named “${name.trim()}” exists already.` };
  const profiles = collection.profiles.map((p) => (p.id === id ? { ...p, name: name.trim() } : p));
  return { ok: true, collection: { ...collection, profiles }, id };
}

/** Replaces a profile's configuration (the form as edited); unchanged input gives the same collection back. */
export function updateProfileConfig<C>(collection: ProfileCollection<C>, id: string, config: C, sources: Partial<Record<string, string>>): ProfileCollection<C> {
  const current = profileById(collection, id);
  if (!current || (current.config === config && current.sources === sources)) return collection;
  return { ...collection, profiles: collection.profiles.map((p) => (p.id === id ? { ...p, config, sources } : p)) };
}

/** Removes a profile; the one after it (or before it, at the end) becomes active. */
export function removeProfile<C>(collection: ProfileCollection<C>, id: string): ProfileCollection<C> {
  const index = collection.profiles.findIndex((p) => p.id === id);
  if (index < 0) return collection;
  const profiles = collection.profiles.filter((p) => p.id !== id);
  const activeId = collection.activeId === id ? (profiles[Math.min(index, profiles.length - 1)]?.id ?? null) : collection.activeId;
  return { activeId, profiles };
}

/** The imported names that an existing profile already uses (asked about before anything is replaced). */
export function nameClashes<C>(collection: ProfileCollection<C>, imported: ReadonlyArray<{ name: string }>): string[] {
  return imported.filter((i) => nameTaken(collection, i.name)).map((i) => i.name);
}

/**
 * Adds imported profiles; one whose name is taken replaces that profile in place (same id, so the person's choice
 * of it stays), which the caller has asked about first. The active profile does not change.
 */
export function mergeImported<C>(collection: ProfileCollection<C>, imported: ReadonlyArray<{ name: string; config: C }>): ProfileMerge<C> {
  let profiles = [...collection.profiles];
  for (const { name, config } of imported) {
    const same = profiles.findIndex((p) => sameProfileName(p.name, name));
    if (same >= 0) profiles[same] = { ...profiles[same]!, name, config, sources: {} };
    else profiles = [...profiles, { id: nextProfileId(profiles), name, config, sources: {} }];
  }
  if (profiles.length > MAX_PROFILES) return { ok: false, error: `With these, there would be ${profiles.length} profiles; at most ${MAX_PROFILES} are kept. Nothing was imported.` };
  return { ok: true, collection: { ...collection, profiles } };
}
