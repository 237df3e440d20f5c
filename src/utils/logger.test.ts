import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { VirtualClock } from '../../tests/support/virtualClock';
import { createLogger, formatLogEntry, noopLogger, type LogEntry } from './logger';

const fixedClock = new VirtualClock(Date.UTC(2025, 0, 2, 3, 4, 5));

function collect() {
  const lines: string[] = [];
  const log = createLogger({ clock: fixedClock, sink: (_e, formatted) => lines.push(formatted) });
  return { log, lines };
}

describe('createLogger', () => {
  it('formats `[emoji TAG] message` with ISO timestamp and level', () => {
    const { log, lines } = collect();
    log.child('CC').info('token acquired', { token_type: 'bearer' });
    expect(lines).toEqual(['2025-01-02T03:04:05.000Z INFO  [🔐 CC] token acquired {"token_type":"bearer"}']);
    log.child('custom', '✨').warn('careful');
    expect(lines[1]).toBe('2025-01-02T03:04:05.000Z WARN  [✨ custom] careful');
  });

  it('stores entries with module, emoji and increasing ids', () => {
    const { log } = collect();
    log.child('cache').debug('cache hit ttl=42s');
    log.error('boom');
    const [a, b] = log.entries();
    expect(a).toMatchObject({ id: 1, level: 'debug', module: 'cache', emoji: '💾', message: 'cache hit ttl=42s' });
    expect(b).toMatchObject({ id: 2, level: 'error', module: 'app' });
  });

  it('keeps only the newest `capacity` entries', () => {
    const log = createLogger({ clock: fixedClock, capacity: 3 });
    for (let i = 1; i <= 5; i++) log.info(`m${i}`);
    expect(log.entries().map((e) => e.message)).toEqual(['m3', 'm4', 'm5']);
  });

  it('drops entries below minLevel', () => {
    const log = createLogger({ clock: fixedClock, minLevel: 'warn' });
    log.debug('d');
    log.info('i');
    log.warn('w');
    expect(log.entries().map((e) => e.level)).toEqual(['warn']);
  });

  it('gives a stable snapshot until something changes, and notifies subscribers after the task', async () => {
    const log = createLogger({ clock: fixedClock });
    const listener = vi.fn();
    const unsubscribe = log.subscribe(listener);
    const first = log.getSnapshot();
    expect(log.getSnapshot()).toBe(first);
    log.info('a');
    log.info('b');
    expect(listener).not.toHaveBeenCalled();
    const second = log.getSnapshot();
    expect(second).not.toBe(first);
    expect(second).toHaveLength(2);
    await Promise.resolve();
    expect(listener).toHaveBeenCalledTimes(1);
    unsubscribe();
    log.clear();
    await Promise.resolve();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(log.getSnapshot()).toEqual([]);
  });

  it('exports JSON with ISO times', () => {
    const log = createLogger({ clock: fixedClock });
    log.child('config').info('loaded');
    const parsed = JSON.parse(log.exportJson()) as Array<LogEntry & { time: string }>;
    expect(parsed[0]).toMatchObject({ module: 'config', message: 'loaded', time: '2025-01-02T03:04:05.000Z' });
  });

  it('redacts message and data before storing or printing', () => {
    const { log, lines } = collect();
    log.child('CC').info('POST /token Authorization: Basic Y2xpZW50OnNlY3JldA==', {
      body: 'grant_type=client_credentials&client_secret=sup3rs3cret',
      headers: { Authorization: 'Basic Y2xpZW50OnNlY3JldA==' },
      client_secret: 'sup3rs3cret',
    });
    const stored = JSON.stringify(log.entries());
    for (const text of [stored, lines.join('\n'), log.exportJson()]) {
      expect(text).not.toContain('sup3rs3cret');
      expect(text).not.toContain('Y2xpZW50OnNlY3JldA');
    }
  });

  it('never throws, even when the sink does', () => {
    const log = createLogger({ sink: () => { throw new Error('sink down'); } });
    expect(() => log.info('x')).not.toThrow();
    expect(log.entries()).toHaveLength(1);
  });

  it('formatLogEntry omits data when absent', () => {
    expect(formatLogEntry({ id: 1, ts: 0, level: 'debug', module: 'm', emoji: '📝', message: 'hi' })).toBe(
      '1970-01-01T00:00:00.000Z DEBUG [📝 m] hi',
    );
  });

  it('noopLogger accepts everything', () => {
    expect(() => noopLogger.child('x').error('y', { z: 1 })).not.toThrow();
  });
});

describe('secret-leak property', () => {
  const secretArb = fc.string({ unit: fc.constantFrom(...'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-_'.split('')), minLength: 8, maxLength: 64 });
  const placement = fc.constantFrom('object', 'form', 'url', 'basic', 'nested-json') ;

  it('a client_secret never survives in entries or formatted output', () => {
    fc.assert(
      fc.property(secretArb, placement, (secret, where) => {
        const lines: string[] = [];
        const log = createLogger({ clock: fixedClock, sink: (_e, f) => lines.push(f) });
        const basic = btoa(`my-client:${secret}`);
        switch (where) {
          case 'object':
            log.info('request', { client_id: 'my-client', client_secret: secret });
            break;
          case 'form':
            log.info(`body grant_type=client_credentials&client_id=my-client&client_secret=${secret}&scope=a`);
            break;
          case 'url':
            log.info('url', { url: `https://as.example/token?client_id=my-client&client_secret=${secret}` });
            break;
          case 'basic':
            log.info(`headers Authorization: Basic ${basic}`, { headers: { authorization: `Basic ${basic}` } });
            break;
          case 'nested-json':
            log.info(`response ${JSON.stringify({ client_secret: secret })}`, [{ deep: { clientSecret: secret } }]);
            break;
        }
        const everything = `${JSON.stringify(log.entries())}\n${lines.join('\n')}\n${log.exportJson()}`;
        return !everything.includes(secret) && !everything.includes(basic);
      }),
      { numRuns: 300 },
    );
  });
});
