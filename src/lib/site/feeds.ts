/**
 * Sitemap and Atom feed as strings. Deterministic: the feed's <updated> is the newest
 * document date, never the build time, so two builds of the same content are identical.
 */
import type { GraphNode } from '../graph/types.ts';
import { escapeHtml } from '../text/html.ts';
import { compareByDateDesc } from './data.ts';
import { absoluteUrl } from './urls.ts';
import { shortName } from './labels.ts';

export function sitemapXml(site: string, paths: string[]): string {
  const urls = paths.map((p) => `<url><loc>${escapeHtml(absoluteUrl(site, p))}</loc></url>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`;
}

/** "2021-07" → "2021-07-01T00:00:00Z": Atom needs full timestamps. */
export function atomDate(iso: string): string {
  const [y, m = '01', d = '01'] = iso.split('-');
  return `${y}-${m}-${d}T00:00:00Z`;
}

export interface FeedOptions {
  site: string;
  /** Site path of the feed itself and of the home page. */
  feedPath: string;
  homePath: string;
  documentPath: (id: string) => string;
  title: string;
  limit?: number;
}

export function atomFeed(nodes: GraphNode[], o: FeedOptions): string {
  const recent = [...nodes].sort(compareByDateDesc).slice(0, o.limit ?? 20);
  const updated = recent.length ? atomDate(recent[0]!.issued) : '1970-01-01T00:00:00Z';
  const entries = recent.map((n) => {
    const url = absoluteUrl(o.site, o.documentPath(n.id));
    return [
      '<entry>',
      `<title>${escapeHtml(`${shortName(n)}: ${n.title}`)}</title>`,
      `<link href="${escapeHtml(url)}"/>`,
      `<id>${escapeHtml(url)}</id>`,
      `<updated>${atomDate(n.issued)}</updated>`,
      `<summary>${escapeHtml(n.summary ?? n.citation)}</summary>`,
      '</entry>',
    ].join('');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">',
    `<title>${escapeHtml(o.title)}</title>`,
    `<link rel="self" href="${escapeHtml(absoluteUrl(o.site, o.feedPath))}"/>`,
    `<link href="${escapeHtml(absoluteUrl(o.site, o.homePath))}"/>`,
    `<id>${escapeHtml(absoluteUrl(o.site, o.homePath))}</id>`,
    `<updated>${updated}</updated>`,
    '<author><name>danvan-kb</name></author>',
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
