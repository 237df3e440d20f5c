// Work that waits its turn: the next idle period (the browser's idle callback where there is one, not Safari; else a
// macrotask) or the next task, and steps run one per turn. One scheduler for the chunk prefetch, the flow's idle
// preview and the flow page's rules.
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

/**
 * Runs `run` in the next task: a message to itself, without a timer's clamping (HTML's timers may wait 4 ms once
 * nested), as React's scheduler does; and a test's fake timers leave it alone.
 * @see https://html.spec.whatwg.org/multipage/timers-and-user-prompts.html#timer-initialisation-steps
 */
export function inNextTask(run: () => void): void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    run();
  };
  channel.port2.postMessage(null);
}

/** Resolves in the next task ({@link inNextTask}): what comes after an `await nextTask()` is a task of its own. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => inNextTask(resolve));
}

/** Resolves in the next idle period ({@link whenIdle}). */
export function nextIdle(scheduler: IdleScheduler = globalThis): Promise<void> {
  return new Promise((resolve) => whenIdle(resolve, scheduler));
}

/**
 * Runs the steps in order, each once `turn()` has resolved (a task or an idle period of its own), so no task holds
 * them all. A step that throws or rejects is passed over: the code that needs what it makes meets the failure there.
 */
export async function stepByStep(steps: readonly (() => unknown)[], turn: () => Promise<void>): Promise<void> {
  for (const step of steps) {
    await turn();
    try {
      await step();
    } catch {
      // passed over (see above)
    }
  }
}
