// zod comes from src/utils/zod.ts only, written one way: `import * as z from '…/utils/zod'`. That module configures
// zod before any schema parses (English messages, jitless under the CSP) and is zod/mini: an import of 'zod' itself
// would bring back the classic, method-based API, which the bundler cannot trim (issue 24: 92 KB against 40 KB).
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { filesUnder } from './support/files';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const THE_MODULE = 'src/utils/zod.ts';
const IMPORTS = /^import\s+([^;]*?)\s+from\s+'([^']+)'/gm;

/** The imports of zod in one source text that break the rule, as `what from 'where'`. */
function wrongZodImports(text: string): string[] {
  return [...text.matchAll(IMPORTS)]
    .filter(([, what, from]) => {
      if (from === 'zod' || from!.startsWith('zod/')) return true;
      return /(^|\/)utils\/zod$|^\.{1,2}\/zod$/.test(from!) && !/^\*\s+as\s+z$/.test(what!);
    })
    .map(([, what, from]) => `${what} from '${from}'`);
}

describe('zod imports', () => {
  it('tells a namespace import from the ones that break the rule (self-check of the scanner)', () => {
    expect(wrongZodImports("import * as z from '../utils/zod';\nimport * as z from './zod';\n")).toEqual([]);
    expect(wrongZodImports("import { z } from '../utils/zod';\nimport { lazySchema } from './zod';\nimport { z } from 'zod';\nimport * as z from 'zod/mini';\n")).toEqual([
      "{ z } from '../utils/zod'",
      "{ lazySchema } from './zod'",
      "{ z } from 'zod'",
      "* as z from 'zod/mini'",
    ]);
  });

  it('are namespace imports of src/utils/zod.ts everywhere in the app and the runner', () => {
    const files = [...filesUnder(join(ROOT, 'src')), ...filesUnder(join(ROOT, 'cli'))].filter((f) => /\.(ts|tsx)$/.test(f));
    const wrong = files
      .map((file) => relative(ROOT, file).split(sep).join('/'))
      .filter((rel) => rel !== THE_MODULE)
      .flatMap((rel) => wrongZodImports(readFileSync(join(ROOT, rel), 'utf8')).map((line) => `${rel}: ${line}`));
    expect(wrong).toEqual([]);
  });
});
