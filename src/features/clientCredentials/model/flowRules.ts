// The flow page's rules made ready before its session is made: built (and the form's run once), each step in a task
// of its own.
import { prepareSandboxInfoRules } from '../../../services/sandboxAdmin';
import { DEFAULT_FLOW_FORM } from './flowFormDefaults';
import { flowFormShape } from './flowFormSchema';
import { profileConfigOf } from './profileConfig';

/** Runs `run` in a later task of the event loop. */
export type TaskScheduler = (run: () => void) => void;

/**
 * A message to itself: the next task without a timer's clamping (HTML's timers may wait 4 ms once nested), as React's
 * scheduler does; and a test's fake timers leave it alone, so a page under test is not held back by them.
 */
const nextTask: TaskScheduler = (run) => {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    run();
  };
  channel.port2.postMessage(null);
};

/**
 * What the page's first render and the session's start-up would otherwise build in their own tasks, in order: the
 * form's rules (flowFormShape: some thirty zod schemas), against which the session checks the starting form, stored
 * progress and profiles; each run once on the default form (zod sets a schema's checks up on its first run), a step
 * of its own (together they still made one task of over 10 ms in Lighthouse's trace); then the rules /sandbox/info's
 * answer is read with.
 */
export const FLOW_RULE_STEPS: ReadonlyArray<() => void> = [
  () => void flowFormShape(),
  () => void profileConfigOf(DEFAULT_FLOW_FORM),
  prepareSandboxInfoRules,
];

/**
 * A function that resolves once each step has run, each in a task `schedule` gives it, one after the other. The first
 * call schedules the first step; later calls get the same promise.
 *
 * Built inside the session's render, the form's rules made it the longest step of the flow's first render on the
 * mobile preset (issue 24: Lighthouse's simulation keeps the main-thread tasks that last 10 ms or more, and this one
 * did on a slower machine). Done ahead, a step per task, the work is the same and no task holds all of it.
 */
export function rulesWarmup(steps: ReadonlyArray<() => void>, schedule: TaskScheduler = nextTask): () => Promise<void> {
  let ready: Promise<void> | undefined;
  const runFrom = (index: number, resolve: () => void): void => {
    const step = steps[index];
    if (!step) return resolve();
    schedule(() => {
      try {
        step();
      } finally {
        // A rule that failed to build fails again where it is used, with its error; the page is not held back.
        runFrom(index + 1, resolve);
      }
    });
  };
  return () => (ready ??= new Promise<void>((resolve) => runFrom(0, resolve)));
}

/** The page's, started when the flow's chunk has loaded (prepareFlowPage): once per page load. */
export const flowRulesReady = rulesWarmup(FLOW_RULE_STEPS);
