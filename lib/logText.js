// The one way the local Node servers (sandbox, relay) turn values into log text: strings from a request or an
// upstream can never break or forge a log line.

// C0 controls, DEL, C1 controls (incl. CSI), the two Unicode line separators, and the backslash that introduces escapes.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\\]/g;
const SHORT = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\\': '\\\\' };

/**
 * A value as one printable line: control characters and line separators become JSON-style escapes (`\n`, `\u001b`)
 * and a backslash is doubled, so a `%0A` in a client_id shows up as `\n` instead of starting a forged line.
 * @param {unknown} value
 * @returns {string}
 */
export function escapeForLog(value) {
  const text = typeof value === 'string' ? value : String(value);
  return text.replace(UNSAFE, (ch) => SHORT[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Tagged template for log lines: every interpolated value goes through {@link escapeForLog}, the literal parts
 * (written by us) are kept as they are. Use it for every log call: `logger.warn(logLine\`refused (${clientId})\`)`.
 * @param {TemplateStringsArray} strings
 * @param {...unknown} values
 */
export function logLine(strings, ...values) {
  return strings.reduce((out, literal, i) => out + literal + (i < values.length ? escapeForLog(values[i]) : ''), '');
}
