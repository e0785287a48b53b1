/**
 * `npm run dev` runs the graph update and Astro's dev server in one process: the update
 * hands its graph to the pages here, so the first page after a save does not parse
 * .generated/graph.json again (64 MB at 10,000 documents). The file is still written, for
 * every other reader. Vite runs the pages' modules in this same process and realm, so a
 * global registered symbol is shared by both sides; outside the dev server it is never set.
 */
import type { Graph } from '../graph/types.ts';

const KEY = Symbol.for('danvan-kb.dev-graph');

interface Handoff {
  graph: Graph;
  /** Increases with every graph handed over. */
  version: number;
}

type WithHandoff = typeof globalThis & { [KEY]?: Handoff };

export function handOverGraph(graph: Graph): void {
  const g = globalThis as WithHandoff;
  g[KEY] = { graph, version: (g[KEY]?.version ?? 0) + 1 };
}

/** The graph the dev server handed over last, or null. */
export function handedGraph(): Handoff | null {
  return (globalThis as WithHandoff)[KEY] ?? null;
}
