// Every page loads the auth stores (the status bar reads them), so what they import statically is on the home
// page's first load too: jose must not be (issue 24) — the DPoP key loads it when a key is made.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, staticClosure, staticSpecifiersOf } from '../../tests/support/staticImports';

/** The modules of `closure` that import jose themselves (a package resolves to its types, so the walk stops there). */
const joseImporters = (closure: readonly string[]) =>
  closure.filter((file) => !file.includes('node_modules') && staticSpecifiersOf(join(ROOT, file)).some((s) => s === 'jose' || s.startsWith('jose/')));

describe('the auth stores’ static imports', () => {
  const closure = [...staticClosure(join(ROOT, 'src/contexts/authStores.ts'))];

  it('reach the DPoP store (the walk follows them)', () => {
    expect(closure).toContain('src/contexts/dpopStore.ts');
    expect(closure).toContain('src/utils/dpopKey.ts');
  });

  it('do not reach jose', () => {
    expect(joseImporters(closure)).toEqual([]);
  });

  it('nor does the app’s entry (the home page, the status bar and its stores)', () => {
    expect(joseImporters([...staticClosure(join(ROOT, 'src/main.tsx'))])).toEqual([]);
  });
});
