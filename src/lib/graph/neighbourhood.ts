/**
 * The documents around one document (1–2 hops over relation edges in either direction),
 * capped so that a much-cited document still gives a readable diagram: direct neighbours
 * first, strong relations (replaces, implements …) before plain citations, then newest.
 */
import type { Graph, GraphEdge } from './types.ts';
import { RELATION_ORDER, type RelationType } from '../schema/document.ts';

export interface NeighbourhoodNode {
  id: string;
  /** 0 for the centre, 1 for direct neighbours, 2 for their neighbours. */
  hop: number;
}

export interface NeighbourhoodEdge {
  from: string;
  to: string;
  type: RelationType;
  inferred: boolean;
}

export interface Neighbourhood {
  center: string;
  nodes: NeighbourhoodNode[];
  /** One edge per pair of shown documents: the strongest relation between them. */
  edges: NeighbourhoodEdge[];
  /** Documents within reach that were left out to keep the diagram readable. */
  omitted: number;
}

function strength(type: RelationType): number {
  return RELATION_ORDER.indexOf(type);
}

function edgesOf(graph: Graph, id: string): GraphEdge[] {
  const out: GraphEdge[] = [];
  for (const i of graph.outgoing[id] ?? []) out.push(graph.edges[i]!);
  for (const i of graph.incoming[id] ?? []) out.push(graph.edges[i]!);
  return out;
}

export function collectNeighbourhood(
  graph: Graph,
  center: string,
  options: { hops?: number; maxNodes?: number; issued?: (id: string) => string | undefined } = {},
): Neighbourhood {
  const hops = options.hops ?? 2;
  const maxNodes = options.maxNodes ?? 16;
  const issued = options.issued ?? (() => undefined);
  const chosen = new Map<string, number>([[center, 0]]);
  let frontier = [center];
  const reachable = new Set<string>([center]);

  // Best relation (and the document it comes from) reaching each candidate of each hop.
  const via = new Map<string, NeighbourhoodEdge>();
  for (let hop = 1; hop <= hops && frontier.length; hop++) {
    // Second-hop documents only when direct neighbours leave room: a much-cited document
    // is better shown with all its direct relations than with its neighbours' neighbours.
    if (hop > 1 && chosen.size > maxNodes / 2) break;
    const best = new Map<string, NeighbourhoodEdge>();
    for (const id of frontier) {
      for (const e of edgesOf(graph, id)) {
        const other = e.from === id ? e.to : e.from;
        if (chosen.has(other) || other === id) continue;
        reachable.add(other);
        const current = best.get(other);
        if (!current || strength(e.type) < strength(current.type)) {
          best.set(other, { from: e.from, to: e.to, type: e.type, inferred: e.origin === 'inferred' });
        }
      }
    }
    const candidates = [...best.entries()].sort(
      (a, b) =>
        strength(a[1].type) - strength(b[1].type) ||
        (issued(b[0]) ?? '').localeCompare(issued(a[0]) ?? '') ||
        a[0].localeCompare(b[0]),
    );
    const next: string[] = [];
    for (const [id, edge] of candidates) {
      if (chosen.size >= maxNodes) break;
      chosen.set(id, hop);
      via.set(id, edge);
      next.push(id);
    }
    frontier = next;
  }

  // Edges drawn: every relation of the centre, and for a farther document only the one
  // relation through which it was reached — all edges among all shown documents make a tangle.
  const pairs = new Map<string, NeighbourhoodEdge>();
  const keep = (e: NeighbourhoodEdge) => {
    const key = [e.from, e.to].sort().join('\u0000');
    const current = pairs.get(key);
    if (!current || strength(e.type) < strength(current.type)) pairs.set(key, e);
  };
  for (const e of edgesOf(graph, center)) {
    const other = e.from === center ? e.to : e.from;
    if (chosen.has(other) && other !== center) keep({ from: e.from, to: e.to, type: e.type, inferred: e.origin === 'inferred' });
  }
  for (const [id, hop] of chosen) if (hop > 1) keep(via.get(id)!);

  const nodes = [...chosen.entries()].map(([id, hop]) => ({ id, hop }));
  const edges = [...pairs.values()].sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
  return { center, nodes, edges, omitted: reachable.size - chosen.size };
}
