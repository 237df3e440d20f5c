// CopyButton: copies the text, says "Copied!" for two seconds with a stable accessible name, reports failure.
import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { COPIED_FEEDBACK_MS, CopyButton } from './CopyButton';

afterEach(() => {
  vi.useRealTimers();
});

describe('CopyButton', () => {
  it('copies, shows "Copied!" for two seconds, and keeps its name', async () => {
    vi.useFakeTimers();
    const writeText = vi.fn(async () => undefined);
    render(<CopyButton label="Copy public JWKS" text={() => '{"keys":[]}'} clipboard={{ writeText }} />);
    await act(async () => {
      screen.getByRole('button', { name: 'Copy public JWKS' }).click();
    });
    expect(writeText).toHaveBeenCalledWith('{"keys":[]}');
    expect(screen.getByRole('status')).toHaveTextContent('Copied!');
    expect(screen.getByRole('button', { name: /Copy public JWKS/ })).toBeInTheDocument();

    act(() => vi.advanceTimersByTime(COPIED_FEEDBACK_MS - 1));
    expect(screen.getByRole('status')).toHaveTextContent('Copied!');
    act(() => vi.advanceTimersByTime(1));
    expect(screen.getByRole('status')).toHaveTextContent('');
  });

  it('says so when the clipboard refuses', async () => {
    const writeText = vi.fn(async () => {
      throw new Error('denied: secret-value');
    });
    render(<CopyButton label="Copy cURL" text="secret-value" clipboard={{ writeText }} />);
    await act(async () => {
      screen.getByRole('button', { name: 'Copy cURL' }).click();
    });
    expect(screen.getByRole('status')).toHaveTextContent(/Copy failed/);
    expect(screen.getByRole('status')).not.toHaveTextContent('secret-value');
  });
});
