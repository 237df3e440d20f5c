// Profiles in the session (issue 22): switch, new, duplicate, rename, delete, save a share link, export, import with
// a question on a name clash, and forget. A switch replaces the whole form and everything derived from it, so
// nothing of the previous profile stays; the token shown is the new profile's own from the cache, if it has one.
import { addProfile, EMPTY_COLLECTION, mergeImported, nameClashes, profileById, removeProfile, renameProfile, updateProfileConfig, type ProfileChange, type ProfileCollection } from '../../../../utils/profiles/profileCollection';
import type { TokenRecord } from '../../../../types/token';
import { tokenInUse } from '../../../../contexts/tokenInUse';
import { cacheKeyParts } from '../flowRequest';
import type { FlowForm, TokenRun } from '../flowTypes';
import { MAX_PROFILE_FILE_BYTES } from '../../../../utils/profiles/profileFile';
import { exportProfilesFile, formOfProfile, parseProfilesFile, profileConfigOf, type ProfileConfig } from '../profileConfig';
import { FIRST_PROFILE_NAME } from '../profileStart';
import type { FieldSources } from '../providerPresets';
import { initialSecret } from './secretActions';
import type { SessionContext } from './sessionContext';
import { IDLE_DISCOVERY, IDLE_RUN, NO_MANAGEMENT, type FlowSessionState, type ProfilesState } from './sessionState';

export interface ProfileActions {
  /** Shows a saved profile: its form, its secret (if held), its cached token. */
  switchProfile(id: string): void;
  /** A new profile from the configuration's starting form. */
  newProfile(name: string): boolean;
  /** A new profile with the form on screen. */
  duplicateProfile(name: string): boolean;
  renameProfile(name: string): boolean;
  /** Deletes the profile on screen and shows the next one (a fresh first profile when it was the last). */
  deleteProfile(): void;
  /** Saves the unsaved configuration on screen (a share link) as a profile. */
  saveAsProfile(name: string): boolean;
  /** The export file's text: names and configurations, never a secret or a private key. */
  exportProfiles(): string;
  /** Reads an export; a clash waits for {@link confirmImport}, a problem changes nothing. */
  importProfiles(text: string): void;
  /** The same from a chosen file: one larger than any profiles file is refused before it is read. */
  importProfilesFile(file: Pick<Blob, 'size' | 'text'>): Promise<void>;
  /** The answer to a name clash: replace those profiles, or import nothing. */
  confirmImport(replace: boolean): void;
  /** Removes every saved profile from this device and starts again from the configuration. */
  forgetProfiles(): void;
  dismissProfileNotice(): void;
}

/** The hooks a switch needs from other slices (DPoP key loading when the profile binds with it). */
export interface ProfileSwitchHooks {
  onShown(form: FlowForm): void;
}

/** A success run for a token the cache holds (after a reload, or when the profile's run is not kept). */
function runFromCache(record: TokenRecord, requestedScopes: readonly string[]): TokenRun {
  const response = { access_token: record.accessToken, token_type: record.tokenType.toLowerCase(), expires_in: record.expiresIn, scope: record.scope, extra: {} };
  return { status: 'success', attempts: [], requestedScopes: [...requestedScopes], record, response };
}

const notice = (kind: 'info' | 'error', text: string): ProfilesState['notice'] => ({ kind, text });

/** What the profile bar says when localStorage refuses the profiles (the session's mirror and rename both write them). */
export const PROFILES_NOT_STORED = 'This browser would not store the profiles (storage full or blocked): they last until this tab closes.';

export function profileActions(ctx: SessionContext, hooks: ProfileSwitchHooks): ProfileActions {
  const { stores, profileStore } = ctx;
  /** The last run of each profile this session, so switching back shows its attempts and full response. */
  const runs = new Map<string, TokenRun>();

  const setProfiles = (next: (p: ProfilesState) => ProfilesState) => ctx.set('profiles', next);
  const say = (kind: 'info' | 'error', text: string) => setProfiles((p) => ({ ...p, notice: notice(kind, text) }));

  function persist(collection: ProfileCollection<ProfileConfig>): void {
    const written = profileStore.save(collection);
    setProfiles((p) => ({ ...p, collection, notice: written.ok ? p.notice : notice('error', PROFILES_NOT_STORED) }));
  }

  /**
   * The token the cache holds for this form, as the token step shows it: found as the status bar finds the token in
   * use (tokenInUse: a DPoP form matches only a bound token), and only while it has not expired (peek).
   */
  function runFor(id: string, form: FlowForm): TokenRun {
    const entry = tokenInUse(stores.cache.getSnapshot(), { parts: cacheKeyParts(form), dpop: form.dpop }, stores.dpop.jkt());
    const cached = entry && stores.cache.peek(entry.parts);
    if (!cached) return IDLE_RUN;
    const kept = runs.get(id);
    if (kept?.status === 'success' && kept.record?.accessToken === cached.accessToken) return kept;
    return runFromCache(cached, form.scopes);
  }

  /** Everything the form implies is replaced: the secret, errors, drafts, discovery, preview, the run. */
  function show(s: FlowSessionState, id: string, form: FlowForm, sources: FieldSources, collection: ProfileCollection<ProfileConfig>): FlowSessionState {
    if (s.profiles.collection.activeId !== null && s.run.status === 'success') runs.set(s.profiles.collection.activeId, s.run);
    return {
      ...s, form, sources, errors: {}, numberDrafts: {}, ...initialSecret(ctx, form.clientId),
      discovery: IDLE_DISCOVERY, registration: { status: 'idle' }, run: runFor(id, form), management: NO_MANAGEMENT,
      preview: { description: null, error: null, for: null, nonce: 0 },
      profiles: { ...s.profiles, collection: { ...collection, activeId: id }, notice: null, pendingImport: null },
    };
  }

  function showProfile(id: string, collection: ProfileCollection<ProfileConfig>): void {
    const profile = profileById(collection, id);
    if (!profile) return;
    const form = formOfProfile(profile.config, ctx.startForm.form);
    // The session's mirror saves the shown collection (and says so when storage refuses it): no second write here.
    ctx.store.update((s) => show(s, id, form, profile.sources as FieldSources, collection));
    hooks.onShown(form);
  }

  /** The on-screen form saved into its profile first, so a new or duplicated profile never loses an edit. */
  function current(): ProfileCollection<ProfileConfig> {
    const s = ctx.get();
    const { collection } = s.profiles;
    return collection.activeId === null ? collection : updateProfileConfig(collection, collection.activeId, profileConfigOf(s.form), s.sources);
  }

  function added(change: ProfileChange<ProfileConfig>): boolean {
    if (!change.ok) say('error', change.error);
    else showProfile(change.id, change.collection);
    return change.ok;
  }

  /** The form on screen as a new profile (Duplicate profile, or Save as profile when none is active). */
  function copyAs(name: string): boolean {
    const s = ctx.get();
    return added(addProfile(current(), name, profileConfigOf(s.form), s.sources));
  }

  function freshStart(collection: ProfileCollection<ProfileConfig>): void {
    const { form, sources } = ctx.startForm;
    const change = addProfile(collection, FIRST_PROFILE_NAME, profileConfigOf(form), sources);
    if (change.ok) showProfile(change.id, change.collection);
  }

  return {
    switchProfile(id) {
      if (id === ctx.get().profiles.collection.activeId) return;
      showProfile(id, current());
    },
    newProfile(name) {
      const { form, sources } = ctx.startForm;
      return added(addProfile(current(), name, profileConfigOf(form), sources));
    },
    duplicateProfile: copyAs,
    // With no profile active there is nothing to duplicate, but the form is copied the same way.
    saveAsProfile: copyAs,
    renameProfile(name) {
      const collection = current();
      if (collection.activeId === null) return false;
      const change = renameProfile(collection, collection.activeId, name);
      if (!change.ok) say('error', change.error);
      else persist(change.collection);
      return change.ok;
    },
    deleteProfile() {
      const collection = current();
      if (collection.activeId === null) return;
      runs.delete(collection.activeId);
      const rest = removeProfile(collection, collection.activeId);
      if (rest.activeId === null) freshStart(rest);
      else showProfile(rest.activeId, rest);
    },
    exportProfiles() {
      return exportProfilesFile(current().profiles.map(({ name, config }) => ({ name, config })));
    },
    importProfiles: importText,
    async importProfilesFile(file) {
      if (file.size > MAX_PROFILE_FILE_BYTES) return say('error', `The file is larger than ${MAX_PROFILE_FILE_BYTES / 1024} KiB; a profiles file is far smaller. Nothing was imported.`);
      let text: string;
      try {
        text = await file.text();
      } catch {
        return say('error', 'The file could not be read. Nothing was imported.');
      }
      importText(text);
    },
    confirmImport(replace) {
      const pending = ctx.get().profiles.pendingImport;
      setProfiles((p) => ({ ...p, pendingImport: null, notice: replace ? p.notice : notice('info', 'Import cancelled: nothing was changed.') }));
      if (replace && pending) importNow(pending.profiles);
    },
    forgetProfiles() {
      runs.clear();
      profileStore.clear();
      freshStart(EMPTY_COLLECTION as ProfileCollection<ProfileConfig>);
      say('info', 'Saved profiles forgotten: a new one starts from the configuration.');
    },
    dismissProfileNotice: () => setProfiles((p) => ({ ...p, notice: null })),
  };

  function importText(text: string): void {
    const parsed = parseProfilesFile(text);
    if (!parsed.ok) return say('error', parsed.error);
    const clashes = nameClashes(current(), parsed.profiles);
    if (clashes.length > 0) setProfiles((p) => ({ ...p, pendingImport: { profiles: parsed.profiles, clashes }, notice: null }));
    else importNow(parsed.profiles);
  }

  function importNow(imported: ReadonlyArray<{ name: string; config: ProfileConfig }>): void {
    const change = mergeImported(current(), imported);
    if (!change.ok) return say('error', change.error);
    persist(change.collection);
    // The profile on screen may have been replaced: show what is saved now.
    const active = change.collection.activeId;
    if (active !== null && imported.some((p) => profileById(change.collection, active)?.name === p.name)) showProfile(active, change.collection);
    const keyIds = new Set(ctx.get().keys.list.map((k) => k.id));
    const missing = imported.filter((p) => p.config.authMethod === 'private_key_jwt' && !keyIds.has(p.config.keyRef ?? ''));
    const names = imported.map((p) => `“${p.name}”`).join(', ');
    const keys = missing.length ? ` Key missing in this browser for ${missing.map((p) => `“${p.name}” (kid ${p.config.kid || 'not set'})`).join(', ')}: import or generate it, then register it.` : '';
    say('info', `Imported ${imported.length === 1 ? 'profile' : 'profiles'} ${names}. Secrets are not part of an export: enter them again.${keys}`);
  }
}
