// `npm run bench [-- --only lighthouse,bundle]`: runs bench/*.bench.ts in sequence and prints one table of figures
// (stdout, and bench/results/latest.md) with the machine it ran on. A module that throws becomes a failed row.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { formatTable, type BenchModule, type Figure } from './table';
import { describeMachine } from './support/machine';

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({ options: { only: { type: 'string' } } });
const prefixes = values.only?.split(',').map((p) => p.trim()).filter(Boolean) ?? [];

const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => prefixes.length === 0 || prefixes.some((p) => f.startsWith(p)))
  .sort();
if (files.length === 0) throw new Error(`no bench/*.bench.ts matches --only ${values.only ?? ''}`);

const isFigure = (row: unknown): row is Figure => {
  const r = row as Partial<Figure> | null;
  return typeof r?.figure === 'string' && typeof r.value === 'number' && typeof r.unit === 'string' && typeof r.budget === 'string';
};

const failed = (file: string, error: unknown): Figure => ({
  figure: `${file} failed: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]!.replaceAll('|', '\\|')}`,
  value: Number.NaN,
  unit: '',
  budget: 'module runs',
  met: false,
});

async function runOne(file: string): Promise<Figure[]> {
  const started = performance.now();
  console.warn(`\n== ${file}`);
  try {
    const mod = (await import(pathToFileURL(join(here, file)).href)) as BenchModule;
    const rows: unknown = await mod.default();
    if (!Array.isArray(rows) || !rows.every(isFigure)) throw new Error('did not return Figure[] (see bench/table.ts)');
    return rows;
  } catch (error) {
    console.error(error);
    return [failed(file, error)];
  } finally {
    console.warn(`== ${file}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
}

const startedAt = new Date();
const rows: Figure[] = [];
for (const file of files) rows.push(...(await runOne(file)));

const report = `${formatTable(rows)}\n\nMachine:\n${describeMachine(startedAt)}\n\nCommand: \`npm run bench${values.only ? ` -- --only ${values.only}` : ''}\`\n`;
mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(join(here, 'results', 'latest.md'), report);
process.stdout.write(report);
// Modules may leave handles (a browser, a child) behind on failure; the run is over.
process.exit(0);
