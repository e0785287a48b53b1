/**
 * Names shared by the index (SearchIndexFields, build scripts) and the browser bundle.
 * Kept apart from fields.ts so the browser does not pull in the schemas (and zod).
 */

/** Filter keys as Pagefind stores them, with their Vietnamese labels, in display order. */
export const FILTERS = [
  ['loai', 'Loại văn bản'],
  ['co_quan', 'Cơ quan ban hành'],
  ['nam', 'Năm ban hành'],
  ['cap', 'Cấp'],
  ['dia_phuong', 'Địa phương'],
  ['chu_de', 'Chủ đề'],
  ['tinh_trang', 'Tình trạng'],
] as const;
export type FilterKey = (typeof FILTERS)[number][0];

/**
 * Ends the heading (short name + trích yếu) in the text Pagefind indexes for a page, so the
 * browser can read the trích yếu from the page text instead of a meta field (which Pagefind
 * would index a second time). Like the fold sentinel, it has no letter or digit, so
 * Pagefind keeps it in the text but never indexes it.
 */
export const TITLE_END = '⁑';

/**
 * Pagefind ids of the browsing pages (topic, province, issuer, course module), written by
 * scripts/index-search.ts relative to the site base. Documents and browsing pages are
 * found by one search and shown apart: a filter marking them would cost every first query
 * its whole filter file (≈ 20 KB at 10,000 pages); this list is a few hundred bytes.
 */
export const BROWSE_PAGES_FILE = 'tim-kiem/trang-duyet.json';
