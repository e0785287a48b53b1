/**
 * What a document page shows of its lineage: lineageOf() (src/lib/graph/lineage.ts) run
 * on the graph without anachronistic lineage edges, turned into one line per document
 * in order of issue, each saying how it joins the line ("thay thế …", "bị thay thế bởi …").
 *
 * Bounded for a page: frontmatter relations are followed to any depth, relations read
 * from the text only one step, and at most `limit` documents are shown (frontmatter and
 * stronger relations first); the rest are counted and listed on the full listing page.
 */
import type { Graph, GraphNode } from '../graph/types.ts';
import { lineageOf, LINEAGE_RELATIONS, type Lineage, type LineageRelation } from '../graph/lineage.ts';
import { RELATION_LABELS } from '../site/labels.ts';
import { yearPosition } from './timeline.ts';

const lineageTypes = new Set<string>(LINEAGE_RELATIONS);
const cleaned = new WeakMap<Graph, Graph>();

/**
 * The graph without lineage edges that point forward in time: a document cannot replace,
 * continue or carry out one issued after it, so such an edge is a misread sentence.
 * Indices are rebuilt, so lineageOf() walks the filtered edges only.
 */
export function withoutAnachronisms(graph: Graph): Graph {
  // Every document page asks for the same graph: filter it once.
  const done = cleaned.get(graph);
  if (done) return done;
  const result = filterAnachronisms(graph);
  cleaned.set(graph, result);
  return result;
}

function filterAnachronisms(graph: Graph): Graph {
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
  /** Edges between this document and the one whose page this is (0 for itself). */
  depth: number;
}

export interface LineageView {
  /** The document itself and the documents shown, in order of issue. */
  lines: LineageLine[];
  /** The newest document of the replacement chain, when it is not this one. */
  current: GraphNode | null;
  /** Documents in the whole lineage, this one excluded. */
  total: number;
  /** Documents of the lineage left out of `lines` (total − shown). */
  hidden: number;
}

/** Documents a document page shows of its lineage; the full listing page shows all. */
export const LINEAGE_LIMIT = 30;

export interface LineageViewOptions {
  /** Most documents shown besides the document itself (default LINEAGE_LIMIT). */
  limit?: number;
}

const RELATION_RANK: Record<LineageRelation, number> = { replaces: 0, continues: 1, implements: 2 };

const lower = (s: string) => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);

/** Vietnamese phrase of a line: "thay thế", "bị thay thế bởi", "được triển khai bởi" … */
export function relationPhrase(line: Pick<LineageLine, 'relation' | 'direction'>): string {
  if (!line.relation || !line.direction) return '';
  return lower(RELATION_LABELS[line.relation][line.direction]);
}

interface FullLineage {
  lines: LineageLine[];
  current: GraphNode | null;
}

const fullCache = new WeakMap<Graph, Map<string, FullLineage | null>>();

function fullLineage(graph: Graph, id: string): FullLineage | null {
  let cache = fullCache.get(graph);
  if (!cache) fullCache.set(graph, (cache = new Map()));
  if (cache.has(id)) return cache.get(id)!;
  const result = computeLineage(graph, id);
  cache.set(id, result);
  return result;
}

function computeLineage(graph: Graph, id: string): FullLineage | null {
  const clean = withoutAnachronisms(graph);
  const nodeOf = nodeLookup(clean);
  if (!nodeOf(id)) return null;
  const lineage: Lineage = lineageOf(clean, id, { maxDepth: Infinity, maxInferredDepth: 1 });
  if (lineage.earlier.length === 0 && lineage.later.length === 0) return null;
  const steps = new Map([...lineage.earlier, ...lineage.later].map((s) => [s.id, s]));
  const lines = lineage.timeline.map((docId): LineageLine => {
    const node = nodeOf(docId)!;
    const step = steps.get(docId);
    if (!step) return { node, isSelf: true, relation: null, direction: null, other: null, inferred: false, depth: 0 };
    const forward = step.from === docId;
    return {
      node,
      isSelf: false,
      relation: step.relation,
      direction: forward ? 'forward' : 'inverse',
      other: nodeOf(forward ? step.to : step.from) ?? null,
      inferred: step.origin !== 'explicit',
      depth: step.depth,
    };
  });
  const current = lineage.current !== id ? nodeOf(lineage.current) ?? null : null;
  return { lines, current };
}

const lookups = new WeakMap<Graph, Map<string, GraphNode>>();
function nodeLookup(graph: Graph): (id: string) => GraphNode | undefined {
  let map = lookups.get(graph);
  if (!map) lookups.set(graph, (map = new Map(graph.nodes.map((n) => [n.id, n]))));
  return (id) => map.get(id);
}

/** Which lines a capped view keeps: frontmatter before read-from-text, replacement before implementation, near before far, newest first. */
function priority(a: LineageLine, b: LineageLine): number {
  return (
    Number(a.inferred) - Number(b.inferred) ||
    RELATION_RANK[a.relation!] - RELATION_RANK[b.relation!] ||
    a.depth - b.depth ||
    (a.node.issued < b.node.issued ? 1 : a.node.issued > b.node.issued ? -1 : 0) ||
    (a.node.id < b.node.id ? -1 : a.node.id > b.node.id ? 1 : 0)
  );
}

export function lineageView(graph: Graph, id: string, options: LineageViewOptions = {}): LineageView | null {
  const full = fullLineage(graph, id);
  if (!full) return null;
  const limit = options.limit ?? LINEAGE_LIMIT;
  const others = full.lines.filter((l) => !l.isSelf);
  if (others.length <= limit) return { lines: full.lines, current: full.current, total: others.length, hidden: 0 };
  const kept = new Set(others.sort(priority).slice(0, limit));
  const lines = full.lines.filter((l) => l.isSelf || kept.has(l));
  return { lines, current: full.current, total: others.length, hidden: others.length - kept.size };
}
