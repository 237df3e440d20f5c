// The attempts timeline: one ordered item per attempt with status, duration and the wait that followed.
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AttemptsTimeline, formatMs } from './AttemptsTimeline';

describe('AttemptsTimeline', () => {
  it('shows three attempts in order with their delays', () => {
    render(
      <AttemptsTimeline
        attempts={[
          { attempt: 1, startedAt: 0, durationMs: 120, outcome: 'retry', status: 503, code: 'HTTP_STATUS', delayMs: 400 },
          { attempt: 2, startedAt: 600, durationMs: 80, outcome: 'retry', status: 429, code: 'HTTP_STATUS', delayMs: 2000, retryAfterMs: 2000 },
          { attempt: 3, startedAt: 2700, durationMs: 95, outcome: 'success', status: 200 },
        ]}
      />,
    );
    const items = within(screen.getByRole('list', { name: 'Attempts' })).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(items[0]).toHaveTextContent(/Attempt 1.*HTTP 503.*120 ms.*waited 400 ms$/);
    expect(items[1]).toHaveTextContent(/Attempt 2.*HTTP 429.*waited 2 s \(Retry-After\)/);
    expect(items[2]).toHaveTextContent(/Attempt 3.*HTTP 200.*95 ms.*succeeded/);
    expect(items[2]).not.toHaveTextContent(/waited/);
  });

  it('names the OAuth error when the server sent one, rather than the internal code', () => {
    render(<AttemptsTimeline attempts={[{ attempt: 1, startedAt: 0, durationMs: 30, outcome: 'failed', status: 401, code: 'OAUTH_ERROR', oauthError: 'invalid_client' }]} />);
    expect(screen.getByRole('listitem')).toHaveTextContent(/HTTP 401.*invalid_client/);
    expect(screen.getByRole('listitem')).not.toHaveTextContent('OAUTH_ERROR');
  });

  it('names the error code when there was no HTTP response', () => {
    render(<AttemptsTimeline attempts={[{ attempt: 1, startedAt: 0, durationMs: 15000, outcome: 'failed', code: 'TIMEOUT' }]} />);
    expect(screen.getByRole('listitem')).toHaveTextContent(/TIMEOUT.*15 s.*failed/);
  });

  it('renders nothing before the first attempt', () => {
    const { container } = render(<AttemptsTimeline attempts={[]} />);
    expect(container).toBeEmptyDOMElement();
  });

  it('formats durations', () => {
    expect([formatMs(850), formatMs(1000), formatMs(1250), formatMs(12_400)]).toEqual(['850 ms', '1 s', '1.3 s', '12 s']);
  });
});
