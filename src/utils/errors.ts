// Typed errors with stable string codes: the UI, the logs and the tests switch on `code`, never on messages.

/** Every error code the playground can raise. Stable: tests and the UI depend on these strings. */
export type ErrorCode =
  /** Bad input from a user or caller; `field` names the offending field. */
  | 'INVALID_INPUT'
  /** fetch rejected (DNS, refused, dropped connection, CORS); after a probe, the server did not answer at all. */
  | 'NETWORK'
  /** fetch rejected, but a `no-cors` probe reached the server: it does not let this page read its answers. */
  | 'CORS_BLOCKED'
  /** The local relay did not answer: not running, another port, or it refuses this page's origin. */
  | 'RELAY_UNAVAILABLE'
  /** The local relay refused to forward the request (`relay_refused`); see `reason`. */
  | 'RELAY_REFUSED'
  /** The local relay could not get an answer from the target (`relay_upstream_error`); see `kind`, `reason`. */
  | 'RELAY_UPSTREAM_ERROR'
  /** The request did not complete within the timeout. */
  | 'TIMEOUT'
  /** The caller aborted. */
  | 'ABORTED'
  /** A non-2xx HTTP status without a recognised OAuth error body. */
  | 'HTTP_STATUS'
  /** An RFC 6749 §5.2 error body (`error`, `error_description`). */
  | 'OAUTH_ERROR'
  /** 401/403 with no body: the server rejected the client credentials without saying why. */
  | 'CLIENT_AUTH_REJECTED'
  /** A response that is not what the protocol promises (HTML, malformed JSON, 200 without access_token). */
  | 'INVALID_RESPONSE'
  /** The server answered with a redirect (3xx); token requests never follow one. */
  | 'REDIRECTED'
  /** A key that cannot be used: malformed PEM/JWK, too short, alg that does not fit. */
  | 'KEY_ERROR'
  /** Storage blocked, full or unavailable. */
  | 'STORAGE_ERROR'
  /** Discovery document missing or unusable. */
  | 'DISCOVERY_ERROR'
  /** A resource API (PingOne, microauthd) refused the call; see `status`. */
  | 'API_ERROR'
  /** Something that is not a PlaygroundError was thrown (a bug, or a library failing in an unforeseen way). */
  | 'UNEXPECTED';

export interface PlaygroundErrorOptions {
  cause?: unknown;
  /** The input field at fault, named as the flow form names it (`scopes`, `signingAlg`, `privateKey`…). */
  field?: string;
  /** HTTP status, when an HTTP exchange produced the error. */
  status?: number;
}

/** Base class: every error thrown by playground code is one of these. */
export class PlaygroundError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly status: number | undefined;

  constructor(code: ErrorCode, message: string, options: PlaygroundErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'PlaygroundError';
    this.code = code;
    this.field = options.field;
    this.status = options.status;
  }

  /** A plain object safe to log or show: no Response, no cause chain with request bodies. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, code: this.code, message: this.message, field: this.field, status: this.status };
  }
}

/** Bad input: always names the field, so forms can put the message next to it. */
export class InputError extends PlaygroundError {
  constructor(field: string, message: string, cause?: unknown) {
    super('INVALID_INPUT', message, { field, cause });
    this.name = 'InputError';
  }
}

/** What an HTTP answer that went wrong carries besides code and message. */
export interface HttpResponseErrorOptions extends PlaygroundErrorOptions {
  /** Kept non-enumerable on the error: logging or JSON-serialising the error never serialises it. */
  response?: Response | undefined;
  /** The start of the body (masked), for display. */
  bodySnippet?: string | undefined;
  /** The server's Retry-After, in ms from when the response was processed. */
  retryAfterMs?: number | undefined;
}

/**
 * An HTTP exchange that produced an answer the caller cannot use: the status, a masked body snippet and the
 * Retry-After are typed fields, so the retry policy and the UI read them without guessing.
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3
 */
export class HttpResponseError extends PlaygroundError {
  readonly bodySnippet: string | undefined;
  readonly retryAfterMs: number | undefined;
  declare readonly response: Response | undefined;

  constructor(code: ErrorCode, message: string, options: HttpResponseErrorOptions = {}) {
    super(code, message, options);
    this.name = 'HttpResponseError';
    this.bodySnippet = options.bodySnippet;
    this.retryAfterMs = options.retryAfterMs;
    Object.defineProperty(this, 'response', { value: options.response, enumerable: false });
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), bodySnippet: this.bodySnippet, retryAfterMs: this.retryAfterMs };
  }
}

/** A token endpoint answer that is not a token: HTTP status, redirect, empty/HTML/malformed body (RFC 6749 §5). */
export class TokenEndpointError extends HttpResponseError {
  constructor(code: ErrorCode, message: string, options: HttpResponseErrorOptions = {}) {
    super(code, message, options);
    this.name = 'TokenEndpointError';
  }
}

/** The members of an RFC 6749 §5.2 error body. */
export interface OAuthErrorBody {
  error: string;
  error_description?: string | undefined;
  error_uri?: string | undefined;
}

/**
 * An RFC 6749 §5.2 error returned by the token endpoint: `error`, `error_description`, `error_uri` and the status.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
export class OAuthResponseError extends TokenEndpointError {
  readonly error: string;
  readonly error_description: string | undefined;
  readonly error_uri: string | undefined;

  constructor(body: OAuthErrorBody, status: number, options: Omit<HttpResponseErrorOptions, 'status'> = {}) {
    super('OAUTH_ERROR', `${body.error}${body.error_description ? `: ${body.error_description}` : ''}`, { ...options, status });
    this.name = 'OAuthResponseError';
    this.error = body.error;
    this.error_description = body.error_description;
    this.error_uri = body.error_uri;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), error: this.error, error_description: this.error_description };
  }
}

/** What a network failure turned out to be, once a `no-cors` probe of the same URL has settled it. */
export type Reachability = 'cors_blocked' | 'unreachable';

/**
 * A request that got no readable answer, after the probe: `CORS_BLOCKED` (the server is there, but its answer is
 * not readable from this page: no Access-Control-Allow-Origin) or `NETWORK` (nothing answered at `origin`).
 * @see https://fetch.spec.whatwg.org/#concept-request-mode
 */
export class NetworkFailureError extends PlaygroundError {
  readonly reachability: Reachability;
  /** The origin that was called (scheme, host, port): no path, no query. */
  readonly origin: string;

  constructor(reachability: Reachability, origin: string, message: string, cause?: unknown) {
    super(reachability === 'cors_blocked' ? 'CORS_BLOCKED' : 'NETWORK', message, { cause });
    this.name = 'NetworkFailureError';
    this.reachability = reachability;
    this.origin = origin;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), reachability: this.reachability, origin: this.origin };
  }
}

/** How the relay's upstream failed (relay/README.md "Refusals and failures"). */
export type RelayUpstreamKind = 'unreachable' | 'tls' | 'timeout' | 'too_large';

export interface RelayErrorFields {
  /** The relay's URL (its origin), so a card can say which relay. */
  relayUrl: string;
  /** The relay's reason, written for a person (never a header value, body, certificate or key). */
  reason?: string | undefined;
  /** `relay_upstream_error` only. */
  kind?: RelayUpstreamKind | undefined;
  /** `relay_upstream_error` only: the Node or OpenSSL code, e.g. `ECONNREFUSED`, `CERT_HAS_EXPIRED`. */
  upstreamCode?: string | undefined;
  cause?: unknown;
}

/**
 * The local relay is not running, refused the request, or could not reach the target: one class, three codes.
 * No `status`: the relay's own 403/502/504 is not an answer from the server that was called.
 */
export class RelayError extends PlaygroundError {
  readonly relayUrl: string;
  readonly reason: string | undefined;
  readonly kind: RelayUpstreamKind | undefined;
  readonly upstreamCode: string | undefined;

  constructor(code: 'RELAY_UNAVAILABLE' | 'RELAY_REFUSED' | 'RELAY_UPSTREAM_ERROR', message: string, fields: RelayErrorFields) {
    super(code, message, { cause: fields.cause });
    this.name = 'RelayError';
    this.relayUrl = fields.relayUrl;
    this.reason = fields.reason;
    this.kind = fields.kind;
    this.upstreamCode = fields.upstreamCode;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), relayUrl: this.relayUrl, reason: this.reason, kind: this.kind, upstreamCode: this.upstreamCode };
  }
}

export function isPlaygroundError(value: unknown): value is PlaygroundError {
  return value instanceof PlaygroundError;
}
