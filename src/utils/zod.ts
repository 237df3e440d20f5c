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
