/**
 * Which browsing pages exist. getStaticPaths of every list page and the sitemap read
 * these functions, so a page is in the sitemap exactly when it is built.
 */
import { DOCUMENT_TYPE_IDS } from '../document-types.ts';
import { LEVELS, type Level } from '../schema/registries.ts';
import { compareVietnamese } from '../text/vietnamese.ts';
import type { SiteData } from './data.ts';
import { STATUS_ORDER, type EffectiveStatusValue } from './labels.ts';
import type { SiteUrls } from './urls.ts';

export function typeKeys(data: SiteData): string[] {
  return DOCUMENT_TYPE_IDS.filter((t) => data.byType.has(t));
}

/** Every registry issuer gets a page (a successor may have no document yet but is linked). */
export function issuerKeys(data: SiteData): string[] {
  return [...data.registries.issuers].sort((a, b) => compareVietnamese(a.name, b.name)).map((i) => i.id);
}

export function provinceKeys(data: SiteData): string[] {
  return [...data.registries.provinces].sort((a, b) => compareVietnamese(a.name, b.name)).map((p) => p.id);
}

export function topicKeys(data: SiteData): string[] {
  return [...data.registries.topics].sort((a, b) => compareVietnamese(a.name, b.name)).map((t) => t.id);
}

/** Newest year first. */
export function yearKeys(data: SiteData): number[] {
  return [...data.byYear.keys()].sort((a, b) => b - a);
}

export function levelKeys(data: SiteData): Level[] {
  return LEVELS.filter((l) => data.byLevel.has(l));
}

export function statusKeys(data: SiteData): EffectiveStatusValue[] {
  return STATUS_ORDER.filter((s) => data.byStatus.has(s));
}

/** Site paths of every page this helper builds (for the sitemap), in a stable order. */
export function sitePaths(data: SiteData, urls: SiteUrls): string[] {
  const paths = [urls.home()];
  for (const p of documentListPages(data.nodes.length)) paths.push(urls.path(p.list ? `van-ban/${p.list}/` : 'van-ban/'));
  for (const n of [...data.nodes].sort((a, b) => (a.id < b.id ? -1 : 1))) paths.push(urls.document(n.id));
  paths.push(urls.path('loai/'), ...typeKeys(data).map(urls.type));
  paths.push(urls.path('co-quan/'), ...issuerKeys(data).map(urls.issuer));
  paths.push(urls.path('nam/'), ...yearKeys(data).map(urls.year));
  paths.push(urls.path('dia-phuong/'), ...provinceKeys(data).map(urls.province));
  paths.push(urls.path('cap/'), ...levelKeys(data).map(urls.level));
  paths.push(urls.path('chu-de/'), ...topicKeys(data).map(urls.topic));
  paths.push(urls.path('hieu-luc/'), ...statusKeys(data).map(urls.status));
  paths.push(urls.timeline(), urls.missing());
  return paths;
}

/** Documents per page on /van-ban/: big enough to browse, small enough for a phone at 10,000 documents. */
export const LIST_PAGE_SIZE = 200;

export interface DocumentListPage {
  /** Rest parameter of /van-ban/[...list]: undefined, "trang/2", "cu-truoc", "cu-truoc/trang/2". */
  list: string | undefined;
  order: 'newest' | 'oldest';
  page: number;
  pages: number;
  /** Indices into the ordered document list. */
  start: number;
  end: number;
}

export function documentListSlug(order: 'newest' | 'oldest', page: number): string | undefined {
  const prefix = order === 'oldest' ? 'cu-truoc' : '';
  const paging = page > 1 ? `trang/${page}` : '';
  const slug = [prefix, paging].filter(Boolean).join('/');
  return slug || undefined;
}

export function documentListPages(count: number, size = LIST_PAGE_SIZE): DocumentListPage[] {
  const pages = Math.max(1, Math.ceil(count / size));
  const out: DocumentListPage[] = [];
  for (const order of ['newest', 'oldest'] as const) {
    for (let page = 1; page <= pages; page++) {
      out.push({ list: documentListSlug(order, page), order, page, pages, start: (page - 1) * size, end: Math.min(count, page * size) });
    }
  }
  return out;
}
