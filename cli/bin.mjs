#!/usr/bin/env node
// The runner's `bin` entry: loads its TypeScript through tsx (as npm run token does), then runs it.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./token.ts');
process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
