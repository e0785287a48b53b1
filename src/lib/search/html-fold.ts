/**
 * Adds the folded block (see fold.ts) to each data-pagefind-body element of a built page,
 * right after its opening tag, computed from that element's own text. Works on the HTML
 * string Astro wrote: the site's output is well formed, so counting open and close tags
 * of the body element's name is enough to find where it ends.
 */
import { foldedBlock } from './fold.ts';

const BODY_OPEN = /<([a-zA-Z][\w-]*)\b[^>]*\bdata-pagefind-body\b[^>]*>/g;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Visible-ish text of an HTML fragment: scripts, styles and tags removed, entities decoded. */
export function htmlText(html: string): string {
  return html
    .replace(/<(script|style|template)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : ' ';
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    });
}

/** Where the close tag matching the element opened just before `from` starts and ends. */
function elementEnd(html: string, tag: string, from: number): { start: number; end: number } {
  const re = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'gi');
  re.lastIndex = from;
  let depth = 1;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (m[1]) depth--;
    else if (!m[0].endsWith('/>')) depth++;
    if (depth === 0) return { start: m.index, end: m.index + m[0].length };
  }
  return { start: html.length, end: html.length };
}

const IGNORE_OPEN = /<([a-zA-Z][\w-]*)\b[^>]*\bdata-pagefind-ignore\b[^>]*>/g;

/** The fragment without the elements Pagefind does not index (data-pagefind-ignore). */
function withoutIgnored(html: string): string {
  let out = '';
  let last = 0;
  for (const m of html.matchAll(IGNORE_OPEN)) {
    if (m.index < last) continue;
    out += html.slice(last, m.index);
    last = elementEnd(html, m[1]!, m.index + m[0].length).end;
  }
  return out + html.slice(last);
}

export function injectFoldedBlocks(html: string): string {
  let out = '';
  let last = 0;
  for (const m of html.matchAll(BODY_OPEN)) {
    const openEnd = m.index + m[0].length;
    if (openEnd <= last) continue;
    const end = elementEnd(html, m[1]!, openEnd).start;
    const block = foldedBlock(htmlText(withoutIgnored(html.slice(openEnd, end))));
    out += html.slice(last, openEnd);
    if (block) out += `<div hidden data-search-fold>${block}</div>`;
    last = openEnd;
  }
  return out + html.slice(last);
}
