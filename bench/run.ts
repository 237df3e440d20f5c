// `npm run bench [-- --only lighthouse,bundle]`: runs bench/*.bench.ts in sequence and prints one table of figures
// (stdout, and bench/results/latest.md) with the machine it ran on and its load. A module that throws becomes a failed
// row; a missed budget is a **no** in the table, a line after it, and exit code 1.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { formatTable, verdict, type BenchModule, type Figure } from './table';
import { captureMachine, describeMachine } from './support/machine';

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

const machine = captureMachine();
// Said first as well: a reader watching a slow run sees at once whether the machine was busy.
console.warn(`Machine:\n${describeMachine(machine)}`);
const rows: Figure[] = [];
for (const file of files) rows.push(...(await runOne(file)));

const { line, exitCode } = verdict(rows);
const command = `npm run bench${values.only ? ` -- --only ${values.only}` : ''}`;
const report = `${formatTable(rows)}\n\n${line}\n\nMachine:\n${describeMachine(machine, loadavg())}\n\nCommand: \`${command}\`\n`;
mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(join(here, 'results', 'latest.md'), report);
process.stdout.write(report);
// Modules may leave handles (a browser, a child) behind on failure; the run is over, and fails if a budget was missed.
process.exit(exitCode);
