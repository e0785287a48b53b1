/**
 * A large site's search index in several Pagefind indexes ("parts"), built one after another
 * and merged again in the browser with Pagefind's multisite support (mergeIndex).
 *
 * Why: Pagefind builds the whole index in memory when it writes it, ≈ 230 MB per 1,000 pages
 * of this site on top of what it holds while pages are added (2.3 GB at 10,000 pages, 10.5 GB
 * at 50,000). Each part runs in a fresh Pagefind process, so the peak is that of the largest
 * part, whatever the size of the site. A site of at most MAX_PAGES_PER_INDEX pages stays one
 * index, exactly as before, so the first query of a 10,000-page site does not change.
 *
 * Pages go to the parts in turn (page i to part i mod n, in path order), not in blocks: each
 * part is then a sample of the whole site, so Pagefind's ranking statistics (how rare a word
 * is, the average page length), which each part computes for itself, agree between parts and
 * the merged scores stay comparable.
 *
 * Each extra part is indexed under its own language tag (vi-x-p2, vi-x-p3 …): Pagefind names
 * a page "<language>_<7 hex digits of its hash>", and only the language keeps the ids of two
 * parts apart (among 50,000 pages a few such 28-bit hashes are expected to coincide). The
 * browser needs unique ids to merge the exact and folded searches and to sort by date.
 *
 * Plain TypeScript with no Node imports: the browser bundle uses it too.
 */

/**
 * Most pages (HTML files) one Pagefind index gets. Writing an index takes time that grows
 * faster than its size (at 10,000 pages ≈ 17 s, at 16,700 pages ≈ 37 s) and memory in
 * proportion (≈ 230 MB per 1,000 pages), so parts of this size keep both the step's peak
 * (≈ 3 GB) and its time per page what they are at 10,000 documents, whose ≈ 11,300 HTML
 * files stay one index (its first query must stay under 300 KB, and each part adds its own
 * index chunks to a query: benchmarks/search.md, round 3).
 */
export const MAX_PAGES_PER_INDEX = 12_500;

/** The language of the first (or only) part: the site's own, so an unsplit index is unchanged. */
export const SITE_LANGUAGE = 'vi';

/** Name of the export that index-search.ts appends to pagefind/pagefind.js when the index is split. */
export const SPLIT_EXPORT = 'danvanSearch';

/** What the browser learns about a split index (absent when the index is one part). */
export interface SplitManifest {
  /** Folders of the parts after the first, relative to pagefind/ ("phan-2/"). */
  parts: string[];
  /** The date order of all parts together, a file in pagefind/. */
  dateOrder: string;
}

/** How many parts `pages` pages need with at most `max` pages each (at least one). */
export function partCount(pages: number, max: number): number {
  if (!Number.isInteger(max) || max < 1) throw new Error(`part size must be a positive integer, got ${max}`);
  return Math.max(1, Math.ceil(pages / max));
}

/** Deals `items` (in their order) to `count` parts in turn; each part keeps the items' order. */
export function dealParts<T>(items: readonly T[], count: number): T[][] {
  const parts: T[][] = Array.from({ length: count }, () => []);
  items.forEach((item, i) => parts[i % count]!.push(item));
  return parts;
}

/** Pagefind's language for part `index` (0-based): the site language, then vi-x-p2, vi-x-p3 … */
export function partLanguage(index: number): string {
  return index === 0 ? SITE_LANGUAGE : `${SITE_LANGUAGE}-x-p${index + 1}`;
}

/** The folder of part `index` (0-based) relative to pagefind/: "" for the first, "phan-2/" … */
export function partFolder(index: number): string {
  return index === 0 ? '' : `phan-${index + 1}/`;
}

/**
 * A Pagefind page id ("vi_1db7278", "vi-x-p2_1db7278") without its language, as the date
 * order stores it: the first part's ids lose the whole prefix ("1db7278", as before the
 * split existed), the other parts' keep their part ("p2_1db7278") so keys stay unique.
 */
export function pageKey(id: string): string {
  const cut = id.indexOf('_');
  const part = /-x-(p\d+)$/.exec(id.slice(0, cut));
  return part ? `${part[1]}_${id.slice(cut + 1)}` : id.slice(cut + 1);
}

/** The statement appended to pagefind.js for a split index. */
export function splitExport(manifest: SplitManifest): string {
  return `\nexport const ${SPLIT_EXPORT} = ${JSON.stringify(manifest)};\n`;
}

/** The manifest a loaded pagefind.js module carries, or null for an index in one part. */
export function splitManifestOf(module: Record<string, unknown>): SplitManifest | null {
  return (module[SPLIT_EXPORT] as SplitManifest | undefined) ?? null;
}
