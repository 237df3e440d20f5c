// One row per figure: what `npm run bench` prints as its table (value, same-run reference, ratio, budget, met).

export interface Figure {
  /** What was measured, e.g. "Lighthouse Performance (mobile) /flows/client-credentials". */
  figure: string;
  value: number;
  /** "ms", "KB gzip", "tokens/s", "score", "×", … */
  unit: string;
  /** The same quantity for the reference measured in the same run (bare app, bare server, Map.get), if any. */
  reference?: number;
  /** value / reference, when the budget is a ratio. */
  ratio?: number;
  /** The budget in words, e.g. "≤ 1.15× bare", "≥ reference − 3", "≤ 16 ms". */
  budget: string;
  /** Whether the budget is met; undefined for figures that only inform (no budget). */
  met?: boolean;
}

/** A bench module's default export: runs its measurements and returns its rows. */
export type BenchModule = { default: () => Promise<Figure[]> };

const round = (n: number) => (Math.abs(n) >= 100 ? Math.round(n) : Math.round(n * 100) / 100);
/** A failed or unmeasured figure (NaN) reads as a dash, not as "NaN". */
const shown = (n: number, unit: string) => (Number.isFinite(n) ? `${round(n)} ${unit}` : '—');

/** The rows whose budget was missed (`met: false`, which includes a module that failed to run). */
export function missedBudgets(rows: readonly Figure[]): Figure[] {
  return rows.filter((r) => r.met === false);
}

/** What `npm run bench` ends with: a line naming every missed budget, and the exit code (1 when any was missed). */
export function verdict(rows: readonly Figure[]): { line: string; exitCode: 0 | 1 } {
  const missed = missedBudgets(rows);
  if (missed.length === 0) return { line: `All ${rows.filter((r) => r.met !== undefined).length} budgets met.`, exitCode: 0 };
  const names = missed.map((r) => `- ${r.figure}: ${shown(r.value, r.unit)} (budget ${r.budget})`).join('\n');
  return { line: `**${missed.length} budget${missed.length === 1 ? '' : 's'} missed:**\n${names}`, exitCode: 1 };
}

/** A Markdown table (what the README's Performance section and the session note quote). */
export function formatTable(rows: readonly Figure[]): string {
  const header = '| figure | value | reference | ratio | budget | met |\n| --- | --- | --- | --- | --- | --- |';
  const lines = rows.map((r) => {
    const value = shown(r.value, r.unit);
    const reference = r.reference === undefined ? '' : shown(r.reference, r.unit);
    const ratio = r.ratio === undefined || !Number.isFinite(r.ratio) ? '' : `${round(r.ratio)}×`;
    const met = r.met === undefined ? '' : r.met ? 'yes' : '**no**';
    return `| ${r.figure} | ${value} | ${reference} | ${ratio} | ${r.budget} | ${met} |`;
  });
  return [header, ...lines].join('\n');
}
