import { Profiler, type ComponentProps } from 'react';
import { act, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { setupTestEffects } from '../../tests/support/effects';
import { VirtualClock } from '../../tests/support/virtualClock';
import { StatusBar } from './StatusBar';

// Render-count spy: wraps the real Countdown. The wrapper re-renders only when StatusBar re-renders (it gets
// new props then); the real Countdown inside it re-renders on every tick.
const spy = vi.hoisted(() => ({ outerRenders: 0 }));
vi.mock('./Countdown', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./Countdown')>();
  function SpyCountdown(props: ComponentProps<typeof actual.Countdown>) {
    spy.outerRenders += 1;
    return <actual.Countdown {...props} />;
  }
  return { ...actual, Countdown: SpyCountdown };
});

const START = Date.UTC(2025, 0, 1, 12, 0, 0);
// The countdowns read the clock through effects().
const fx = setupTestEffects(() => ({ clock: new VirtualClock(START) }));

describe('StatusBar', () => {
  it('says the token was revoked instead of "No token"', () => {
    render(<StatusBar version="1.0.0" token={null} revoked />);
    const bar = within(screen.getByRole('region', { name: 'Token status' }));
    expect(bar.getByText('Access token revoked')).toBeInTheDocument();
    expect(bar.queryByText('No token')).toBeNull();
  });

  it('names a host-identified provider by its host instead of environment and region', () => {
    render(<StatusBar provider="Custom" host="as.example.com" version="1.0.0" token={null} />);
    const bar = within(screen.getByRole('region', { name: 'Token status' }));
    expect(bar.getByText('Custom')).toBeInTheDocument();
    expect(bar.getByText('as.example.com')).toBeInTheDocument();
    expect(bar.queryByText('Region')).toBeNull();
    expect(bar.queryByText('Environment')).toBeNull();
  });

  it('is a landmark named "Token status" reading "No token" without a token', () => {
    render(<StatusBar environmentId="env-123" region="EU" version="1.2.3" token={null} />);
    const bar = screen.getByRole('region', { name: 'Token status' });
    expect(bar).toHaveTextContent('No token');
    expect(bar).toHaveTextContent('env-123');
    expect(bar).toHaveTextContent('EU');
    expect(bar).toHaveTextContent('v1.2.3');
    expect(bar).not.toHaveTextContent('expires in');
  });

  it('counts down from "expires in 01:00", re-rendering only the countdown', () => {
    const { clock } = fx;
    spy.outerRenders = 0;
    const commits: string[] = [];
    render(
      <Profiler id="bar" onRender={(_id, phase) => commits.push(phase)}>
        <StatusBar version="1.0.0" token={{ expAt: START + 60_000 }} />
      </Profiler>,
    );
    const bar = screen.getByRole('region', { name: 'Token status' });
    expect(bar).toHaveTextContent('expires in 01:00');
    expect(bar).not.toHaveTextContent('No token');
    const rendersBefore = spy.outerRenders;
    const commitsBefore = commits.length;

    act(() => clock.advance(1000));
    expect(bar).toHaveTextContent('expires in 00:59');
    act(() => clock.advance(58_000));
    expect(bar).toHaveTextContent('expires in 00:01');

    // The countdown re-rendered (commits happened) while StatusBar itself did not render again.
    expect(commits.length).toBeGreaterThan(commitsBefore);
    expect(spy.outerRenders).toBe(rendersBefore);

    act(() => clock.advance(1000));
    expect(bar).toHaveTextContent('expired');
  });

  it('shows the next proactive refresh when scheduled', () => {
    render(<StatusBar version="1.0.0" token={{ expAt: START + 3_600_000 }} nextRefreshAt={START + 90_000} />);
    const bar = screen.getByRole('region', { name: 'Token status' });
    expect(bar).toHaveTextContent('expires in 1:00:00');
    expect(bar).toHaveTextContent('next refresh in 01:30');
  });

  it('offers Sign out only when a handler is given', async () => {
    const onSignOut = vi.fn();
    const { rerender } = render(<StatusBar version="1.0.0" token={null} />);
    expect(screen.queryByRole('button', { name: 'Sign out' })).toBeNull();
    rerender(<StatusBar version="1.0.0" token={null} onSignOut={onSignOut} />);
    within(screen.getByRole('region', { name: 'Token status' })).getByRole('button', { name: 'Sign out' }).click();
    expect(onSignOut).toHaveBeenCalledTimes(1);
  });
});
