// The sandbox's last word on an error no route answered: JSON without a stack, in every NODE_ENV.
import { STATUS_CODES } from 'node:http';

import { logLine } from '../lib/logText.js';

/**
 * Express's own final handler renders an HTML page with the stack trace (file paths included) unless NODE_ENV is
 * `production`. This one answers `{ error, message }` — `server_error` for a 500, `invalid_request` for an error that
 * carries a 4xx status (a body parser's, a bad percent-encoding) — and PingOne's error shape under /v1/. The stack
 * goes to the sandbox console only.
 * @param {{ error(message: string): void }} logger
 * @returns {import('express').ErrorRequestHandler}
 */
export function createFinalErrorHandler(logger) {
  // Express recognises an error handler by its four parameters, so `next` stays although it is never called.
  // eslint-disable-next-line no-unused-vars
  return function finalErrorHandler(err, req, res, next) {
    const status = Number.isInteger(err?.status) && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) logger.error(logLine`[sandbox] unexpected error ${req.method} ${req.path}: ${err?.stack ?? err}`);
    if (res.headersSent) {
      // Half an answer is already on the wire: ending the connection is the only honest signal left.
      req.socket.destroy();
      return;
    }
    const message = status === 500 ? 'unexpected sandbox error' : (STATUS_CODES[status] ?? 'bad request');
    res.status(status).json(req.path.startsWith('/v1/')
      ? { id: 'sandbox-error', code: status === 500 ? 'UNEXPECTED_ERROR' : 'INVALID_REQUEST', message }
      : { error: status === 500 ? 'server_error' : 'invalid_request', message });
  };
}
