// Runs every bench/*.bench.ts module in sequence and prints its figures. Figures, never pass/fail.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

type BenchModule = { default: () => Promise<Record<string, number | string>> };

const here = dirname(fileURLToPath(import.meta.url));
const files = readdirSync(here).filter((f) => f.endsWith('.bench.ts')).sort();
if (files.length === 0) console.warn('No benchmarks yet (bench/*.bench.ts).');
for (const file of files) {
  const mod = (await import(pathToFileURL(join(here, file)).href)) as BenchModule;
  const figures = await mod.default();
  console.warn(`\n== ${file}`);
  for (const [name, value] of Object.entries(figures)) console.warn(`  ${name}: ${value}`);
}
