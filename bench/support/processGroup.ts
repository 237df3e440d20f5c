// A shell command in its own process group, so a bench can stop it and everything it started (npm, concurrently,
// node, vite) with one signal, and a check that the ports it wants are free.
import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { join } from 'node:path';
import { ROOT } from './servers';

export interface Group {
  child: ChildProcess;
  /** The last few KB of its output, for an error message. */
  output(): string;
  stop(): Promise<void>;
}

const exited = (child: ChildProcess, ms: number) =>
  new Promise<boolean>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(true);
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is gone already
  }
}

/** Runs `script` with `sh -c` as npm would (node_modules/.bin on PATH), detached into a new process group. */
export function spawnGroup(script: string): Group {
  const env = { ...process.env, PATH: `${join(ROOT, 'node_modules', '.bin')}:${process.env.PATH ?? ''}`, FORCE_COLOR: '0' };
  const child = spawn('/bin/sh', ['-c', script], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let tail = '';
  const keep = (chunk: Buffer) => (tail = (tail + chunk.toString()).slice(-4000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const pid = child.pid!;
  const kill = () => signalGroup(pid, 'SIGKILL');
  process.once('exit', kill);
  return {
    child,
    output: () => tail,
    async stop() {
      signalGroup(pid, 'SIGTERM');
      if (!(await exited(child, 5_000))) signalGroup(pid, 'SIGKILL');
      await exited(child, 2_000);
      signalGroup(pid, 'SIGKILL'); // grandchildren that outlived the shell
      process.off('exit', kill);
    },
  };
}

function answers(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host });
    socket.setTimeout(500);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(false));
  });
}

/** Whether something listens on `port` on loopback (IPv4 or IPv6: `localhost` may be either). */
export async function portInUse(port: number): Promise<boolean> {
  const [v4, v6] = await Promise.all([answers(port, '127.0.0.1'), answers(port, '::1')]);
  return v4 || v6;
}

/** Waits until none of `ports` answers (a stopped server may take a moment to release its socket). */
export async function waitForPortsFree(ports: readonly number[], timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const busy = (await Promise.all(ports.map(portInUse))).some(Boolean);
    if (!busy) return;
    if (Date.now() > deadline) throw new Error(`ports ${ports.join(', ')} still in use ${timeoutMs} ms after stopping`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
