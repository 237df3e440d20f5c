// The relay's own request body: read up to a cap, then parsed as JSON without echoing any of it back.
import { badRequest } from './refusal.js';

/**
 * Reads and parses a JSON request body of at most `max` bytes. Past the cap the rest is drained, not buffered, so
 * the caller still gets its 400 instead of a reset connection. A parse error never quotes the body (V8's message
 * does: it could hold a secret).
 * @param {import('node:http').IncomingMessage} req
 * @param {number} max
 */
export function readJsonBody(req, max) {
  return new Promise((resolve, reject) => {
    const tooLarge = () => badRequest(`the request body is larger than the relay's limit of ${max} bytes`);
    const declared = Number(req.headers['content-length']);
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size <= max) chunks.push(chunk);
    });
    req.on('error', reject);
    req.on('end', () => {
      if (size > max) return reject(tooLarge());
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        reject(badRequest('the request body is not valid JSON'));
      }
    });
    if (declared > max) {
      req.resume();
      reject(tooLarge());
    }
  });
}
