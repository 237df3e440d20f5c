// Sandbox token endpoint throughput against a bare oidc-provider with the same client config, and the sandbox's
// memory under sustained load. Each server and each load generator is its own process, so the figure measures the
// server, not a client sharing its event loop.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

import type { Figure } from './table';
import { freePort, median, ROOT, waitForHttp } from './support/servers';

const AUTOCANNON = join(ROOT, 'node_modules/autocannon/autocannon.js');
const CONNECTIONS = 10;
const RUN_SECONDS = 8;
// Three rounds, not two: on a shared machine one run can land on someone else's build, and a median of three
// ignores it where a median of two (the mean) does not.
const ROUNDS = 3;
const MEMORY_SECONDS = Number(process.env.BENCH_MEMORY_SECONDS ?? 60);
const WARM_UP_SECONDS = 10;
const WINDOW_SECONDS = 10;
// Why 10 MB: after warm-up V8's heap and Node's buffers have reached their working size; what remains is GC timing,
// a few MB between window medians. Anything that keeps per-token state does far more: one retained ~1 KB token
// record at ~1,500 tokens/s is ~60 MB over the 40 s between the windows, and even 170 bytes per token passes 10 MB.
const RSS_GROWTH_BUDGET_MB = 10;
const RATIO_BUDGET = 0.9;
const AUTHORIZATION = `Basic ${Buffer.from('sandbox-basic:demo-secret-basic-DO-NOT-USE-IN-PRODUCTION').toString('base64')}`;
const BODY = 'grant_type=client_credentials&scope=p1%3Aread%3Auser';

interface Server { tokenEndpoint: string; pid: number; stop(): void }
interface LoadResult { tokensPerSecond: number; tokens: number; failures: number }
interface Run extends LoadResult { cpuMsPerToken: number }

function stopper(child: ChildProcess): () => void {
  const stop = () => {
    if (child.exitCode === null) child.kill('SIGTERM');
  };
  process.once('exit', stop);
  return stop;
}

/**
 * `node sandbox/server.js` on free ports, as `npm run sandbox` runs it (mTLS listener included), with its demo
 * certificates in a temporary directory so a running dev sandbox keeps its own; the token endpoint comes from
 * /sandbox/info.
 */
async function startSandboxProcess(): Promise<Server> {
  const [port, mtlsPort] = [await freePort(), await freePort()];
  const certDir = mkdtempSync(join(tmpdir(), 'bench-sandbox-certs-'));
  const child = spawn(process.execPath, ['sandbox/server.js'], {
    cwd: ROOT, stdio: 'ignore',
    env: { ...process.env, SANDBOX_PORT: String(port), SANDBOX_MTLS_PORT: String(mtlsPort), SANDBOX_CERT_DIR: certDir, SANDBOX_QUIET: '1' },
  });
  const stopChild = stopper(child);
  const stop = () => {
    stopChild();
    rmSync(certDir, { recursive: true, force: true });
  };
  const infoUrl = `http://localhost:${port}/sandbox/info`;
  await waitForHttp(infoUrl, child);
  const info = (await (await fetch(infoUrl)).json()) as { tokenEndpoint: string };
  return { tokenEndpoint: info.tokenEndpoint, pid: child.pid!, stop };
}

/** `node bench/support/bareProvider.js`, which prints `listening <token endpoint>` once ready. */
async function startBareProcess(): Promise<Server> {
  const child = spawn(process.execPath, ['bench/support/bareProvider.js'], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, PORT: '0' },
  });
  const stop = stopper(child);
  for await (const line of createInterface({ input: child.stdout! })) {
    const match = /^listening (\S+)$/.exec(line);
    if (match) return { tokenEndpoint: match[1]!, pid: child.pid!, stop };
  }
  stop();
  throw new Error(`bench/support/bareProvider.js exited (${child.exitCode}) before listening`);
}

/** autocannon in its own process: `seconds` of client_secret_basic token requests over 10 connections. */
function load(tokenEndpoint: string, seconds: number): Promise<LoadResult> {
  const args = [AUTOCANNON, '--json', '-c', String(CONNECTIONS), '-d', String(seconds), '-m', 'POST',
    '-H', `authorization=${AUTHORIZATION}`, '-H', 'content-type=application/x-www-form-urlencoded', '-b', BODY, tokenEndpoint];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] });
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}`));
      const r = JSON.parse(out) as { duration: number; '2xx': number; non2xx: number; errors: number; timeouts: number };
      resolve({ tokensPerSecond: r['2xx'] / r.duration, tokens: r['2xx'], failures: r.non2xx + r.errors + r.timeouts });
    });
  });
}

/** One token from each server: the comparison is like for like only if both issue the same kind of token. */
async function assertSameTokenShape(a: Server, b: Server): Promise<void> {
  const shape = async (server: Server) => {
    const res = await fetch(server.tokenEndpoint, {
      method: 'POST', headers: { authorization: AUTHORIZATION, 'content-type': 'application/x-www-form-urlencoded' }, body: BODY,
    });
    const { access_token: jwt } = (await res.json()) as { access_token: string };
    const [header, payload] = jwt.split('.').slice(0, 2).map((part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')));
    return JSON.stringify({ status: res.status, alg: header.alg, typ: header.typ, claims: Object.keys(payload).sort(), scope: payload.scope, aud: payload.aud });
  };
  const [left, right] = await Promise.all([shape(a), shape(b)]);
  if (left !== right) throw new Error(`the sandbox and the bare provider issue different tokens: ${left} vs ${right}`);
}

// utime + stime of a process, in clock ticks (proc(5): fields 14 and 15; the name field may hold spaces, so split
// after its closing parenthesis). Linux's USER_HZ is 100 on every common build.
const TICKS_PER_SECOND = 100;
const cpuTicks = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return Number(fields[11]) + Number(fields[12]);
};

/** One load run, with the server's own CPU time per token: unlike tokens/s, it hardly moves with other load. */
async function run(server: Server): Promise<Run> {
  const before = cpuTicks(server.pid);
  const result = await load(server.tokenEndpoint, RUN_SECONDS);
  const cpuMs = ((cpuTicks(server.pid) - before) * 1000) / TICKS_PER_SECOND;
  return { ...result, cpuMsPerToken: cpuMs / result.tokens };
}

const rssKb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? Number.NaN);

/**
 * The sandbox's RSS once a second during `MEMORY_SECONDS` of load. RSS saw-tooths by ~10 MB with V8's young-generation
 * GC (the heap after a full GC stays flat), so growth compares the median of the 10 s after warm-up with the median
 * of the last 10 s instead of two single samples.
 */
async function rssGrowthUnderLoad(sandbox: Server): Promise<{ growthMb: number; warmMb: number; tokensPerSecond: number }> {
  if (MEMORY_SECONDS < WARM_UP_SECONDS + 2 * WINDOW_SECONDS) throw new Error(`BENCH_MEMORY_SECONDS must be at least ${WARM_UP_SECONDS + 2 * WINDOW_SECONDS}`);
  const samples: number[] = [];
  const timer = setInterval(() => samples.push(rssKb(sandbox.pid)), 1000);
  const result = await load(sandbox.tokenEndpoint, MEMORY_SECONDS).finally(() => clearInterval(timer));
  const warm = median(samples.slice(WARM_UP_SECONDS, WARM_UP_SECONDS + WINDOW_SECONDS));
  const end = median(samples.slice(-WINDOW_SECONDS));
  return { growthMb: (end - warm) / 1024, warmMb: warm / 1024, tokensPerSecond: result.tokensPerSecond };
}

export default async function sandboxTokensBench(): Promise<Figure[]> {
  const [sandbox, bare] = await Promise.all([startSandboxProcess(), startBareProcess()]);
  try {
    await assertSameTokenShape(sandbox, bare);
    const runs = { bare: [] as Run[], sandbox: [] as Run[] };
    // Alternating spreads whatever else the machine is doing over both sides.
    for (let round = 0; round < ROUNDS; round += 1) {
      runs.bare.push(await run(bare));
      runs.sandbox.push(await run(sandbox));
    }
    const value = median(runs.sandbox.map((r) => r.tokensPerSecond));
    const reference = median(runs.bare.map((r) => r.tokensPerSecond));
    const cpu = median(runs.sandbox.map((r) => r.cpuMsPerToken));
    const cpuReference = median(runs.bare.map((r) => r.cpuMsPerToken));
    const failures = [...runs.bare, ...runs.sandbox].reduce((sum, r) => sum + r.failures, 0);
    const memory = await rssGrowthUnderLoad(sandbox);
    return [
      {
        figure: `sandbox client_secret_basic tokens/s (autocannon, ${CONNECTIONS} connections, ${RUN_SECONDS} s, median of ${ROUNDS}; reference: bare oidc-provider)`,
        value, unit: 'tokens/s', reference, ratio: value / reference, budget: `≥ ${RATIO_BUDGET}× bare`, met: value / reference >= RATIO_BUDGET,
      },
      {
        figure: 'server CPU time per token (same runs; reference: bare oidc-provider)',
        value: cpu, unit: 'ms', reference: cpuReference, ratio: cpu / cpuReference, budget: 'info (≤ 1.11× is the same budget)',
      },
      { figure: 'token requests not answered 2xx (errors, timeouts, non-2xx; both servers)', value: failures, unit: 'requests', budget: '= 0', met: failures === 0 },
      {
        figure: `sandbox RSS growth over ${MEMORY_SECONDS} s of load: median of the last ${WINDOW_SECONDS} s − median of ${WARM_UP_SECONDS}–${WARM_UP_SECONDS + WINDOW_SECONDS} s (${Math.round(memory.tokensPerSecond)} tokens/s, ${Math.round(memory.warmMb)} MB after warm-up)`,
        value: memory.growthMb, unit: 'MB', budget: `≤ ${RSS_GROWTH_BUDGET_MB} MB after warm-up`, met: memory.growthMb <= RSS_GROWTH_BUDGET_MB,
      },
    ];
  } finally {
    sandbox.stop();
    bare.stop();
  }
}
