// Bundle size: gzip bytes of the initial JS/CSS (what dist/index.html references) and of the lazy flow chunk.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = join(ROOT, 'dist');

/** Builds the app with `vite build` when dist/ has no index.html (a bench measures the shipped bundle). */
export function ensureDist(): void {
  if (existsSync(join(DIST, 'index.html'))) return;
  const result = spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`vite build failed (exit ${result.status})`);
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

function sizes(files: readonly string[]): { raw: number; gzip: number } {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(join(DIST, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length; // maximum compression (a server's default level is a little larger)
  }
  return { raw, gzip };
}

/** The /assets/*.js|css files index.html loads up front (scripts, modulepreloads, stylesheets). */
function initialAssets(html: string): string[] {
  const refs = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  return [...new Set(refs)];
}

export default async function bundleSizeBench(): Promise<Record<string, number | string>> {
  ensureDist();
  const initial = initialAssets(readFileSync(join(DIST, 'index.html'), 'utf8'));
  const assets = readdirSync(join(DIST, 'assets'));
  const flow = assets.filter((f) => /^ClientCredentialsFlow-.*\.(js|css)$/.test(f)).map((f) => `assets/${f}`);
  const ext = (list: string[], e: string) => list.filter((f) => f.endsWith(e));
  const initialJs = sizes(ext(initial, '.js'));
  const initialCss = sizes(ext(initial, '.css'));
  const flowJs = sizes(ext(flow, '.js'));
  const flowCss = sizes(ext(flow, '.css'));
  return {
    'initial JS gzip (KB)': kb(initialJs.gzip),
    'initial JS raw (KB)': kb(initialJs.raw),
    'initial CSS gzip (KB)': kb(initialCss.gzip),
    'initial CSS raw (KB)': kb(initialCss.raw),
    'flow chunk JS gzip (KB)': kb(flowJs.gzip),
    'flow chunk JS raw (KB)': kb(flowJs.raw),
    'flow chunk CSS gzip (KB)': kb(flowCss.gzip),
    'flow chunk CSS raw (KB)': kb(flowCss.raw),
    'initial files': initial.join(' '),
    'flow chunk files': flow.join(' '),
  };
}
