// zod, configured once for the playground: every schema file imports `z` from here, never from 'zod'.
//
// zod 4 compiles a fast object parser with `new Function` and probes for it when the first object schema is
// built; under the production CSP (script-src without 'unsafe-eval') even the caught probe is reported as a
// violation. `jitless` skips both the probe and the compiled path (same results, interpreted). It must be set
// before any `z.object()` runs, which importing `z` from this module guarantees for the file that imports it.
// @see https://zod.dev/api?id=jitless (z.config) and https://www.w3.org/TR/CSP3/#directive-script-src
import { z } from 'zod';

z.config({ jitless: true });

export { z };

/**
 * A schema built the first time it is asked for, then kept: `const entrySchema = lazySchema(() => z.object(…))`,
 * used as `entrySchema().safeParse(value)`, typed as `z.infer<ReturnType<typeof entrySchema>>`.
 *
 * Why not at import: zod 4 builds (and clones, for every chained `.min()`, `.default()`, `.regex()`…) a schema when
 * its builder runs, so schemas written at module top level ran inside the flow chunk's evaluation, one of the long
 * main-thread tasks of the mobile page load (issue 24). A page load parses few of them; most are never needed.
 * `src/utils/lazySchemas.test.ts` pins that no module builds one at import.
 */
export function lazySchema<S>(make: () => S): () => S {
  let schema: S | undefined;
  return () => (schema ??= make());
}
