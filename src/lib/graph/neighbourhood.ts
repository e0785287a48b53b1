/**
 * The part of the graph drawn around one document on its page: documents within `hops`
 * edges (either direction), at most `limit` of them, nearest first and frontmatter
 * relations before ones read from the text, with every edge among the chosen documents.
 */
import type { Graph, GraphEdge, GraphNode } from './types.ts';

export interface Neighbourhood {
  center: string;
  /** Chosen documents, the centre first, then by distance, then by id. */
  nodes: GraphNode[];
  /** Distance in edges from the centre, per chosen document. */
  hops: Record<string, number>;
  /** Edges whose both ends were chosen, in graph order. */
  edges: GraphEdge[];
  /** True when documents within reach were left out because of `limit`. */
  truncated: boolean;
}

const ORIGIN_RANK: Record<GraphEdge['origin'], number> = { explicit: 0, inferred: 1, text: 2 };
const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function neighbourhoodOf(graph: Graph, id: string, hops = 2, limit = 24): Neighbourhood {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  if (!byId.has(id)) throw new Error(`neighbourhoodOf: không có văn bản "${id}" trong đồ thị`);
  const distance = new Map<string, number>([[id, 0]]);
  let truncated = false;
  let frontier = [id];
  for (let hop = 1; hop <= hops && frontier.length && !truncated; hop++) {
    // Best edge per candidate: explicit relations are worth showing before mere citations.
    const best = new Map<string, number>();
    for (const at of frontier) {
      for (const i of [...(graph.outgoing[at] ?? []), ...(graph.incoming[at] ?? [])]) {
        const e = graph.edges[i]!;
        const other = e.from === at ? e.to : e.from;
        if (distance.has(other) || !byId.has(other)) continue;
        const rank = ORIGIN_RANK[e.origin];
        best.set(other, Math.min(best.get(other) ?? rank, rank));
      }
    }
    const ordered = [...best.entries()].sort((a, b) => a[1] - b[1] || byString(a[0], b[0])).map(([n]) => n);
    const room = limit - distance.size;
    if (ordered.length > room) truncated = true;
    frontier = ordered.slice(0, Math.max(0, room));
    for (const n of frontier) distance.set(n, hop);
  }
  const chosen = [...distance.keys()].sort((a, b) => distance.get(a)! - distance.get(b)! || byString(a, b));
  const set = new Set(chosen);
  return {
    center: id,
    nodes: chosen.map((n) => byId.get(n)!),
    hops: Object.fromEntries(chosen.map((n) => [n, distance.get(n)!])),
    edges: graph.edges.filter((e) => set.has(e.from) && set.has(e.to)),
    truncated,
  };
}
