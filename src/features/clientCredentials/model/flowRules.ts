// The flow page's rules made ready before its session is made: built (and the form's run once), each step in a task
// of its own.
import { prepareSandboxInfoRules } from '../../../services/sandboxAdmin';
import { nextTask, stepByStep } from '../../../utils/idle';
import { DEFAULT_FLOW_FORM } from './flowFormDefaults';
import { flowFormShape } from './flowFormSchema';
import { profileConfigOf } from './profileConfig';

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
 * A function that resolves once each step has run, each once `turn()` has resolved (by default in a task of its own), one after the other. The first
 * call schedules the first step; later calls get the same promise.
 *
 * Built inside the session's render, the form's rules made it the longest step of the flow's first render on the
 * mobile preset (issue 24: Lighthouse's simulation keeps the main-thread tasks that last 10 ms or more, and this one
 * did on a slower machine). Done ahead, a step per task, the work is the same and no task holds all of it.
 */
export function rulesWarmup(steps: ReadonlyArray<() => void>, turn: () => Promise<void> = nextTask): () => Promise<void> {
  let ready: Promise<void> | undefined;
  return () => (ready ??= stepByStep(steps, turn));
}

/** The page's, started when the flow's chunk has loaded (prepareFlowPage): once per page load. */
export const flowRulesReady = rulesWarmup(FLOW_RULE_STEPS);
