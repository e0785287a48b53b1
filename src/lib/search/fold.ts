/**
 * The folded copy of a page's text that makes Pagefind match Vietnamese the way people
 * type it. Pagefind already folds tone marks and vowel hats at search time, but it never
 * folds đ to d, and it treats old and new tone placement (uỷ, ủy) as different spellings.
 * So each page carries, in a hidden block, only the words Pagefind cannot reach by itself:
 * the d-form of every word with đ ("Đảng" → "dang") and the new-style spelling of every
 * old-style word ("uỷ" → "ủy"). The browser searches with the query in the same two forms.
 */
import { normalizeText, normalizeTonePlacement, searchKey } from '../text/vietnamese.ts';

/**
 * Marks where the folded block starts in a page's indexed text. Pagefind keeps it in the
 * text (so the browser can cut the block off before building an excerpt) but never indexes
 * it as a word, because it has no letter or digit.
 */
export const FOLD_SENTINEL = '⁂';

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** Distinct extra forms for the words of `text`, in order of first appearance. */
export function foldedVariants(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  const add = (form: string) => {
    if (!seen.has(form)) {
      seen.add(form);
      out.push(form);
    }
  };
  for (const [word] of normalizeText(text).matchAll(WORD)) {
    const lower = word.toLowerCase();
    if (/đ/.test(lower)) add(searchKey(lower));
    const canonical = normalizeTonePlacement(lower);
    if (canonical !== lower) add(canonical);
  }
  return out;
}

/** The text of the hidden block: the variants between two sentinels. Empty when there are none. */
export function foldedBlock(text: string): string {
  const variants = foldedVariants(text);
  return variants.length ? `${FOLD_SENTINEL} ${variants.join(' ')} ${FOLD_SENTINEL}` : '';
}

/** The page text without its folded block, wherever Pagefind put it in the text. */
export function withoutFoldedBlock(content: string): string {
  const start = content.indexOf(FOLD_SENTINEL);
  if (start < 0) return content;
  const end = content.indexOf(FOLD_SENTINEL, start + FOLD_SENTINEL.length);
  const tail = end < 0 ? '' : content.slice(end + FOLD_SENTINEL.length);
  return `${content.slice(0, start)} ${tail}`.replace(/\s+/g, ' ').trim();
}
