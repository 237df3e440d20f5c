// Resolves once the first screen has been painted with content: work that is not part of it (settings.json, the
// status bar's token core, the flow chunk's preload) starts then, so it does not compete with the shell's own files.

/** A page loaded in a background tab never paints: go on after this long anyway. */
const AT_THE_LATEST_MS = 1_000;

/** After the first contentful paint (Paint Timing), else after the next frame; at the latest after a second. */
export function afterFirstPaint(): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const go = () => {
      if (done) return;
      done = true;
      resolve();
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
    // rAF runs just before a paint; the timeout after it lands after that paint. Without rAF (tests), a timeout.
    const later = () => setTimeout(go, 0);
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(later);
    else later();
  });
}
