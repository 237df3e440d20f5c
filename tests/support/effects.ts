// Test effects through the app's one seam: `setupTestEffects` provides fetch/clock/logger for every test of a file.
import { afterEach, beforeEach } from 'vitest';
import { provideEffects, type Effects } from '../../src/utils/effects';

/**
 * Call at module (or describe) level. `make` runs before each test, so each test gets fresh effects (a new
 * VirtualClock, a new recording logger); the returned object holds the current ones for assertions.
 */
export function setupTestEffects<T extends Partial<Effects>>(make: () => T): T {
  const current = {} as T;
  let restore: (() => void) | undefined;
  beforeEach(() => {
    Object.assign(current, make());
    restore = provideEffects(current);
  });
  afterEach(() => {
    restore?.();
    restore = undefined;
  });
  return current;
}
