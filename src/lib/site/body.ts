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

export function prepareBody(html: string, base: string): PreparedBody {
  const headings: PreparedBody['headings'] = [];
  const withAnchors = applyBase(html, base).replace(
    /<h([2-4])([^>]*?)\sid="([^"]+)"([^>]*)>([\s\S]*?)<\/h\1>/g,
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
