// A lazy part the idle prefetch has loaded renders at once, without its Suspense fallback; one load per chunk.
import { act, render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { preloadableLazy } from './preloadableLazy';

function Part({ name }: { name: string }) {
  return <p>part {name}</p>;
}

function setup(load = vi.fn(async () => ({ Part }))) {
  const fallbackRendered = vi.fn();
  function Fallback() {
    fallbackRendered();
    return <p>loading</p>;
  }
  const lazyPart = preloadableLazy(load, (m) => m.Part);
  const ui = (
    <Suspense fallback={<Fallback />}>
      <lazyPart.Component name="a" />
    </Suspense>
  );
  return { load, lazyPart, ui, fallbackRendered };
}

describe('preloadableLazy', () => {
  it('renders a preloaded part in the first pass: the fallback never shows', async () => {
    const { load, lazyPart, ui, fallbackRendered } = setup();
    await lazyPart.preload();
    render(ui);
    expect(screen.getByText('part a')).toBeInTheDocument();
    expect(fallbackRendered).not.toHaveBeenCalled();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('suspends like React.lazy when not preloaded, and loads the chunk once for the render and a later preload', async () => {
    const { load, lazyPart, ui, fallbackRendered } = setup();
    render(ui);
    expect(await screen.findByText('part a')).toBeInTheDocument();
    expect(fallbackRendered).toHaveBeenCalled();
    await lazyPart.preload();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('loads again after a failed load', async () => {
    const load = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValue({ Part });
    const { lazyPart, ui } = setup(load);
    await expect(lazyPart.preload()).rejects.toThrow('offline');
    await lazyPart.preload();
    await act(async () => void render(ui));
    expect(screen.getByText('part a')).toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(2);
  });
});
