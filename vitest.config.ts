import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Two projects: pure core and sandbox code run in Node; React code runs in jsdom.
export default defineConfig({
  plugins: [react()],
  test: {
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
