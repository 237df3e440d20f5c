// The modules a file reaches through static imports: what the bundler puts in its chunk or in chunks it waits for
// (dynamic import() is not followed). Tests use it to pin what a route's or a store's first load holds.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
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

/** The specifiers a module imports statically at run time, as written ('jose', './keys'). */
export function staticSpecifiersOf(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  return source.statements.flatMap((statement) => keptSpecifier(statement) ?? []);
}

/** The files a module imports statically at run time (dynamic import() is not a statement, so it is not followed). */
function staticImportsOf(file: string): string[] {
  return staticSpecifiersOf(file).flatMap((specifier) => {
    const resolved = ts.resolveModuleName(specifier, file, OPTIONS, ts.sys).resolvedModule?.resolvedFileName;
    return resolved && !resolved.endsWith('.d.ts') ? [resolved] : [];
  });
}

/** Every module reachable from `entry` through static imports, as paths from the repository root. */
export function staticClosure(entry: string): Set<string> {
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

