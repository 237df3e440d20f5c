// The token card: masked by default (the token is not in the DOM), reveal/hide, copy of the real token.
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TokenDisplay, maskToken } from './TokenDisplay';

const TOKEN = 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJjYy1iYXNpYyIsInNjb3BlIjoicDE6cmVhZDp1c2VyIn0.SIGNATURE_PART_abcdefghijklmnop';

afterEach(() => {
  vi.useRealTimers();
});

describe('maskToken', () => {
  it('keeps the first and last 10 characters', () => {
    expect(maskToken(TOKEN)).toBe(`${TOKEN.slice(0, 10)}…${TOKEN.slice(-10)}`);
  });

  it('masks a short value whole', () => {
    expect(maskToken('short-secret-value')).not.toContain('short');
  });
});

describe('TokenDisplay', () => {
  it('is masked by default: the token text is not in the DOM', () => {
    render(<TokenDisplay token={TOKEN} expiresIn={3600} expAt={Date.UTC(2025, 0, 1, 13)} />);
    expect(document.body.textContent).not.toContain(TOKEN);
    expect(document.body.textContent).toContain(maskToken(TOKEN));
    expect(screen.getByRole('button', { name: 'Reveal access token' })).toBeInTheDocument();
    expect(document.body.textContent).toContain('1h 0m 0s (3600 seconds)');
    expect(document.body.textContent).toContain('2025-01-01T13:00:00.000Z');
  });

  it('reveals and hides the token', async () => {
    const user = userEvent.setup();
    render(<TokenDisplay token={TOKEN} />);
    await user.click(screen.getByRole('button', { name: 'Reveal access token' }));
    expect(document.body.textContent).toContain(TOKEN);
    await user.click(screen.getByRole('button', { name: 'Hide access token' }));
    expect(document.body.textContent).not.toContain(TOKEN);
  });

  it('copies the real token while masked and says "Copied!" for 2 s', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const writeText = vi.fn(async (_text: string) => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<TokenDisplay token={TOKEN} />);

    await user.click(screen.getByRole('button', { name: 'Copy access token' }));
    expect(writeText).toHaveBeenCalledWith(TOKEN);
    expect(await screen.findByText('Copied!')).toBeInTheDocument();
    // The copy did not reveal anything on screen.
    expect(document.body.textContent).not.toContain(TOKEN);

    act(() => {
      vi.advanceTimersByTime(2000);
    });
    expect(screen.queryByText('Copied!')).not.toBeInTheDocument();
  });

  it('follows a controlled reveal state', async () => {
    const user = userEvent.setup();
    const onRevealedChange = vi.fn();
    const { rerender } = render(<TokenDisplay token={TOKEN} revealed={false} onRevealedChange={onRevealedChange} />);
    await user.click(screen.getByRole('button', { name: 'Reveal access token' }));
    expect(onRevealedChange).toHaveBeenCalledWith(true);
    expect(document.body.textContent).not.toContain(TOKEN);
    rerender(<TokenDisplay token={TOKEN} revealed onRevealedChange={onRevealedChange} />);
    expect(document.body.textContent).toContain(TOKEN);
  });
});
