// E2E access to the local relay and the demo certificates: where playwright.config.ts started them.
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The relay the suite started (E2E_RELAY_PORT, default 4610; the app's own default 4600 is left to `npm start`). */
export const RELAY_URL = `http://localhost:${process.env.E2E_RELAY_PORT ?? 4610}`;
/** The app's default relay.url: when RELAY_URL differs, fixtures.ts points the app at RELAY_URL. */
export const DEFAULT_RELAY_URL = 'http://localhost:4600';
/** Where the suite's sandbox wrote its demo CA and client certificates (and the relay reads them). */
export const CERT_DIR = process.env.E2E_CERT_DIR ?? join(tmpdir(), `m2m-e2e-certs-${process.env.E2E_SANDBOX_PORT ?? 4500}`);
/** An address where nothing listens (port 9 is "discard", never served on loopback here). */
export const CLOSED_RELAY_URL = 'http://localhost:9';
