import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

// Playwright cannot download browsers here: drive Debian's Chromium (override with CHROMIUM_PATH).
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const sandboxPort = Number(process.env.E2E_SANDBOX_PORT ?? 4500);
// Both ports can move (E2E_SANDBOX_PORT, E2E_APP_PORT) so two suites can run side by side on one machine;
// e2e/support/fixtures.ts then points the app at the moved sandbox through the localStorage settings layer.
const appPort = Number(process.env.E2E_APP_PORT ?? 4173);
// The sandbox's mTLS listener and the relay get their own ports too (relay/README.md, issue 11): E2E_SANDBOX_MTLS_PORT,
// E2E_RELAY_PORT. The relay's default 4600 is left to `npm start`; fixtures point the app at this one.
const sandboxMtlsPort = Number(process.env.E2E_SANDBOX_MTLS_PORT ?? 4543);
const relayPort = Number(process.env.E2E_RELAY_PORT ?? 4610);
// The demo CA and client certificates this sandbox generates, where this relay reads them: a directory of this
// run's own, so another sandbox regenerating <repo>/certs cannot swap the CA under it.
const certDir = process.env.E2E_CERT_DIR ?? join(tmpdir(), `m2m-e2e-certs-${sandboxPort}`);
const appOrigin = `http://localhost:${appPort}`;

export default defineConfig({
  testDir: 'e2e',
  // The sandbox holds shared state (faults, registered clients): one worker keeps runs deterministic on 2 cores.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 45_000,
  expect: { timeout: 7_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://localhost:${appPort}`,
    // Never against a real tenant: a trace records what fill() typed (its client secret, a pasted private key).
    trace: process.env.E2E_PROVIDER ? 'off' : 'retain-on-failure',
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
    {
      command: `npx vite preview --port ${appPort} --strictPort`,
      url: `http://localhost:${appPort}`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
  ],
});
