// The machine a bench ran on, printed under the table: figures from different machines are not comparable.
import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { CHROMIUM_PATH } from './servers';

function chromiumVersion(): string {
  const result = spawnSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  return result.status === 0 ? result.stdout.trim() : `unknown (${CHROMIUM_PATH} --version failed)`;
}

/** CPU model, cores, RAM, Node, Chromium and the date, as Markdown list lines. */
export function describeMachine(date = new Date()): string {
  const list = cpus();
  return [
    `- CPU: ${list[0]?.model.trim() ?? 'unknown'}, ${list.length} cores`,
    `- RAM: ${(totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    `- Node ${process.versions.node}, ${chromiumVersion()}`,
    `- Date: ${date.toISOString()}`,
  ].join('\n');
}
