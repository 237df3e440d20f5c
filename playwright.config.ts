import { defineConfig, type PlaywrightTestConfig } from '@playwright/test';
import { E2E_WORKERS, workerServers } from './e2e/support/ports';

// Playwright cannot download browsers here: drive Debian's Chromium (override with CHROMIUM_PATH).
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// The ports can move (E2E_SANDBOX_PORT, E2E_SANDBOX_MTLS_PORT, E2E_RELAY_PORT, E2E_APP_PORT) so two suites can run side
// by side on one machine; e2e/support/fixtures.ts then points the app at the moved sandbox and relay through the
// localStorage settings layer. The relay's default 4600 is left to `npm start` (relay/README.md, issue 11).
const appPort = Number(process.env.E2E_APP_PORT ?? 4173);
const appOrigin = `http://localhost:${appPort}`;

type WebServer = Extract<NonNullable<PlaywrightTestConfig['webServer']>, unknown[]>[number];

/**
 * One sandbox + relay pair per worker (e2e/support/ports.ts): the sandbox holds shared state (faults, registered
 * clients, authz mode) that each spec resets, so two workers never share one. The demo CA and client certificates
 * each sandbox generates go to a directory of its own, where its relay reads them.
 */
function workerServerCommands(index: number): WebServer[] {
  const { sandboxPort, sandboxMtlsPort, relayPort, certDir } = workerServers(index);
  return [
    {
      command: 'node sandbox/server.js',
      url: `http://127.0.0.1:${sandboxPort}/sandbox/info`,
      env: {
        SANDBOX_PORT: String(sandboxPort),
        SANDBOX_MTLS_PORT: String(sandboxMtlsPort),
        SANDBOX_CERT_DIR: certDir,
        SANDBOX_QUIET: '1',
        SANDBOX_CORS_ORIGINS: appOrigin,
      },
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
    {
      command: 'node relay/server.js',
      url: `http://127.0.0.1:${relayPort}/health`,
      env: { RELAY_PORT: String(relayPort), RELAY_ALLOWED_ORIGINS: appOrigin, RELAY_CERT_DIR: certDir, RELAY_QUIET: '1' },
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  ];
}

export default defineConfig({
  testDir: 'e2e',
  // Each worker has its own sandbox and relay (above), so specs stay deterministic with two at once: a worker spends
  // much of a test waiting on the browser, the servers or a token's real lifetime, which the other worker fills.
  // Tests inside one file still run in order in one worker (fullyParallel: false). E2E_WORKERS=1 runs one at a time.
  workers: E2E_WORKERS,
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 45_000,
  expect: { timeout: 7_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://localhost:${appPort}`,
    // Never against a real tenant: a trace records what fill() typed (its client secret, a pasted private key).
    // A failed test keeps its trace (actions, DOM snapshots, network, console); the screencast is left out: it
    // was most of the tracing cost (providers + leakSweep specs, one worker: 29 s CPU with it, 18 s without it,
    // 15–17 s with no trace at all).
    trace: process.env.E2E_PROVIDER ? 'off' : { mode: 'retain-on-failure', screenshots: false },
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: [
    ...Array.from({ length: E2E_WORKERS }, (_, index) => workerServerCommands(index)).flat(),
    {
      command: `npx vite preview --port ${appPort} --strictPort`,
      url: `http://localhost:${appPort}`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
  ],
});
