// Where step-4 consoles also hand their exchanges, so the flow page's sequence diagram sees every call.
import { createContext } from 'react';
import type { ApiExchange } from '../services/apiExchange';

/**
 * Optional: without a provider the consoles keep their exchanges to themselves. The exchanges arrive masked by
 * the clients (Authorization, OTPs, passwords), as the consoles' own lists get them.
 */
export const ExchangeSinkContext = createContext<((exchange: ApiExchange) => void) | undefined>(undefined);
