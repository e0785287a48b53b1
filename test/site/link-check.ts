/**
 * Checks a built site folder: every internal href/src resolves to a built file, every
 * #anchor to an element id, and no page carries inline script or style (the CSP forbids
 * them). Used by test/browser/links.test.ts on dist/ and on the subpath build.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface LinkProblem {
  page: string;
  link: string;
  problem: string;
}

export function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.html')) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** "van-ban/a/index.html" → "/base/van-ban/a/"; "404.html" → "/base/404.html". */
export function pageUrl(dir: string, file: string, base: string): string {
  const rel = relative(dir, file).split(sep).join('/');
  return base + (rel === 'index.html' ? '' : rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel);
}

function ids(html: string): Set<string> {
  return new Set([...html.matchAll(/\s(?:id|name)="([^"]+)"/g)].map((m) => m[1]!));
}

function decodeEntities(s: string): string {
  return s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
}

export function checkLinks(dir: string, base = '/'): { pages: number; links: number; problems: LinkProblem[] } {
  const files = htmlFiles(dir);
  const idCache = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let s = idCache.get(file);
    if (!s) {
      s = ids(readFileSync(file, 'utf8'));
      idCache.set(file, s);
    }
    return s;
  };
  const problems: LinkProblem[] = [];
  let links = 0;
  for (const file of files) {
    const html = readFileSync(file, 'utf8');
    const url = pageUrl(dir, file, base);
    for (const m of html.matchAll(/\s(href|src)="([^"]*)"/g)) {
      const raw = decodeEntities(m[2]!);
      if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(raw)) continue; // other origins, mailto:, data:
      links++;
      const target = new URL(raw, `http://site${url}`);
      const targetPath = decodeURIComponent(target.pathname);
      if (!targetPath.startsWith(base)) {
        problems.push({ page: url, link: raw, problem: `ra ngoài base ${base}` });
        continue;
      }
      let targetFile = join(dir, targetPath.slice(base.length));
      if (targetPath.endsWith('/')) targetFile = join(targetFile, 'index.html');
      if (!existsSync(targetFile) || statSync(targetFile).isDirectory()) {
        problems.push({ page: url, link: raw, problem: 'không có tệp đích' });
        continue;
      }
      const fragment = decodeURIComponent(target.hash.slice(1));
      if (fragment && targetFile.endsWith('.html') && !idsOf(targetFile).has(fragment)) {
        problems.push({ page: url, link: raw, problem: `không có neo #${fragment}` });
      }
    }
  }
  return { pages: files.length, links, problems };
}

/** Inline <script> (other than JSON data blocks), <style> elements and style="" attributes. */
export function inlineCode(dir: string, base = '/'): LinkProblem[] {
  const out: LinkProblem[] = [];
  for (const file of htmlFiles(dir)) {
    const html = readFileSync(file, 'utf8');
    const page = pageUrl(dir, file, base);
    for (const m of html.matchAll(/<script\b([^>]*)>/g)) {
      const attrs = m[1]!;
      if (/\ssrc=/.test(attrs) || /type="application\/(?:ld\+)?json"/.test(attrs)) continue;
      out.push({ page, link: m[0], problem: 'script nội tuyến' });
    }
    for (const m of html.matchAll(/<style\b[^>]*>|\sstyle="[^"]*"/g)) out.push({ page, link: m[0], problem: 'style nội tuyến' });
  }
  return out;
}
