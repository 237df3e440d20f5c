// The E2E `test`: every page starts clean and, when the sandbox was moved to another port, is pointed at it.
import { test as base, expect } from '@playwright/test';
import { SANDBOX_URL } from './sandbox';

const SETTINGS_KEY = 'm2m-playground:settings';
const DEFAULT_SANDBOX_URL = 'http://localhost:4500';

export const test = base.extend({
  page: async ({ page }, use) => {
    if (SANDBOX_URL !== DEFAULT_SANDBOX_URL) {
      await page.addInitScript(
        ([key, url]) => {
          const current = JSON.parse(window.localStorage.getItem(key!) ?? '{}') as { provider?: Record<string, unknown> };
          window.localStorage.setItem(key!, JSON.stringify({ ...current, provider: { ...current.provider, sandboxUrl: url } }));
        },
        [SETTINGS_KEY, SANDBOX_URL],
      );
    }
    await use(page);
  },
});

export { expect };
