/**
 * The one HTML/XML escaper and entity decoder of the project (pages, diagrams, feeds, the
 * sitemap, the search documents and heading labels all use these two functions).
 *
 * The body renderer (src/lib/render/fast-html.ts) is the exception on purpose: it must write
 * the very bytes hast-util-to-html writes ("&#x3C;"), since its output is compared with the
 * unified renderer's; decodeEntities reads that form too.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Characters XML 1.0 does not allow at all (C0 controls but tab and line ends, lone
 * surrogate halves, U+FFFE, U+FFFF): the check refuses them in content
 * (src/lib/content/field-safety.ts); dropping them here keeps feed.xml well-formed whatever
 * reaches it.
 */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Cs}/gu;

/** Text safe inside an element or a quoted attribute of HTML, SVG or XML. */
export function escapeHtml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };

/** Decodes character references: the named ones the site writes, and every numeric one ("&#39;", "&#x26;"). */
export function decodeEntities(html: string): string {
  return html.replace(/&(#[xX][0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\uFFFD';
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}
