// Text inside an auth-param's quoted-string (WWW-Authenticate error_description): quotes and backslashes escaped,
// control characters dropped, so a message can never end the value or start a header of its own.

/**
 * @param {string} text @returns {string} the body of a quoted-string, without the surrounding quotes
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-5.6.4
 */
export function quotedStringBody(text) {
  // eslint-disable-next-line no-control-regex -- dropping control characters is the point
  return String(text).replace(/[\u0000-\u001f\u007f]/g, '').replace(/["\\]/g, '\\$&');
}
