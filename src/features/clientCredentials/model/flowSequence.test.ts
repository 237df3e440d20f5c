// The flow's rows: a clean run, 503×2 then success with the waits, a 403 with its hint, refreshes, order by time.
import { describe, expect, it } from 'vitest';
import { apiRow, flowSequence, tokenRows, type TimedApiExchange, type TokenRunTrace } from './flowSequence';
import { refreshMarks, refreshRows } from './refreshSequence';
import { createApiTrail } from './apiTrail';
import { describeExchange, lifelinesFor } from '../../../utils/sequenceModel';
import type { CacheEvent } from '../../../utils/tokenCache';

const T0 = Date.UTC(2030, 0, 1, 12);
const SECRET = 'sandbox-basic-demo-secret';

const trace = (attempts: TokenRunTrace['attempts'], over: Partial<TokenRunTrace> = {}): TokenRunTrace => ({
  startedAt: T0,
  attempts,
  authMethod: 'client_secret_basic',
  viaRelay: false,
  tokenEndpoint: 'http://localhost:4500/env/as/token',
  description: {
    url: 'http://localhost:4500/env/as/token',
    method: 'POST',
    headers: { Authorization: `Basic ${btoa(`sandbox-basic:${SECRET}`)}`, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: `grant_type=client_credentials&client_secret=${SECRET}`,
  },
  ...over,
});

const api = (over: Partial<TimedApiExchange> = {}): TimedApiExchange => ({
  id: 1, at: T0 + 5000, viaRelay: false, method: 'GET', url: 'http://localhost:4500/v1/environments/env/users/u1/devices',
  requestHeaders: { Authorization: 'Bearer ••••••' }, status: 200, responseBody: '{}', durationMs: 10, attempt: 1, ...over,
});

const text = (rows: ReturnType<typeof flowSequence>) => {
  const lifelines = lifelinesFor(rows, 'PingOne API');
  return rows.map((r) => describeExchange(r, lifelines, (ms) => `${ms} ms`));
};

describe('tokenRows', () => {
  it('a clean run is one POST with its auth method, answered 200', () => {
    expect(text(tokenRows(trace([{ attempt: 1, startedAt: T0, durationMs: 30, outcome: 'success' }])))).toEqual([
      'Playground → Token endpoint: POST /env/as/token client_secret_basic — HTTP 200',
    ]);
  });

  it('503×2 then success: each retry with its status and wait, Retry-After told apart from backoff', () => {
    const rows = tokenRows(trace([
      { attempt: 1, startedAt: T0, durationMs: 5, outcome: 'retry', status: 503, delayMs: 1000, retryAfterMs: 1000 },
      { attempt: 2, startedAt: T0 + 1005, durationMs: 5, outcome: 'retry', status: 503, delayMs: 500 },
      { attempt: 3, startedAt: T0 + 1510, durationMs: 5, outcome: 'success' },
    ]));
    expect(text(rows)).toEqual([
      'Playground → Token endpoint: POST /env/as/token client_secret_basic — HTTP 503, waited 1000 ms (Retry-After)',
      'Playground → Token endpoint: POST /env/as/token client_secret_basic — HTTP 503, attempt 2, waited 500 ms (backoff)',
      'Playground → Token endpoint: POST /env/as/token client_secret_basic — HTTP 200, attempt 3',
    ]);
  });

  it('shows the request masked on selection: no secret in the Authorization header or the body', () => {
    const [row] = tokenRows(trace([{ attempt: 1, startedAt: T0, durationMs: 5, outcome: 'failed', status: 401, oauthError: 'invalid_client' }]));
    expect(row?.errorCode).toBe('invalid_client');
    const shown = JSON.stringify(row?.detail);
    expect(shown).not.toContain(SECRET);
    expect(shown).not.toContain(btoa(`sandbox-basic:${SECRET}`));
    expect(row?.detail?.requestHeaders.Authorization).toMatch(/^Basic •+$/);
  });
});

describe('apiRow', () => {
  it('marks a 403 with the scope the endpoint needs', () => {
    expect(apiRow(api({ status: 403 })).hint).toBe('needs p1:read:device');
    expect(apiRow(api()).hint).toBeUndefined();
  });
});

describe('flowSequence', () => {
  it('orders token attempts, API calls and refreshes by when they started', () => {
    const events: CacheEvent[] = [
      { type: 'refresh-started', key: 'k', at: T0 + 15_000 },
      { type: 'refreshed', key: 'k', at: T0 + 15_050 },
      { type: 'refresh-started', key: 'k', at: T0 + 30_000 },
      { type: 'refresh-failed', key: 'k', at: T0 + 30_040, error: { code: 'TIMEOUT', message: 'x' } },
    ];
    const rows = flowSequence(
      [trace([{ attempt: 1, startedAt: T0, durationMs: 5, outcome: 'success' }])],
      [api({ at: T0 + 20_000 }), api({ id: 2, at: T0 + 5000, status: 403 })],
      refreshRows(events, 'POST /env/as/token client_secret_basic'),
    );
    expect(text(rows)).toEqual([
      'Playground → Token endpoint: POST /env/as/token client_secret_basic — HTTP 200',
      'Playground → PingOne API: GET /v1/environments/env/users/u1/devices — HTTP 403, hint: needs p1:read:device',
      'Playground → Token endpoint: POST /env/as/token client_secret_basic (proactive refresh) — HTTP 200',
      'Playground → PingOne API: GET /v1/environments/env/users/u1/devices — HTTP 200',
      'Playground → Token endpoint: POST /env/as/token client_secret_basic (proactive refresh) — failed (TIMEOUT)',
    ]);
    expect(refreshMarks(events)).toEqual([{ at: T0 + 15_050, kind: 'refreshed' }, { at: T0 + 30_040, kind: 'refresh-failed' }]);
  });
});

describe('createApiTrail', () => {
  it('keeps the newest exchanges with their start time and route, one snapshot per change', () => {
    const trail = createApiTrail(2);
    const seen: number[] = [];
    trail.subscribe(() => seen.push(trail.getSnapshot().length));
    const first = trail.getSnapshot();
    expect(trail.getSnapshot()).toBe(first);
    trail.record(api());
    trail.setViaRelay(true);
    trail.record(api());
    trail.record(api());
    expect(seen).toEqual([1, 2, 2]);
    expect(trail.getSnapshot().map((x) => [x.id, x.viaRelay])).toEqual([[2, true], [3, true]]);
  });
});
