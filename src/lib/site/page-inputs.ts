/**
 * Everything a document's page (van-ban/<id>/index.html, and its overflow pages under
 * lien-quan/) draws from, gathered as one value, and the digest of it.
 *
 * `npm run build` keeps a document's pages from the previous build when this digest is
 * the one written in the old page (src/lib/site/page-reuse.ts): a page is a function of
 * these inputs and of the code that draws them, so equal digests mean equal pages, and
 * one edited document re-renders only the pages that show something of it.
 *
 * The inputs are the records the page is drawn from and the results of the very functions
 * its components call (same module, same arguments) where those follow the graph further
 * than the document's own relations (lineage, diagram, listings); a component that starts
 * reading something new must add it here. test/browser/page-reuse.test.ts builds a
 * site, edits it in the ways a page can depend on another document, rebuilds keeping
 * pages, and compares the result byte for byte with a build from nothing.
 */
import { createHash, hash as oneShotHash } from 'node:crypto';
import { lineageView } from '../course/lineage-view.ts';
import { documentBodyKey, type SiteData } from './data.ts';
import { diagramNeighbourhood } from './diagram.ts';
import { missingPageOf } from './missing.ts';
import { declaredMissing, relatedListing, shownImplementations } from './related.ts';
import type { SiteUrls } from './urls.ts';
import type { GraphEdge, GraphNode } from '../graph/types.ts';

export function documentPageInputs(data: SiteData, id: string): Record<string, unknown> {
  const node = data.node(id);
  if (!node) throw new Error(`documentPageInputs: không có văn bản "${id}" trong đồ thị`);
  const { graph } = data;
  return {
    node,
    // With the document's record and the records of the documents at their other ends (all
    // named), its relations make the answers at the top, the relations panel, the JSON-LD
    // and the diagram's count of direct neighbours: those are not digested again.
    relations: [...(graph.outgoing[id] ?? []), ...(graph.incoming[id] ?? [])].map((i) => graph.edges[i]),
    lineage: lineageView(graph, id),
    implementations: shownImplementations(data, id),
    listing: relatedListing(data, id),
    missing: declaredMissing(graph, id).map((m) => ({ m, page: missingPageOf(graph, m.reference.key) })),
    diagram: diagramNeighbourhood(data, id),
  };
}

/**
 * The digest of a document's pages: the code that draws them (codeVersion: the build's
 * sources, src/lib/site/code-version.ts), the base and address of the site, the registries
 * (whole: pages name issuers, provinces and topics, and what became of them, from them),
 * the document's body (by the key the graph build stored its HTML under) and inputs, and the
 * record of every document the inputs name.
 */
export function documentPageDigest(data: SiteData, id: string, urls: SiteUrls, site: string | null, codeVersion: string): string {
  const shared = sharedOf(data);
  const inputs = documentPageInputs(data, id);
  const own = inputs.node as GraphNode;
  // The documents the inputs name, found while they are serialised; and those the
  // document's own record names (it is serialised as its id only).
  const named = new Set<string>();
  const json = inputsJson(inputs, shared, named);
  namedIn(data, own, named);
  return createHash('sha256')
    .update(`${codeVersion}\0${shared.registries}\0${urls.home()}\0${site ?? ''}\0`)
    .update(documentBodyKey(id) ?? '')
    .update('\0')
    .update(json)
    .update('\0')
    .update([...named].sort().map((n) => `${n}:${recordDigest(shared.nodeDigests, data.node(n)!)}`).join('\n'))
    .digest('hex');
}

/**
 * What every page's digest shares, made once per process: the registries' digest, and the
 * documents' and relations' records, which the inputs of many pages hold (a hub's record in
 * thousands of relation lists): each is digested once and stands in the inputs as its id or
 * digest.
 */
interface Shared {
  data: SiteData;
  registries: string;
  nodes: WeakSet<object>;
  edges: WeakSet<object>;
  nodeDigests: WeakMap<object, string>;
  edgeDigests: WeakMap<object, string>;
}

const sharedByData = new WeakMap<SiteData, Shared>();
function sharedOf(data: SiteData): Shared {
  let shared = sharedByData.get(data);
  if (!shared) {
    shared = {
      data,
      registries: createHash('sha256').update(inputsJson(data.registries)).digest('base64'),
      nodes: new WeakSet(data.nodes),
      edges: new WeakSet(data.graph.edges),
      nodeDigests: new WeakMap(),
      edgeDigests: new WeakMap(),
    };
    sharedByData.set(data, shared);
  }
  return shared;
}

/** A record's digest, once per record and process (one-shot: tens of thousands of small records per build). */
function recordDigest(cache: WeakMap<object, string>, record: object): string {
  let digest = cache.get(record);
  if (digest === undefined) cache.set(record, (digest = oneShotHash('sha256', JSON.stringify(record), 'base64')));
  return digest;
}

/**
 * The ids of documents in the corpus that `record` names, anywhere in it (added to `named`).
 * Components look documents up by the ids a record holds (the page's own status chain, its
 * summary's mentions): each such document counts with its whole record, so a new title shows
 * wherever it is named.
 */
function namedIn(data: SiteData, record: unknown, named: Set<string>): void {
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      if (data.node(v)) named.add(v);
    } else if (Array.isArray(v)) {
      for (const x of v) walk(x);
    } else if (v && typeof v === 'object') {
      for (const x of Object.values(v)) walk(x);
    }
  };
  walk(record);
}

/**
 * JSON of the inputs, with Maps and Sets as their entries (a digest must not read a Map as
 * "{}" and call two different pages equal), and, given the shared records, each document as
 * its id and each relation as its digest. With `named`, the documents the inputs name are
 * collected on the way: ids written as strings, documents, and the two ends of each relation
 * (a relation counts as what it names directly, not what those name in turn). Anything JSON
 * cannot say throws.
 */
export function inputsJson(value: unknown, shared?: Shared, named?: Set<string>): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Map) return { map: [...v] };
    if (v instanceof Set) return { set: [...v] };
    if (typeof v === 'function' || typeof v === 'symbol' || typeof v === 'bigint') {
      throw new Error(`inputsJson: giá trị kiểu ${typeof v} không ghi được vào dấu vân tay trang`);
    }
    if (shared && named && typeof v === 'string' && shared.data.node(v)) named.add(v);
    if (shared && v && typeof v === 'object') {
      // A document or a relation stands for its record, which is digested on its own.
      if (shared.nodes.has(v)) {
        named?.add((v as GraphNode).id);
        return `văn bản ${(v as GraphNode).id}`;
      }
      if (shared.edges.has(v)) {
        const edge = v as GraphEdge;
        for (const end of [edge.from, edge.to]) if (named && shared.data.node(end)) named.add(end);
        return `quan hệ ${recordDigest(shared.edgeDigests, v)}`;
      }
    }
    return v;
  });
}
