// Fault injection for the token endpoint and the emulated APIs: errors, Retry-After, delays, drops, broken bodies.
import { randomUUID } from 'node:crypto';

import { limitReached, SandboxInputError, tooLarge } from './inputError.js';

const TARGETS = ['token', 'api'];
const MAX_DELAY_MS = 30_000;
const MAX_RETRY_AFTER_SECONDS = 86_400;
/** Faults armed at once; each may hit up to 1000 requests, so 100 covers any demo (409 beyond, see limitReached). */
export const MAX_FAULTS = 100;
/** Characters of a raw fault body: room for a proxy's HTML error page, not for megabytes kept in memory (413 beyond). */
export const MAX_FAULT_BODY_CHARS = 16_384;
const PINGONE_CODES = { 400: 'INVALID_DATA', 401: 'ACCESS_FAILED', 403: 'ACCESS_FAILED', 404: 'NOT_FOUND', 415: 'INVALID_REQUEST', 429: 'REQUEST_LIMITED' };

// RFC 9110 §5.6.2 tchar, §5.6.4 quoted-string (no obs-text), §5.6.6 parameters: media-type of §8.3.1.
const TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
const QUOTED_STRING = '"(?:[\\t !#-\\[\\]-~]|\\\\[\\t -~])*"';
const MEDIA_TYPE = new RegExp(`^${TOKEN}/${TOKEN}(?:[ \\t]*;[ \\t]*${TOKEN}=(?:${TOKEN}|${QUOTED_STRING}))*$`);
const MAX_CONTENT_TYPE_LENGTH = 200;

/**
 * @typedef {object} Fault
 * @property {string} id
 * @property {'token' | 'api'} target
 * @property {number} count  how many requests it was created for
 * @property {number} remaining  how many more requests it will hit
 * @property {number} [status]
 * @property {number | string} [retryAfter]  seconds, or an HTTP date
 * @property {number} [delayMs]
 * @property {boolean} [drop]
 * @property {string} [body]  raw response text
 * @property {string} [contentType]
 */

const isInt = (value, min, max) => Number.isInteger(value) && value >= min && value <= max;

/**
 * A Retry-After value the sandbox can send as is: delay-seconds, or an HTTP-date in the IMF-fixdate form senders
 * must generate (a date that `toUTCString` writes back unchanged, so no stray characters reach the header).
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3 and §5.6.7
 */
function isRetryAfter(value) {
  if (typeof value === 'number') return isInt(value, 0, MAX_RETRY_AFTER_SECONDS);
  if (typeof value !== 'string') return false;
  if (/^\d{1,5}$/.test(value)) return Number(value) <= MAX_RETRY_AFTER_SECONDS;
  const parsed = Date.parse(value);
  return !Number.isNaN(parsed) && new Date(parsed).toUTCString() === value;
}

/** A Content-Type value that is one media type (RFC 9110 §8.3.1), so setting it as a header cannot throw. */
const isMediaType = (value) => typeof value === 'string' && value.length <= MAX_CONTENT_TYPE_LENGTH && MEDIA_TYPE.test(value);

/** The response fields: each is checked here, at the door, so that injecting the fault later cannot throw. */
function checkResponseFields({ status, retryAfter, delayMs, drop, body: text, contentType }) {
  if (status !== undefined && !isInt(status, 200, 599)) throw new SandboxInputError('status', 'status must be an integer HTTP status from 200 to 599');
  if (delayMs !== undefined && !isInt(delayMs, 0, MAX_DELAY_MS)) throw new SandboxInputError('delayMs', `delayMs must be an integer from 0 to ${MAX_DELAY_MS}`);
  if (drop !== undefined && typeof drop !== 'boolean') throw new SandboxInputError('drop', 'drop must be a boolean');
  if (text !== undefined && typeof text !== 'string') throw new SandboxInputError('body', 'body must be a string (raw response text)');
  if (text !== undefined && text.length > MAX_FAULT_BODY_CHARS) throw tooLarge('body', `body must be at most ${MAX_FAULT_BODY_CHARS} characters`);
  if (contentType !== undefined && !isMediaType(contentType)) {
    throw new SandboxInputError('contentType', `contentType must be one media type such as text/html; charset=utf-8 (at most ${MAX_CONTENT_TYPE_LENGTH} characters)`);
  }
  if (retryAfter !== undefined) {
    if (!isRetryAfter(retryAfter)) {
      throw new SandboxInputError('retryAfter', `retryAfter must be seconds (0-${MAX_RETRY_AFTER_SECONDS}) or an HTTP date such as Wed, 01 Jan 2031 00:00:00 GMT`);
    }
    if (status === undefined) throw new SandboxInputError('retryAfter', 'retryAfter needs a status (e.g. 429 or 503)');
  }
  if (drop && (status !== undefined || text !== undefined)) throw new SandboxInputError('drop', 'drop cannot be combined with status or body');
  if (!drop && status === undefined && text === undefined && !delayMs) {
    throw new SandboxInputError('status', 'a fault needs at least one of status, body, drop or delayMs');
  }
}

/** Validates a `POST /sandbox/faults` body. @param {unknown} body @returns {Fault} */
export function parseFault(body) {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new SandboxInputError('body', 'the body must be a JSON object');
  }
  const { target, count = 1, status, retryAfter, delayMs, drop, body: text, contentType } = body;
  if (!TARGETS.includes(target)) throw new SandboxInputError('target', 'target must be "token" or "api"');
  if (!isInt(count, 1, 1000)) throw new SandboxInputError('count', 'count must be an integer from 1 to 1000');
  checkResponseFields(body);
  return {
    id: randomUUID(), target, count, remaining: count,
    ...(status === undefined ? {} : { status }),
    ...(retryAfter === undefined ? {} : { retryAfter }),
    ...(delayMs === undefined ? {} : { delayMs }),
    ...(drop === undefined ? {} : { drop }),
    ...(text === undefined ? {} : { body: text }),
    ...(contentType === undefined ? {} : { contentType }),
  };
}

/** The error body a real server of that kind would send: RFC 6749 §5.2 for the token endpoint, PingOne's otherwise. */
function defaultBody(fault) {
  const status = fault.status ?? 200;
  if (fault.target === 'token') {
    return { error: 'temporarily_unavailable', error_description: `Injected sandbox fault (HTTP ${status})` };
  }
  const code = PINGONE_CODES[status] ?? 'UNEXPECTED_ERROR';
  const message = status === 429 ? 'Too many requests. Retry later.' : `Injected sandbox fault (HTTP ${status})`;
  return {
    id: randomUUID(), code, message,
    ...(status === 429 ? { details: [{ code: 'REQUEST_LIMITED', message, innerError: { retryAfter: fault.retryAfter ?? 1 } }] } : {}),
  };
}

const guessContentType = (text) => (text.trimStart().startsWith('<') ? 'text/html; charset=utf-8' : 'application/json');

/**
 * @param {{ tokenPath: string, applyCors(req: import('express').Request, res: import('express').Response): void }} options
 *   tokenPath: `/{envId}/as/token`; applyCors: the token endpoint's own CORS is bypassed by a fault, so add it here.
 */
export function createFaults({ tokenPath, applyCors }) {
  /** @type {Fault[]} */
  let faults = [];

  /** Which fault target a request belongs to; preflights never belong to one (they must not use a fault up). */
  function targetOf(req) {
    if (req.method === 'OPTIONS') return undefined;
    if (req.path === tokenPath) return req.method === 'POST' ? 'token' : undefined;
    if (req.path.startsWith('/v1/')) return 'api';
    if (req.path.startsWith('/microauthd/') && req.path !== '/microauthd/token') return 'api';
    return undefined;
  }

  function take(target) {
    const fault = faults.find((f) => f.target === target && f.remaining > 0);
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining === 0) faults = faults.filter((f) => f !== fault);
    return { ...fault };
  }

  /**
   * Synchronous when no fault applies (every request under load): an async handler would add a promise and its
   * express bookkeeping to each token request for nothing.
   * @type {import('express').RequestHandler}
   */
  function middleware(req, res, next) {
    const target = targetOf(req);
    const fault = target && take(target);
    if (!fault) return next();
    return inject(fault, target, req, res, next);
  }

  async function inject(fault, target, req, res, next) {
    if (fault.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    if (fault.drop) {
      req.socket.destroy();
      return undefined;
    }
    if (fault.status === undefined && fault.body === undefined) return next();
    if (target === 'token') applyCors(req, res);
    res.status(fault.status ?? 200);
    res.setHeader('Cache-Control', 'no-store');
    if (fault.retryAfter !== undefined) res.setHeader('Retry-After', String(fault.retryAfter));
    if (fault.body === undefined) return res.json(defaultBody(fault));
    res.setHeader('Content-Type', fault.contentType ?? guessContentType(fault.body));
    return res.send(fault.body);
  }

  return {
    /** @param {unknown} body @returns {Fault} */
    add(body) {
      const fault = parseFault(body);
      if (faults.length >= MAX_FAULTS) {
        throw limitReached(`the sandbox holds at most ${MAX_FAULTS} armed faults; DELETE /sandbox/faults or POST /sandbox/reset first`);
      }
      faults.push(fault);
      return { ...fault };
    },
    list: () => faults.map((f) => ({ ...f })),
    clear() {
      faults = [];
    },
    middleware,
  };
}
