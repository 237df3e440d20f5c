// The step-4 exchanges the flow page's diagram draws, as an external store: recording one re-renders the diagram,
// not the page and its steps.
import type { ApiExchange } from '../../../services/apiExchange';
import { effects } from '../../../utils/effects';
import { createListenerSet } from '../../../utils/listeners';
import type { TimedApiExchange } from './flowSequence';

export interface ApiTrail {
  /** Stable; hand it to ExchangeSinkContext. */
  record: (exchange: ApiExchange) => void;
  subscribe: (listener: () => void) => () => void;
  /** The same array until something is recorded (useSyncExternalStore). */
  getSnapshot: () => readonly TimedApiExchange[];
}

/** A bounded trail, oldest first; `viaRelay()` says at record time whether the call went through the relay. */
export function createApiTrail(viaRelay: () => boolean, limit = 200): ApiTrail {
  let list: readonly TimedApiExchange[] = [];
  let nextId = 1;
  const listeners = createListenerSet();
  return {
    record(exchange) {
      // The clients report a call when it settles: it started durationMs earlier.
      const timed: TimedApiExchange = { ...exchange, id: nextId++, at: effects().clock.now() - exchange.durationMs, viaRelay: viaRelay() };
      list = [...list, timed].slice(-limit);
      listeners.notify();
    },
    subscribe: (listener) => listeners.subscribe(listener),
    getSnapshot: () => list,
  };
}
