/** The neighbourhood diagram of a document page: SVG markup plus the same content as a text list. */
import type { Graph } from '../graph/types.ts';
import { collectNeighbourhood, type Neighbourhood } from '../graph/neighbourhood.ts';
import { RELATION_ORDER } from '../schema/document.ts';
import { layoutDiagram, type DiagramNodeInput } from '../diagram/layout.ts';
import { renderDiagramSvg } from '../diagram/svg.ts';
import type { RelationType } from '../schema/document.ts';
import type { SiteData } from './data.ts';
import type { SiteUrls } from './urls.ts';
import { RELATION_LABELS, formatDate, shortName, typeName } from './labels.ts';

export interface DiagramLink {
  from: { id: string; name: string; href: string };
  to: { id: string; name: string; href: string };
  type: RelationType;
  label: string;
  inferred: boolean;
}

export interface DocumentDiagram {
  svg: string;
  links: DiagramLink[];
  /** Documents directly related to this one (listed in the relations panel) that are not drawn. */
  omitted: number;
  /** Relation types drawn, for the legend. */
  types: RelationType[];
}

/**
 * Relations kept per document for the diagram. The diagram draws at most 14 documents,
 * picked strongest relation first, then newest: the first edges in that same order are
 * all it can use. Walking every edge of a neighbour cited by thousands of documents on
 * every page that cites it would make the build quadratic in the corpus size.
 */
export const DIAGRAM_EDGES_PER_DOCUMENT = 48;

const views = new WeakMap<SiteData, Graph>();

/** The graph with each document's relations cut to its DIAGRAM_EDGES_PER_DOCUMENT strongest and newest (built once per build). */
export function diagramGraph(data: SiteData, limit = DIAGRAM_EDGES_PER_DOCUMENT): Graph {
  const cached = views.get(data);
  if (cached) return cached;
  const { graph } = data;
  const incoming: Record<string, number[]> = {};
  const outgoing: Record<string, number[]> = {};
  const strength = (i: number) => RELATION_ORDER.indexOf(graph.edges[i]!.type);
  for (const n of graph.nodes) {
    const out = graph.outgoing[n.id] ?? [];
    const inc = graph.incoming[n.id] ?? [];
    if (out.length + inc.length <= limit) {
      if (out.length) outgoing[n.id] = out;
      if (inc.length) incoming[n.id] = inc;
      continue;
    }
    const other = (i: number) => {
      const e = graph.edges[i]!;
      return e.from === n.id ? e.to : e.from;
    };
    const issued = (i: number) => data.node(other(i))?.issued ?? '';
    const kept = new Set(
      [...out, ...inc]
        .sort((a, b) => strength(a) - strength(b) || (issued(a) < issued(b) ? 1 : issued(a) > issued(b) ? -1 : 0) || a - b)
        .slice(0, limit),
    );
    outgoing[n.id] = out.filter((i) => kept.has(i));
    incoming[n.id] = inc.filter((i) => kept.has(i));
  }
  const view: Graph = { ...graph, incoming, outgoing };
  views.set(data, view);
  return view;
}

/** Distinct documents directly related to this one (any relation, either direction). */
function directNeighbours(data: SiteData, id: string): number {
  const ids = new Set<string>();
  for (const g of data.relationGroups(id)) for (const e of g.entries) ids.add(e.other.id);
  return ids.size;
}

/**
 * What a document's diagram draws, before any drawing: the documents picked around it (with
 * what each box says), the links between them, the count of direct neighbours left out.
 * It is a function of the neighbourhood and of the records of the documents in it, and the
 * drawing a function of it alone (what src/lib/site/page-inputs.ts relies on).
 */
export interface DiagramSelection {
  id: string;
  title: string;
  desc: string;
  nodes: DiagramNodeInput[];
  edges: Neighbourhood['edges'];
  links: DiagramLink[];
  omitted: number;
}

const neighbourhoods = new WeakMap<SiteData, Map<string, Neighbourhood>>();

/**
 * The documents and relations a document's diagram draws, found once per document and build:
 * the page's digest (src/lib/site/page-inputs.ts) and its diagram both ask.
 */
export function diagramNeighbourhood(data: SiteData, id: string, maxNodes = 14): Neighbourhood {
  let byId = neighbourhoods.get(data);
  if (!byId) neighbourhoods.set(data, (byId = new Map()));
  const key = `${maxNodes}:${id}`;
  let hood = byId.get(key);
  if (!hood) byId.set(key, (hood = collectNeighbourhood(diagramGraph(data), id, { hops: 2, maxNodes, issued: (x) => data.node(x)?.issued })));
  return hood;
}

export function selectDiagram(data: SiteData, id: string, urls: SiteUrls, maxNodes = 14): DiagramSelection | null {
  const hood = diagramNeighbourhood(data, id, maxNodes);
  if (hood.nodes.length < 2) return null;
  const nodes: DiagramNodeInput[] = [];
  for (const { id: nid, hop } of hood.nodes) {
    const n = data.node(nid);
    if (!n) continue;
    nodes.push({
      id: nid,
      date: n.issued,
      hop,
      lines: [typeName(n.type), n.number ?? '(không số)', formatDate(n.issued)],
      title: `${shortName(n)} — ${n.title}`,
      href: urls.document(nid),
      classes: n.effectiveStatus.status === 'superseded' ? ['dg-superseded'] : [],
    });
  }
  const center = data.node(id)!;
  const name = (x: string) => {
    const n = data.node(x)!;
    return { id: x, name: `${shortName(n)} (${formatDate(n.issued)})`, href: urls.document(x) };
  };
  const links: DiagramLink[] = hood.edges.map((e) => ({
    from: name(e.from),
    to: name(e.to),
    type: e.type,
    label: RELATION_LABELS[e.type].forward.toLowerCase(),
    inferred: e.inferred,
  }));
  const drawnDirect = hood.nodes.filter((n) => n.hop === 1).length;
  return {
    id,
    title: `Lược đồ văn bản liên quan đến ${shortName(center)}`,
    desc: `${hood.nodes.length - 1} văn bản trong phạm vi hai bước quan hệ, xếp theo ngày ban hành từ trái sang phải; mũi tên đi từ văn bản dẫn chiếu đến văn bản được dẫn chiếu. Danh sách bằng chữ ở ngay dưới hình.`,
    nodes,
    edges: hood.edges,
    links,
    omitted: Math.max(0, directNeighbours(data, id) - drawnDirect),
  };
}

/** Lays out and draws a selection (the costly part: layout and edge routing). */
export function drawDiagram(selection: DiagramSelection): DocumentDiagram {
  const layout = layoutDiagram(selection.id, selection.nodes, selection.edges);
  const svg = renderDiagramSvg(layout, { idPrefix: 'lan-can', title: selection.title, desc: selection.desc });
  const types = [...new Set(selection.edges.map((e) => e.type))];
  return { svg, links: selection.links, omitted: selection.omitted, types };
}

export function documentDiagram(data: SiteData, id: string, urls: SiteUrls, maxNodes = 14): DocumentDiagram | null {
  const selection = selectDiagram(data, id, urls, maxNodes);
  return selection && drawDiagram(selection);
}
