// For tests that count zod builders: src/utils/zod.ts with each builder and check reporting its name when called.

/**
 * The module's functions (z.string, z.url, z.maxLength…) wrapped to call `report(name)` first; `lazySchema` and the
 * values that are not functions (namespaces such as `z.core`) as they are. For a `vi.mock` factory of utils/zod.
 */
export function reportingZodCalls<M extends Record<string, unknown>>(zod: M, report: (name: string) => void): M {
  return Object.fromEntries(
    Object.entries(zod).map(([name, value]) => [
      name,
      typeof value === 'function' && name !== 'lazySchema'
        ? (...args: unknown[]) => {
            report(name);
            return (value as (...a: unknown[]) => unknown)(...args);
          }
        : value,
    ]),
  ) as M;
}
