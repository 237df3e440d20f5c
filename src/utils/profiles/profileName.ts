// A profile's name: what the `Profile name` field, the store and the import accept.
import { findUnsafeChar } from '../textSafety';

export const MAX_PROFILE_NAME_LENGTH = 64;

/** Why `name` cannot name a profile, or undefined when it can. */
export function profileNameProblem(name: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return 'Give the profile a name.';
  if (trimmed.length > MAX_PROFILE_NAME_LENGTH) return `A profile name has at most ${MAX_PROFILE_NAME_LENGTH} characters.`;
  // The same rule as the form's text fields (textSafety): C0/C1 controls, and bidi and zero-width characters that
  // would let a name read differently from what it is, or two names look alike and both pass the duplicate check.
  const unsafe = findUnsafeChar(trimmed);
  if (unsafe) return `A profile name must not contain control characters or invisible or direction-changing ones (found ${unsafe.codePoint}).`;
  return undefined;
}

/** What two names that are one name to a person share: no case, no surrounding spaces (“Staging”, “staging ”). */
export function profileNameKey(name: string): string {
  return name.trim().toLowerCase();
}

export function sameProfileName(a: string, b: string): boolean {
  return profileNameKey(a) === profileNameKey(b);
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
