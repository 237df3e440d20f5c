// What the flow route's first chunk holds (issue 24): the modules its static imports reach, which the bundler puts
// in that chunk or in chunks it waits for. Step 1 is shown first; the later steps, the pictures, the Break it panel,
// the step-4 consoles and the code export are reached only through import() (see flowParts.tsx).
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const PAGE = join(ROOT, 'src/pages/flows/ClientCredentialsFlow.tsx');
const OPTIONS: ts.CompilerOptions = { moduleResolution: ts.ModuleResolutionKind.Bundler, allowImportingTsExtensions: true };

/** An import the emitted code keeps: not `import type`, not `export type`, and not only `type` names. */
function keptSpecifier(statement: ts.Statement): string | undefined {
  if (ts.isImportDeclaration(statement)) {
    const clause = statement.importClause;
    if (clause?.isTypeOnly) return undefined;
    const named = clause?.namedBindings;
    const onlyTypes = clause && !clause.name && named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
    // Counted as kept anyway would be safer for `import { type A }` under verbatimModuleSyntax; the bundler drops
    // such an empty import of a module without side effects, and the lint rule asks for `import type` there.
    return onlyTypes ? undefined : (statement.moduleSpecifier as ts.StringLiteral).text;
  }
  if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
    return (statement.moduleSpecifier as ts.StringLiteral).text;
  }
  return undefined;
}

/** The files a module imports statically at run time (dynamic import() is not a statement, so it is not followed). */
function staticImportsOf(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  return source.statements.flatMap((statement) => {
    const specifier = keptSpecifier(statement);
    const resolved = specifier && ts.resolveModuleName(specifier, file, OPTIONS, ts.sys).resolvedModule?.resolvedFileName;
    return resolved && !resolved.endsWith('.d.ts') ? [resolved] : [];
  });
}

/** Every module reachable from `entry` through static imports, as paths from the repository root. */
function staticClosure(entry: string): Set<string> {
  const seen = new Set<string>([entry]);
  const queue = [entry];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    for (const next of staticImportsOf(file)) {
      if (seen.has(next) || !/\.(tsx?|m?js)$/.test(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  return new Set([...seen].map((file) => relative(ROOT, file)));
}

/** What step 1 does not show: each loads when first needed (and is prefetched when the browser is idle). */
const LATER = [
  'src/features/clientCredentials/steps/RequestStep.tsx',
  'src/features/clientCredentials/steps/DpopProofPanel.tsx',
  'src/components/CodeExport.tsx',
  'src/features/clientCredentials/steps/TokenStep.tsx',
  'src/features/clientCredentials/steps/TokenManagementPanel.tsx',
  'src/features/faults/BreakItPanel.tsx',
  'src/features/clientCredentials/steps/UseTokenStep.tsx',
  'src/features/mfa/MfaDeviceConsole.tsx',
  'src/features/microauthd/MicroauthdConsole.tsx',
  'src/features/customApi/CustomApiCall.tsx',
  'src/features/clientCredentials/steps/FlowPictures.tsx',
  'src/components/SequenceDiagram.tsx',
  'src/components/TokenTimeline.tsx',
];

describe('the flow route chunk', () => {
  const closure = staticClosure(PAGE);

  it('follows static imports (the walk sees step 1)', () => {
    expect(closure).toContain('src/features/clientCredentials/steps/ConfigureStep.tsx');
    expect(closure).toContain('src/features/clientCredentials/model/flowSession.ts');
  });

  it.each(LATER)('does not hold %s: it loads when first shown', (module) => {
    expect(closure).not.toContain(module);
  });
});
