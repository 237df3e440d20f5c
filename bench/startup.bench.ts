// `npm start` to "first token possible": the start script as package.json defines it, timed until the sandbox, the
// relay (when relay/ exists) and the dev server's flow page with the flow route's module and the pre-bundled
// dependencies those modules import (react, react-router…) all answer.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Figure } from './table';
import { portInUse, spawnGroup, waitForPortsFree, type Group } from './support/processGroup';
import { ROOT, median } from './support/servers';

const STARTS = 3;
const BUDGET_MS = 2_500;
const TIMEOUT_MS = 30_000;
const POLL_MS = 20;
/** Vite transforms on demand: the page answers before the modules the flow needs do; the flow route's module is last. */
const APP_PATHS = ['/flows/client-credentials', '/src/main.tsx', '/src/pages/flows/ClientCredentialsFlow.tsx'];

interface Part {
  name: string;
  port: number;
  urls: string[];
}

function parts(): Part[] {
  const list: Part[] = [
    { name: 'sandbox', port: 4500, urls: ['http://127.0.0.1:4500/sandbox/info'] },
    { name: 'app', port: 5173, urls: APP_PATHS.map((p) => `http://localhost:5173${p}`) },
  ];
  if (existsSync(join(ROOT, 'relay'))) list.push({ name: 'relay', port: 4600, urls: ['http://127.0.0.1:4600/health'] });
  return list;
}

/** Polls `url` until it answers 2xx; resolves with its body. */
async function answered(url: string, group: Group, deadline: number): Promise<string> {
  for (;;) {
    if (group.child.exitCode !== null) throw new Error(`npm start exited with ${group.child.exitCode} before ${url} answered:\n${group.output()}`);
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${TIMEOUT_MS} ms of npm start:\n${group.output()}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      if (res.ok) return await res.text();
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/**
 * The pre-bundled dependencies a transformed module imports (`/node_modules/.vite/deps/…`): Vite answers the module
 * before it has bundled them, and a browser can run nothing until they answer too. On a first start (or after the
 * lockfile changes) this is Vite's dependency optimisation, the slowest part of the dev server's start.
 * @see https://vite.dev/guide/dep-pre-bundling
 */
const depUrls = (origin: string, body: string) =>
  [...new Set(body.match(/\/node_modules\/\.vite\/deps\/[^"'\s]+/g) ?? [])].map((path) => `${origin}${path}`);

/** Every URL of a part in order; for the app, then the dependencies its modules import. */
async function partAnswered(part: Part, group: Group, deadline: number): Promise<void> {
  const bodies: string[] = [];
  for (const url of part.urls) bodies.push(await answered(url, group, deadline));
  if (part.name !== 'app') return;
  const origin = new URL(part.urls[0]!).origin;
  const deps = [...new Set(bodies.flatMap((body) => depUrls(origin, body)))];
  if (deps.length === 0) throw new Error(`the flow's modules import no pre-bundled dependency; has the dev server changed? (${part.urls.join(', ')})`);
  await Promise.all(deps.map((url) => answered(url, group, deadline)));
}

/** One start: ms from spawn until each part's URLs answered, in order. */
async function startOnce(script: string, list: readonly Part[]): Promise<Record<string, number>> {
  const started = performance.now();
  const deadline = Date.now() + TIMEOUT_MS;
  const group = spawnGroup(script);
  try {
    const times = await Promise.all(
      list.map(async (part) => {
        await partAnswered(part, group, deadline);
        return [part.name, performance.now() - started] as const;
      }),
    );
    return Object.fromEntries(times);
  } finally {
    await group.stop();
    await waitForPortsFree(list.map((p) => p.port));
  }
}

export default async function startupBench(): Promise<Figure[]> {
  const script = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts?.start;
  if (!script) throw new Error('package.json has no start script');
  const moved = APP_PATHS.filter((p) => p.startsWith('/src/') && !existsSync(join(ROOT, p)));
  if (moved.length > 0) throw new Error(`the flow's modules moved: ${moved.join(', ')} not found; update APP_PATHS`);
  const list = parts();
  const busy = (await Promise.all(list.map(async (p) => ((await portInUse(p.port)) ? `${p.port} (${p.name})` : '')))).filter(Boolean);
  if (busy.length > 0) throw new Error(`npm start needs its default ports; in use by another process: ${busy.join(', ')}`);
  const runs: Array<Record<string, number>> = [];
  for (let i = 0; i < STARTS; i += 1) runs.push(await startOnce(script, list));
  console.warn(`startup: ${runs.map((r) => Object.entries(r).map(([k, v]) => `${k} ${Math.round(v)} ms`).join(', ')).join(' | ')}`);
  const total = median(runs.map((r) => Math.max(...Object.values(r))));
  return [
    { figure: `npm start to first token possible (${list.map((p) => p.name).join(', ')}), median of ${STARTS}`, value: total, unit: 'ms', budget: `≤ ${BUDGET_MS} ms`, met: total <= BUDGET_MS },
    ...list.map((p): Figure => ({ figure: `npm start: ${p.name} answering, median`, value: median(runs.map((r) => r[p.name]!)), unit: 'ms', budget: 'info' })),
  ];
}
