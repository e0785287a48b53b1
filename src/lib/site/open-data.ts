/**
 * The open-data files (/api/documents.json, /api/graph.json). Their shape is documented
 * in docs/open-data.md; change both together.
 *
 * The long arrays are `JsonList`s (json-stream.ts): each element is made when it is
 * written, and the file is written as pieces no larger than one element, so neither the
 * build (scripts/write-data-files.ts) nor the dev server (src/pages/api/[file].json.ts)
 * ever holds a whole file as one string — at 100,000 documents graph.json would exceed
 * V8's longest string. JSON.stringify of the same value gives the same text.
 */
import type { GraphNode } from '../graph/types.ts';
import type { SiteData } from './data.ts';
import { jsonList, jsonPieces } from './json-stream.ts';
import { absoluteUrl, type SiteUrls } from './urls.ts';
import { STATUS_LABELS, shortName, typeName } from './labels.ts';

export const OPEN_DATA_VERSION = 1;

/** Every document once, by id: two builds of the same content give the same files. */
function nodesById(data: SiteData): GraphNode[] {
  return [...data.nodes].sort((a, b) => (a.id < b.id ? -1 : 1));
}

export function documentsJson(data: SiteData, urls: SiteUrls, site: string | null) {
  const nodes = nodesById(data);
  const documents = jsonList(nodes, (n) => ({
    id: n.id,
    url: absoluteUrl(site, urls.document(n.id)),
    type: n.type,
    typeName: typeName(n.type),
    number: n.number,
    key: n.key,
    issued: n.issued,
    issuer: n.issuer,
    issuerName: data.issuer(n.issuer)?.name ?? null,
    coIssuers: n.coIssuers,
    signer: n.signer,
    title: n.title,
    citation: n.citation,
    summary: n.summary,
    province: n.province,
    level: n.level,
    topics: n.topics,
    status: n.status,
    statusAsOf: n.statusAsOf,
    statusSource: n.statusSource,
    effectiveFrom: n.effectiveFrom,
    effectiveTo: n.effectiveTo,
    effectiveStatus: { ...n.effectiveStatus, label: STATUS_LABELS[n.effectiveStatus.status] },
    history: n.history,
    fullText: n.fullText,
    sources: n.sources,
  }));
  return { version: OPEN_DATA_VERSION, count: nodes.length, documents };
}

export function graphJson(data: SiteData, urls: SiteUrls, site: string | null) {
  const g = data.graph;
  return {
    version: OPEN_DATA_VERSION,
    nodes: jsonList(nodesById(data), (n) => ({
      id: n.id,
      url: absoluteUrl(site, urls.document(n.id)),
      label: shortName(n),
      type: n.type,
      issued: n.issued,
      issuer: n.issuer,
      province: n.province,
      effectiveStatus: n.effectiveStatus.status,
    })),
    edges: jsonList(g.edges, (e) => ({
      from: e.from,
      to: e.to,
      type: e.type,
      origin: e.origin,
      evidence: e.evidence.map((ev) => ({ sentence: ev.sentence, heading: ev.heading, anchor: ev.anchor })),
      ...(e.provenance ? { provenance: e.provenance } : {}),
    })),
    unresolved: jsonList(g.unresolved, (u) => ({
      key: u.key,
      type: u.type,
      number: u.number,
      year: u.year,
      province: u.province,
      issuer: u.issuer,
      citedBy: [...new Set(u.citedBy.map((c) => c.id))],
    })),
  };
}

/**
 * The files under api/, by name: what each holds and how it is laid out. documents.json
 * is indented for people reading it; graph.json is compact (it is large).
 */
export const OPEN_DATA_FILES = {
  documents: { build: documentsJson, indent: 1 },
  graph: { build: graphJson, indent: 0 },
} as const;

export type OpenDataFile = keyof typeof OPEN_DATA_FILES;

export function isOpenDataFile(name: string | undefined): name is OpenDataFile {
  return name !== undefined && Object.hasOwn(OPEN_DATA_FILES, name);
}

/** Site path of an open-data file, relative to the site base. */
export function openDataPath(file: OpenDataFile): string {
  return `api/${file}.json`;
}

/** The text of an open-data file, as pieces (json-stream.ts). */
export function openDataPieces(file: OpenDataFile, data: SiteData, urls: SiteUrls, site: string | null): Generator<string> {
  const { build, indent } = OPEN_DATA_FILES[file];
  return jsonPieces(build(data, urls, site), indent);
}
