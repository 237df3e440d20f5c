import { afterEach, describe, expect, it } from 'vitest';
import { parseJsonSafely, readJsonBody, readTextCapped } from './secureJson';

afterEach(() => {
  delete (Object.prototype as Record<string, unknown>).polluted;
});

describe('parseJsonSafely', () => {
  it('parses valid JSON', () => {
    expect(parseJsonSafely('{"a":[1,"x",null]}')).toEqual({ ok: true, value: { a: [1, 'x', null] } });
  });

  it.each(['', '{', '<html>502 Bad Gateway</html>', "{'a':1}", 'undefined'])('reports %j as malformed without throwing', (text) => {
    expect(parseJsonSafely(text)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('refuses oversize input before parsing it', () => {
    expect(parseJsonSafely(`"${'a'.repeat(100)}"`, { maxBytes: 50 })).toEqual({ ok: false, reason: 'too_large' });
    expect(parseJsonSafely(`"${'a'.repeat(40)}"`, { maxBytes: 50 }).ok).toBe(true);
  });

  it('counts UTF-8 bytes, not characters', () => {
    const text = `"${'é'.repeat(30)}"`; // 32 characters, 62 bytes
    expect(parseJsonSafely(text, { maxBytes: 50 })).toEqual({ ok: false, reason: 'too_large' });
    expect(parseJsonSafely(text, { maxBytes: 62 }).ok).toBe(true);
  });

  it('defaults to a 1 MiB cap', () => {
    expect(parseJsonSafely(`"${'a'.repeat(1024 * 1024)}"`)).toEqual({ ok: false, reason: 'too_large' });
  });

  it('strips __proto__ so a later merge cannot pollute prototypes', () => {
    const hostile = '{"a":1,"__proto__":{"polluted":"yes"},"nested":{"__proto__":{"polluted":"yes"}},"constructor":{"prototype":{"polluted":"yes"}}}';
    const result = parseJsonSafely(hostile);
    expect(result.ok).toBe(true);
    const value = (result as { value: Record<string, unknown> }).value;
    expect(Object.keys(value)).toEqual(['a', 'nested']);
    expect(Object.getOwnPropertyNames(value.nested)).toEqual([]);
    const merged = Object.assign({}, value, value.nested);
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((merged as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('shows the attack works without it (control)', () => {
    const raw = JSON.parse('{"__proto__":{"polluted":"yes"}}') as object;
    expect((Object.assign({}, raw) as Record<string, unknown>).polluted).toBe('yes');
  });
});

describe('readJsonBody / readTextCapped', () => {
  it('reads and parses a JSON body, keeping the text', async () => {
    const result = await readJsonBody(new Response('{"ok":true}'));
    expect(result).toEqual({ ok: true, value: { ok: true }, text: '{"ok":true}' });
  });

  it('reports an HTML body as malformed with its text for diagnostics', async () => {
    const result = await readJsonBody(new Response('<html>oops</html>', { status: 502 }));
    expect(result).toEqual({ ok: false, reason: 'malformed', text: '<html>oops</html>' });
  });

  it('reads an empty body as empty text', async () => {
    expect(await readTextCapped(new Response(null, { status: 403 }))).toEqual({ ok: true, text: '' });
  });

  it('refuses a body whose Content-Length exceeds the cap', async () => {
    const response = new Response('x'.repeat(10), { headers: { 'content-length': '5000' } });
    expect(await readJsonBody(response, 100)).toEqual({ ok: false, reason: 'too_large' });
  });

  it('stops reading a streamed body once it passes the cap and cancels the stream', async () => {
    let pulled = 0;
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(64).fill(0x61));
        if (pulled > 1000) controller.close();
      },
      cancel() {
        cancelled = true;
      },
    });
    expect(await readTextCapped(new Response(stream), 200)).toEqual({ ok: false, reason: 'too_large' });
    expect(cancelled).toBe(true);
    expect(pulled).toBeLessThan(10);
  });

  it('decodes multi-byte characters split across chunks', async () => {
    const bytes = new TextEncoder().encode('"héllo"');
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 3));
        controller.enqueue(bytes.slice(3));
        controller.close();
      },
    });
    expect(await readJsonBody(new Response(stream))).toMatchObject({ ok: true, value: 'héllo' });
  });
});
