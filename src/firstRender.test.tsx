// The first render is given to React in slices: other tasks run between its parts, as they do in the browser.
import { createRoot } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderInSlices } from './firstRender';

/** A component whose render takes `ms` of the main thread, then notes that it rendered. */
function Busy({ id, ms, log }: { id: string; ms: number; log: string[] }) {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // busy, as a large first render is
  }
  log.push(id);
  return null;
}

describe('renderInSlices', () => {
  // As in the browser: updates outside act(), scheduled by React's own scheduler.
  const previous = (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT;
  beforeEach(() => {
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
  });
  afterEach(() => {
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = previous;
  });

  it('lets a task queued with the render run before the render is done (a plain first render holds one task)', async () => {
    const log: string[] = [];
    const root = createRoot(document.createElement('div'));
    renderInSlices(
      root,
      <>
        <Busy id="a" ms={12} log={log} />
        <Busy id="b" ms={12} log={log} />
        <Busy id="c" ms={12} log={log} />
      </>,
    );
    const otherTask = new Promise<void>((resolve) => setTimeout(() => resolve(void log.push('other task')), 0));
    await otherTask;
    await new Promise<void>((resolve) => {
      const check = () => (log.includes('c') ? resolve() : setTimeout(check, 5));
      check();
    });
    // The whole render, in order, with the other task before its last part.
    expect(log.filter((entry) => entry !== 'other task')).toEqual(['a', 'b', 'c']);
    expect(log.indexOf('other task')).toBeLessThan(log.indexOf('c'));
    root.unmount();
  });
});
