// The settings schemas are built on first use: a page load resolves the configuration with the few fields its
// layers set, and building every leaf's schema at import was ~25 ms of one main-thread task (issue 24).
import { beforeEach, describe, expect, it, vi } from 'vitest';

/** The zod builders and checks (z.string, z.url, z.maxLength…) the code under test called, in order. */
const built = vi.hoisted(() => [] as string[]);

vi.mock('../../utils/zod', async (importOriginal) => {
  const { reportingZodCalls } = await import('../../../tests/support/zodCalls');
  return reportingZodCalls(await importOriginal<typeof import('../../utils/zod')>(), (name) => built.push(name));
});

describe('settings schemas', () => {
  beforeEach(() => {
    built.length = 0;
    vi.resetModules();
  });

  it('builds none at import', async () => {
    await import('./schema');
    await import('./resolve');
    expect(built).toEqual([]);
  });

  it('builds only the schemas of the fields a layer sets when resolving', async () => {
    const { resolveConfig } = await import('./resolve');
    const { createDefaultSettings } = await import('./settings');
    const resolved = resolveConfig({ defaults: createDefaultSettings({ clientCredentialsEnabled: false }), settingsJson: { oauth: { clientCredentials: { enabled: true } } } });
    expect(resolved.config.oauth.clientCredentials.enabled).toBe(true);
    expect(built).toEqual(['boolean']);
  });

  it('builds each field schema once', async () => {
    const { fieldSchema } = await import('./schema');
    expect(fieldSchema('relay.url')).toBe(fieldSchema('relay.url'));
  });
});
