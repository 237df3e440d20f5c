import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicy } from './build/csp.ts';

// The app is served on 5173 in dev and 4173 in preview; the sandbox's CORS list names both.
export default defineConfig(({ command }) => ({
  plugins: [react(), contentSecurityPolicy({ enabled: command === 'build' })],
  server: { port: 5173, strictPort: true, host: 'localhost' },
  preview: { port: 4173, strictPort: true, host: 'localhost' },
  build: { sourcemap: false, target: 'es2022' },
}));
