// The machine a bench ran on, printed above and under the table: figures from different machines, or from the same
// machine under a different load, are not comparable.
import { spawnSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { CHROMIUM_PATH } from './servers';

export interface Machine {
  cpu: string;
  cores: number;
  ramGiB: number;
  node: string;
  chromium: string;
  /** os.loadavg() when the run started: 1, 5 and 15 minutes. */
  loadAtStart: readonly [number, number, number];
  startedAt: Date;
}

function chromiumVersion(): string {
  const result = spawnSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  return result.status === 0 ? result.stdout.trim() : `unknown (${CHROMIUM_PATH} --version failed)`;
}

/** Reads the machine once, at the start of a run (the load average is the one the figures ran under). */
export function captureMachine(startedAt = new Date()): Machine {
  const list = cpus();
  const [one = Number.NaN, five = Number.NaN, fifteen = Number.NaN] = loadavg();
  return {
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    ramGiB: totalmem() / 1024 ** 3,
    node: process.versions.node,
    chromium: chromiumVersion(),
    loadAtStart: [one, five, fifteen],
    startedAt,
  };
}

const load = (values: readonly number[]) => values.map((v) => v.toFixed(2)).join(', ');

/**
 * CPU model, cores, RAM, Node, Chromium, the load average at the start (and at the end, when given) and the date, as
 * Markdown list lines.
 */
export function describeMachine(machine: Machine, loadAtEnd?: readonly number[]): string {
  return [
    `- CPU: ${machine.cpu}, ${machine.cores} cores`,
    `- RAM: ${machine.ramGiB.toFixed(1)} GiB`,
    `- Node ${machine.node}, ${machine.chromium}`,
    `- Load average (1, 5, 15 min) at start: ${load(machine.loadAtStart)}${loadAtEnd ? `; at end: ${load(loadAtEnd)}` : ''}`
      + ` (${machine.cores} cores: above ${machine.cores} other work shares the CPU with the figures)`,
    `- Date: ${machine.startedAt.toISOString()}`,
  ].join('\n');
}
