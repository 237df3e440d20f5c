// Answers to requests Node's HTTP parser refuses (headers too large, malformed), readable by the app's origins.
import { maxHeaderSize, STATUS_CODES } from 'node:http';

// Node's own choice of status per parser error (lib/_http_server.js socketOnError); anything else is a 400.
const STATUS_BY_CODE = { HPE_HEADER_OVERFLOW: 431, HPE_CHUNK_EXTENSIONS_OVERFLOW: 413, ERR_HTTP_REQUEST_TIMEOUT: 408 };
const ORIGIN_LINE = /\r\norigin:[ \t]*([^\r\n]*)/i;

/**
 * The Origin header of a request the parser gave up on, read from the bytes it was parsing (`err.rawPacket`).
 * Those are the bytes of the read that failed: for a request whose headers arrive in one read (tens of KB over
 * loopback) that is the whole header block; when the Origin line came in an earlier read it is not found, and the
 * answer goes without CORS headers, as Node's default one does.
 * @param {unknown} rawPacket
 * @returns {string | undefined}
 */
function originOf(rawPacket) {
  if (!Buffer.isBuffer(rawPacket)) return undefined;
  const headEnd = rawPacket.indexOf('\r\n\r\n');
  const head = rawPacket.toString('latin1', 0, headEnd === -1 ? rawPacket.length : headEnd);
  return ORIGIN_LINE.exec(head)?.[1].trim();
}

/**
 * A `clientError` listener for the sandbox's servers. Node answers these requests itself (a bare 431 or 400) before
 * any middleware runs, so the answer has no Access-Control-Allow-Origin and a browser reports a CORS failure
 * instead of the status. This one sends the same status with a JSON body, and the CORS headers when the
 * request's Origin is one the sandbox allows (only a listed origin is ever echoed).
 * @param {(origin: unknown) => boolean} isAllowedOrigin
 * @returns {(err: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: import('node:stream').Duplex) => void}
 * @see https://nodejs.org/api/http.html#event-clienterror
 * @see https://www.rfc-editor.org/rfc/rfc6585#section-5 (431 Request Header Fields Too Large)
 */
export function createClientErrorHandler(isAllowedOrigin) {
  return function answerClientError(err, socket) {
    // As Node's default: nothing can be written to a reset or closed socket, or after a response began (the
    // parser error came from a later, pipelined request).
    if (err.code === 'ECONNRESET' || !socket.writable || socket._httpMessage?.headersSent) {
      socket.destroy();
      return;
    }
    const status = STATUS_BY_CODE[err.code] ?? 400;
    const origin = originOf(err.rawPacket);
    const body = JSON.stringify({
      error: 'invalid_request',
      message: status === 431 ? `the request headers are larger than the sandbox accepts (${maxHeaderSize} bytes in all)` : STATUS_CODES[status],
    });
    const lines = [
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
      'Content-Type: application/json; charset=utf-8',
      `Content-Length: ${Buffer.byteLength(body)}`,
      'Cache-Control: no-store',
      'Connection: close',
      'Vary: Origin',
      ...(isAllowedOrigin(origin) ? [`Access-Control-Allow-Origin: ${origin}`] : []),
    ];
    socket.end(`${lines.join('\r\n')}\r\n\r\n${body}`);
  };
}
