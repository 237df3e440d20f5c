// The error thrown for bad admin input: carries the offending field so the 400 body can name it.

/** Bad input to a sandbox admin endpoint; rendered as 400 `{ error: 'invalid_request', message, field }`. */
export class SandboxInputError extends Error {
  /**
   * @param {string} field  the request field at fault (e.g. `scope`, `body`)
   * @param {string} message  what is wrong and what is expected
   */
  constructor(field, message) {
    super(message);
    this.name = 'SandboxInputError';
    this.field = field;
  }
}
