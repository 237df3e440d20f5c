// The recent API exchanges of a step-4 console: newest first, bounded, fed by a client's onExchange listener.
import { useCallback, useContext, useRef, useState } from 'react';
import { ExchangeSinkContext } from '../contexts/ExchangeSinkContext';
import type { ApiExchange } from '../services/pingone/types';

/** An exchange with a stable id for React keys. */
export interface RecordedExchange extends ApiExchange {
  id: number;
}

export interface ApiExchangeLog {
  /** Newest first. */
  exchanges: RecordedExchange[];
  /** Stable across renders, so it can be handed to a client created once (`onExchange`). */
  record: (exchange: ApiExchange) => void;
  clear: () => void;
}

/** How many exchanges a console keeps on screen by default. */
export const DEFAULT_EXCHANGE_LIMIT = 10;

/**
 * Keeps the last `limit` exchanges. The records arrive already masked by the clients (Authorization, OTPs,
 * passwords); the view masks personal data on top.
 */
export function useApiExchanges(limit: number = DEFAULT_EXCHANGE_LIMIT): ApiExchangeLog {
  const [exchanges, setExchanges] = useState<RecordedExchange[]>([]);
  const nextId = useRef(1);
  // The flow page's sequence diagram sees every console's calls too, when it provides a sink.
  const sink = useContext(ExchangeSinkContext);
  const record = useCallback(
    (exchange: ApiExchange) => {
      const id = nextId.current++;
      setExchanges((list) => [{ ...exchange, id }, ...list].slice(0, Math.max(1, limit)));
      sink?.(exchange);
    },
    [limit, sink],
  );
  const clear = useCallback(() => setExchanges([]), []);
  return { exchanges, record, clear };
}
