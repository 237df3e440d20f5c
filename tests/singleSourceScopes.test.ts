// Single-source rule: only src/config/pingone.ts spells p1 scope names; the sandbox's own
// copy (which must not import src/) is pinned to it here.
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { filesUnder } from './support/files';
import { PINGONE_OPTIONAL_SCOPES, PINGONE_SCOPE_CATALOG, PINGONE_WORKER_SCOPES } from '../src/config/pingone';
import { OPERATION_SCOPES, P1_SCOPES } from '../sandbox/pingone/scopes.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const P1_SCOPE = /\bp1:[a-zA-Z]+:[a-zA-Z]+/g;
/** The one definition. */
const DEFINITION = 'src/config/pingone.ts';
/**
 * Tests may spell scopes as fixture data (a token's granted `scope` claim is data, not configuration); the rule is
 * about code that ships. Everything else under src/ must import the names from the definition.
 */
const isTestFile = (rel: string) => /\.test\.(ts|tsx)$/.test(rel);

/** Every p1 scope literal in a file, with its 1-based line number. */
function findScopeLiterals(text: string): Array<{ line: number; scope: string }> {
  return text.split('\n').flatMap((line, i) => [...line.matchAll(P1_SCOPE)].map((m) => ({ line: i + 1, scope: m[0] })));
}

describe('single source of p1 scope names', () => {
  it('finds scope literals with their line numbers (self-check of the scanner)', () => {
    expect(findScopeLiterals('a\nconst s = "p1:read:device p1:update:user";\n')).toEqual([
      { line: 2, scope: 'p1:read:device' },
      { line: 2, scope: 'p1:update:user' },
    ]);
    expect(findScopeLiterals('the p1:* names, xp1:read:user, admin::read_user')).toEqual([]);
  });

  it('no shipped file under src/ other than src/config/pingone.ts spells a p1 scope', () => {
    const offences: string[] = [];
    let definitionHits = 0;
    for (const file of filesUnder(join(ROOT, 'src')).filter((f) => /\.(ts|tsx|js|jsx|json|css|md)$/.test(f))) {
      const rel = relative(ROOT, file).split(sep).join('/');
      if (rel === DEFINITION) definitionHits = findScopeLiterals(readFileSync(file, 'utf8')).length;
      if (rel === DEFINITION || isTestFile(rel)) continue;
      for (const hit of findScopeLiterals(readFileSync(file, 'utf8'))) {
        offences.push(`${rel}:${hit.line} spells "${hit.scope}" — import it from src/config/pingone.ts instead`);
      }
    }
    // The walk really reached the definition (a broken walk would otherwise pass trivially).
    expect(definitionHits).toBeGreaterThanOrEqual(9);
    expect(offences, `p1 scopes must come from src/config/pingone.ts only:\n${offences.join('\n')}`).toEqual([]);
  });
});

describe('the sandbox copy of the p1 scopes', () => {
  it('equals the app list: required worker scopes then the optional ones', () => {
    expect([...P1_SCOPES]).toEqual([...PINGONE_WORKER_SCOPES, ...PINGONE_OPTIONAL_SCOPES]);
  });

  it('only demands scopes the app knows, and every catalog scope gates some sandbox operation', () => {
    const demanded = new Set(Object.values(OPERATION_SCOPES).flat());
    for (const scope of demanded) expect(P1_SCOPES).toContain(scope);
    for (const entry of PINGONE_SCOPE_CATALOG) expect(demanded.has(entry.name), entry.name).toBe(true);
  });
});
