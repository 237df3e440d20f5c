// Fetches chunks the page will want later without competing with what it shows now: after the first paint, one
// chunk per idle period, in order, so each chunk's evaluation is a short task of its own (never a long one of all).
import { afterFirstPaint } from './afterFirstPaint';

/** What the scheduler needs: the browser's idle callback where there is one (not Safari), else a macrotask. */
export interface IdleScheduler {
  requestIdleCallback?: (callback: () => void, options?: { timeout: number }) => unknown;
  setTimeout: (callback: () => void, ms: number) => unknown;
}

/** An idle period seldom comes later than this on a page that keeps working: go on then. */
const IDLE_TIMEOUT_MS = 2_000;

function nextIdle(scheduler: IdleScheduler): Promise<void> {
  return new Promise((resolve) => {
    if (scheduler.requestIdleCallback) scheduler.requestIdleCallback(() => resolve(), { timeout: IDLE_TIMEOUT_MS });
    else scheduler.setTimeout(resolve, 0);
  });
}

/**
 * Runs each loader (typically `() => import('./Chunk')`) in its own idle period after the first paint. A loader
 * that fails is left alone: the code that needs the chunk imports it again and reports the failure there.
 * @see https://w3c.github.io/requestidlecallback/
 */
export async function prefetchWhenIdle(
  loaders: readonly (() => Promise<unknown>)[],
  opts: { scheduler?: IdleScheduler; painted?: () => Promise<void> } = {},
): Promise<void> {
  const scheduler = opts.scheduler ?? globalThis;
  await (opts.painted ?? afterFirstPaint)();
  for (const load of loaders) {
    await nextIdle(scheduler);
    await load().catch(() => undefined);
  }
}
