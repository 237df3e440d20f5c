// The retry policy on its own: what is retried, how long it waits, Retry-After parsing, aborts, listeners.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { setupTestEffects } from '../../../tests/support/effects';
import { VirtualClock } from '../../../tests/support/virtualClock';
import { HttpResponseError, InputError, OAuthResponseError, PlaygroundError } from '../errors';
import { backoffDelay, isRetryable, parseRetryAfter, withRetry, type AttemptInfo } from './retry';

const httpError = (status: number, retryAfterMs?: number) => new HttpResponseError('HTTP_STATUS', `HTTP ${status}`, { status, retryAfterMs });
const fx = setupTestEffects(() => ({ clock: new VirtualClock() }));

describe('isRetryable', () => {
  it.each<[string, unknown, boolean]>([
    ['NETWORK', new PlaygroundError('NETWORK', 'x'), true],
    ['TIMEOUT', new PlaygroundError('TIMEOUT', 'x'), true],
    ...[429, 500, 502, 503, 504].map((s): [string, unknown, boolean] => [`HTTP ${s}`, httpError(s), true]),
    ['OAuth server_error 503', new OAuthResponseError({ error: 'temporarily_unavailable' }, 503), true],
    ...[400, 401, 403, 404, 405, 409, 422, 501].map((s): [string, unknown, boolean] => [`HTTP ${s}`, httpError(s), false]),
    ['invalid_client 401', new OAuthResponseError({ error: 'invalid_client' }, 401), false],
    ['invalid_client 400', new OAuthResponseError({ error: 'invalid_client' }, 400), false],
    ['CLIENT_AUTH_REJECTED 403', new PlaygroundError('CLIENT_AUTH_REJECTED', 'x', { status: 403 }), false],
    ['INVALID_RESPONSE 200', new PlaygroundError('INVALID_RESPONSE', 'x', { status: 200 }), false],
    ['ABORTED', new PlaygroundError('ABORTED', 'x'), false],
    ['InputError', new InputError('scope', 'x'), false],
    ['a plain TypeError', new TypeError('bug'), false],
  ])('%s → %s', (_name, error, expected) => {
    expect(isRetryable(error)).toBe(expected);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.UTC(2030, 0, 1, 12, 0, 0);
  it.each([
    ['120', 120_000],
    [' 0 ', 0],
    ['Tue, 01 Jan 2030 12:00:30 GMT', 30_000],
    ['Tue, 01 Jan 2030 11:00:00 GMT', 0],
    ['', undefined],
    [null, undefined],
    ['soon', undefined],
    ['1.5', undefined],
    ['-3', undefined],
  ])('%j → %j', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});

describe('backoffDelay', () => {
  it('is full jitter under an exponential ceiling capped at maxDelay', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (retry, r) => {
        const delay = backoffDelay(retry, () => r, 250, 8000);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThanOrEqual(Math.min(8000, 250 * 2 ** (retry - 1)));
      }),
    );
    expect(backoffDelay(3, () => 0.999999, 250, 8000)).toBe(999);
    expect(backoffDelay(10, () => 0.5, 250, 8000)).toBe(4000);
  });
});

const PEER = 'the token endpoint';

describe('withRetry', () => {
  it('retries at most maxRetries times and rethrows the last error unchanged', async () => {
    const { clock } = fx;
    const errors = [httpError(500), httpError(502), httpError(503), httpError(504)];
    const infos: AttemptInfo[] = [];
    const seen: number[] = [];
    const promise = withRetry(
      async (n) => {
        seen.push(n);
        throw errors[n - 1];
      },
      { peer: PEER, random: () => 0, onAttempt: (i) => infos.push(i) },
    );
    await expect(clock.run(promise)).rejects.toBe(errors[3]);
    expect(seen).toEqual([1, 2, 3, 4]);
    expect(infos.map((i) => [i.outcome, i.status, i.delayMs])).toEqual([
      ['retry', 500, 0],
      ['retry', 502, 0],
      ['retry', 503, 0],
      ['failed', 504, undefined],
    ]);
  });

  it('honours the typed Retry-After of a 429 or 503', async () => {
    const { clock } = fx;
    const infos: AttemptInfo[] = [];
    const promise = withRetry(
      async (n) => {
        if (n === 1) throw httpError(429, 4000);
        return 'ok';
      },
      { peer: PEER, onAttempt: (i) => infos.push(i) },
    );
    await expect(clock.run(promise)).resolves.toBe('ok');
    expect(infos[0]).toMatchObject({ outcome: 'retry', status: 429, delayMs: 4000, retryAfterMs: 4000 });
  });

  it('ignores Retry-After on statuses other than 429/503', async () => {
    const { clock } = fx;
    const error = httpError(500, 9000);
    const infos: AttemptInfo[] = [];
    const promise = withRetry(
      async (n) => {
        if (n === 1) throw error;
        return 'ok';
      },
      { peer: PEER, random: () => 0.5, onAttempt: (i) => infos.push(i) },
    );
    await expect(clock.run(promise)).resolves.toBe('ok');
    expect(infos[0]).toMatchObject({ delayMs: 125 });
    expect(infos[0]?.retryAfterMs).toBeUndefined();
  });

  it('does not let a throwing listener change the outcome', async () => {
    const { clock } = fx;
    const promise = withRetry(async () => 'ok', {
      peer: PEER,
      onAttempt: () => {
        throw new TypeError('listener bug');
      },
    });
    await expect(clock.run(promise)).resolves.toBe('ok');
  });

  it('refuses to start when already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    let calls = 0;
    await expect(withRetry(async () => ++calls, { peer: PEER, signal: controller.signal })).rejects.toMatchObject({ code: 'ABORTED' });
    expect(calls).toBe(0);
  });

  it.each(['the PingOne API', 'microauthd', 'the introspection endpoint'])('names %s, the peer it calls, when cancelled during a wait', async (peer) => {
    const { clock } = fx;
    const controller = new AbortController();
    const promise = withRetry(async () => {
      throw new PlaygroundError('NETWORK', 'x');
    }, { peer, random: () => 0.5, baseDelayMs: 1000, signal: controller.signal });
    const settled = promise.catch((error: unknown) => error);
    await clock.advanceAsync(0);
    controller.abort();
    const error = (await settled) as PlaygroundError;
    expect(error.code).toBe('ABORTED');
    expect(error.message).toBe(`The request to ${peer} was cancelled.`);
    expect(error.message).not.toContain('token endpoint');
  });

  it('waits on the clock, not on real time', async () => {
    const { clock } = fx;
    const start = clock.now();
    const promise = withRetry(
      async (n) => {
        if (n < 3) throw new PlaygroundError('NETWORK', 'x');
        return clock.now();
      },
      { peer: PEER, random: () => 0.999, baseDelayMs: 1000 },
    );
    expect(await clock.run(promise)).toBe(start + 999 + 1998);
    expect(clock.scheduled).toEqual([999, 1998]);
  });
});
