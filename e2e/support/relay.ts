// E2E access to the local relay and the demo certificates: where playwright.config.ts started them.
import { THIS_WORKER } from './ports';

/** This worker's relay (E2E_RELAY_PORT, default 4610, for the first worker; the app's own 4600 is left to `npm start`). */
export const RELAY_URL = `http://localhost:${THIS_WORKER.relayPort}`;
/** The app's default relay.url: when RELAY_URL differs, fixtures.ts points the app at RELAY_URL. */
export const DEFAULT_RELAY_URL = 'http://localhost:4600';
/** Where the suite's sandbox wrote its demo CA and client certificates (and the relay reads them). */
export const CERT_DIR = THIS_WORKER.certDir;
/** An address where nothing listens (port 9 is "discard", never served on loopback here). */
export const CLOSED_RELAY_URL = 'http://localhost:9';
