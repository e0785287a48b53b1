/** Turns a generated body (.generated/bodies/…) into page HTML: real base, heading anchors. */
import { applyBase } from './urls.ts';
import { decodeEntities, escapeHtml } from '../text/html.ts';

export interface PreparedBody {
  html: string;
  /** Mentions of documents the corpus does not have (marked in the text). */
  unresolved: number;
  /** Headings with anchors, for a table of contents: [id, text]. */
  headings: { id: string; text: string; level: number }[];
}

/** The text of a heading's HTML (the renderer writes "&#x26;" for "&": every reference is decoded). */
function stripTags(html: string): string {
  return decodeEntities(html.replace(/<[^>]+>/g, '')).trim();
}

/**
 * `demote`: the body's own headings go one level down (## → h3), so that they sit under
 * the page's "Nội dung tóm tắt" / "Toàn văn" heading instead of beside it.
 */
export function prepareBody(html: string, base: string, options: { demote?: boolean } = {}): PreparedBody {
  const headings: PreparedBody['headings'] = [];
  const leveled = options.demote ? html.replace(/<(\/?)h([2-5])\b/g, (_m, slash: string, level: string) => `<${slash}h${Number(level) + 1}`) : html;
  const withAnchors = applyBase(leveled, base).replace(
    /<h([2-6])([^>]*?)\sid="([^"]+)"([^>]*)>([\s\S]*?)<\/h\1>/g,
    (_m, level: string, before: string, id: string, after: string, inner: string) => {
      const text = stripTags(inner);
      headings.push({ id, text, level: Number(level) });
      const link = `<a class="heading-anchor" href="#${id}" aria-label="${escapeHtml(`Liên kết đến mục “${text}”`)}">#</a>`;
      return `<h${level}${before} id="${id}"${after}>${inner} ${link}</h${level}>`;
    },
  );
  const unresolved = (html.match(/class="[^"]*\bcite-unresolved\b/g) ?? []).length;
  return { html: withAnchors, unresolved, headings };
}
