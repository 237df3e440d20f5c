// A profile's name: what the `Profile name` field, the store and the import accept.

export const MAX_PROFILE_NAME_LENGTH = 64;

/** Why `name` cannot name a profile, or undefined when it can. */
export function profileNameProblem(name: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return 'Give the profile a name.';
  if (trimmed.length > MAX_PROFILE_NAME_LENGTH) return `A profile name has at most ${MAX_PROFILE_NAME_LENGTH} characters.`;
  for (const ch of trimmed) {
    const code = ch.charCodeAt(0);
    if (code < 0x20 || code === 0x7f) return 'A profile name must not contain control characters.';
  }
  return undefined;
}

/** Names compare without case or surrounding spaces: “Staging” and “staging ” are one name to a person. */
export function sameProfileName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** `base`, or `base (2)`, `base (3)`… — the first not taken (for Duplicate and for a first profile). */
export function unusedProfileName(base: string, taken: readonly string[]): string {
  const root = base.trim().slice(0, MAX_PROFILE_NAME_LENGTH - 5) || 'Profile';
  if (!taken.some((t) => sameProfileName(t, root))) return root;
  for (let n = 2; ; n++) {
    const candidate = `${root} (${n})`;
    if (!taken.some((t) => sameProfileName(t, candidate))) return candidate;
  }
}
