// Builds the bare React + router reference app (bench/bare) with this repository's Vite, once per process.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { ROOT } from './servers';

export const BARE_ROOT = join(ROOT, 'bench', 'bare');

let built: Promise<string> | undefined;

async function buildOnce(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'bench-bare-'));
  process.once('exit', () => rmSync(outDir, { recursive: true, force: true }));
  await build({
    root: BARE_ROOT,
    configFile: false,
    logLevel: 'warn',
    plugins: [react()],
    // The app's vite.config.ts builds for es2022 without source maps: the same here, so the ratio compares code only.
    build: { outDir, emptyOutDir: true, target: 'es2022', sourcemap: false },
  });
  return outDir;
}

/** The bare app's outDir (a temp dir removed at exit); built on first call, reused for the rest of the run. */
export function buildBareApp(): Promise<string> {
  built ??= buildOnce().catch((error: unknown) => {
    built = undefined;
    throw error;
  });
  return built;
}
