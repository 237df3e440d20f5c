// Resolves after the next frame has been painted: work that is not part of the first screen (settings.json, the
// status bar's token core) starts then, so it does not compete with the shell's own files for the network.

/** rAF runs just before a paint; the timeout after it lands after that paint. Without rAF (tests), a timeout. */
export function afterFirstPaint(): Promise<void> {
  return new Promise((resolve) => {
    const later = () => setTimeout(resolve, 0);
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(later);
    else later();
  });
}
