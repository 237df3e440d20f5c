// The error thrown for bad admin input: carries the offending field so the error body can name it.

/**
 * Bad input to a sandbox admin endpoint; rendered as `{ error, message, field }` with `status`: 400
 * `invalid_request` by default, 413 for a value over a size cap, 409 for a collection that is full.
 */
export class SandboxInputError extends Error {
  /**
   * @param {string | undefined} field  the request field at fault (e.g. `scope`, `body`); undefined for a full collection
   * @param {string} message  what is wrong and what is expected
   * @param {{ status?: 400 | 409 | 413, error?: string }} [options]
   */
  constructor(field, message, { status = 400, error = 'invalid_request' } = {}) {
    super(message);
    this.name = 'SandboxInputError';
    this.field = field;
    this.status = status;
    this.error = error;
  }
}

/**
 * A value over a size cap: 413 Content Too Large, which RFC 9110 §15.5.14 defines for "request content larger than
 * the server is willing or able to process".
 * @param {string} field @param {string} message
 */
export const tooLarge = (field, message) => new SandboxInputError(field, message, { status: 413 });

/**
 * A collection at its cap: 409 Conflict, "a conflict with the current state of the target resource", used "where the
 * user might be able to resolve the conflict and resubmit" (RFC 9110 §15.5.10) — deleting faults or resetting
 * frees room. Not 429 (that is about request rate, RFC 6585 §4, and clients retry it) nor 507 (a 5xx blames the
 * server for what the caller can fix).
 * @param {string} message  names the cap and how to make room
 */
export const limitReached = (message) => new SandboxInputError(undefined, message, { status: 409, error: 'limit_reached' });
