/**
 * Names shared by the index builder (scripts/index-search.ts) and the browser bundle.
 * Kept apart from fields.ts so the browser does not pull in the schemas (and zod).
 */

/** Filter keys as the index stores them (INDEX_DIR/…/l/<key>.json), with their Vietnamese labels, in display order. */
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
