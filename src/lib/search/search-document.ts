/**
 * The compact document Pagefind indexes for a built page, made from the page's own HTML.
 *
 * Why not the page as built: at 10,000 documents Pagefind's index chunks hold every
 * position of every word on every page, so a common word ("dân", "vận") costs ≈ 300 KB
 * to download and the first query passed 1 MB. Here each word of the body is indexed
 * once per page: a short readable lead (for excerpts), then, between two FOLD_SENTINELs,
 * every other distinct word once, the folded forms Pagefind cannot reach by itself
 * (see fold.ts) and the weighted number line. A page is still found by every word it
 * contains; what is lost is only how often a word repeats inside one page.
 *
 * Kept as they are: the filter, meta and sort elements, the h1 (Pagefind weights it; it
 * ends with TITLE_END so the browser can read the trích yếu back from the text) and
 * elements with data-pagefind-weight. Dropped: everything data-pagefind-ignore.
 */
import { normalizeOneLine, normalizeTonePlacement, searchKey } from '../text/vietnamese.ts';
import { TITLE_END } from './constants.ts';
import { FOLD_SENTINEL } from './fold.ts';
import { htmlText } from './html-fold.ts';
import { escapeHtml } from '../text/html.ts';

/**
 * Words of readable text kept in order at the start of the indexed text (the excerpt source:
 * with the page's header chrome ignored, the start of the summary). Each costs a position in
 * the index even when the word is already in the title, and the domain's common words
 * ("dân", "vận", "chính", "quyền") fill a lead: at 10,000 pages the first query
 * "dan van chinh quyen" loads 137.4 KB of index with 40 words, 126.9 KB with 20, 116.4 KB
 * with 12 and 104.8 KB with none.
 */
export const LEAD_WORDS = 12;

const BODY_OPEN = /<([a-zA-Z][\w-]*)\b[^>]*\bdata-pagefind-body\b[^>]*>/g;
const HTML_BODY_OPEN = /<(body)\b[^>]*>/g;
const IGNORE_OPEN = /<([a-zA-Z][\w-]*)\b[^>]*\bdata-pagefind-ignore\b[^>]*>/g;
const FIELD_ELEMENT = /<([a-zA-Z][\w-]*)\b[^>]*\bdata-pagefind-(?:filter|meta|sort)\b[^>]*>[\s\S]*?<\/\1\s*>/g;
const WEIGHTED_OPEN = /<([a-zA-Z][\w-]*)\b[^>]*\bdata-pagefind-weight="([\d.]+)"[^>]*>/g;
const H1_OPEN = /<(h1)\b[^>]*>/gi;
const SEARCH_DATE = /\bdata-search-date="([^"]*)"/;
const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

/** Where the close tag matching an element opened just before `from` starts and ends. */
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

/** Cuts the elements opened by `open` out of `html`: their inner HTML (with the open match) and what is left. */
function cutElements(html: string, open: RegExp): { cut: Array<{ match: RegExpExecArray; inner: string }>; rest: string } {
  const cut: Array<{ match: RegExpExecArray; inner: string }> = [];
  let rest = '';
  let last = 0;
  open.lastIndex = 0;
  for (let m = open.exec(html); m; m = open.exec(html)) {
    if (m.index < last) continue;
    const openEnd = m.index + m[0].length;
    const end = elementEnd(html, m[1]!, openEnd);
    cut.push({ match: m, inner: html.slice(openEnd, end.start) });
    rest += `${html.slice(last, m.index)} `;
    last = end.end;
    open.lastIndex = end.end;
  }
  return { cut, rest: rest + html.slice(last) };
}

const plain = (html: string) => normalizeOneLine(htmlText(html));

// The vocabulary of a corpus is small next to its text: each distinct token is keyed and
// folded once per process.
const keyCache = new Map<string, string>();
function keyOf(token: string): string {
  let key = keyCache.get(token);
  if (key === undefined) {
    key = token.replace(EDGE_PUNCTUATION, '').toLowerCase();
    keyCache.set(token, key);
  }
  return key;
}

const variantCache = new Map<string, readonly string[]>();
function variantsOf(lower: string): readonly string[] {
  let v = variantCache.get(lower);
  if (!v) {
    const out: string[] = [];
    if (lower.includes('đ')) out.push(searchKey(lower));
    const canonical = normalizeTonePlacement(lower);
    if (canonical !== lower) out.push(canonical);
    v = out;
    variantCache.set(lower, v);
  }
  return v;
}

/**
 * The compact HTML to index for a built page, or null when the page has nothing to index
 * (no data-pagefind-body element; with `wholeBody`, the <body> stands in for it).
 */
export function searchDocument(html: string, options: { wholeBody?: boolean } = {}): string | null {
  if (!options.wholeBody && !html.includes('data-pagefind-body')) return null;
  const bodies = cutElements(html, options.wholeBody ? HTML_BODY_OPEN : BODY_OPEN).cut.map((c) => c.inner);
  if (!bodies.length) return null;
  const inner = bodies.join(' ');

  // Filters, meta and sort values count even inside ignored elements (as Pagefind reads them).
  const fields = [...inner.matchAll(FIELD_ELEMENT)].map((m) => m[0]);
  const visible = cutElements(inner, IGNORE_OPEN).rest;
  const headings = cutElements(visible, H1_OPEN);
  const weighted = cutElements(headings.rest, WEIGHTED_OPEN);

  const title = headings.cut.map((c) => plain(c.inner)).join(' ');
  const text = plain(weighted.rest);
  const tokens = text ? text.split(' ') : [];
  const lead = tokens.slice(0, LEAD_WORDS).join(' ');

  const seen = new Set<string>();
  const mark = (s: string) => {
    for (const t of s.split(' ')) seen.add(keyOf(t));
  };
  mark(title);
  mark(lead);
  const rest: string[] = [];
  for (const token of tokens.slice(LEAD_WORDS)) {
    const key = keyOf(token);
    if (key && !seen.has(key)) {
      seen.add(key);
      rest.push(key);
    }
  }
  // Folded forms of every word on the page (title and lead included), each once.
  const folded: string[] = [];
  for (const key of [...`${title} ${lead}`.split(' ').map(keyOf), ...rest]) {
    for (const form of variantsOf(key)) {
      if (!seen.has(form)) {
        seen.add(form);
        folded.push(form);
      }
    }
  }

  const weightedHtml = weighted.cut
    .map((c) => `<span data-pagefind-weight="${c.match[2]}">${escapeHtml(plain(c.inner))}</span>`)
    .join(' ');
  return [
    '<!DOCTYPE html><html lang="vi"><body><div data-pagefind-body>',
    fields.length ? `<div hidden data-pagefind-ignore>${fields.join('')}</div>` : '',
    title ? `<h1>${escapeHtml(title)} ${TITLE_END}</h1>` : '',
    lead ? `<p>${escapeHtml(lead)}</p>` : '',
    `<p>${FOLD_SENTINEL} ${escapeHtml([...rest, ...folded].join(' '))} ${weightedHtml} ${FOLD_SENTINEL}</p>`,
    '</div></body></html>',
  ].join('');
}

/** The date of issue a document page carries for the date order (SearchIndexFields), or null. */
export function searchDate(html: string): string | null {
  return SEARCH_DATE.exec(html)?.[1] ?? null;
}
