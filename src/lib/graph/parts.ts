/**
 * The graph as the sum of per-body parts, so one changed document rebuilds one part.
 *
 * Everything the graph build derives from one body — the citing document's edges (with
 * their evidence), its ambiguous and unresolved mentions, its diagnostics, its counts —
 * depends only on that body's output, the document's own frontmatter and a few facts of the
 * documents it names (whether they exist, their issue dates). planGraph (build.ts) computes
 * a WorkPart per body and a digest of exactly those inputs; this module assembles the
 * parts into the graph (and the graph into graph.json's bytes) the way the whole-corpus
 * build always did:
 *   - edges are sorted by (from, to, type), so each document's edges are one run, in id order;
 *   - ambiguities likewise (from, line, text);
 *   - unresolved references are grouped across documents in document order (mentions
 *     first, then relations declared to documents not in the corpus), the group's head from
 *     its first mention, its issuer from the first mention that names one;
 *   - diagnostics are de-duplicated and sorted; a part keeps its own in the order the whole
 *     build pushed them, and diagnostics of different files, lines or codes never tie.
 *
 * A part reused from an earlier build (graph-parts.ts) carries its serialised edges,
 * ambiguities and unresolved entries as the bytes graph.json held, not as objects: graph.json
 * is then written by splicing those bytes with the parts that changed, never serialising
 * 10,000 unchanged documents again. Both paths go through serialiseGraph, so a graph
 * assembled from reused parts is byte-identical to one built from scratch.
 */
import { sortDiagnostics, type Diagnostic } from '../diagnostics.ts';
import type { RelationType } from '../schema/document.ts';
import type { Ambiguity, Graph, GraphEdge, GraphNode, ImplementationRecord, UnresolvedReference } from './types.ts';

export type EdgeMeta = [to: string, type: RelationType, origin: GraphEdge['origin']];
export type CitedBy = UnresolvedReference['citedBy'][number];
export type UnresolvedHead = [key: string, type: UnresolvedReference['type'], number: string | null, year: number | null, province: string | null];

/** One citing of a document not in the corpus: a mention (or a declared relation) of one document. */
export interface UnresolvedItem {
  /** The group it belongs to (the comparable form of its key). */
  group: string;
  /** The group's head when this item is its first. */
  head: UnresolvedHead;
  /** What the text says of the issuer, normalised; null when nothing. */
  issuer: string | null;
  id: string;
  line: number;
  /** The citedBy entry, when computed in this process; else `text`. */
  entry?: CitedBy;
  /** The entry's JSON as UTF-8 bytes. */
  text?: Uint8Array;
}

/** What one body contributes to the graph (see the module comment). */
export interface WorkPart {
  /** Digest of everything the part was computed from (planGraph's partHash). */
  hash: string;
  /** Documents whose existence or issue date the part read. */
  deps: string[];
  /** In the order the whole-corpus build pushed them. */
  diagnostics: Diagnostic[];
  /** For corpus documents: their edges, in graph order. */
  edgeMeta: EdgeMeta[];
  edges?: GraphEdge[];
  /** The edges' JSON joined by commas, as UTF-8. */
  edgesText?: Uint8Array;
  ambiguityCount: number;
  ambiguities?: Ambiguity[];
  ambiguitiesText?: Uint8Array;
  /** Unresolved mentions, in mention order. */
  unresolved: UnresolvedItem[];
  /** Relations declared to documents not in the corpus. */
  declared: UnresolvedItem[];
  counts: [references: number, resolved: number, unresolved: number];
  summaryMentions: string[];
  /** The JSON of the facts above as graph-parts.ts stores them, once serialised or read. */
  stored?: string;
  /**
   * For corpus documents: their node's JSON (UTF-8) as last written, with the digest of what
   * it was made of (GraphFrame.nodeHashes). A node is a function of its own file, its
   * issuers' registry entries, its effective status and history (which read other
   * documents' relations and today) and the part's summary mentions; a part reused while
   * any of those changed keeps its other facts but gets its node serialised again.
   */
  node?: StoredNode;
}

export interface StoredNode {
  hash: string;
  text: Uint8Array;
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface GraphFrame {
  /** Nodes, with effective statuses and summary mentions filled in. */
  nodes: GraphNode[];
  /** documentParts[i] is the part of nodes[i]. */
  documentParts: WorkPart[];
  /** nodeHashes[i]: the digest of everything nodes[i] is made of (see WorkPart.node). */
  nodeHashes: string[];
  /** Parts of bodies that are not corpus documents (records, course modules): diagnostics only. */
  otherParts: WorkPart[];
  /** Diagnostics found before the bodies (loading, identities, declared relations). */
  planDiagnostics: Diagnostic[];
  /** Diagnostics of records and course modules found after the bodies. */
  lateDiagnostics: Diagnostic[];
  implementations: ImplementationRecord[];
}

interface Group {
  head: UnresolvedHead;
  issuer: string | null;
  items: UnresolvedItem[];
}

/** The graph's parts that are computed over all documents at once, from the parts. */
export interface AssembledGraph {
  frame: GraphFrame;
  incoming: Record<string, number[]>;
  outgoing: Record<string, number[]>;
  groups: Group[];
  diagnostics: Diagnostic[];
  stats: Graph['stats'];
  edgeCount: number;
}

/** Explicit edges of all parts, in graph order, with what effective statuses read of them. */
export function explicitEdges(nodes: readonly GraphNode[], parts: readonly WorkPart[]): GraphEdge[] {
  const out: GraphEdge[] = [];
  parts.forEach((p, i) => {
    for (const [to, type, origin] of p.edgeMeta) if (origin === 'explicit') out.push({ from: nodes[i]!.id, to, type, origin, evidence: [] });
  });
  return out;
}

export function assembleGraph(frame: GraphFrame): AssembledGraph {
  const { nodes, documentParts } = frame;
  const incoming: Record<string, number[]> = {};
  const outgoing: Record<string, number[]> = {};
  for (const n of nodes) {
    incoming[n.id] = [];
    outgoing[n.id] = [];
  }
  let edgeCount = 0;
  documentParts.forEach((p, i) => {
    const from = nodes[i]!.id;
    for (const [to] of p.edgeMeta) {
      outgoing[from]!.push(edgeCount);
      incoming[to]!.push(edgeCount);
      edgeCount++;
    }
  });

  const byGroup = new Map<string, Group>();
  for (const phase of ['unresolved', 'declared'] as const) {
    for (const p of documentParts) {
      for (const item of p[phase]) {
        let g = byGroup.get(item.group);
        if (!g) byGroup.set(item.group, (g = { head: item.head, issuer: null, items: [] }));
        if (phase === 'unresolved') g.issuer ??= item.issuer;
        g.items.push(item);
      }
    }
  }
  const groups = [...byGroup.values()]
    .map((g) => ({ ...g, items: [...g.items].sort((a, b) => byString(a.id, b.id) || a.line - b.line) }))
    .sort((a, b) => byString(a.head[0], b.head[0]));

  const all: Diagnostic[] = [...frame.planDiagnostics];
  for (const p of documentParts) all.push(...p.diagnostics);
  for (const p of frame.otherParts) all.push(...p.diagnostics);
  all.push(...frame.lateDiagnostics);
  const diagnostics = sortDiagnostics(dedupeDiagnostics(all));

  let references = 0;
  let resolved = 0;
  let unresolved = 0;
  let ambiguous = 0;
  for (const p of documentParts) {
    references += p.counts[0];
    resolved += p.counts[1];
    unresolved += p.counts[2];
    ambiguous += p.ambiguityCount;
  }
  const stats = {
    documents: nodes.length,
    references,
    resolved,
    unresolved,
    ambiguous,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
  };
  return { frame, incoming, outgoing, groups, diagnostics, stats, edgeCount };
}

function headObject(g: Group) {
  const [key, type, number, year, province] = g.head;
  return { key, type, number, year, province, issuer: g.issuer };
}

/** The graph as objects; needs every part's objects (parts computed in this process). */
export function graphObject(a: AssembledGraph): Graph {
  const { frame } = a;
  const missing = () => {
    throw new Error('graphObject: a reused part has no objects');
  };
  return {
    version: 1,
    nodes: frame.nodes,
    edges: frame.documentParts.flatMap((p) => p.edges ?? missing()),
    incoming: a.incoming,
    outgoing: a.outgoing,
    unresolved: a.groups.map((g) => ({ ...headObject(g), citedBy: g.items.map((it) => it.entry ?? missing()) })),
    ambiguities: frame.documentParts.flatMap((p) => p.ambiguities ?? missing()),
    implementations: frame.implementations,
    diagnostics: a.diagnostics,
    stats: a.stats,
  };
}

/** Whether graphObject can be called (every part computed here). */
export function hasObjects(a: AssembledGraph): boolean {
  return a.frame.documentParts.every((p) => p.edges && p.ambiguities && p.unresolved.every((u) => u.entry) && p.declared.every((u) => u.entry));
}

export type Range = [start: number, end: number];

/** Where each document part's serialised pieces are in graph.json (byte offsets). */
export interface PartRanges {
  node: Range;
  edges: Range;
  ambiguities: Range;
  unresolved: Range[];
  declared: Range[];
}

/** The bytes of a part's list (objects serialised once, then kept). */
export function edgesText(p: WorkPart): Uint8Array {
  return (p.edgesText ??= Buffer.from(p.edges!.map((e) => JSON.stringify(e)).join(',')));
}

export function ambiguitiesText(p: WorkPart): Uint8Array {
  return (p.ambiguitiesText ??= Buffer.from(p.ambiguities!.map((e) => JSON.stringify(e)).join(',')));
}

export function itemText(it: UnresolvedItem): Uint8Array {
  return (it.text ??= Buffer.from(JSON.stringify(it.entry)));
}

/**
 * The bytes of a document's node: the part's stored ones while their digest is this node's
 * (13 MB of nodes at 10,000 documents are not serialised again after one change), else
 * serialised now and kept on the part for the next build.
 */
export function nodeText(node: GraphNode, hash: string, p: WorkPart): Uint8Array {
  if (p.node?.hash !== hash) p.node = { hash, text: Buffer.from(JSON.stringify(node)) };
  return p.node.text;
}

const SEPARATORS = new Map([',', '[', ']', ']}'].map((s) => [s, Buffer.from(s)] as const));

/**
 * graph.json's bytes: exactly `${JSON.stringify(graph)}\n` of graphObject(a), assembled from
 * pieces (the parts' bytes, reused or new), with where each part's pieces landed.
 */
export function serialiseGraph(a: AssembledGraph): { pieces: Uint8Array[]; size: number; ranges: PartRanges[] } {
  const pieces: Uint8Array[] = [];
  let size = 0;
  const add = (piece: Uint8Array | string): Range => {
    // The separators are written ≈ 100,000 times: encoded once.
    const bytes = typeof piece === 'string' ? (SEPARATORS.get(piece) ?? Buffer.from(piece)) : piece;
    const start = size;
    if (bytes.length) pieces.push(bytes);
    size += bytes.length;
    return [start, size];
  };
  const { frame } = a;
  const ranges: PartRanges[] = frame.documentParts.map(() => ({ node: [0, 0], edges: [0, 0], ambiguities: [0, 0], unresolved: [], declared: [] }));
  /** A list of runs: comma-joined runs, empty runs skipped (as JSON.stringify of the whole list). */
  const list = (runs: readonly Uint8Array[], placed: (i: number, r: Range) => void) => {
    add('[');
    let first = true;
    runs.forEach((run, i) => {
      if (run.length && !first) add(',');
      const r = add(run);
      if (run.length) first = false;
      placed(i, r);
    });
    add(']');
  };
  // JSON.stringify of an array of objects is their JSON joined by commas: the nodes one by one.
  add('{"version":1,"nodes":');
  list(frame.nodes.map((n, i) => nodeText(n, frame.nodeHashes[i]!, frame.documentParts[i]!)), (i, r) => (ranges[i]!.node = r));
  add(',"edges":');
  list(frame.documentParts.map(edgesText), (i, r) => (ranges[i]!.edges = r));
  add(`,"incoming":${JSON.stringify(a.incoming)},"outgoing":${JSON.stringify(a.outgoing)},"unresolved":[`);
  const owner = new Map<UnresolvedItem, [part: number, phase: 'unresolved' | 'declared', index: number]>();
  frame.documentParts.forEach((p, i) => {
    p.unresolved.forEach((it, k) => owner.set(it, [i, 'unresolved', k]));
    p.declared.forEach((it, k) => owner.set(it, [i, 'declared', k]));
  });
  a.groups.forEach((g, gi) => {
    if (gi) add(',');
    const head = JSON.stringify(headObject(g));
    add(`${head.slice(0, -1)},"citedBy":[`);
    g.items.forEach((it, k) => {
      if (k) add(',');
      const r = add(itemText(it));
      const [pi, phase, index] = owner.get(it)!;
      ranges[pi]![phase][index] = r;
    });
    add(']}');
  });
  add('],"ambiguities":');
  list(frame.documentParts.map(ambiguitiesText), (i, r) => (ranges[i]!.ambiguities = r));
  add(`,"implementations":${JSON.stringify(frame.implementations)},"diagnostics":${JSON.stringify(a.diagnostics)},"stats":${JSON.stringify(a.stats)}}\n`);
  return { pieces, size, ranges };
}

export function dedupeDiagnostics(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const k = JSON.stringify([d.severity, d.file, d.line, d.field ?? '', d.code, d.message]);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
