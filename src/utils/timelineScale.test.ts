// The timeline's arithmetic: a scale that reads for a 20 s demo token and a 24 h token, the window, the phases.
import { describe, expect, it } from 'vitest';
import { formatOffset, fractionAt, lifetimePhase, scaleStep, scaleTicks, timelineWindow } from './timelineScale';
import { earlierTokens, markOf } from './timelineHistory';
import type { TokenHistoryEntry } from './tokenHistory';

const T0 = Date.UTC(2030, 0, 1, 12);
const S = 1000;
const H = 3600 * S;

describe('scaleTicks', () => {
  it('labels a 20 s token in seconds', () => {
    const w = timelineWindow({ obtainedAt: T0, expAt: T0 + 20 * S }, []);
    expect(scaleTicks(w, T0).map((t) => t.label)).toEqual(['0', '5 s', '10 s', '15 s', '20 s']);
  });

  it('labels a 24 h token in hours', () => {
    const w = timelineWindow({ obtainedAt: T0, expAt: T0 + 24 * H }, []);
    expect(scaleTicks(w, T0).map((t) => t.label)).toEqual(['0', '6 h', '12 h', '18 h', '24 h']);
  });

  it('labels an hour-long token in minutes, with the hour itself as 1 h', () => {
    const w = timelineWindow({ obtainedAt: T0, expAt: T0 + H }, []);
    expect(scaleTicks(w, T0).map((t) => t.label)).toEqual(['0', '10 min', '20 min', '30 min', '40 min', '50 min', '1 h']);
  });

  it('puts earlier tokens at negative offsets, positions evenly spread', () => {
    const w = timelineWindow({ obtainedAt: T0 + 15 * S, expAt: T0 + 35 * S }, [{ obtainedAt: T0, expAt: T0 + 20 * S }]);
    expect(w).toEqual({ start: T0, end: T0 + 35 * S });
    const ticks = scaleTicks(w, T0 + 15 * S);
    expect(ticks.map((t) => t.label)).toEqual(['−10 s', '0', '10 s', '20 s']);
    expect(ticks.map((t) => t.fraction)).toEqual([...ticks.map((t) => t.fraction)].sort((a, b) => a - b));
  });

  it('never has more than the asked number of intervals', () => {
    for (const span of [7 * S, 90 * S, 2 * H + 1, 36 * H, 10 * 24 * H]) {
      expect(span / scaleStep(span)).toBeLessThanOrEqual(6);
    }
  });
});

describe('timelineWindow and fractionAt', () => {
  it('ignores tokens that ended more than a lifetime before the current one', () => {
    expect(timelineWindow({ obtainedAt: T0 + H, expAt: T0 + H + 20 * S }, [{ obtainedAt: T0, expAt: T0 + 20 * S }])).toEqual({ start: T0 + H, end: T0 + H + 20 * S });
  });

  it('clamps times outside the window to its edges', () => {
    const w = { start: T0, end: T0 + 20 * S };
    expect(fractionAt(T0 + 5 * S, w)).toBe(0.25);
    expect(fractionAt(T0 - S, w)).toBe(0);
    expect(fractionAt(T0 + 99 * S, w)).toBe(1);
  });
});

describe('formatOffset', () => {
  it.each([[0, '0'], [5 * S, '5 s'], [90 * S, '90 s'], [120 * S, '2 min'], [6 * H, '6 h'], [24 * H, '24 h'], [48 * H, '2 d'], [-20 * S, '−20 s']])('%d ms → %s', (ms, text) => {
    expect(formatOffset(ms)).toBe(text);
  });
});

describe('lifetimePhase', () => {
  it('is valid, then refresh due, then expired', () => {
    expect(lifetimePhase(T0, T0 + 20 * S, T0 + 15 * S)).toBe('valid');
    expect(lifetimePhase(T0 + 15 * S, T0 + 20 * S, T0 + 15 * S)).toBe('refresh-due');
    expect(lifetimePhase(T0 + 20 * S, T0 + 20 * S, T0 + 15 * S)).toBe('expired');
    expect(lifetimePhase(T0 + 19 * S, T0 + 20 * S, undefined)).toBe('valid');
  });
});

describe('timelineHistory', () => {
  const entry = (obtainedAt: number, over: Partial<TokenHistoryEntry> = {}) =>
    ({ id: String(obtainedAt), recordedAt: obtainedAt, clientId: 'c', authMethod: 'client_secret_basic', obtainedAt, status: 'success', fingerprint: 'abcdefgh', expAt: obtainedAt + 20 * S, ...over }) as TokenHistoryEntry;

  it('takes earlier successful tokens, newest first, at most three', () => {
    const history = [entry(T0 + 60 * S), entry(T0 + 45 * S), entry(T0 + 40 * S, { status: 'error', errorCode: 'invalid_client' } as Partial<TokenHistoryEntry>), entry(T0 + 30 * S), entry(T0 + 15 * S), entry(T0)];
    expect(earlierTokens(history, { obtainedAt: T0 + 60 * S, expAt: T0 + 80 * S }).map((e) => e.obtainedAt)).toEqual([T0 + 45 * S, T0 + 30 * S, T0 + 15 * S]);
  });

  it('marks refreshes and failed refreshes from the cache events, nothing else', () => {
    expect(markOf({ type: 'refreshed', at: T0 })).toEqual({ at: T0, kind: 'refreshed' });
    expect(markOf({ type: 'refresh-failed', at: T0 })).toEqual({ at: T0, kind: 'refresh-failed' });
    expect(markOf({ type: 'hit', at: T0 })).toBeUndefined();
  });
});
