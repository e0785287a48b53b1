/**
 * What a document page shows of its lineage: lineageOf() (src/lib/graph/lineage.ts) run
 * on the graph without anachronistic lineage edges, turned into one line per document
 * in order of issue, each saying how it joins the line ("thay thế …", "bị thay thế bởi …").
 */
import type { Graph, GraphNode } from '../graph/types.ts';
import { lineageOf, LINEAGE_RELATIONS, type Lineage, type LineageRelation } from '../graph/lineage.ts';
import { RELATION_LABELS } from '../site/labels.ts';
import { yearPosition } from './timeline.ts';

const lineageTypes = new Set<string>(LINEAGE_RELATIONS);

/**
 * The graph without lineage edges that point forward in time: a document cannot replace,
 * continue or carry out one issued after it, so such an edge is a misread sentence.
 * Indices are rebuilt, so lineageOf() walks the filtered edges only.
 */
export function withoutAnachronisms(graph: Graph): Graph {
  const issued = new Map(graph.nodes.map((n) => [n.id, n.issued]));
  const edges = graph.edges.filter((e) => {
    if (!lineageTypes.has(e.type)) return true;
    const from = issued.get(e.from);
    const to = issued.get(e.to);
    return from === undefined || to === undefined || yearPosition(from) >= yearPosition(to);
  });
  if (edges.length === graph.edges.length) return graph;
  const incoming: Record<string, number[]> = {};
  const outgoing: Record<string, number[]> = {};
  edges.forEach((e, i) => {
    (outgoing[e.from] ??= []).push(i);
    (incoming[e.to] ??= []).push(i);
  });
  return { ...graph, edges, incoming, outgoing };
}

export interface LineageLine {
  node: GraphNode;
  /** The document whose page this is. */
  isSelf: boolean;
  /** How this document joins the line, relative to the document it is linked through. */
  relation: LineageRelation | null;
  /** "forward": this document → other ("thay thế X"); "inverse": other → this ("bị thay thế bởi X"). */
  direction: 'forward' | 'inverse' | null;
  other: GraphNode | null;
  inferred: boolean;
}

export interface LineageView {
  lines: LineageLine[];
  /** The newest document of the replacement chain, when it is not this one. */
  current: GraphNode | null;
}

const lower = (s: string) => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);

/** Vietnamese phrase of a line: "thay thế", "bị thay thế bởi", "được triển khai bởi" … */
export function relationPhrase(line: Pick<LineageLine, 'relation' | 'direction'>): string {
  if (!line.relation || !line.direction) return '';
  return lower(RELATION_LABELS[line.relation][line.direction]);
}

export function lineageView(graph: Graph, id: string): LineageView | null {
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  if (!nodes.has(id)) return null;
  const lineage: Lineage = lineageOf(withoutAnachronisms(graph), id);
  if (lineage.earlier.length === 0 && lineage.later.length === 0) return null;
  const steps = new Map([...lineage.earlier, ...lineage.later].map((s) => [s.id, s]));
  const lines = lineage.timeline.map((docId): LineageLine => {
    const node = nodes.get(docId)!;
    const step = steps.get(docId);
    if (!step) return { node, isSelf: true, relation: null, direction: null, other: null, inferred: false };
    const forward = step.from === docId;
    return {
      node,
      isSelf: false,
      relation: step.relation,
      direction: forward ? 'forward' : 'inverse',
      other: nodes.get(forward ? step.to : step.from) ?? null,
      inferred: step.origin !== 'explicit',
    };
  });
  const current = lineage.current !== id ? nodes.get(lineage.current) ?? null : null;
  return { lines, current };
}
