// Resolves once the first screen has been painted with content: work that is not part of it (settings.json, the
// status bar's token core, the flow chunk's preload) starts then, so it does not compete with the shell's own files.

/** A page loaded in a background tab never paints: go on after this long anyway. */
const AT_THE_LATEST_MS = 1_000;

/**
 * After the first contentful paint (Paint Timing), else after the next frame; at the latest after a second. Each
 * waiter goes on in a task of its own: the paint entry reaches every observer in one task, and what the waiters start
 * (fetches, chunk preloads, their evaluation) would otherwise add up to one long task that blocks the page.
 */
export function afterFirstPaint(): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const go = () => {
      if (done) return;
      done = true;
      setTimeout(resolve, 0);
    };
    setTimeout(go, AT_THE_LATEST_MS);
    if (typeof PerformanceObserver === 'function' && PerformanceObserver.supportedEntryTypes?.includes('paint')) {
      if (performance.getEntriesByName('first-contentful-paint').length > 0) return go();
      const observer = new PerformanceObserver((list) => {
        if (!list.getEntriesByName('first-contentful-paint').length) return;
        observer.disconnect();
        go();
      });
      observer.observe({ type: 'paint' });
      return;
    }
    // rAF runs just before a paint; go's timeout lands after that paint. Without rAF (tests), a timeout.
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(go);
    else go();
  });
}
