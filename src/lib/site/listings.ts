/**
 * Which browsing pages exist. getStaticPaths of every list page and the sitemap read
 * these functions, so a page is in the sitemap exactly when it is built.
 */
import { DOCUMENT_TYPE_IDS } from '../document-types.ts';
import { LEVELS, type Level } from '../schema/registries.ts';
import { compareVietnamese } from '../text/vietnamese.ts';
import type { GraphNode } from '../graph/types.ts';
import { compareByDateAsc, type SiteData } from './data.ts';
import { missingPageCount } from './missing.ts';
import { relatedListing } from './related.ts';
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
  for (const n of [...data.nodes].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    paths.push(urls.document(n.id));
    const listing = relatedListing(data, n.id);
    if (listing) for (const p of listing) paths.push(urls.related(n.id, p.page));
  }
  const paged = <K>(index: string, keys: K[], url: (k: K) => string, list: Map<K, unknown[]>) => {
    paths.push(urls.path(index));
    for (const k of keys) for (let page = 1; page <= pageCount(list.get(k)?.length ?? 0); page++) paths.push(urls.paged(url(k), page));
  };
  paged('loai/', typeKeys(data), urls.type, data.byType);
  paged('co-quan/', issuerKeys(data), urls.issuer, data.byIssuer);
  paged('nam/', yearKeys(data), urls.year, data.byYear);
  paged('dia-phuong/', provinceKeys(data), urls.province, data.byProvince);
  paged('cap/', levelKeys(data), urls.level, data.byLevel);
  paged('chu-de/', topicKeys(data), urls.topic, data.byTopic);
  paged('hieu-luc/', statusKeys(data), urls.status, data.byStatus);
  paths.push(urls.timeline());
  for (const y of timelineYears(data)) for (let page = 1; page <= pageCount(y.nodes.length); page++) paths.push(urls.paged(urls.timelineYear(y.year), page));
  for (let page = 1; page <= missingPageCount(data.graph); page++) paths.push(urls.paged(urls.missing(), page));
  return paths;
}

/** Pages of a list of `count` documents (at least one: an empty list still has its page). */
export function pageCount(count: number, size = LIST_PAGE_SIZE): number {
  return Math.max(1, Math.ceil(count / size));
}

/** Rest parameter of a paginated list route: undefined for page 1, "trang/N" after. */
export function pageParam(page: number): string | undefined {
  return page > 1 ? `trang/${page}` : undefined;
}

/** Page number of a rest parameter made by pageParam(). */
export function pageFromParam(param: string | undefined): number {
  const m = /^trang\/(\d+)$/.exec(param ?? '');
  return m ? Number(m[1]) : 1;
}

/** getStaticPaths entries of a paginated list: one per page of each key. */
export function pagedParams<K extends string, V extends string | number>(
  name: K,
  keys: V[],
  count: (key: V) => number,
): { params: Record<K, string> & { page: string | undefined } }[] {
  const out: { params: Record<K, string> & { page: string | undefined } }[] = [];
  for (const key of keys) {
    for (let page = 1; page <= pageCount(count(key)); page++) {
      out.push({ params: { [name]: String(key), page: pageParam(page) } as Record<K, string> & { page: string | undefined } });
    }
  }
  return out;
}

export interface PageSlice<T> {
  items: T[];
  page: number;
  pages: number;
  /** Index of the first item in the whole list. */
  start: number;
  total: number;
}

export function pageSlice<T>(all: T[], page: number, size = LIST_PAGE_SIZE): PageSlice<T> {
  const pages = pageCount(all.length, size);
  const p = Math.min(Math.max(1, page), pages);
  const start = (p - 1) * size;
  return { items: all.slice(start, start + size), page: p, pages, start, total: all.length };
}

export interface TimelineYear {
  year: number;
  /** Oldest first. */
  nodes: GraphNode[];
}

/** Years of the timeline, oldest first, each with its documents oldest first (computed once per data). */
const timelineCache = new WeakMap<SiteData, TimelineYear[]>();
export function timelineYears(data: SiteData): TimelineYear[] {
  let years = timelineCache.get(data);
  if (years) return years;
  years = [];
  for (const n of [...data.nodes].sort(compareByDateAsc)) {
    const last = years[years.length - 1];
    if (last && last.year === n.year) last.nodes.push(n);
    else years.push({ year: n.year, nodes: [n] });
  }
  timelineCache.set(data, years);
  return years;
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
