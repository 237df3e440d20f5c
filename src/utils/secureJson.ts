// JSON parsing for untrusted input: size-capped, never throws, and stripped of prototype-polluting keys.

/** Default cap for any JSON the playground reads from a server or from storage. */
export const DEFAULT_MAX_JSON_BYTES = 1024 * 1024;

export type JsonParseResult = { ok: true; value: unknown } | { ok: false; reason: 'too_large' | 'malformed' };

/** A JSON body read from a Response; `text` is kept (capped) so error cards can show what the server sent. */
export type JsonBodyResult = (JsonParseResult & { text: string }) | { ok: false; reason: 'too_large'; text?: undefined };

const encoder = new TextEncoder();

function utf8Length(text: string): number {
  // Every UTF-16 code unit costs 1–3 UTF-8 bytes, so most strings are decided without encoding them.
  return encoder.encode(text).byteLength;
}

function exceeds(text: string, maxBytes: number): boolean {
  if (text.length > maxBytes) return true;
  if (text.length * 3 <= maxBytes) return false;
  return utf8Length(text) > maxBytes;
}

/**
 * Drops `__proto__` members and `constructor.prototype` shapes. JSON.parse itself makes `__proto__` an own
 * property, but a later spread or Object.assign would turn it into a prototype change.
 */
function dropPollutingKeys(key: string, value: unknown): unknown {
  if (key === '__proto__') return undefined;
  if (key === 'constructor' && value !== null && typeof value === 'object' && 'prototype' in value) return undefined;
  return value;
}

/** Parses JSON from an untrusted source. Never throws. */
export function parseJsonSafely(text: string, opts: { maxBytes?: number } = {}): JsonParseResult {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_JSON_BYTES;
  if (typeof text !== 'string') return { ok: false, reason: 'malformed' };
  if (exceeds(text, maxBytes)) return { ok: false, reason: 'too_large' };
  try {
    return { ok: true, value: JSON.parse(text, dropPollutingKeys) };
  } catch {
    return { ok: false, reason: 'malformed' };
  }
}

/**
 * Reads a Response body as text, stopping (and cancelling the stream) once it passes `maxBytes`, so a hostile
 * or broken server cannot make the page buffer an unbounded body.
 * @throws whatever the body stream throws (a dropped connection); callers map it to a NETWORK error
 */
export async function readTextCapped(
  response: Response,
  maxBytes: number = DEFAULT_MAX_JSON_BYTES,
): Promise<{ ok: true; text: string } | { ok: false; reason: 'too_large' }> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    return { ok: false, reason: 'too_large' };
  }
  if (!response.body) return { ok: true, text: '' };

  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let received = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, reason: 'too_large' };
    }
    text += decoder.decode(value, { stream: true });
  }
  return { ok: true, text: text + decoder.decode() };
}

/** Reads and parses a JSON body with a size cap; the capped text comes back too, for diagnostics. */
export async function readJsonBody(response: Response, maxBytes: number = DEFAULT_MAX_JSON_BYTES): Promise<JsonBodyResult> {
  const read = await readTextCapped(response, maxBytes);
  if (!read.ok) return read;
  return { ...parseJsonSafely(read.text, { maxBytes }), text: read.text };
}
