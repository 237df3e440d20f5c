// String literals for each exported language: any value (a URL, a client id, a scope) round-trips as data.

/**
 * A double-quoted literal for JavaScript, Python, Java and C#: JSON string syntax (`\"`, `\\`, `\n`, `\uXXXX`) is
 * valid in all four, and JSON never emits `\/` or a raw line break.
 * @see https://www.rfc-editor.org/rfc/rfc8259#section-7
 */
export function quoted(value: string): string {
  // C# ends a line (and so a literal) at U+0085, U+2028 and U+2029; escaped, they stay data everywhere.
  return JSON.stringify(value).replace(/[\u0085\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Text safe inside a line comment of any exported language: no character that ends a line there (C# and
 * JavaScript also end lines at U+2028/U+2029, C# at U+0085), so a hostile client id cannot become code.
 */
export function commentText(value: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return value.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]/g, '?');
}

/**
 * A Go interpreted string literal. JSON's escapes are Go's too, except that Go refuses an escaped lone surrogate
 * (not a Unicode code point), so one becomes U+FFFD.
 * @see https://go.dev/ref/spec#String_literals
 */
export function goQuoted(value: string): string {
  return quoted(value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));
}

/**
 * A PowerShell verbatim (single-quoted) string: nothing expands inside; a quote is doubled. PowerShell also takes
 * the typographic single quotes U+2018–U+201B as quotes, so those are doubled too.
 * @see https://learn.microsoft.com/powershell/module/microsoft.powershell.core/about/about_quoting_rules
 */
export function powershellQuoted(value: string): string {
  return `'${value.replace(/['\u2018\u2019\u201A\u201B]/g, (q) => q + q)}'`;
}

/** Indents every non-empty line of a block. */
export function indent(lines: readonly string[], by: string): string[] {
  return lines.map((line) => (line === '' ? '' : by + line));
}
