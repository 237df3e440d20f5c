// The profiles export file: a versioned JSON envelope of named configurations, its schema, parser and writer.
// The envelope is the core's; what a configuration holds is the caller's schema (the app passes its form's shape,
// the headless runner the fields it reads), so a field added to the form travels without touching this file.
import { findUnsafeChar } from '../textSafety';
import { parseJsonSafely } from '../secureJson';
import * as z from '../zod';
import { profileNameKey, profileNameProblem } from './profileName';

/** The `format` member: says what the file is, so a file of another kind is refused by name, not by accident. */
export const PROFILE_FILE_FORMAT = 'oauth-m2m-playground/profiles';
/** The version this build writes and reads. A later version may add meaning this build cannot honour. */
export const PROFILE_FILE_VERSION = 1;
/** A profile is a few hundred bytes; a file far larger than a generous collection is refused before parsing. */
export const MAX_PROFILE_FILE_BYTES = 256 * 1024;
export const MAX_PROFILES = 50;

/** One profile as exported: its name and its configuration (never a secret or a private key). */
export interface ExportedProfile<C> {
  name: string;
  config: C;
}

export type ProfileFileResult<C> = { ok: true; profiles: ExportedProfile<C>[] } | { ok: false; error: string };

/** Hostile text shown in a message: shortened, control, bidi and zero-width characters replaced (textSafety). */
function quoted(text: string): string {
  let clean = '';
  for (const ch of text.slice(0, 64)) clean += findUnsafeChar(ch) ? '\uFFFD' : ch;
  return `“${clean}${text.length > 64 ? '…' : ''}”`;
}

/** Where an issue is, in the words of the file: `profile 2, config.clientId`. */
function placeOf(path: ReadonlyArray<PropertyKey>): string {
  if (path[0] !== 'profiles' || typeof path[1] !== 'number') return path.length ? `${path.map(String).join('.')}` : 'the file';
  const rest = path.slice(2).map(String).join('.');
  return `profile ${path[1] + 1}${rest ? `, ${rest}` : ''}`;
}

/** The first zod issue as one sentence: unknown fields are named, other problems say where they are. */
function describeIssue(issue: z.core.$ZodIssue): string {
  const place = placeOf(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const names = issue.keys.map(quoted).join(', ');
    return `The file has ${issue.keys.length === 1 ? 'an unknown field' : 'unknown fields'} ${names} in ${place}; this playground does not know ${issue.keys.length === 1 ? 'it' : 'them'}, so nothing was imported.`;
  }
  return `The file is not valid at ${place}: ${issue.message}`;
}

/** The whole file's schema for a configuration schema. Every level is strict: nothing unknown slips in. */
export function profileFileSchema<C extends z.ZodMiniType>(configSchema: C) {
  const name = z.string().check(z.superRefine((value, ctx) => {
    const problem = profileNameProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }));
  return z.strictObject({
    format: z.literal(PROFILE_FILE_FORMAT),
    version: z.literal(PROFILE_FILE_VERSION),
    profiles: z.array(z.strictObject({ name, config: configSchema })).check(z.maxLength(MAX_PROFILES, `at most ${MAX_PROFILES} profiles`)),
  });
}

/** The envelope's first three checks, each with its own message (a wrong version is not "invalid JSON"). */
function envelopeProblem(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'This is not a profiles file: it holds no JSON object.';
  const { format, version } = value as { format?: unknown; version?: unknown };
  if (format !== PROFILE_FILE_FORMAT) return `This is not a profiles file: its format is not “${PROFILE_FILE_FORMAT}”.`;
  if (version !== PROFILE_FILE_VERSION) {
    const said = typeof version === 'number' && Number.isFinite(version) ? `version ${version}` : 'no valid version';
    return `This profiles file has ${said}; this playground reads version ${PROFILE_FILE_VERSION}. Nothing was imported.`;
  }
  return undefined;
}

function duplicateName(profiles: ReadonlyArray<{ name: string }>): string | undefined {
  const seen = new Set<string>();
  for (const { name } of profiles) {
    const key = profileNameKey(name);
    if (seen.has(key)) return name;
    seen.add(key);
  }
  return undefined;
}

/**
 * Reads a profiles file from untrusted text: size-capped, JSON parsed without prototype keys, the format and version
 * checked first, then every profile against `configSchema`. Never throws; a problem is one sentence for the person.
 */
export function parseProfileFile<C extends z.ZodMiniType>(text: string, configSchema: C): ProfileFileResult<z.infer<C>> {
  const parsed = parseJsonSafely(text, { maxBytes: MAX_PROFILE_FILE_BYTES });
  if (!parsed.ok) {
    return { ok: false, error: parsed.reason === 'too_large' ? `The file is larger than ${MAX_PROFILE_FILE_BYTES / 1024} KiB; a profiles file is far smaller. Nothing was imported.` : 'The file is not valid JSON. Nothing was imported.' };
  }
  const envelope = envelopeProblem(parsed.value);
  if (envelope) return { ok: false, error: envelope };
  const valid = profileFileSchema(configSchema).safeParse(parsed.value);
  if (!valid.success) return { ok: false, error: describeIssue(valid.error.issues[0]!) };
  // zod's inferred type of a generic member does not narrow here; the schema has checked each config.
  const checked = valid.data.profiles as unknown as ReadonlyArray<{ name: string; config: z.infer<C> }>;
  const profiles = checked.map((p) => ({ name: p.name.trim(), config: p.config }));
  const twice = duplicateName(profiles);
  if (twice !== undefined) return { ok: false, error: `The file names two profiles ${quoted(twice)}. Nothing was imported.` };
  return { ok: true, profiles };
}

/** The file's text for these profiles (pretty-printed: people read and diff these files). */
export function serializeProfileFile<C>(profiles: ReadonlyArray<ExportedProfile<C>>): string {
  const file = { format: PROFILE_FILE_FORMAT, version: PROFILE_FILE_VERSION, profiles: profiles.map(({ name, config }) => ({ name, config })) };
  return `${JSON.stringify(file, null, 2)}\n`;
}
