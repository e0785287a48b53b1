/**
 * How much of a document's relations its page shows, and the full listing page
 * (/van-ban/<id>/lien-quan/) for the few documents that have more.
 *
 * A document page must stay the same size whatever the size of the corpus: a central
 * directive can be cited by thousands of documents. So the page shows at most
 * RELATION_GROUP_LIMIT entries per relation group (with their evidence sentences),
 * LINEAGE_LIMIT documents of its lineage and IMPLEMENTATION_LIMIT implementation records,
 * says how many more there are and links to the listing, which has every one of them
 * (without evidence, which stays in the citing documents) in pages of RELATED_PAGE_SIZE.
 */
import type { Graph, ImplementationRecord, Provenance, UnresolvedReference } from '../graph/types.ts';
import type { RelationType } from '../schema/vocabulary.ts';
import { lineageView, LINEAGE_LIMIT, type LineageLine } from '../course/lineage-view.ts';
import type { RelationEntry, RelationGroup, SiteData } from './data.ts';

export { LINEAGE_LIMIT };
/** Entries per relation group on a document page ("Được dẫn chiếu bởi", "Được triển khai bởi" …). */
export const RELATION_GROUP_LIMIT = 20;
/** Evidence sentences shown per relation (a document may mention another many times). */
export const EVIDENCE_LIMIT = 3;
/** Implementation records with their figures on a document page. */
export const IMPLEMENTATION_LIMIT = 10;
/** Rows per page of the full listing. */
export const RELATED_PAGE_SIZE = 200;

/** Anchor of a relation group, on the document page and on the listing. */
export function groupAnchor(g: Pick<RelationGroup, 'type' | 'direction'>): string {
  return `quan-he-${g.type}-${g.direction === 'forward' ? 'di' : 'den'}`;
}

export const LINEAGE_ANCHOR = 'dong-chinh-sach';
export const IMPLEMENTATIONS_ANCHOR = 'thuc-tien';

export interface PanelGroup extends RelationGroup {
  anchor: string;
  /** The entries shown on the document page (the first RELATION_GROUP_LIMIT, most relevant first). */
  shown: RelationEntry[];
  hidden: number;
}

export function relationPanel(data: SiteData, id: string, limit = RELATION_GROUP_LIMIT): PanelGroup[] {
  return data.relationGroups(id).map((g) => ({
    ...g,
    anchor: groupAnchor(g),
    shown: g.entries.slice(0, limit),
    hidden: Math.max(0, g.entries.length - limit),
  }));
}

/** Implementation records shown on the page (newest first) and how many are left for the listing. */
export function shownImplementations(data: SiteData, id: string, limit = IMPLEMENTATION_LIMIT): { shown: ImplementationRecord[]; hidden: number } {
  const all = data.implementationsFor(id);
  return { shown: all.slice(0, limit), hidden: Math.max(0, all.length - limit) };
}

/** True when the document page leaves something out, so /van-ban/<id>/lien-quan/ is built. */
export function hasRelatedListing(data: SiteData, id: string): boolean {
  if (data.relationGroups(id).some((g) => g.entries.length > RELATION_GROUP_LIMIT)) return true;
  if (data.implementationsFor(id).length > IMPLEMENTATION_LIMIT) return true;
  return (lineageView(data.graph, id)?.hidden ?? 0) > 0;
}

export type RelatedRow =
  | { kind: 'lineage'; line: LineageLine }
  | { kind: 'relation'; entry: RelationEntry }
  | { kind: 'implementation'; record: ImplementationRecord };

export interface RelatedSection {
  anchor: string;
  heading: string;
  /** Rows of the whole section, across pages. */
  total: number;
  rows: RelatedRow[];
}

/** A page of the listing: sections cut at page boundaries; `continued` when the section began on an earlier page. */
export interface RelatedPage {
  page: number;
  pages: number;
  sections: (RelatedSection & { continued: boolean; first: number })[];
}

/** Everything related to a document, in the order of the document page. */
export function relatedSections(data: SiteData, id: string): RelatedSection[] {
  const sections: RelatedSection[] = [];
  const lineage = lineageView(data.graph, id, { limit: Infinity });
  if (lineage) {
    const rows = lineage.lines.filter((l) => !l.isSelf).map((line): RelatedRow => ({ kind: 'lineage', line }));
    sections.push({ anchor: LINEAGE_ANCHOR, heading: 'Dòng chính sách qua thời gian', total: rows.length, rows });
  }
  for (const g of data.relationGroups(id)) {
    const rows = g.entries.map((entry): RelatedRow => ({ kind: 'relation', entry }));
    sections.push({ anchor: groupAnchor(g), heading: g.label, total: rows.length, rows });
  }
  const records = data.implementationsFor(id);
  if (records.length) {
    const rows = records.map((record): RelatedRow => ({ kind: 'implementation', record }));
    sections.push({ anchor: IMPLEMENTATIONS_ANCHOR, heading: 'Thực tiễn triển khai', total: rows.length, rows });
  }
  return sections;
}

/** Cuts the sections into pages of `size` rows; a section longer than the room left continues on the next page. */
export function paginateSections(sections: RelatedSection[], size = RELATED_PAGE_SIZE): RelatedPage[] {
  const pages: RelatedPage[] = [];
  let current: RelatedPage['sections'] = [];
  let room = size;
  const flush = () => {
    pages.push({ page: pages.length + 1, pages: 0, sections: current });
    current = [];
    room = size;
  };
  for (const s of sections) {
    for (let at = 0; at < s.rows.length; ) {
      if (room === 0) flush();
      const take = Math.min(room, s.rows.length - at);
      current.push({ ...s, rows: s.rows.slice(at, at + take), continued: at > 0, first: at });
      at += take;
      room -= take;
    }
  }
  if (current.length || pages.length === 0) flush();
  for (const p of pages) p.pages = pages.length;
  return pages;
}

/** Page of the listing on which a section starts (1 when absent). */
export function sectionPage(pages: RelatedPage[], anchor: string): number {
  return pages.find((p) => p.sections.some((s) => s.anchor === anchor && !s.continued))?.page ?? 1;
}

/** Pages of every document listing, computed once per graph (getStaticPaths and the document pages share them). */
const listingCache = new WeakMap<Graph, Map<string, RelatedPage[]>>();
export function relatedListing(data: SiteData, id: string): RelatedPage[] | null {
  if (!hasRelatedListing(data, id)) return null;
  let cache = listingCache.get(data.graph);
  if (!cache) listingCache.set(data.graph, (cache = new Map()));
  let pages = cache.get(id);
  if (!pages) cache.set(id, (pages = paginateSections(relatedSections(data, id))));
  return pages;
}

/** A relation declared in frontmatter to a document not in the corpus yet (listed on /chua-co/). */
export interface DeclaredMissing {
  relation: RelationType;
  reference: UnresolvedReference;
  provenance: Provenance | null;
}

const declaredMissingCache = new WeakMap<Graph, Map<string, DeclaredMissing[]>>();

/** The declared relations of a document to documents not in the corpus, indexed once per graph. */
export function declaredMissing(graph: Graph, id: string): DeclaredMissing[] {
  let byDoc = declaredMissingCache.get(graph);
  if (!byDoc) {
    byDoc = new Map();
    for (const reference of graph.unresolved) {
      for (const c of reference.citedBy) {
        if (c.via !== 'relation' || !c.relation) continue;
        const list = byDoc.get(c.id) ?? [];
        list.push({ relation: c.relation, reference, provenance: c.provenance ?? null });
        byDoc.set(c.id, list);
      }
    }
    declaredMissingCache.set(graph, byDoc);
  }
  return byDoc.get(id) ?? [];
}
