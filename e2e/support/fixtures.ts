// The E2E `test`: every page starts clean and, when the sandbox or the relay run on other ports, is pointed at them.
import { test as base, expect, type Page } from '@playwright/test';
import { REAL_TENANT, REAL_TENANT_TAG, SANDBOX_ONLY_REASON } from './realTenant';
import { DEFAULT_RELAY_URL, RELAY_URL } from './relay';
import { SANDBOX_URL } from './sandbox';

const SETTINGS_KEY = 'm2m-playground:settings';
const DEFAULT_SANDBOX_URL = 'http://localhost:4500';

export const test = base.extend<{ realTenantGate: void }>({
  // Against a real tenant (E2E_PROVIDER) only tests tagged @real-tenant run; the rest say why they were skipped.
  realTenantGate: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
    async ({}, use, testInfo) => {
      testInfo.skip(REAL_TENANT !== undefined && !testInfo.tags.includes(REAL_TENANT_TAG), SANDBOX_ONLY_REASON);
      await use();
    },
    { auto: true },
  ],
  page: async ({ page }, use) => {
    await pointAtSuiteServers(page);
    await use(page);
  },
});

export { expect };

/**
 * Points a page at this run's sandbox and relay when they moved off their default ports (every fixture page does;
 * a page of a new context must too). Only what moved is written, so the configuration dialog still shows every other
 * value's own source.
 */
export async function pointAtSuiteServers(page: Page): Promise<void> {
  const moved = {
    ...(SANDBOX_URL !== DEFAULT_SANDBOX_URL ? { provider: { sandboxUrl: SANDBOX_URL } } : {}),
    ...(RELAY_URL !== DEFAULT_RELAY_URL ? { relay: { url: RELAY_URL } } : {}),
  };
  if (Object.keys(moved).length > 0) await patchSettings(page, moved);
}

/**
 * Before the page loads, merges `patch` into the app's localStorage settings, group by group (`provider`, `relay`…),
 * keeping what other init scripts wrote there.
 */
export async function patchSettings(page: Page, patch: Record<string, Record<string, string>>): Promise<void> {
  await page.addInitScript(
    ([key, groups]) => {
      const current = JSON.parse(window.localStorage.getItem(key) ?? '{}') as Record<string, Record<string, unknown> | undefined>;
      const next: Record<string, unknown> = { ...current };
      for (const [group, values] of Object.entries(groups)) next[group] = { ...current[group], ...values };
      window.localStorage.setItem(key, JSON.stringify(next));
    },
    [SETTINGS_KEY, patch] as const,
  );
}
