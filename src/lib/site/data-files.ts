/**
 * The site files made from data alone, with no page around them: every document's
 * "văn bản mới liên quan" feed and the open-data files. scripts/write-data-files.ts writes
 * them beside Astro (they are a third of Astro's files at 10,000 documents, each costing
 * Astro a Response, a folder and a write); under `npm run dev` the routes
 * src/pages/van-ban/[id]/theo-doi.xml.ts and src/pages/api/[file].json.ts serve them
 * from the same functions.
 */
import type { SiteData } from './data.ts';
import { safeSitePath } from './flat-outputs.ts';
import { relatedFeedPath, relatedFeedXml } from './feeds.ts';
import { OPEN_DATA_FILES, openDataPath, openDataPieces, type OpenDataFile } from './open-data.ts';
import type { SiteUrls } from './urls.ts';

export interface DataFile {
  /** Path of the file in the site folder, relative to it ("van-ban/<id>/theo-doi.xml"). */
  path: string;
  kind: 'feed' | 'open-data';
  /** The text: one string (a feed), or pieces to write one after another (open data). */
  content: string | Iterable<string>;
}

/**
 * A site path ("van-ban/x/theo-doi.xml", URL-encoded) as the file a static server serves
 * for it. Ids are slugs (ID_PATTERN), so this never leaves the site folder; a path that
 * would (see safeSitePath, or a segment holding "/" once decoded) throws instead.
 */
export function sitePathFile(sitePath: string): string {
  const segments = sitePath.split('/').map(decodeURIComponent);
  if (segments.some((s) => s.includes('/'))) throw new Error(`Đường dẫn tệp không hợp lệ: "${sitePath}"`);
  return safeSitePath(segments.join('/'));
}

/** Every data file of the site, the open-data files first; each is made when it is reached. */
export function* dataFiles(data: SiteData, urls: SiteUrls, site: string | null): Generator<DataFile> {
  for (const file of Object.keys(OPEN_DATA_FILES) as OpenDataFile[]) {
    yield { path: sitePathFile(openDataPath(file)), kind: 'open-data', content: openDataPieces(file, data, urls, site) };
  }
  for (const node of data.nodes) {
    yield { path: sitePathFile(relatedFeedPath(node.id)), kind: 'feed', content: relatedFeedXml(data, node, urls, site) };
  }
}
