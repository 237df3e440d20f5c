// A profile's configuration is the form itself: its schema is derived from flowFormShape, so a field added to
// FlowForm is saved, exported and imported with no change here. FlowForm holds no secret by contract, so neither
// does a profile; `keyRef`/`kid` name a key, they never carry it.
import { createProfileStore, type ProfileStore } from '../../../utils/profiles/profileStore';
import { parseProfileFile, serializeProfileFile, type ExportedProfile, type ProfileFileResult } from '../../../utils/profiles/profileFile';
import type { StorageSource } from '../../../utils/storage';
import * as z from '../../../utils/zod';
import { fieldsPassingTheirRules, flowFormShape } from './flowFormSchema';
import type { FlowForm } from './flowTypes';

/** What a profile keeps: the form's fields; one missing (older file, or over its limit) comes from configuration. */
export type ProfileConfig = Partial<FlowForm>;

/**
 * The import's configuration schema: every field optional, each checked by its form rule, and any other member
 * refused — a `clientSecret` or a private key in a file is an error, never silently dropped or kept. Built on first
 * use, not at import (issue 24: page-load main thread; see lazySchema).
 */
export const profileConfigSchema = z.lazySchema(() => z.partial(z.strictObject(flowFormShape())));

/** Each field on its own against its rule: what fails (NaN while typing, over a limit, unknown) is left out. */
export function profileConfigOf(value: unknown): ProfileConfig {
  if (value === null || typeof value !== 'object') return {};
  return fieldsPassingTheirRules(value);
}

/** The form a profile shows: the configuration's starting form with the profile's fields over it. */
export function formOfProfile(config: ProfileConfig, base: FlowForm): FlowForm {
  return { ...base, ...config };
}

/** The app's profile store: localStorage (see profileStore.ts for why), each field checked on the way in and out. */
export function createFlowProfileStore(storage?: StorageSource): ProfileStore<ProfileConfig> {
  return createProfileStore<ProfileConfig>({ storage, readConfig: profileConfigOf, writeConfig: profileConfigOf });
}

export function exportProfilesFile(profiles: ReadonlyArray<ExportedProfile<ProfileConfig>>): string {
  return serializeProfileFile(profiles.map(({ name, config }) => ({ name, config: profileConfigOf(config) })));
}

export function parseProfilesFile(text: string): ProfileFileResult<ProfileConfig> {
  return parseProfileFile(text, profileConfigSchema()) as ProfileFileResult<ProfileConfig>;
}
