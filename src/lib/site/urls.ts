/**
 * Site URLs, always built from the configured base (import.meta.env.BASE_URL in pages)
 * so the same build works at "/" and under a subpath such as "/danvan/".
 * Every page path ends in "/" (trailingSlash: 'always').
 */
import type { EffectiveStatusValue } from './labels.ts';
import { STATUS_SLUGS } from './labels.ts';

/** "/danvan" or "/danvan/" or "" → "/danvan/" ; always starts and ends with "/". */
export function normalizeBase(base: string): string {
  let b = base.trim();
  if (!b.startsWith('/')) b = `/${b}`;
  if (!b.endsWith('/')) b = `${b}/`;
  return b.replace(/\/{2,}/g, '/');
}

export interface SiteUrls {
  base: string;
  /** A path inside the site: "van-ban/" → "/danvan/van-ban/". */
  path(p: string): string;
  home(): string;
  document(id: string): string;
  /** Full listing of a document's relations (built only when its page leaves some out). */
  related(id: string, page?: number): string;
  /** A page of a paginated list: "loai/chi-thi/" → "…/loai/chi-thi/trang/2/". */
  paged(listPath: string, page: number): string;
  documents(): string;
  type(type: string): string;
  issuer(id: string): string;
  year(year: number): string;
  province(id: string): string;
  level(level: string): string;
  topic(id: string): string;
  status(status: EffectiveStatusValue): string;
  timeline(): string;
  timelineYear(year: number): string;
  missing(): string;
  search(query?: string): string;
  courses(): string;
}

export function siteUrls(baseUrl: string): SiteUrls {
  const base = normalizeBase(baseUrl);
  const path = (p: string) => base + p.replace(/^\/+/, '');
  const seg = (s: string) => encodeURIComponent(s);
  return {
    base,
    path,
    home: () => base,
    document: (id) => path(`van-ban/${seg(id)}/`),
    related: (id, page = 1) => path(`van-ban/${seg(id)}/lien-quan/${page > 1 ? `trang/${page}/` : ''}`),
    paged: (listPath, page) => (page > 1 ? `${listPath}trang/${page}/` : listPath),
    documents: () => path('van-ban/'),
    type: (t) => path(`loai/${seg(t)}/`),
    issuer: (id) => path(`co-quan/${seg(id)}/`),
    year: (y) => path(`nam/${y}/`),
    province: (id) => path(`dia-phuong/${seg(id)}/`),
    level: (l) => path(`cap/${seg(l)}/`),
    topic: (id) => path(`chu-de/${seg(id)}/`),
    status: (s) => path(`hieu-luc/${STATUS_SLUGS[s]}/`),
    timeline: () => path('dong-thoi-gian/'),
    timelineYear: (y) => path(`dong-thoi-gian/${y}/`),
    missing: () => path('chua-co/'),
    search: (q) => (q ? `${path('tim-kiem/')}?q=${encodeURIComponent(q)}` : path('tim-kiem/')),
    courses: () => path('chuyen-de/'),
  };
}

/**
 * Absolute URL for feeds, open data and JSON-LD: site origin (config `site`, from
 * DANVAN_SITE) + base + path. Without a configured site there is no address to make one
 * from, so the site path is returned as it is (a link relative to the host's root).
 */
export function absoluteUrl(site: string | null | undefined, sitePath: string): string {
  if (!site) return sitePath;
  return new URL(sitePath, site.endsWith('/') ? site : `${site}/`).href;
}

/** The configured site address (DANVAN_SITE) as Astro passes it, or null when the build has none. */
export function configuredSite(site: URL | undefined): string | null {
  return site?.href ?? null;
}

/** Rendered bodies link documents as "__BASE__van-ban/<id>/"; pages put the real base in. */
export function applyBase(html: string, base: string): string {
  return html.replaceAll('__BASE__', normalizeBase(base));
}
