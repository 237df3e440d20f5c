// Test harnesses live in sandbox/testing/ and nowhere else, and no production module imports them.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('.', import.meta.url));

/** Every .js file under sandbox/, as a path relative to it. */
function sandboxFiles(dir = ROOT) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sandboxFiles(path);
    return entry.name.endsWith('.js') ? [relative(ROOT, path)] : [];
  });
}

const isTest = (file) => file.endsWith('.test.js');
const isHarness = (file) => file.startsWith('testing/');
const IMPORTS_HARNESS = /from\s+['"][./]*\/?testing\//;

describe('sandbox layout', () => {
  it('production modules never import a test harness', () => {
    const offenders = sandboxFiles()
      .filter((file) => !isTest(file) && !isHarness(file))
      .filter((file) => IMPORTS_HARNESS.test(readFileSync(join(ROOT, file), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('no production-looking file outside testing/ is a harness (testSupport, testing, harness)', () => {
    const strays = sandboxFiles().filter((file) => !isHarness(file) && /(^|\/)(testSupport|testing|harness)\.js$/.test(file));
    expect(strays).toEqual([]);
  });
});
