/**
 * The lineage of a policy over time: the documents a document replaces, continues or
 * implements (backwards) and those that replace, continue or implement it (forwards),
 * up to the one in force today. Document pages and course modules render it.
 */
import type { Graph, GraphEdge, GraphNode } from './types.ts';
import { LINEAGE_RELATIONS } from '../schema/vocabulary.ts';

export { LINEAGE_RELATIONS };
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
  /** How many edges away to look, each way (default 6; Infinity follows a chain to its end). */
  maxDepth?: number;
  /**
   * Deepest step at which a relation read from the text may be followed, and past which a
   * document reached through one is not walked on (default: maxDepth). A sentence such as
   * "gắn với thực hiện …" is weak evidence: chaining such readings reaches much of the
   * corpus from any central directive, so pages keep them at depth 1.
   */
  maxInferredDepth?: number;
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// One id → node map per graph object: document pages call lineageOf() once each, and
// rebuilding the map every time made a build quadratic in the corpus size.
const nodeMaps = new WeakMap<Graph, Map<string, GraphNode>>();
function nodeMap(graph: Graph): Map<string, GraphNode> {
  let map = nodeMaps.get(graph);
  if (!map) {
    map = new Map(graph.nodes.map((n) => [n.id, n]));
    nodeMaps.set(graph, map);
  }
  return map;
}

export function lineageOf(graph: Graph, id: string, options: LineageOptions = {}): Lineage {
  const relations = new Set<string>(options.relations ?? LINEAGE_RELATIONS);
  const includeInferred = options.includeInferred ?? true;
  const maxDepth = options.maxDepth ?? 6;
  const maxInferredDepth = includeInferred ? (options.maxInferredDepth ?? maxDepth) : 0;
  const nodes = nodeMap(graph);
  const self = nodes.get(id);
  if (!self) throw new Error(`lineageOf: không có văn bản "${id}" trong đồ thị`);
  const usable = (e: GraphEdge, depth: number) => relations.has(e.type) && (e.origin === 'explicit' || depth <= maxInferredDepth);

  const walk = (direction: 'earlier' | 'later'): LineageStep[] => {
    const steps: LineageStep[] = [];
    const seen = new Set([id]);
    // Documents reached through a relation read from the text: not walked on past
    // maxInferredDepth, so a frontmatter chain never hangs off a weak reading.
    const weak = new Set<string>();
    let frontier = [id];
    for (let depth = 1; depth <= maxDepth && frontier.length; depth++) {
      const next: string[] = [];
      for (const at of frontier) {
        const indices = direction === 'earlier' ? graph.outgoing[at] ?? [] : graph.incoming[at] ?? [];
        // Frontmatter relations first: when both kinds reach a document, it joins as declared.
        for (const explicitPass of [true, false]) {
          for (const i of indices) {
            const e = graph.edges[i]!;
            if ((e.origin === 'explicit') !== explicitPass || !usable(e, depth)) continue;
            const other = direction === 'earlier' ? e.to : e.from;
            if (seen.has(other) || !nodes.has(other)) continue;
            seen.add(other);
            steps.push({ id: other, from: e.from, to: e.to, relation: e.type as LineageRelation, origin: e.origin, depth });
            const isWeak = weak.has(at) || e.origin !== 'explicit';
            if (isWeak) weak.add(other);
            if (!isWeak || depth < maxInferredDepth) next.push(other);
          }
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
