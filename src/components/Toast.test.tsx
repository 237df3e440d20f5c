import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Toast } from './Toast';

describe('Toast', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('announces itself and closes after 4 s, even if the parent re-renders with a new onClose', () => {
    const onClose = vi.fn();
    const { rerender } = render(<Toast message="Token acquired!" onClose={() => onClose()} />);
    expect(screen.getByRole('status')).toHaveTextContent('Token acquired!');
    act(() => vi.advanceTimersByTime(3000));
    rerender(<Toast message="Token acquired!" onClose={() => onClose()} />);
    act(() => vi.advanceTimersByTime(999));
    expect(onClose).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(1));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('closes on click and cancels its timer on unmount', () => {
    const onClose = vi.fn();
    const { unmount } = render(<Toast message="Copied!" onClose={onClose} />);
    act(() => screen.getByRole('button', { name: /Copied!/ }).click());
    expect(onClose).toHaveBeenCalledTimes(1);
    unmount();
    act(() => vi.advanceTimersByTime(5000));
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
