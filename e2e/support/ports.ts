// Where each Playwright worker's own sandbox and relay listen. playwright.config.ts starts one sandbox + relay pair
// per parallel worker (the sandbox's faults, registered clients and authz mode are global to it, and a reset from one
// worker must not wipe another's fault mid-test); the support modules read this worker's pair from here.
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Worker n's ports are the base ports + n × this (worker 0 keeps the E2E_* ports themselves). */
export const WORKER_PORT_STRIDE = 1000;

/** How many workers run (E2E_WORKERS, default 2: the machine has 2 cores and a worker waits on the browser a lot). */
export const E2E_WORKERS = Math.max(1, Number(process.env.E2E_WORKERS ?? 2));

export interface WorkerServers {
  sandboxPort: number;
  sandboxMtlsPort: number;
  relayPort: number;
  /** Where this sandbox writes its demo CA and client certificates and this relay reads them. */
  certDir: string;
}

/** The sandbox + relay ports and certificate directory of the worker with Playwright's `parallelIndex` `index`. */
export function workerServers(index: number): WorkerServers {
  const shift = index * WORKER_PORT_STRIDE;
  const sandboxPort = Number(process.env.E2E_SANDBOX_PORT ?? 4500) + shift;
  const baseCertDir = process.env.E2E_CERT_DIR;
  return {
    sandboxPort,
    // The relay's default 4600 is left to `npm start` (relay/README.md): the suite's own starts at 4610.
    sandboxMtlsPort: Number(process.env.E2E_SANDBOX_MTLS_PORT ?? 4543) + shift,
    relayPort: Number(process.env.E2E_RELAY_PORT ?? 4610) + shift,
    // A directory of this run's own, so another sandbox regenerating <repo>/certs cannot swap the CA under it.
    certDir: baseCertDir
      ? index === 0 ? baseCertDir : `${baseCertDir}-w${index}`
      : join(tmpdir(), `m2m-e2e-certs-${sandboxPort}`),
  };
}

/** This worker's servers: Playwright sets TEST_PARALLEL_INDEX in each worker (0 in the runner itself). */
export const THIS_WORKER = workerServers(Number(process.env.TEST_PARALLEL_INDEX ?? 0));
