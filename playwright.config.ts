import { defineConfig } from '@playwright/test';

// Playwright cannot download browsers here: drive Debian's Chromium (override with CHROMIUM_PATH).
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const sandboxPort = Number(process.env.E2E_SANDBOX_PORT ?? 4500);
// Both ports can move (E2E_SANDBOX_PORT, E2E_APP_PORT) so two suites can run side by side on one machine;
// e2e/support/fixtures.ts then points the app at the moved sandbox through the localStorage settings layer.
const appPort = Number(process.env.E2E_APP_PORT ?? 4173);

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
    trace: 'retain-on-failure',
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
      env: { SANDBOX_PORT: String(sandboxPort), SANDBOX_QUIET: '1', SANDBOX_CORS_ORIGINS: `http://localhost:${appPort}` },
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
    {
      command: `npx vite preview --port ${appPort} --strictPort`,
      url: `http://localhost:${appPort}`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
  ],
});
