/**
 * Sitemap and Atom feed as strings. Deterministic: the feed's <updated> is the newest
 * document date, never the build time, so two builds of the same content are identical.
 */
import type { GraphNode } from '../graph/types.ts';
import { escapeHtml } from '../text/html.ts';
import { compareByDateDesc } from './data.ts';
import { absoluteUrl, type SiteUrls } from './urls.ts';
import { RELATION_LABELS, shortName } from './labels.ts';
import type { SiteData } from './data.ts';

export function sitemapXml(site: string, paths: string[]): string {
  const urls = paths.map((p) => `<url><loc>${escapeHtml(absoluteUrl(site, p))}</loc></url>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`;
}

/**
 * sitemaps.org allows at most 50,000 URLs in one sitemap (and 50 MB, far off at our URL
 * lengths); from about 45,000 documents the site has more pages than that.
 */
export const SITEMAP_MAX_URLS = 50_000;

/**
 * The sitemap files, by name (without ".xml"): "sitemap" alone when every path fits in one;
 * else "sitemap" is a sitemap index of "sitemap-1" … "sitemap-N", each of at most `max`
 * paths, in order. `fileUrl` gives a file's site path (the index lists them absolute).
 */
export function sitemapFiles(site: string, paths: string[], fileUrl: (name: string) => string, max = SITEMAP_MAX_URLS): Map<string, () => string> {
  if (paths.length <= max) return new Map([['sitemap', () => sitemapXml(site, paths)]]);
  const parts = Array.from({ length: Math.ceil(paths.length / max) }, (_, i) => paths.slice(i * max, (i + 1) * max));
  const names = parts.map((_, i) => `sitemap-${i + 1}`);
  const index = names.map((n) => `<sitemap><loc>${escapeHtml(absoluteUrl(site, fileUrl(n)))}</loc></sitemap>`).join('\n');
  const files = new Map<string, () => string>([
    ['sitemap', () => `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${index}\n</sitemapindex>\n`],
  ]);
  names.forEach((n, i) => files.set(n, () => sitemapXml(site, parts[i]!)));
  return files;
}

/** "2021-07" → "2021-07-01T00:00:00Z": Atom needs full timestamps. */
export function atomDate(iso: string): string {
  const [y, m = '01', d = '01'] = iso.split('-');
  return `${y}-${m}-${d}T00:00:00Z`;
}

export interface FeedOptions {
  /** The configured site address, or null: links are then relative to the feed's own address. */
  site: string | null;
  /** Site path of the feed itself and of the home page. */
  feedPath: string;
  homePath: string;
  documentPath: (id: string) => string;
  title: string;
  limit?: number;
  /** An entry's summary (default: the document's summary or citation line). */
  summaryOf?: (node: GraphNode) => string;
  /** <updated> of a feed without entries (default 1970-01-01). */
  emptyUpdated?: string;
}

/**
 * An Atom id must be an absolute IRI and never change. With a site address it is the page's
 * URL; without one, a tag URI (RFC 4151) of the site path, which needs no host.
 */
export function atomId(site: string | null, sitePath: string): string {
  return site ? absoluteUrl(site, sitePath) : `tag:danvan-kb,2026:${sitePath}`;
}

export function atomFeed(nodes: GraphNode[], o: FeedOptions): string {
  const recent = [...nodes].sort(compareByDateDesc).slice(0, o.limit ?? 20);
  const updated = recent.length ? atomDate(recent[0]!.issued) : atomDate(o.emptyUpdated ?? '1970-01-01');
  const entries = recent.map((n) => {
    const url = absoluteUrl(o.site, o.documentPath(n.id));
    return [
      '<entry>',
      `<title>${escapeHtml(`${shortName(n)}: ${n.title}`)}</title>`,
      `<link href="${escapeHtml(url)}"/>`,
      `<id>${escapeHtml(atomId(o.site, o.documentPath(n.id)))}</id>`,
      `<updated>${atomDate(n.issued)}</updated>`,
      `<summary>${escapeHtml(o.summaryOf ? o.summaryOf(n) : (n.summary ?? n.citation))}</summary>`,
      '</entry>',
    ].join('');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">',
    `<title>${escapeHtml(o.title)}</title>`,
    `<link rel="self" href="${escapeHtml(absoluteUrl(o.site, o.feedPath))}"/>`,
    `<link href="${escapeHtml(absoluteUrl(o.site, o.homePath))}"/>`,
    `<id>${escapeHtml(atomId(o.site, o.feedPath))}</id>`,
    `<updated>${updated}</updated>`,
    '<author><name>danvan-kb</name></author>',
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}

/** Paths of the per-topic and per-document feeds, relative to the site base. */
export function topicFeedPath(topic: string): string {
  return `chu-de/${encodeURIComponent(topic)}/feed.xml`;
}
export function relatedFeedPath(id: string): string {
  return `van-ban/${encodeURIComponent(id)}/theo-doi.xml`;
}

/**
 * The documents that act on a document — replace, amend, repeal, carry out, guide,
 * continue, rest on or cite it — each once, with what it does, for the document's
 * "văn bản mới liên quan" feed.
 */
export function relatedFeedEntries(data: SiteData, id: string): { nodes: GraphNode[]; relationOf: (n: GraphNode) => string } {
  const labels = new Map<string, string[]>();
  const nodes = new Map<string, GraphNode>();
  for (const g of data.relationGroups(id)) {
    if (g.direction !== 'inverse') continue;
    for (const e of g.entries) {
      nodes.set(e.other.id, e.other);
      const list = labels.get(e.other.id) ?? [];
      // The entry is the acting document: "Triển khai, thực hiện Chỉ thị số 33/CT-TTg".
      const verb = RELATION_LABELS[g.type].forward;
      if (!list.includes(verb)) list.push(verb);
      labels.set(e.other.id, list);
    }
  }
  const self = data.node(id);
  const selfName = self ? shortName(self) : id;
  return {
    nodes: [...nodes.values()],
    relationOf: (n) => `${(labels.get(n.id) ?? []).join('; ')} ${selfName}. ${n.summary ?? n.citation}`,
  };
}

/**
 * One document's "văn bản mới liên quan" feed, /van-ban/<id>/theo-doi.xml: written for
 * every document by scripts/write-data-files.ts beside Astro, and served by the dev server
 * from src/pages/van-ban/[id]/theo-doi.xml.ts.
 */
export function relatedFeedXml(data: SiteData, node: GraphNode, urls: SiteUrls, site: string | null): string {
  const { nodes, relationOf } = relatedFeedEntries(data, node.id);
  return atomFeed(nodes, {
    site,
    feedPath: urls.path(relatedFeedPath(node.id)),
    homePath: urls.document(node.id),
    documentPath: urls.document,
    title: `Văn bản mới liên quan đến ${shortName(node)}`,
    limit: 30,
    summaryOf: relationOf,
    emptyUpdated: node.issued,
  });
}
