/**
 * The lineage of a policy over time: the documents a document replaces, continues or
 * implements (backwards) and those that replace, continue or implement it (forwards),
 * up to the one in force today. Document pages and course modules render it.
 */
import type { Graph, GraphEdge, GraphNode } from './types.ts';

export const LINEAGE_RELATIONS = ['replaces', 'continues', 'implements'] as const;
export type LineageRelation = (typeof LINEAGE_RELATIONS)[number];

export interface LineageStep {
  id: string;
  /** The edge that brought this document into the lineage (from the later document to the earlier). */
  from: string;
  to: string;
  relation: LineageRelation;
  origin: GraphEdge['origin'];
  /** Number of edges from the document the lineage is about. */
  depth: number;
}

export interface Lineage {
  id: string;
  /** Documents it builds on, oldest first. */
  earlier: LineageStep[];
  /** Documents that build on it, oldest first. */
  later: LineageStep[];
  /** Every document of the lineage (itself included) in order of issue. */
  timeline: string[];
  /** The document in force for this line today: the end of its replacement chain (itself when not replaced). */
  current: string;
}

export interface LineageOptions {
  relations?: readonly LineageRelation[];
  /** Also follow relations read from the text (default true); false keeps only frontmatter ones. */
  includeInferred?: boolean;
  /** How many edges away to look, each way (default 6). */
  maxDepth?: number;
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function lineageOf(graph: Graph, id: string, options: LineageOptions = {}): Lineage {
  const relations = new Set<string>(options.relations ?? LINEAGE_RELATIONS);
  const includeInferred = options.includeInferred ?? true;
  const maxDepth = options.maxDepth ?? 6;
  const nodes = new Map<string, GraphNode>(graph.nodes.map((n) => [n.id, n]));
  const self = nodes.get(id);
  if (!self) throw new Error(`lineageOf: không có văn bản "${id}" trong đồ thị`);
  const usable = (e: GraphEdge) => relations.has(e.type) && (includeInferred || e.origin === 'explicit');

  const walk = (direction: 'earlier' | 'later'): LineageStep[] => {
    const steps: LineageStep[] = [];
    const seen = new Set([id]);
    let frontier = [id];
    for (let depth = 1; depth <= maxDepth && frontier.length; depth++) {
      const next: string[] = [];
      for (const at of frontier) {
        const indices = direction === 'earlier' ? graph.outgoing[at] ?? [] : graph.incoming[at] ?? [];
        for (const i of indices) {
          const e = graph.edges[i]!;
          if (!usable(e)) continue;
          const other = direction === 'earlier' ? e.to : e.from;
          if (seen.has(other) || !nodes.has(other)) continue;
          seen.add(other);
          next.push(other);
          steps.push({ id: other, from: e.from, to: e.to, relation: e.type as LineageRelation, origin: e.origin, depth });
        }
      }
      frontier = next.sort(byString);
    }
    return steps.sort((a, b) => byString(nodes.get(a.id)!.issued, nodes.get(b.id)!.issued) || byString(a.id, b.id));
  };

  const earlier = walk('earlier');
  const later = walk('later');
  const timeline = [id, ...earlier.map((s) => s.id), ...later.map((s) => s.id)].sort(
    (a, b) => byString(nodes.get(a)!.issued, nodes.get(b)!.issued) || byString(a, b),
  );
  const current = self.effectiveStatus.chain?.at(-1) ?? id;
  return { id, earlier, later, timeline, current };
}
