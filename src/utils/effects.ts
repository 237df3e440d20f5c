// The one seam for effects: fetch, the clock, the logger and phase timing, provided once for the whole app.
//
// Code that talks HTTP, reads the time or logs asks `effects()` at the moment it acts, instead of taking
// `fetch?`/`clock?`/`logger?` in every option bag and threading them through components. The defaults are the
// real ones, looked up at call time (so msw's fetch interception and vitest's fake timers apply); tests replace
// any of them through `provideEffects`, which returns the function that puts the previous ones back.
import { systemClock, type Clock } from './clock';
import { logger as appLogger, type Logger } from './logger';

/** The phases of a token request that are timed (bench/clickToToken.bench.ts reads them). */
export type TimedPhase = 'sign' | 'build' | 'validate' | 'decode' | 'verify';

export interface Timing {
  /** Marks the start of `phase`; calling the returned function marks its end. */
  start(phase: TimedPhase): () => void;
}

const noEnd = () => undefined;

/**
 * Phase timing as User Timing measures named `m2m:<phase>`, so they show in the browser's performance tools and
 * a bench can read them; a no-op where `performance.measure` is missing. Only the latest measure of a phase is
 * kept, so a long session does not grow the performance timeline.
 * @see https://www.w3.org/TR/user-timing/#measure-method
 */
export const userTiming: Timing = {
  start(phase) {
    const perf = globalThis.performance as Performance | undefined;
    if (typeof perf?.measure !== 'function' || typeof perf.clearMeasures !== 'function') return noEnd;
    const start = perf.now();
    return () => {
      const name = `m2m:${phase}`;
      perf.clearMeasures(name);
      perf.measure(name, { start, end: perf.now() });
    };
  },
};

export interface Effects {
  fetch: typeof fetch;
  clock: Clock;
  logger: Logger;
  timing: Timing;
}

const defaults: Effects = {
  fetch: (input, init) => globalThis.fetch(input, init),
  clock: systemClock,
  logger: appLogger,
  timing: userTiming,
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
