// Work that can wait for the page to be idle: the browser's idle callback where there is one (not Safari), else a
// macrotask. One scheduler for the chunk prefetch and the flow's idle preview.
// @see https://w3c.github.io/requestidlecallback/

/** What the scheduler needs (tests give their own). */
export interface IdleScheduler {
  requestIdleCallback?: (callback: () => void, options?: { timeout: number }) => unknown;
  setTimeout: (callback: () => void, ms: number) => unknown;
}

/** An idle period seldom comes later than this on a page that keeps working: go on then. */
const IDLE_TIMEOUT_MS = 2_000;

/** Runs `run` in the next idle period (at the latest after {@link IDLE_TIMEOUT_MS}). */
export function whenIdle(run: () => void, scheduler: IdleScheduler = globalThis): void {
  if (scheduler.requestIdleCallback) scheduler.requestIdleCallback(() => run(), { timeout: IDLE_TIMEOUT_MS });
  else scheduler.setTimeout(run, 0);
}
