import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Two projects: pure core and sandbox code run in Node; React code runs in jsdom.
export default defineConfig({
  plugins: [react()],
  test: {
    // `vitest run` defaults to one worker fewer than the cores: on this 2-core machine that is ONE worker, and the
    // main process (Vite's transforms, coverage) idles most of the run. Use every core.
    maxWorkers: availableParallelism(),
    // The default pool ('forks') stays: 'threads' saved CPU on the node project alone (101 → 81 s) but not on the
    // whole suite with coverage (195 vs 197 s CPU, slower wall), and its coverage counted 7 statements fewer.
    coverage: {
      provider: 'v8',
      include: ['src/**/*.{ts,tsx}', 'sandbox/**/*.js', 'relay/**/*.js', 'lib/**/*.js'],
      exclude: ['**/*.test.*', 'src/main.tsx'],
      reporter: ['text-summary'],
    },
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/**/*.test.ts', 'tests/**/*.test.ts', 'sandbox/**/*.test.js', 'relay/**/*.test.js', 'lib/**/*.test.js', 'bench/**/*.test.ts'],
          setupFiles: ['tests/setup/node.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['src/**/*.test.tsx', 'tests/**/*.test.tsx'],
          // jsdom + user-event typing is slow on a loaded 2-core machine; a slow run must not read as a failure.
          testTimeout: 20_000,
          setupFiles: ['tests/setup/dom.ts'],
        },
      },
    ],
  },
});
