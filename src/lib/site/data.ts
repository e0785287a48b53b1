/**
 * The site's view of the generated graph: loaded once per build, with every lookup the
 * pages need built once (by type, issuer, year, province, level, topic, status), so a
 * page costs a map lookup, not a scan — the site has to scale to 10,000 documents.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Graph, GraphEdge, GraphNode, ImplementationRecord } from '../graph/types.ts';
import { GRAPH_FILE, bodyBundleFile } from '../graph/types.ts';
import { BodyBundle } from '../graph/body-bundle.ts';
import { readGraphFile } from '../graph/read.ts';
import type { RelationType } from '../schema/document.ts';
import type { Issuer, Province, Topic, Level } from '../schema/registries.ts';
import { loadRegistries, type Registries } from '../content/corpus.ts';
import { contentRoot } from '../content/root.ts';
import { handedGraph } from '../dev/handoff.ts';
import { compareVietnamese } from '../text/vietnamese.ts';
import { RELATION_LABELS, RELATION_ORDER, type EffectiveStatusValue } from './labels.ts';

export interface RelationEntry {
  type: RelationType;
  /** forward: this document → other; inverse: other → this document. */
  direction: 'forward' | 'inverse';
  label: string;
  other: GraphNode;
  edge: GraphEdge;
}

export interface RelationGroup {
  type: RelationType;
  direction: 'forward' | 'inverse';
  label: string;
  /** Most relevant first: frontmatter, then read from the text, then plain citations; newest first within each. */
  entries: RelationEntry[];
}

const ORIGIN_RANK: Record<GraphEdge['origin'], number> = { explicit: 0, inferred: 1, text: 2 };

/** Order of entries within a relation group (see RelationGroup.entries). */
export function compareRelevance(a: RelationEntry, b: RelationEntry): number {
  return ORIGIN_RANK[a.edge.origin] - ORIGIN_RANK[b.edge.origin] || compareByDateDesc(a.other, b.other);
}

export interface SiteData {
  graph: Graph;
  registries: Registries;
  /** Newest first, then by title. */
  nodes: GraphNode[];
  node(id: string): GraphNode | undefined;
  issuer(id: string): Issuer | undefined;
  province(id: string): Province | undefined;
  topic(id: string): Topic | undefined;
  byType: Map<string, GraphNode[]>;
  /** Main issuer and co-issuers. */
  byIssuer: Map<string, GraphNode[]>;
  byYear: Map<number, GraphNode[]>;
  /** A province's own documents and, since 2025 mergers, those of the provinces merged into it (newest first). */
  byProvince: Map<string, GraphNode[]>;
  byLevel: Map<Level, GraphNode[]>;
  byTopic: Map<string, GraphNode[]>;
  byStatus: Map<EffectiveStatusValue, GraphNode[]>;
  implementationsFor(id: string): ImplementationRecord[];
  relationGroups(id: string): RelationGroup[];
  /** Number of distinct documents pointing at this one (any relation). */
  citedByCount(id: string): number;
}

/** Newest first; same date → Vietnamese title order, so lists are stable. */
export function compareByDateDesc(a: GraphNode, b: GraphNode): number {
  if (a.issued !== b.issued) return a.issued < b.issued ? 1 : -1;
  return compareVietnamese(a.title, b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function compareByDateAsc(a: GraphNode, b: GraphNode): number {
  if (a.issued !== b.issued) return a.issued < b.issued ? -1 : 1;
  return compareVietnamese(a.title, b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Builds every index from an already-parsed graph and registries (pure; unit-tested). */
export function indexSite(graph: Graph, registries: Registries): SiteData {
  const nodes = [...graph.nodes].sort(compareByDateDesc);
  const nodeMap = new Map(nodes.map((n) => [n.id, n]));
  const issuers = new Map(registries.issuers.map((i) => [i.id, i]));
  const provinces = new Map(registries.provinces.map((p) => [p.id, p]));
  const topics = new Map(registries.topics.map((t) => [t.id, t]));

  const byType = new Map<string, GraphNode[]>();
  const byIssuer = new Map<string, GraphNode[]>();
  const byYear = new Map<number, GraphNode[]>();
  const byProvince = new Map<string, GraphNode[]>();
  const byLevel = new Map<Level, GraphNode[]>();
  const byTopic = new Map<string, GraphNode[]>();
  const byStatus = new Map<EffectiveStatusValue, GraphNode[]>();
  for (const n of nodes) {
    push(byType, n.type, n);
    push(byIssuer, n.issuer, n);
    for (const co of n.coIssuers) if (co !== n.issuer) push(byIssuer, co, n);
    push(byYear, n.year, n);
    if (n.province) push(byProvince, n.province, n);
    push(byLevel, n.level, n);
    for (const t of n.topics) push(byTopic, t, n);
    push(byStatus, n.effectiveStatus.status, n);
  }

  // A province merged into another (registry `mergedInto`) lists its documents there too, by their historical name.
  for (const p of registries.provinces) {
    const own = byProvince.get(p.id);
    if (!p.mergedInto || !own) continue;
    byProvince.set(p.mergedInto.id, [...(byProvince.get(p.mergedInto.id) ?? []), ...own].sort(compareByDateDesc));
  }

  const implementations = new Map<string, ImplementationRecord[]>();
  for (const rec of [...graph.implementations].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))) {
    for (const id of rec.reportsOn) push(implementations, id, rec);
  }

  const groupsCache = new Map<string, RelationGroup[]>();
  const relationGroups = (id: string): RelationGroup[] => {
    const cached = groupsCache.get(id);
    if (cached) return cached;
    const entries: RelationEntry[] = [];
    for (const i of graph.outgoing[id] ?? []) {
      const edge = graph.edges[i]!;
      const other = nodeMap.get(edge.to);
      if (other) entries.push({ type: edge.type, direction: 'forward', label: RELATION_LABELS[edge.type].forward, other, edge });
    }
    for (const i of graph.incoming[id] ?? []) {
      const edge = graph.edges[i]!;
      const other = nodeMap.get(edge.from);
      if (other) entries.push({ type: edge.type, direction: 'inverse', label: RELATION_LABELS[edge.type].inverse, other, edge });
    }
    const byKey = new Map<string, RelationEntry[]>();
    for (const e of entries) push(byKey, `${e.type}:${e.direction}`, e);
    const groups: RelationGroup[] = [];
    for (const type of RELATION_ORDER) {
      for (const direction of ['forward', 'inverse'] as const) {
        const list = byKey.get(`${type}:${direction}`)?.sort(compareRelevance);
        if (list) groups.push({ type, direction, label: list[0]!.label, entries: list });
      }
    }
    groupsCache.set(id, groups);
    return groups;
  };

  const citedBy = new Map<string, number>();
  for (const [id, list] of Object.entries(graph.incoming)) {
    citedBy.set(id, new Set(list.map((i) => graph.edges[i]!.from)).size);
  }

  return {
    graph,
    registries,
    nodes,
    node: (id) => nodeMap.get(id),
    issuer: (id) => issuers.get(id),
    province: (id) => provinces.get(id),
    topic: (id) => topics.get(id),
    byType,
    byIssuer,
    byYear,
    byProvince,
    byLevel,
    byTopic,
    byStatus,
    implementationsFor: (id) => implementations.get(id) ?? [],
    relationGroups,
    citedByCount: (id) => citedBy.get(id) ?? 0,
  };
}

let cached: SiteData | null = null;
let cachedStamp = '';
// Read once: pages call siteData() dozens of times each, and process.env is a lookup in the
// environment every time. scripts/dev.ts sets it before Astro loads any page module.
const underDevServer = Boolean(process.env.DANVAN_DEV);

/**
 * The site data for this build. DANVAN_GRAPH_FILE points at another graph file (tests,
 * or working on pages before the graph build exists); the default is .generated/graph.json.
 * Under `npm run dev` (DANVAN_DEV, set by scripts/dev.ts), which rebuilds the graph as
 * content is saved, a graph file replaced since it was read is noticed by its size, time
 * and inode and read again (one stat per call), unless the dev server handed the graph
 * over in memory; a build reads it once.
 */
export function siteData(rootArg?: string): SiteData {
  if (cached && !underDevServer) return cached;
  // Only now: a default parameter would read process.env on every one of these calls.
  const root = rootArg ?? contentRoot();
  // The dev server hands its graph over in memory (src/lib/dev/handoff.ts).
  const handed = underDevServer ? handedGraph() : null;
  if (handed) {
    if (!cached || cachedStamp !== `dev:${handed.version}`) {
      cached = indexSite(handed.graph, loadRegistries(root));
      cachedStamp = `dev:${handed.version}`;
    }
    return cached;
  }
  const file = join(root, process.env.DANVAN_GRAPH_FILE ?? GRAPH_FILE);
  const st = statSync(file, { throwIfNoEntry: false });
  if (!st) {
    if (cached) return cached;
    throw new Error(`Chưa có đồ thị văn bản ${file}: chạy "npm run build:graph" (hoặc "npm run build") trước khi dựng trang.`);
  }
  const stamp = `${st.size}:${st.mtimeMs}:${st.ino}`;
  if (cached && stamp === cachedStamp) return cached;
  const graph = readGraphFile(file);
  if (typeof graph === 'string') throw new Error(`Đồ thị văn bản ${file} không đọc được (${graph}): chạy lại "npm run build:graph".`);
  cached = indexSite(graph, loadRegistries(root));
  cachedStamp = stamp;
  return cached;
}

const bundles = new Map<string, BodyBundle>();

/** Rendered, citation-linked body HTML of a document ("" when the graph build wrote none). */
export function documentBody(id: string, root?: string): string {
  return bundleOf(root ?? defaultRoot()).html(id) ?? '';
}

/**
 * The key the graph build stored the body under (body-bundle.ts): a digest of the body and
 * of what its citations resolved to, under this engine. The bundle holds one HTML per key,
 * so equal keys mean equal HTML, and a page's digest takes the key instead of reading the
 * body. null when there is no body.
 */
export function documentBodyKey(id: string, root?: string): string | null {
  return bundleOf(root ?? defaultRoot()).index().get(id)?.key ?? null;
}

/** The documents' bundle of a content root, opened once (looked at again on each read under the dev server). */
function bundleOf(root: string): BodyBundle {
  let bundle = bundles.get(root);
  if (!bundle) bundles.set(root, (bundle = new BodyBundle(join(root, bodyBundleFile('documents')), { watch: underDevServer })));
  return bundle;
}

/** contentRoot() of a build, read once (the environment does not change during a build); under the dev server, each time. */
let buildRoot: string | undefined;
function defaultRoot(): string {
  return underDevServer ? contentRoot() : (buildRoot ??= contentRoot());
}
