// The feature flag oauth.clientCredentials.enabled gates the nav item and the route.
import { expect, test } from './support/fixtures';

const SETTINGS_KEY = 'm2m-playground:settings';

test('flag on (shipped settings.json): nav item and the flow page', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: /client credentials/i }).first().click();
  await expect(page).toHaveURL(/\/flows\/client-credentials$/);
  await expect(page.getByLabel('Provider')).toBeVisible();
});

test('flag off (localStorage layer): no nav item, a clear disabled page', async ({ page }) => {
  await page.addInitScript(([key]) => {
    window.localStorage.setItem(key!, JSON.stringify({ oauth: { clientCredentials: { enabled: false } } }));
  }, [SETTINGS_KEY]);
  await page.goto('/');
  await expect(page.getByRole('navigation').getByRole('link', { name: /client credentials/i })).toHaveCount(0);
  await page.goto('/flows/client-credentials');
  await expect(page.getByRole('heading', { name: /disabled/i })).toBeVisible();
  await expect(page.getByLabel('Provider')).toHaveCount(0);
});
