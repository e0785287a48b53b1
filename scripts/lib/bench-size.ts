/**
 * Sizes of a built site: the whole folder on disk, and what one document page costs a
 * reader (its HTML plus the stylesheets it links, each gzip-compressed as a static host
 * would serve them). Scripts are left out: document pages load none up front.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export function folderSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const s = statSync(p);
      if (s.isDirectory()) walk(p);
      else {
        bytes += s.size;
        files++;
      }
    }
  };
  if (existsSync(dir)) walk(dir);
  return { bytes, files };
}

export interface PageTransfer {
  pages: number;
  /** gzip bytes of HTML + linked CSS. */
  median: number;
  max: number;
  maxPage: string;
  /** gzip bytes of the HTML alone, median. */
  medianHtml: number;
}

const gz = (b: Buffer | string) => gzipSync(b, { level: 6 }).length;

/** Transfer size of every page under dist/van-ban/<id>/ (list pages excluded). */
export function documentPageTransfer(dist: string, base = '/'): PageTransfer {
  const dir = join(dist, 'van-ban');
  const cssCache = new Map<string, number>();
  const sizes: { id: string; total: number; html: number }[] = [];
  for (const id of existsSync(dir) ? readdirSync(dir) : []) {
    const file = join(dir, id, 'index.html');
    // Numbered list pages (/van-ban/trang-2/) are not document pages.
    if (!existsSync(file) || /^(trang|page)-?\d*$/.test(id) || /^\d+$/.test(id)) continue;
    const html = readFileSync(file);
    let total = gz(html);
    const htmlGz = total;
    for (const m of html.toString('utf8').matchAll(/<link[^>]+rel="?stylesheet"?[^>]*>/g)) {
      const href = /href="?([^"\s>]+)/.exec(m[0])?.[1];
      if (!href || /^https?:/.test(href)) continue;
      const path = join(dist, href.startsWith(base) ? href.slice(base.length) : href);
      if (!cssCache.has(path)) cssCache.set(path, existsSync(path) ? gz(readFileSync(path)) : 0);
      total += cssCache.get(path)!;
    }
    sizes.push({ id, total, html: htmlGz });
  }
  if (!sizes.length) return { pages: 0, median: 0, max: 0, maxPage: '', medianHtml: 0 };
  const byTotal = [...sizes].sort((a, b) => a.total - b.total);
  const byHtml = sizes.map((s) => s.html).sort((a, b) => a - b);
  const top = byTotal[byTotal.length - 1]!;
  return {
    pages: sizes.length,
    median: byTotal[Math.floor(byTotal.length / 2)]!.total,
    max: top.total,
    maxPage: top.id,
    medianHtml: byHtml[Math.floor(byHtml.length / 2)]!,
  };
}
