import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicy } from './build/csp.ts';
import { sharedChunks } from './build/sharedChunks.ts';

/**
 * settings.json lives at the repository root (next to .env, where people look for configuration) and is still
 * served as /settings.json: read on every request in dev (edits apply on reload), emitted into the build (so
 * `vite preview` and any static host serve it from dist/).
 */
function rootSettingsJson(): Plugin {
  const file = fileURLToPath(new URL('./settings.json', import.meta.url));
  return {
    name: 'root-settings-json',
    configureServer(server) {
      server.middlewares.use('/settings.json', (req, res, next) => {
        if (req.method !== 'GET' && req.method !== 'HEAD') return next();
        readFile(file).then(
          (body) => {
            res.setHeader('Content-Type', 'application/json');
            res.setHeader('Cache-Control', 'no-store');
            res.end(req.method === 'HEAD' ? undefined : body);
          },
          () => {
            res.statusCode = 404;
            res.end();
          },
        );
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'settings.json', source: readFileSync(file) });
    },
  };
}

/** The small modules the lazy parts share, in two chunks instead of a dozen (build/sharedChunks.ts, issue 24). */
const shared = sharedChunks({
  groupable: (id) => /[\\/]src[\\/]/.test(id) && !/\.css($|\?)/.test(id),
  flowPage: fileURLToPath(new URL('./src/pages/flows/ClientCredentialsFlow.tsx', import.meta.url)),
  maxModuleBytes: 8192,
});

// The app is served on 5173 in dev and 4173 in preview; the sandbox's CORS list names both.
export default defineConfig(({ command }) => ({
  plugins: [shared.plugin, react(), rootSettingsJson(), contentSecurityPolicy({ enabled: command === 'build' })],
  server: { port: 5173, strictPort: true, host: 'localhost' },
  preview: { port: 4173, strictPort: true, host: 'localhost' },
  build: {
    sourcemap: false,
    target: 'es2022',
    rolldownOptions: { output: { codeSplitting: { groups: shared.groups } } },
  },
}));
