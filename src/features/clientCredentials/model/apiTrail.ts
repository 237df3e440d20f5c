// The step-4 exchanges the flow page's diagram draws, as an external store: recording one re-renders the diagram,
// not the page and its steps.
import type { ApiExchange } from '../../../services/apiExchange';
import { effects } from '../../../utils/effects';
import { createListenerSet } from '../../../utils/listeners';
import type { TimedApiExchange } from './flowSequence';

export interface ApiTrail {
  /** Stable; hand it to ExchangeSinkContext. */
  record: (exchange: ApiExchange) => void;
  /** Whether calls now go through the local relay: rows recorded from here on are drawn through it. */
  setViaRelay: (viaRelay: boolean) => void;
  subscribe: (listener: () => void) => () => void;
  /** The same array until something is recorded (useSyncExternalStore). */
  getSnapshot: () => readonly TimedApiExchange[];
}

/** A bounded trail, oldest first. */
export function createApiTrail(limit = 200): ApiTrail {
  let list: readonly TimedApiExchange[] = [];
  let viaRelay = false;
  let nextId = 1;
  const listeners = createListenerSet();
  return {
    record(exchange) {
      // The clients report a call when it settles: it started durationMs earlier.
      const timed: TimedApiExchange = { ...exchange, id: nextId++, at: effects().clock.now() - exchange.durationMs, viaRelay };
      list = [...list, timed].slice(-limit);
      listeners.notify();
    },
    setViaRelay(next) {
      viaRelay = next;
    },
    subscribe: (listener) => listeners.subscribe(listener),
    getSnapshot: () => list,
  };
}
