// Fewer, larger chunks for the small modules that the lazily loaded parts share (issue 24).
//
// Rolldown gives every set of lazy parts that share a module a chunk of its own, so the app had a dozen chunks of
// 0.2–2 KB (errors, http, scopes, the token types…), and a lazy import names all of its chunks at once: Vite's
// preload helper appends one <link rel="modulepreload"> per chunk, in the task that starts the import. Right after
// the first paint, those appends were several of the mobile load's long main-thread tasks in Lighthouse's traced
// load (up to ~1 ms each). Grouped, a load of the flow page fetches 18 files instead of 31, and of the home page 9
// instead of 20, the same bytes: the shell's group holds only what the home page loaded before.
import type { Plugin } from 'vite';

/** What the grouping reads of the module graph (Rollup/Rolldown `getModuleInfo`, reduced to plain data). */
export interface ModuleGraph {
  ids: readonly string[];
  isEntry(id: string): boolean;
  imports(id: string): readonly string[];
  dynamicImports(id: string): readonly string[];
  /** The module's code size in bytes (after transforms). */
  size(id: string): number;
}

export interface SharedChunkRules {
  /** Modules that may be grouped at all (the app's own code: not CSS, not dependencies). */
  groupable(id: string): boolean;
  /** The flow page's module: what only its side shares goes to a chunk the home page never loads. */
  flowPage: string;
  /** Larger modules stay where Rolldown puts them (grouping them would make others load what they do not use). */
  maxModuleBytes: number;
}

export interface SharedGroups {
  /** Shared by lazy parts the app may load without the flow page (settings, the status bar…), maybe by it too. */
  shell: Set<string>;
  /** Shared only by the flow page's own lazy parts. */
  flow: Set<string>;
}

/** The modules reachable from `start` through `next`, never entering `stop`. */
function reachable(start: readonly string[], next: (id: string) => readonly string[], stop: (id: string) => boolean): Set<string> {
  const seen = new Set<string>();
  const stack = [...start];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id) || stop(id)) continue;
    seen.add(id);
    stack.push(...next(id));
  }
  return seen;
}

/**
 * The small modules that two or more lazy parts share, split by side. A module joins only if each of its own imports
 * is in the first load or joins too, so a group never imports a lazy part's chunk (which would make the home page
 * load the flow).
 */
export function sharedModuleGroups(graph: ModuleGraph, rules: SharedChunkRules): SharedGroups {
  const entries = graph.ids.filter((id) => graph.isEntry(id));
  const initial = reachable(entries, graph.imports, () => false);
  const roots = [...new Set(graph.ids.flatMap((id) => graph.dynamicImports(id)))].filter((id) => !initial.has(id));
  const reachedBy = new Map<string, string[]>();
  for (const root of roots) {
    for (const id of reachable([root], graph.imports, (dep) => initial.has(dep))) reachedBy.set(id, [...(reachedBy.get(id) ?? []), root]);
  }

  const members = new Set(
    graph.ids.filter((id) => rules.groupable(id) && !initial.has(id) && (reachedBy.get(id)?.length ?? 0) >= 2 && graph.size(id) <= rules.maxModuleBytes),
  );
  for (let changed = true; changed; ) {
    changed = false;
    for (const id of members) {
      if (graph.imports(id).some((dep) => !initial.has(dep) && !members.has(dep))) {
        members.delete(id);
        changed = true;
      }
    }
  }

  // What the app may load without the flow page (the home page, settings, the status bar, the log…).
  const withoutFlow = reachable(entries, (id) => [...graph.imports(id), ...graph.dynamicImports(id)], (id) => id === rules.flowPage);
  const shell = new Set<string>();
  const flow = new Set<string>();
  for (const id of members) (reachedBy.get(id)!.some((root) => withoutFlow.has(root)) ? shell : flow).add(id);
  return { shell, flow };
}

/**
 * The plugin that reads the graph once the build has loaded every module, and the two Rolldown code-splitting groups
 * that take its answer (their `test` runs later, when chunks are made).
 */
export function sharedChunks(rules: SharedChunkRules): { plugin: Plugin; groups: Array<{ name: string; test: (id: string) => boolean; includeDependenciesRecursively: false }> } {
  let groups: SharedGroups = { shell: new Set(), flow: new Set() };
  const plugin: Plugin = {
    name: 'playground-shared-chunks',
    apply: 'build',
    buildEnd() {
      const info = (id: string) => this.getModuleInfo(id);
      groups = sharedModuleGroups(
        {
          ids: [...this.getModuleIds()],
          isEntry: (id) => info(id)?.isEntry === true,
          imports: (id) => info(id)?.importedIds ?? [],
          dynamicImports: (id) => info(id)?.dynamicallyImportedIds ?? [],
          size: (id) => info(id)?.code?.length ?? Number.POSITIVE_INFINITY,
        },
        rules,
      );
    },
  };
  // Each group holds exactly its members (their imports are in the first load or in the same group, see above).
  return {
    plugin,
    groups: [
      { name: 'shared', test: (id) => groups.shell.has(id), includeDependenciesRecursively: false },
      { name: 'flow-shared', test: (id) => groups.flow.has(id), includeDependenciesRecursively: false },
    ],
  };
}
