// Fetches chunks the page will want later without competing with what it shows now: once a start signal has come
// (the first paint, or the visitor's first interaction), one chunk per idle period, in order, so each chunk's
// evaluation is a short task of its own (never a long one of all).
import { afterFirstPaint } from './afterFirstPaint';
import { nextIdle, stepByStep, type IdleScheduler } from './utils/idle';

export type { IdleScheduler };

/** What counts as the visitor starting to work on a page: a press, a key or focus moving into it. */
const INTERACTIONS = ['pointerdown', 'keydown', 'focusin'] as const;

/**
 * Resolves on the first interaction with `target` (capture phase, so nothing can stop it first); never if `signal`
 * aborts before. Loading and evaluating chunks costs main-thread time, so a page whose visitor has not started yet
 * (or a page load measured on its own) does not pay for what it may never show.
 * @see https://www.w3.org/TR/uievents/#events-focusevent-event-order
 */
export function firstInteraction(target: EventTarget, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const stop = new AbortController();
    signal?.addEventListener('abort', () => stop.abort(), { once: true });
    const go = () => {
      stop.abort();
      resolve();
    };
    for (const type of INTERACTIONS) target.addEventListener(type, go, { capture: true, signal: stop.signal });
  });
}

/**
 * Runs each loader (typically `() => import('./Chunk')`) in its own idle period once `start` has resolved (default:
 * after the first paint). A loader that fails is left alone: the code that needs the chunk imports it again and
 * reports the failure there.
 * @see https://w3c.github.io/requestidlecallback/
 */
export async function prefetchWhenIdle(
  loaders: readonly (() => Promise<unknown>)[],
  opts: { scheduler?: IdleScheduler; start?: () => Promise<void> } = {},
): Promise<void> {
  const scheduler = opts.scheduler ?? globalThis;
  await (opts.start ?? afterFirstPaint)();
  await stepByStep(loaders, () => nextIdle(scheduler));
}
