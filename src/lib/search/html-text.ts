/**
 * Text of rendered body HTML, for search records (record.ts). The graph build's
 * output is well formed, so plain string work is enough: no DOM parser in the build.
 */
import { decodeEntities } from '../text/html.ts';

/** Visible-ish text of an HTML fragment: scripts, styles and tags removed, entities decoded. */
export function htmlText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style|template)\b[\s\S]*?<\/\1\s*>/gi, ' ')
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<[^>]*>/g, ' ')
      // A no-break space is a space to search.
      .replace(/&nbsp;/gi, ' '),
  );
}
