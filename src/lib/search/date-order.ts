/**
 * Sorting search results by date of issue, on our side rather than Pagefind's.
 *
 * Why: a Pagefind sort key puts the whole sort order (one number per page) into the index
 * metadata every first query downloads, ≈ 20 KB at 10,000 pages, although few readers
 * sort by date. Instead scripts/index-search.ts writes, next to the index, the pages in
 * date order (by Pagefind's page id), and the browser fetches it only when a date order is
 * chosen, then sorts the matching pages itself.
 *
 * The file is named after the index it describes (the language hash in
 * pagefind-entry.json), so a browser never pairs an old order with a new index. A split
 * index (parts.ts) has one date order for all its parts, keyed by pageKey, which keeps the
 * part of each id.
 */
import { pageKey } from './parts.ts';

export { pageKey };

/**
 * Pages with the same date of issue as "id id …", oldest date first. The dates themselves
 * are left out: only the order is needed, and at 10,000 pages they would add ≈ 25 KB.
 */
export type DateOrder = string[];

/** Where the date order of the index with this language hash (e.g. "vi_602a299dca") lives, under pagefind/. */
export function dateOrderFile(languageHash: string): string {
  return `ngay.${languageHash}.json`;
}


/** Groups pages by date, oldest first; within a date, ids in text order (the same file for the same index). */
export function buildDateOrder(pages: Iterable<{ id: string; date: string }>): DateOrder {
  const byDate = new Map<string, string[]>();
  for (const { id, date } of pages) {
    const list = byDate.get(date);
    if (list) list.push(pageKey(id));
    else byDate.set(date, [pageKey(id)]);
  }
  return [...byDate.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((date) => byDate.get(date)!.sort().join(' '));
}

/** Page key → rank of its date (0 = oldest); pages of the same date share a rank. */
export function dateRanks(order: DateOrder): Map<string, number> {
  const ranks = new Map<string, number>();
  order.forEach((ids, rank) => {
    for (const id of ids.split(' ')) if (id) ranks.set(id, rank);
  });
  return ranks;
}

/**
 * The results in date order, newest or oldest first. Pages of the same date keep their
 * order in `results` (relevance); a page the order does not know goes last either way.
 */
export function sortByDate<T extends { id: string }>(results: readonly T[], ranks: ReadonlyMap<string, number>, newestFirst: boolean): T[] {
  const keyed = results.map((r) => ({ r, rank: ranks.get(pageKey(r.id)) }));
  keyed.sort((a, b) => {
    if (a.rank === undefined || b.rank === undefined) return (a.rank === undefined ? 1 : 0) - (b.rank === undefined ? 1 : 0);
    return newestFirst ? b.rank - a.rank : a.rank - b.rank;
  });
  return keyed.map((k) => k.r);
}
