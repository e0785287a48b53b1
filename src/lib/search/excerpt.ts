/**
 * Excerpts with the query's words marked, computed in the browser from the text of a
 * result's fragment (its summary and body, never its title: index-format.ts). Words are
 * compared by their folded key, so the query "dang" marks "Đảng" as written.
 */
import { searchKey } from '../text/vietnamese.ts';

export interface ExcerptPart {
  text: string;
  mark: boolean;
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** Query words as folded keys; the last one also matches as a prefix (the user may still be typing). */
export function queryTerms(folded: string): string[] {
  return [...new Set(folded.split(/[^a-z0-9]+/).filter(Boolean))];
}

export function buildExcerpt(text: string, terms: readonly string[], length = 32): ExcerptPart[] {
  const words = [...text.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length, key: searchKey(m[0]) }));
  if (!words.length) return [];
  const last = terms[terms.length - 1];
  const termOf = (key: string): number => {
    const exact = terms.indexOf(key);
    if (exact >= 0) return exact;
    return last !== undefined && last.length >= 2 && key.startsWith(last) ? terms.length - 1 : -1;
  };
  const hit = words.map((w) => termOf(w.key));

  // The window with the most distinct query words, then the most matches, earliest first.
  let best = 0;
  let bestDistinct = -1;
  let bestCount = -1;
  for (let start = 0; start < Math.max(1, words.length - length + 1); start++) {
    const slice = hit.slice(start, start + length).filter((h) => h >= 0);
    const distinct = new Set(slice).size;
    if (distinct > bestDistinct || (distinct === bestDistinct && slice.length > bestCount)) {
      best = start;
      bestDistinct = distinct;
      bestCount = slice.length;
    }
    if (!terms.length) break;
  }
  // Start a few words before the first match, so it reads in context.
  const firstHit = hit.findIndex((h, i) => i >= best && h >= 0);
  if (firstHit >= 0 && firstHit - best > 6) best = firstHit - 4;
  const end = Math.min(words.length, best + length);

  const parts: ExcerptPart[] = [];
  const push = (piece: string, mark: boolean) => {
    if (!piece) return;
    const prev = parts[parts.length - 1];
    if (prev && prev.mark === mark) prev.text += piece;
    else parts.push({ text: piece, mark });
  };
  if (best > 0) push('… ', false);
  let pos = words[best]!.start;
  for (let i = best; i < end; i++) {
    const w = words[i]!;
    push(text.slice(pos, w.start), false);
    push(text.slice(w.start, w.end), hit[i]! >= 0);
    pos = w.end;
  }
  const tailEnd = end < words.length ? words[end]!.start : text.length;
  push(text.slice(pos, tailEnd).trimEnd(), false);
  if (end < words.length) push(' …', false);
  return parts;
}
