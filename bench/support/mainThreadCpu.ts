// The page's main-thread CPU time over a click, from a Chromium trace: thread time (`tdur`), which does not grow while
// other processes hold the CPU, unlike the wall-clock figures next to it (on a shared 2-core machine the p95 and the
// longest task in wall time mostly say how busy the machine was).
import type { Browser, Page } from '@playwright/test';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { type?: string } };
}

export interface ClickCpu {
  /** Thread time of the renderer main thread's tasks from the click's task to the one that committed the token. */
  cpuMs: number;
  /** The longest of those tasks, in thread time. */
  longestTaskCpuMs: number;
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', '__metadata', 'toplevel'];

/**
 * The tasks between the click's `EventDispatch` and the first `end` (a User Timing mark or measure set in the task
 * that puts the token on screen, e.g. the click-to-token bench's own mark), that task included.
 */
function cpuOf(events: readonly TraceEvent[], end: string): ClickCpu | undefined {
  const thread = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!thread) return undefined;
  const main = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X');
  const click = main.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'click');
  const endAt = events.filter((e) => e.pid === thread.pid && e.name === end).map((e) => e.ts).sort((a, b) => a - b)[0];
  if (!click || endAt === undefined) return undefined;
  // Chromium nests RunTask inside ThreadControllerImpl::RunTask; count one level only.
  const level = main.some((e) => e.name === 'ThreadControllerImpl::RunTask') ? 'ThreadControllerImpl::RunTask' : 'RunTask';
  const tasks = main.filter((e) => e.name === level && e.ts + (e.dur ?? 0) >= click.ts && e.ts <= endAt);
  const cpu = tasks.map((t) => (t.tdur ?? 0) / 1000);
  return { cpuMs: cpu.reduce((a, b) => a + b, 0), longestTaskCpuMs: Math.max(0, ...cpu) };
}

/** Runs `click` (which must click and wait for the token) under a trace; undefined if the trace lacks the markers. */
export async function traceClickCpu(browser: Browser, page: Page, click: () => Promise<void>, end: string): Promise<ClickCpu | undefined> {
  await browser.startTracing(page, { categories: CATEGORIES });
  const clicked = await click().then(() => undefined, (error: unknown) => ({ error }));
  const trace = await browser.stopTracing();
  if (clicked) throw clicked.error;
  return cpuOf((JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents, end);
}
