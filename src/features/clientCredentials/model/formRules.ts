// The flow form's rules made ready before a session is made: built and run once each, in a task of their own.
import { DEFAULT_FLOW_FORM } from './flowFormDefaults';
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
 * A function that resolves once the form's rules (flowFormShape: some thirty zod schemas) have been built and each
 * run once, on the default form (zod sets a schema's checks up on its first run), in the task `schedule` gives them.
 * The first call schedules that task; later calls get the same promise.
 *
 * A session checks the starting form, stored progress and profiles against these rules as it is made; building them
 * and their first runs there made the session's render the longest step of the flow's first render on the mobile
 * preset (issue 24: Lighthouse's simulation keeps the main-thread tasks that last 10 ms or more, and this one did on
 * a slower machine). Done ahead, in a task of its own, the work is the same and no task holds all of it.
 */
export function formRulesWarmup(schedule: TaskScheduler = nextTask): () => Promise<void> {
  let ready: Promise<void> | undefined;
  return () =>
    (ready ??= new Promise<void>((resolve) => {
      schedule(() => {
        try {
          profileConfigOf(DEFAULT_FLOW_FORM);
        } finally {
          // A rule that failed to build fails again where it is used, with its error; the page is not held back.
          resolve();
        }
      });
    }));
}

/** The page's, started when the flow's chunk has loaded (prepareFlowPage): once per page load. */
export const formRulesReady = formRulesWarmup();
