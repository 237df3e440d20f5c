// zod, configured once for the playground: every schema module imports it as `import * as z from '…/utils/zod'`,
// never from 'zod'.
//
// zod/mini, not the classic API: the same zod 4 core (same parsing, issues and messages), with functions
// (`z.optional(s)`, `s.check(z.maxLength(n))`) instead of methods on every schema class, so the bundler keeps only
// what is used. The classic build was 92 KB (26 KB gzip) in every page's post-paint loading, and its evaluation one
// of the long main-thread tasks of the mobile load (issue 24); this one is 40 KB (12 KB gzip). Call members
// (`z.string()`); handing the namespace itself around as a value would keep all of zod, every locale included.
// @see https://zod.dev/packages/mini
//
// zod/mini loads no locale, so English messages are configured here (the messages the app shows where a schema
// gives none of its own). zod compiles a fast object parser with `new Function` and probes for it when the first
// object schema is built; under the production CSP (script-src without 'unsafe-eval') even the caught probe is
// reported as a violation. `jitless` skips both the probe and the compiled path (same results, interpreted). Both
// must be set before any schema parses, which importing from this module guarantees.
// @see https://zod.dev/api?id=jitless (z.config) and https://www.w3.org/TR/CSP3/#directive-script-src
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config({ ...en(), jitless: true });

export * from 'zod/mini';

/**
 * A schema built the first time it is asked for, then kept: `const entrySchema = lazySchema(() => z.object(…))`,
 * used as `entrySchema().safeParse(value)`, typed as `z.infer<ReturnType<typeof entrySchema>>`.
 *
 * Why not at import: zod 4 builds (and clones, for every added check, `z.optional()`, `z._default()`…) a schema when
 * its builder runs, so schemas written at module top level ran inside the flow chunk's evaluation, one of the long
 * main-thread tasks of the mobile page load (issue 24). A page load parses few of them; most are never needed.
 * `src/utils/lazySchemas.test.ts` pins that no module builds one at import.
 */
export function lazySchema<S>(make: () => S): () => S {
  let schema: S | undefined;
  return () => (schema ??= make());
}
