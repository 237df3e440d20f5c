import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';

const NO_SANDBOX = { group: ['**/sandbox/**', '**/relay/**', '**/lib/**'], message: 'src/ never imports the sandbox, the relay or their Node helpers (lib/).' };
const upward = (...layers) => ({ group: layers.map((l) => `**/${l}/**`), message: `No import upward (${layers.join(', ')}).` });

export default tseslint.config(
  { ignores: ['dist', 'coverage', 'node_modules', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    extends: [...tseslint.configs.recommended],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      // zod is configured once (jitless, for the CSP) in src/utils/zod.ts; schemas import z from there.
      'no-restricted-syntax': ['error', { selector: "ImportDeclaration[source.value='zod']", message: "Import z from src/utils/zod (jitless for the CSP), not from 'zod'." }],
    },
  },
  { files: ['src/utils/zod.ts'], rules: { 'no-restricted-syntax': 'off' } },
  {
    // No import circles, type-only ones included: a circle means two modules are one concept or a shared piece
    // is missing below both (the layering above cannot see a circle inside one layer).
    files: ['src/**/*.{ts,tsx}', 'cli/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    // Playwright fixtures call their continuation `use`; it is not React's hook.
    files: ['e2e/**/*.ts'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    // Layering: core code (utils, config, types) never imports React or the layers above it.
    files: ['src/utils/**/*.ts', 'src/config/**/*.ts', 'src/types/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['react', 'react-dom', 'react-router-dom'], message: 'src/utils, src/config and src/types are React-free core.' },
          { group: ['**/services/**', '**/contexts/**', '**/hooks/**', '**/components/**', '**/pages/**'], message: 'Core must not import upward.' },
          NO_SANDBOX,
        ],
      }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/utils/**', 'src/config/**', 'src/types/**', 'src/services/**', 'src/components/**', 'src/features/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [NO_SANDBOX] }],
    },
  },
  {
    // Services talk to the outside; they know nothing of React glue, features or pages.
    files: ['src/services/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_SANDBOX, upward('contexts', 'hooks', 'components', 'features', 'pages')] }] },
  },
  {
    // Components are shared and presentational: a feature or a page may use them, never the reverse.
    files: ['src/components/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_SANDBOX, upward('features', 'pages')] }] },
  },
  {
    files: ['src/features/**/*.{ts,tsx}'],
    ignores: ['**/*.test.tsx'], // a feature's page-level tests mount the route that composes it
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_SANDBOX, upward('pages')] }] },
  },
  {
    files: ['sandbox/**/*.js', 'bench/**/*.js', 'scripts/**/*.js', '.ci/**/*.js'],
    languageOptions: { globals: { ...globals.node }, sourceType: 'module' },
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/src/**'], message: 'The sandbox is independent of the app.' }] }],
    },
  },
  {
    // The headless runner (cli/) is the product's core run from Node: no React, no app layers, no sandbox or relay.
    // discoveryService is the one service it uses: it imports only the core (the lead may move it to src/utils).
    files: ['cli/**/*.{ts,mjs}'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['react', 'react-dom', 'react-router-dom'], message: 'The runner imports only the core (src/utils, src/config, src/types).' },
          { group: ['**/services/**', '!**/services/discoveryService'], message: 'The runner imports only the core; of the services, only discoveryService.' },
          { group: ['**/contexts/**', '**/hooks/**', '**/components/**', '**/features/**', '**/pages/**'], message: 'The runner imports only the core (src/utils, src/config, src/types).' },
          { group: ['**/sandbox/**', '**/relay/**'], message: 'The runner is independent of the sandbox and the relay.' },
        ],
      }],
    },
  },
  {
    // Helpers both local Node servers use (log escaping, listening): they import none of the programs or the app.
    files: ['lib/**/*.js'],
    languageOptions: { globals: { ...globals.node }, sourceType: 'module' },
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/src/**', '**/sandbox/**', '**/relay/**'], message: 'lib/ serves the Node programs and imports none of them.' }] }],
    },
  },
  {
    // The relay is its own Node program: it imports neither the app nor the sandbox (and src/ never imports it).
    files: ['relay/**/*.js'],
    languageOptions: { globals: { ...globals.node }, sourceType: 'module' },
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/src/**', '**/sandbox/**'], message: 'The relay is independent of the app and the sandbox.' }] }],
    },
  },
);
