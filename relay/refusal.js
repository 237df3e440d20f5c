// The relay's two kinds of answers that are not an upstream response: its own refusals and upstream failures.

/**
 * A request the relay will not carry out. `reason` is written for a person (what to change), never echoes a header
 * value, a body, a certificate or a key, and is safe to log.
 */
export class RelayRefusal extends Error {
  /** @param {400 | 403 | 404 | 405 | 503} status @param {string} reason */
  constructor(status, reason) {
    super(reason);
    this.name = 'RelayRefusal';
    this.status = status;
    this.reason = reason;
  }

  toJSON() {
    return { error: 'relay_refused', reason: this.reason };
  }
}

/** 400: the request is malformed or names something the relay cannot use. */
export const badRequest = (reason) => new RelayRefusal(400, reason);

/** 403: the caller (Origin, Host) or the target (address policy) is not allowed. */
export const forbidden = (reason) => new RelayRefusal(403, reason);

/**
 * The upstream could not be reached or answered in a way the relay cannot pass on.
 * `kind` is `unreachable`, `tls`, `too_large` (502) or `timeout` (504); `code` is Node's error code.
 */
export class UpstreamFailure extends Error {
  /** @param {'unreachable' | 'tls' | 'too_large' | 'timeout'} kind @param {string} code @param {string} reason */
  constructor(kind, code, reason) {
    super(reason);
    this.name = 'UpstreamFailure';
    this.kind = kind;
    this.code = code;
    this.reason = reason;
    this.status = kind === 'timeout' ? 504 : 502;
  }

  toJSON() {
    return { error: 'relay_upstream_error', kind: this.kind, code: this.code, reason: this.reason };
  }
}

/**
 * The page closed its connection to the relay before the answer: nobody is left to answer, so the upstream request is
 * aborted and the forward is logged as abandoned (not as a timeout or an upstream failure).
 */
export class ClientGone extends Error {
  constructor() {
    super('the page closed the connection before the answer; the upstream request was aborted');
    this.name = 'ClientGone';
    this.reason = this.message;
  }
}
