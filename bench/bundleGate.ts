// Bundle-size gate (issue 10): after `vite build`, fail when the app's initial JS+CSS gzip is over 1.15× the bare
// React + router app's, built here with the same Vite. A build property, not a timing: same input, same bytes.
// Usage: npx tsx bench/bundleGate.ts
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { INITIAL_RATIO_BUDGET, initialSizes, kb } from './support/bundle';
import { buildBareApp } from './support/bareApp';
import { DIST } from './support/servers';

if (!existsSync(join(DIST, 'index.html'))) {
  console.error('bundle gate: dist/index.html is missing; run `vite build` first.');
  process.exit(1);
}
const app = initialSizes(DIST).total;
const bare = initialSizes(await buildBareApp()).total;
const ratio = app.gzip / bare.gzip;
const verdict = ratio <= INITIAL_RATIO_BUDGET ? 'within' : 'OVER';
console.error(`bundle gate: app initial JS+CSS ${kb(app.gzip)} KB gzip (${app.files.join(', ')})`);
console.error(`bundle gate: bare React + router ${kb(bare.gzip)} KB gzip (${bare.files.join(', ')})`);
console.error(`bundle gate: ${ratio.toFixed(3)}× bare, ${verdict} the ${INITIAL_RATIO_BUDGET}× budget`);
process.exit(ratio <= INITIAL_RATIO_BUDGET ? 0 : 1);
