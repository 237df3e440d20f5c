// Where the flow starts once profiles exist: the profile this tab showed (or the device's active one), a share link
// as an unsaved configuration, and the upgrade that turns the one configuration kept before profiles into the first.
import { addProfile, EMPTY_COLLECTION, profileById, type ProfileCollection } from '../../../utils/profiles/profileCollection';
import { NUMERIC_FIELDS, parseNumberDraft } from './flowFormSchema';
import type { RestoredProgress } from './flowPersistence';
import type { FlowForm } from './flowTypes';
import { formOfProfile, profileConfigOf, type ProfileConfig } from './profileConfig';
import type { FieldSources } from './providerPresets';
import type { SharedConfig } from './shareLink';
import type { FlowSessionState } from './session/sessionState';

export type Start = Pick<FlowSessionState, 'form' | 'sources' | 'numberDrafts' | 'activeIndex'>;

/** The name the first profile gets (the upgrade, a first visit, after `Forget profiles`). */
export const FIRST_PROFILE_NAME = 'Default';

export interface StartingPoint {
  start: Start;
  collection: ProfileCollection<ProfileConfig>;
}

interface StartInputs {
  stored: RestoredProgress | null;
  saved: ProfileCollection<ProfileConfig>;
  startForm: { form: FlowForm; sources: FieldSources };
  shared: SharedConfig | null;
}

/** The typed text of number fields goes back into the form (a half-typed "12a" is NaN with its text kept). */
function withDrafts(form: FlowForm, drafts: Start['numberDrafts']): FlowForm {
  const next = { ...form };
  for (const field of NUMERIC_FIELDS) {
    const draft = drafts[field];
    if (draft !== undefined) next[field] = parseNumberDraft(draft);
  }
  return next;
}

/** Before profiles: this tab's progress over the configuration (fields the store could not keep come from it). */
function fromProgress(stored: RestoredProgress | null, startForm: StartInputs['startForm']): Start {
  return stored
    ? { activeIndex: stored.activeIndex, form: { ...startForm.form, ...stored.form }, sources: stored.sources, numberDrafts: stored.numberDrafts ?? {} }
    : { activeIndex: 0, form: startForm.form, sources: startForm.sources, numberDrafts: {} };
}

/** A share link opens one configuration over the starting form, unsaved: saving it is the person's choice. */
function fromShareLink(shared: SharedConfig, { saved, startForm }: StartInputs): StartingPoint {
  const sources = { ...startForm.sources };
  for (const field of Object.keys(shared)) sources[field as keyof typeof sources] = 'share link';
  const start: Start = { activeIndex: 0, form: { ...startForm.form, ...shared } as FlowForm, sources, numberDrafts: {} };
  return { start, collection: { ...saved, activeId: null } };
}

/**
 * Decides the starting form. Nothing a person had is lost: with no profile saved yet, the configuration this tab
 * kept (the pre-profiles progress) becomes the first profile; a share link never overwrites a saved profile.
 */
export function startingPointWithProfiles(inputs: StartInputs): StartingPoint {
  const { stored, saved, startForm, shared } = inputs;
  if (shared) return fromShareLink(shared, inputs);
  if (stored?.profileId === null) return { start: fromProgress(stored, startForm), collection: { ...saved, activeId: null } };
  if (saved.profiles.length === 0) {
    const start = fromProgress(stored, startForm);
    const made = addProfile(EMPTY_COLLECTION as ProfileCollection<ProfileConfig>, FIRST_PROFILE_NAME, profileConfigOf(start.form), start.sources);
    return { start, collection: made.ok ? made.collection : saved };
  }
  const id = stored?.profileId && profileById(saved, stored.profileId) ? stored.profileId : saved.activeId;
  const profile = profileById(saved, id) ?? saved.profiles[0]!;
  // This tab's step and half-typed numbers belong to the profile it showed, not to another one.
  const mine = stored?.profileId === profile.id;
  const numberDrafts = mine ? (stored.numberDrafts ?? {}) : {};
  const form = withDrafts(formOfProfile(profile.config, startForm.form), numberDrafts);
  const start: Start = { activeIndex: mine ? stored.activeIndex : 0, form, sources: profile.sources as FieldSources, numberDrafts };
  return { start, collection: { ...saved, activeId: profile.id } };
}
