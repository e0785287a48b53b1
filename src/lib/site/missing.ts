/**
 * /chua-co/: documents cited by the corpus but not in it, most cited first, in pages of
 * MISSING_PAGE_SIZE. At 10,000 documents there are thousands of them, so the list is
 * paginated and each entry shows only the first few citing passages.
 *
 * The search links a cited-but-missing number to its entry: missingEntryPath() gives the
 * page and anchor, and missingPageOf() the page number to store in the number index.
 */
import type { Graph, UnresolvedReference } from '../graph/types.ts';
import { missingAnchor } from '../search/number-index.ts';
import { compareVietnamese } from '../text/vietnamese.ts';

export const MISSING_PAGE_SIZE = 200;
/** Citing passages shown per entry (the entry says how many documents cite it in all). */
export const MISSING_EVIDENCE_LIMIT = 5;

export interface MissingRow {
  reference: UnresolvedReference;
  /** Distinct citing documents, in the order of their first mention. */
  citing: string[];
  /** One mention per citing document, at most MISSING_EVIDENCE_LIMIT. */
  shown: UnresolvedReference['citedBy'];
}

const rowsCache = new WeakMap<Pick<Graph, 'unresolved'>, MissingRow[]>();

/** Every missing document, most cited first, then by key (stable across builds). */
export function missingRows(graph: Pick<Graph, 'unresolved'>): MissingRow[] {
  const cached = rowsCache.get(graph);
  if (cached) return cached;
  const rows = graph.unresolved
    .map((reference): MissingRow => {
      const seen = new Set<string>();
      const shown: MissingRow['shown'] = [];
      for (const c of reference.citedBy) {
        if (seen.has(c.id)) continue;
        seen.add(c.id);
        if (shown.length < MISSING_EVIDENCE_LIMIT) shown.push(c);
      }
      return { reference, citing: [...seen], shown };
    })
    .sort((a, b) => b.citing.length - a.citing.length || compareVietnamese(a.reference.key, b.reference.key));
  rowsCache.set(graph, rows);
  return rows;
}

export function missingPageCount(graph: Pick<Graph, 'unresolved'>): number {
  return Math.max(1, Math.ceil(graph.unresolved.length / MISSING_PAGE_SIZE));
}

const pageCache = new WeakMap<Pick<Graph, 'unresolved'>, Map<string, number>>();

/** Page of /chua-co/ that lists this unresolved key (undefined when the graph has no such key). */
export function missingPageOf(graph: Pick<Graph, 'unresolved'>, key: string): number | undefined {
  let pages = pageCache.get(graph);
  if (!pages) {
    pages = new Map(missingRows(graph).map((row, i) => [row.reference.key, Math.floor(i / MISSING_PAGE_SIZE) + 1]));
    pageCache.set(graph, pages);
  }
  return pages.get(key);
}

/** Path of a page of /chua-co/, relative to the site base ("chua-co/", "chua-co/trang/3/"). */
export function missingPagePath(page = 1): string {
  return page > 1 ? `chua-co/trang/${page}/` : 'chua-co/';
}

/** Path of a missing key's entry, relative to the site base: "chua-co/#35-ct-tw-2014", "chua-co/trang/3/#…". */
export function missingEntryPath(key: string, page = 1): string {
  return `${missingPagePath(page)}#${missingAnchor(key)}`;
}
