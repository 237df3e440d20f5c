// The sandbox's start taken apart (bench/support/sandboxStartPhases.js in fresh processes): CPU and wall time of each
// phase, cold (no kept demo material: keys and certificates are generated) and warm (what `npm start` does after the
// first time), against a bare `node` process started in the same run. CPU time is the figure to compare: wall time
// on a shared machine mostly says how busy it was.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import type { Figure } from './table';
import { median, ROOT } from './support/servers';

const run = promisify(execFile);
const ROUNDS = 5;
const SCRIPT = join(ROOT, 'bench/support/sandboxStartPhases.js');

type Phases = Record<string, { cpuMs: number; wallMs: number }>;

async function phasesOnce(certDir: string): Promise<Phases> {
  const { stdout } = await run(process.execPath, [SCRIPT, certDir], { cwd: ROOT, timeout: 60_000 });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Phases;
}

/** A bare Node process: boot, an empty module, exit (the floor under every start). */
async function bareNode(): Promise<{ cpuMs: number; wallMs: number }> {
  const code = 'const u = process.cpuUsage(); console.log(JSON.stringify({ cpuMs: (u.user + u.system) / 1000, wallMs: process.uptime() * 1000 }))';
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', code], { cwd: ROOT });
  return JSON.parse(stdout) as { cpuMs: number; wallMs: number };
}

const medianOf = (runs: readonly Phases[], phase: string, field: 'cpuMs' | 'wallMs') => median(runs.map((r) => r[phase]![field]));

export default async function sandboxStartupBench(): Promise<Figure[]> {
  const warmDir = mkdtempSync(join(tmpdir(), 'bench-start-warm-'));
  const runs = { cold: [] as Phases[], warm: [] as Phases[], bare: [] as Array<{ cpuMs: number; wallMs: number }> };
  try {
    await phasesOnce(warmDir); // keeps the material the warm runs reuse
    // Interleaved, so a burst of other load lands on every kind of run alike.
    for (let round = 0; round < ROUNDS; round += 1) {
      const coldDir = mkdtempSync(join(tmpdir(), 'bench-start-cold-'));
      try {
        runs.cold.push(await phasesOnce(coldDir));
      } finally {
        rmSync(coldDir, { recursive: true, force: true });
      }
      runs.warm.push(await phasesOnce(warmDir));
      runs.bare.push(await bareNode());
    }
  } finally {
    rmSync(warmDir, { recursive: true, force: true });
  }
  const bareCpu = median(runs.bare.map((r) => r.cpuMs));
  const phases = Object.keys(runs.warm[0]!).filter((name) => name !== 'total');
  console.warn(`sandbox start phases (median CPU ms, warm / cold): ${phases.map((p) => `${p} ${Math.round(medianOf(runs.warm, p, 'cpuMs'))} / ${Math.round(medianOf(runs.cold, p, 'cpuMs'))}`).join('; ')}`);
  const total = (kind: 'warm' | 'cold', field: 'cpuMs' | 'wallMs') => medianOf(runs[kind], 'total', field);
  return [
    {
      figure: `sandbox start to first answer, CPU, warm (kept demo material), median of ${ROUNDS}; reference: bare node process`,
      value: total('warm', 'cpuMs'), unit: 'ms', reference: bareCpu, ratio: total('warm', 'cpuMs') / bareCpu, budget: 'info',
    },
    { figure: 'sandbox start to first answer, CPU, cold (keys and certificates generated)', value: total('cold', 'cpuMs'), unit: 'ms', budget: 'info' },
    { figure: 'sandbox start to first answer, wall, warm / cold (moves with the machine\'s load)', value: total('warm', 'wallMs'), reference: total('cold', 'wallMs'), unit: 'ms', budget: 'info' },
    ...phases.map((p): Figure => ({
      figure: `  sandbox start phase: ${p}, CPU warm (reference: cold)`,
      value: medianOf(runs.warm, p, 'cpuMs'), reference: medianOf(runs.cold, p, 'cpuMs'), unit: 'ms', budget: 'info',
    })),
  ];
}
