// Builds the benches' bare references with this repository's Vite, each once per process: the React + router app
// (bench/bare) and the page that gets a token (bench/bare-token).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { ROOT } from './servers';

export const BARE_ROOT = join(ROOT, 'bench', 'bare');
export const BARE_TOKEN_ROOT = join(ROOT, 'bench', 'bare-token');

const built = new Map<string, Promise<string>>();

async function buildOnce(root: string): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'bench-bare-'));
  process.once('exit', () => rmSync(outDir, { recursive: true, force: true }));
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    plugins: [react()],
    // The app's vite.config.ts builds for es2022 without source maps: the same here, so the ratio compares code only.
    build: { outDir, emptyOutDir: true, target: 'es2022', sourcemap: false },
  });
  return outDir;
}

/** The outDir of the bare reference at `root` (a temp dir removed at exit); built on first call, reused for the run. */
export function buildBareApp(root: string = BARE_ROOT): Promise<string> {
  let outDir = built.get(root);
  if (!outDir) {
    outDir = buildOnce(root).catch((error: unknown) => {
      built.delete(root);
      throw error;
    });
    built.set(root, outDir);
  }
  return outDir;
}
