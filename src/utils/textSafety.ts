// Characters an identifier must not carry: controls, bidirectional controls, invisible format characters.
//
// A client ID, key ID, audience or resource is sent in headers, form bodies and JWTs, shown on screen, stored and
// shared in links. A control character there corrupts what is sent (CR/LF in a header, NUL in a JWT); a
// bidirectional control makes the text display in another order than it is sent ("Trojan Source",
// CVE-2021-42574); a zero-width character makes two values that look the same differ.

/** Why a character was refused, in words a person can act on. */
export type UnsafeCharKind = 'control' | 'bidi' | 'invisible' | 'surrogate';

export interface UnsafeChar {
  kind: UnsafeCharKind;
  /** `U+202E` */
  codePoint: string;
  /** index in the string (UTF-16 units) */
  index: number;
}

/**
 * Unicode `Bidi_Control`: U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069.
 * @see https://www.unicode.org/reports/tr9/#Directional_Formatting_Characters
 */
const BIDI = /\p{Bidi_Control}/u;
/** General category Cc: C0 (NUL, CR, LF, TAB…), DEL and C1. */
const CONTROL = /\p{Cc}/u;
/**
 * General category Cf (format): zero-width space/joiners U+200B–U+200D, word joiner U+2060, BOM U+FEFF, soft hyphen,
 * tag characters… — invisible, so two identifiers that read the same can differ.
 * @see https://www.unicode.org/reports/tr44/#General_Category_Values
 */
const FORMAT = /\p{Cf}/u;
/** A lone surrogate: not text at all; UTF-8 encoders replace it, so what is sent is not what was typed. */
const LONE_SURROGATE = /\p{Cs}/u;

const ANY_UNSAFE = /[\p{Cc}\p{Cf}\p{Cs}]/u;

function kindOf(ch: string): UnsafeCharKind {
  if (BIDI.test(ch)) return 'bidi';
  if (CONTROL.test(ch)) return 'control';
  if (LONE_SURROGATE.test(ch)) return 'surrogate';
  return FORMAT.test(ch) ? 'invisible' : 'control';
}

/** The first control, bidirectional-control, invisible format character or lone surrogate in `text`, if any. */
export function findUnsafeChar(text: string): UnsafeChar | undefined {
  const match = ANY_UNSAFE.exec(text);
  if (!match) return undefined;
  const ch = match[0];
  const codePoint = `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
  return { kind: kindOf(ch), codePoint, index: match.index };
}

const KIND_TEXT: Record<UnsafeCharKind, string> = {
  control: 'a control character (such as a line break or NUL), which would corrupt the request',
  bidi: 'a bidirectional control, which makes text display in a different order than it is sent',
  invisible: 'an invisible character (such as a zero-width space), so it differs from what it looks like',
  surrogate: 'a broken character (a lone UTF-16 surrogate), which cannot be sent as typed',
};

/** `Client ID contains U+202E, a bidirectional control, …; remove it.` — or undefined when the text is clean. */
export function unsafeCharMessage(label: string, text: string): string | undefined {
  const found = findUnsafeChar(text);
  if (!found) return undefined;
  return `${label} contains ${found.codePoint}, ${KIND_TEXT[found.kind]}; remove it.`;
}

/** True when {@link findUnsafeChar} finds nothing: for schemas that only need a yes/no. */
export function isSafeIdentifierText(text: string): boolean {
  return !ANY_UNSAFE.test(text);
}
