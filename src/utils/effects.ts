// The one seam for effects: fetch, the clock and the logger, provided once for the whole app.
//
// Code that talks HTTP, reads the time or logs asks `effects()` at the moment it acts, instead of taking
// `fetch?`/`clock?`/`logger?` in every option bag and threading them through components. The defaults are the
// real ones, looked up at call time (so msw's fetch interception and vitest's fake timers apply); tests replace
// any of them through `provideEffects`, which returns the function that puts the previous ones back.
import { systemClock, type Clock } from './clock';
import { logger as appLogger, type Logger } from './logger';

export interface Effects {
  fetch: typeof fetch;
  clock: Clock;
  logger: Logger;
}

const defaults: Effects = {
  fetch: (input, init) => globalThis.fetch(input, init),
  clock: systemClock,
  logger: appLogger,
};

let current: Effects = defaults;

/** The effects in force now. Read at the moment of acting, never captured at module load. */
export function effects(): Effects {
  return current;
}

/**
 * Replaces some effects (tests, or the app's start-up). Returns a restore function that puts back exactly what
 * was in force before, so nested provisions unwind in order.
 */
export function provideEffects(overrides: Partial<Effects>): () => void {
  const previous = current;
  current = { ...current, ...overrides };
  return () => {
    current = previous;
  };
}
