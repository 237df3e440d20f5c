// What `npm run bench` makes of its rows: a missed budget reads **no**, is named after the table, and fails the run.
import { describe, expect, it } from 'vitest';
import { formatTable, missedBudgets, verdict, type Figure } from './table';
import { describeMachine, type Machine } from './support/machine';

const met: Figure = { figure: 'bundle', value: 100, unit: 'KB', reference: 95, ratio: 1.05, budget: '≤ 1.15× bare', met: true };
const info: Figure = { figure: 'of which clock', value: 30, unit: 'ns/op', budget: 'info' };
const missed: Figure = { figure: 'startup', value: 3100, unit: 'ms', budget: '≤ 2500 ms', met: false };
const crashed: Figure = { figure: 'x.bench.ts failed: boom', value: Number.NaN, unit: '', budget: 'module runs', met: false };

describe('bench verdict', () => {
  it('passes when every budget is met, and informative rows do not count', () => {
    expect(missedBudgets([met, info])).toEqual([]);
    expect(verdict([met, info])).toEqual({ line: 'All 1 budgets met.', exitCode: 0 });
  });

  it('fails with exit code 1 and names each missed budget, a module that threw included', () => {
    const result = verdict([met, missed, info, crashed]);
    expect(result.exitCode).toBe(1);
    expect(result.line).toContain('2 budgets missed');
    expect(result.line).toContain('- startup: 3100 ms (budget ≤ 2500 ms)');
    expect(result.line).toContain('- x.bench.ts failed: boom: — (budget module runs)');
  });

  it('marks a missed budget **no** in the table', () => {
    const [, , row] = formatTable([missed]).split('\n');
    expect(row).toBe('| startup | 3100 ms |  |  | ≤ 2500 ms | **no** |');
  });
});

describe('describeMachine', () => {
  const machine: Machine = {
    cpu: 'Intel(R) Xeon(R) Processor', cores: 2, ramGiB: 23.5, node: '20.20.2', chromium: 'Chromium 156',
    loadAtStart: [7.2, 7.91, 7.11], startedAt: new Date('2026-12-07T02:41:41Z'),
  };

  it('prints the CPU, cores, Node and Chromium versions and the load average the run started under', () => {
    const text = describeMachine(machine);
    expect(text).toContain('- CPU: Intel(R) Xeon(R) Processor, 2 cores');
    expect(text).toContain('- Node 20.20.2, Chromium 156');
    expect(text).toContain('- Load average (1, 5, 15 min) at start: 7.20, 7.91, 7.11');
    expect(text).toContain('- Date: 2026-12-07T02:41:41.000Z');
  });

  it('adds the load at the end when given', () => {
    expect(describeMachine(machine, [9, 8, 7.5])).toContain('at end: 9.00, 8.00, 7.50');
  });
});
