// No module builds a zod schema at import: each zod builder call at top level ran inside a chunk's evaluation, a long
// main-thread task of the mobile page load (issue 24). Schemas are built on first use (lazySchema in zod.ts).
import { beforeEach, describe, expect, it, vi } from 'vitest';

/** Each zod builder (z.object, z.string…) called, with the source file that called it. */
const built = vi.hoisted(() => [] as Array<{ builder: string; calledFrom: string }>);

/**
 * The files under src/ on the stack, innermost first, without this test and zod.ts: the file whose code called the
 * builder, then the modules being evaluated around it (a module calling another's maker at import, or importing it).
 */
const callersOf = vi.hoisted(() => (stack: string): string => {
  const files = stack.split('\n').map((line) => /(\/src\/[^\s:)]+)/.exec(line)?.[1]);
  const ours = files.filter((file): file is string => file !== undefined && !file.endsWith('/lazySchemas.test.ts') && !file.endsWith('/utils/zod.ts'));
  return [...new Set(ours)].join(' ← ') || 'unknown';
});

vi.mock('./zod', async (importOriginal) => {
  const { reportingZodCalls } = await import('../../tests/support/zodCalls');
  return reportingZodCalls(await importOriginal<typeof import('./zod')>(), (builder) => built.push({ builder, calledFrom: callersOf(new Error().stack ?? '') }));
});

/** What each module built, e.g. `{ '/src/utils/tokenStorage.ts': 'object string array…' }`: a failure names the file. */
function buildersByModule(): Record<string, string> {
  const byModule: Record<string, string[]> = {};
  for (const { builder, calledFrom } of built) (byModule[calledFrom] ??= []).push(builder);
  return Object.fromEntries(Object.entries(byModule).map(([file, builders]) => [file, [...new Set(builders)].join(' ')]));
}

/**
 * Every .ts module of the app (utils, services, features' models, contexts, hooks…); .tsx components are left out
 * (they need the DOM project) and today none of them calls `z`. Lazy imports, so the test below evaluates each one
 * after the counter is reset.
 */
const MODULES = import.meta.glob(['/src/**/*.ts', '!/src/**/*.test.ts', '!/src/**/*.d.ts']);

describe('zod schemas', () => {
  beforeEach(() => {
    built.length = 0;
    vi.resetModules();
  });

  it('finds the modules that use zod', () => {
    // Guards the glob: if it matched nothing, the test below would pass without looking at anything.
    expect(Object.keys(MODULES)).toEqual(expect.arrayContaining(['/src/utils/tokenStorage.ts', '/src/features/clientCredentials/model/flowFormSchema.ts']));
  });

  it('builds none at import', async () => {
    for (const load of Object.values(MODULES)) await load();
    expect(buildersByModule()).toEqual({});
  });
});

describe('lazySchema', () => {
  it('builds on the first call, then hands back the same schema', async () => {
    const z = await import('./zod');
    const make = vi.fn(() => z.string());
    const { lazySchema } = z;
    const schema = lazySchema(make);
    expect(make).not.toHaveBeenCalled();
    expect(schema()).toBe(schema());
    expect(make).toHaveBeenCalledTimes(1);
  });
});
