// Which small shared modules the build groups, and on which side: the home page must never load the flow's chunks.
import { describe, expect, it } from 'vitest';
import { sharedModuleGroups, type ModuleGraph } from '../build/sharedChunks';

interface Node {
  imports?: string[];
  dynamic?: string[];
  size?: number;
  entry?: boolean;
}

function graphOf(nodes: Record<string, Node>): ModuleGraph {
  return {
    ids: Object.keys(nodes),
    isEntry: (id) => nodes[id]?.entry === true,
    imports: (id) => nodes[id]?.imports ?? [],
    dynamicImports: (id) => nodes[id]?.dynamic ?? [],
    size: (id) => nodes[id]?.size ?? 100,
  };
}

const RULES = { groupable: (id: string) => id.startsWith('src/') && !id.endsWith('.css'), flowPage: 'src/flow', maxModuleBytes: 1000 };

/**
 * main (entry) imports react and effects, and lazily the settings, the status bar and the flow page. The flow page
 * lazily loads two steps. errors and http are shared by shell parts and the flow; mask only by the flow's steps.
 */
const APP = {
  'src/main': { entry: true, imports: ['node_modules/react', 'src/effects'], dynamic: ['src/settings', 'src/statusBar', 'src/flow'] },
  'node_modules/react': {},
  'src/effects': {},
  'src/settings': { imports: ['src/errors', 'node_modules/zod'] },
  'node_modules/zod': {},
  'src/statusBar': { imports: ['src/http', 'src/effects'] },
  'src/http': { imports: ['src/errors', 'src/effects'] },
  'src/errors': {},
  'src/flow': { imports: ['src/http', 'src/flow.css'], dynamic: ['src/stepA', 'src/stepB'] },
  'src/flow.css': {},
  'src/stepA': { imports: ['src/mask', 'src/big'] },
  'src/stepB': { imports: ['src/mask', 'src/big', 'src/usesLazy'] },
  'src/mask': {},
  'src/big': { size: 5000 },
  'src/usesLazy': { imports: ['src/stepA'] },
} satisfies Record<string, Node>;

describe('sharedModuleGroups', () => {
  it('groups what two lazy parts share: on the shell side what the app loads without the flow, else on the flow side', () => {
    const groups = sharedModuleGroups(graphOf(APP), RULES);
    expect([...groups.shell].sort()).toEqual(['src/errors', 'src/http']);
    expect([...groups.flow].sort()).toEqual(['src/mask']);
  });

  it('leaves out the first load, dependencies, CSS, modules one part uses, and modules over the size limit', () => {
    const { shell, flow } = sharedModuleGroups(graphOf(APP), RULES);
    const grouped = new Set([...shell, ...flow]);
    for (const id of ['src/main', 'src/effects', 'node_modules/zod', 'src/flow.css', 'src/settings', 'src/big']) expect(grouped.has(id)).toBe(false);
  });

  it("leaves out a module whose import stays in a lazy part's chunk, so a group never makes its loader fetch that part", () => {
    // usesLazy is shared (stepA and stepB) but imports lazyOnly, which is too large to join.
    const graph = graphOf({ ...APP, 'src/stepB': { imports: ['src/usesLazy'] }, 'src/stepA': { imports: ['src/usesLazy'] }, 'src/usesLazy': { imports: ['src/lazyOnly'] }, 'src/lazyOnly': { size: 5000 } });
    const { shell, flow } = sharedModuleGroups(graph, RULES);
    expect([...shell, ...flow]).not.toContain('src/usesLazy');
  });

  it('puts a module on the shell side as soon as one part the app loads without the flow uses it', () => {
    const graph = graphOf({ ...APP, 'src/settings': { imports: ['src/errors', 'src/mask'] } });
    const { shell, flow } = sharedModuleGroups(graph, RULES);
    expect(shell.has('src/mask')).toBe(true);
    expect(flow.has('src/mask')).toBe(false);
  });

  it("counts a lazy part that both the shell and the flow load as the shell's (the home page loads it too)", () => {
    // stores is loaded lazily by main and by the flow page; cacheKey is shared by stores and a flow step.
    const graph = graphOf({
      ...APP,
      'src/main': { entry: true, imports: ['node_modules/react', 'src/effects'], dynamic: ['src/settings', 'src/statusBar', 'src/flow', 'src/stores'] },
      'src/flow': { imports: ['src/http', 'src/flow.css'], dynamic: ['src/stepA', 'src/stepB', 'src/stores'] },
      'src/stores': { imports: ['src/cacheKey'] },
      'src/stepA': { imports: ['src/mask', 'src/big', 'src/cacheKey'] },
      'src/cacheKey': {},
    });
    const { shell, flow } = sharedModuleGroups(graph, RULES);
    expect(shell.has('src/cacheKey')).toBe(true);
    expect(flow.has('src/cacheKey')).toBe(false);
  });
});
