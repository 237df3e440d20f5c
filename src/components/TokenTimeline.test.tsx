// The timeline moves with the clock (a virtual one here): the refresh point, expiry, marks and earlier tokens.
import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TokenTimeline } from './TokenTimeline';
import { setupTestEffects } from '../../tests/support/effects';
import { VirtualClock } from '../../tests/support/virtualClock';

const fx = setupTestEffects(() => ({ clock: new VirtualClock() }));
const S = 1000;

function twentySecondToken() {
  const t0 = fx.clock.now();
  return { obtainedAt: t0, expAt: t0 + 20 * S, refreshAt: t0 + 15 * S };
}

const nowX = () => Number(document.querySelector('.tt-now')?.getAttribute('x1'));
const advance = (ms: number) => act(() => (fx.clock as VirtualClock).advance(ms));

describe('TokenTimeline', () => {
  it('reads issued → refresh point → expiry for a 20 s token, with a seconds scale', () => {
    render(<TokenTimeline current={twentySecondToken()} />);
    expect(screen.getByRole('figure', { name: 'Token lifetime' })).toBeInTheDocument();
    expect(screen.getByRole('img')).toHaveAccessibleName('Lifetime 20 s · proactive refresh in 00:15 · expires in 00:20');
    const labels = [...document.querySelectorAll('.tt-scale text')].map((t) => t.textContent);
    expect(labels).toEqual(['0', '5 s', '10 s', '15 s', '20 s']);
  });

  it('moves with the countdown: now advances, the refresh falls due, then the token expires', () => {
    render(<TokenTimeline current={twentySecondToken()} />);
    const start = nowX();
    advance(5 * S);
    expect(nowX()).toBeGreaterThan(start);
    expect(screen.getByText(/proactive refresh in 00:10 · expires in 00:15/)).toBeInTheDocument();
    advance(10 * S);
    expect(screen.getByText('Lifetime 20 s · proactive refresh due · expires in 00:05')).toBeInTheDocument();
    advance(6 * S);
    expect(screen.getByText('Lifetime 20 s · expired')).toBeInTheDocument();
  });

  it('never counts a just-obtained token as longer than its lifetime (the ticker can lag by a second)', () => {
    const t0 = fx.clock.now();
    render(<TokenTimeline current={{ obtainedAt: t0 + 800, expAt: t0 + 800 + 20 * S, refreshAt: t0 + 800 + 15 * S }} />);
    expect(screen.getByRole('img')).toHaveAccessibleName('Lifetime 20 s · proactive refresh in 00:15 · expires in 00:20');
  });

  it('reads a 24 h token in hours', () => {
    const t0 = fx.clock.now();
    render(<TokenTimeline current={{ obtainedAt: t0, expAt: t0 + 24 * 3600 * S, refreshAt: t0 + 24 * 3600 * S - 60 * S }} />);
    expect([...document.querySelectorAll('.tt-scale text')].map((t) => t.textContent)).toEqual(['0', '6 h', '12 h', '18 h', '24 h']);
    expect(screen.getByRole('img')).toHaveAccessibleName('Lifetime 24 h · proactive refresh in 23:59:00 · expires in 24:00:00');
  });

  it('draws earlier tokens faded and marks refreshes and failed refreshes', () => {
    const t0 = fx.clock.now();
    const current = { obtainedAt: t0 + 15 * S, expAt: t0 + 35 * S, refreshAt: t0 + 30 * S };
    render(
      <TokenTimeline
        current={current}
        earlier={[{ obtainedAt: t0, expAt: t0 + 20 * S }]}
        marks={[{ at: t0 + 15 * S, kind: 'refreshed' }, { at: t0 + 12 * S, kind: 'refresh-failed' }]}
      />,
    );
    const faded = document.querySelectorAll('.tt-earlier');
    expect(faded).toHaveLength(1);
    expect(Number(faded[0]?.getAttribute('opacity'))).toBeLessThan(0.5);
    expect(document.querySelectorAll('.tt-mark--refreshed')).toHaveLength(1);
    expect(document.querySelectorAll('.tt-mark--refresh-failed')).toHaveLength(1);
    expect(screen.getByText(/1 earlier token \(faded\) · refreshed 1× · 1 failed refresh$/)).toBeInTheDocument();
  });

  it('says in words when the cache held a short-lived token to its refresh floor (issue 19)', () => {
    const t0 = fx.clock.now();
    render(<TokenTimeline current={{ obtainedAt: t0, expAt: t0 + 1 * S, refreshAt: t0 + 5 * S, refreshFloored: true }} />);
    expect(screen.getByRole('img')).toHaveAccessibleName('Lifetime 1 s · expires in 00:01 · refresh held to one per 5 s');
    advance(2 * S);
    expect(screen.getByText('Lifetime 1 s · expired · next refresh in 00:03 · refresh held to one per 5 s')).toBeInTheDocument();
  });

  it('reads a floored refresh point that falls before expiry like any other', () => {
    const t0 = fx.clock.now();
    render(<TokenTimeline current={{ obtainedAt: t0, expAt: t0 + 8 * S, refreshAt: t0 + 5 * S, refreshFloored: true }} />);
    expect(screen.getByRole('img')).toHaveAccessibleName('Lifetime 8 s · proactive refresh in 00:05 · expires in 00:08 · refresh held to one per 5 s');
  });
});
