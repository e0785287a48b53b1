/**
 * Ranking rules for full-text search, as data and small pure functions shared by the
 * index builder (what each record carries, src/lib/search/build-index.ts) and the browser
 * (how a query's results are re-ordered).
 *
 * Why phrases: Vietnamese words are syllables, and a query typed without marks ("dan chu
 * co so") is four of the most common syllables of the corpus; every document contains
 * them, so word scores cannot tell the law on grassroots democracy from a plan that
 * mentions "cơ sở" once. The meaning is in adjacent pairs ("dân chủ", "cơ sở"). So the
 * name (type, trích yếu, aliases), topics and place of a record also carry their adjacent
 * pairs folded into one token ("danchu", "coso"), with the field they come from, and the
 * browser loads the query's pairs too and ranks records that carry them first, rarer pairs
 * and the record's own name counting more (rankByPairs). Body text gets no pair tokens:
 * pairs of every body would multiply the index.
 */
import { searchKey } from '../text/vietnamese.ts';
import { FIELD_NAME, FIELD_SUBJECT } from './index-format.ts';

/** Pair tokens are at least this long, so "ở cơ" ("oco") does not become a token but "cơ sở" does. */
const MIN_PAIR = 4;
/** Query pairs searched at most (each is one more small search). */
export const MAX_QUERY_PAIRS = 4;

/** Folded syllables of a text ("Dân chủ ở cơ sở" → ["dan", "chu", "o", "co", "so"]). */
export function foldedWords(text: string): string[] {
  return searchKey(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Adjacent pairs of a text as single tokens ("dân chủ ở cơ sở" → danchu, chuo, oco, coso). */
export function pairTokens(text: string): string[] {
  return [...new Set(pairSplits(text).map(([pair]) => pair))];
}

/** Each adjacent pair of a text (pairTokens) with the length of its first word, in text order, repeats included. */
export function pairSplits(text: string): Array<readonly [string, number]> {
  const words = foldedWords(text).filter((w) => !/^\d+$/.test(w));
  const out: Array<readonly [string, number]> = [];
  for (let i = 0; i + 1 < words.length; i++) {
    const pair = words[i]! + words[i + 1]!;
    if (pair.length >= MIN_PAIR) out.push([pair, words[i]!.length]);
  }
  return out;
}

/**
 * A document's own name as one text: its type before the trích yếu ("Chỉ thị" + "Về xây
 * dựng …"), unless the trích yếu starts with it already ("Luật Thực hiện …").
 */
export function ownName(typeName: string, title: string): string {
  return searchKey(title).startsWith(searchKey(typeName)) ? title : `${typeName} ${title}`;
}

/**
 * The pair tokens the browser searches for a folded query, in query order, at most
 * MAX_QUERY_PAIRS, leaving out the common ones (carried by more than COMMON_PAIR_SHARE of the records).
 */
export function queryPairs(folded: string, common: ReadonlySet<string> = new Set()): string[] {
  return pairTokens(folded)
    .filter((p) => !common.has(p))
    .slice(0, MAX_QUERY_PAIRS);
}

/**
 * A pair carried by more than this share of pages ("dân vận" in a corpus on dân vận)
 * says little about any one of them, and loading it would download its long posting list
 * with every first query: the browser skips it (it knows how many records carry a pair
 * from the word shard, index-format.ts).
 */
export const COMMON_PAIR_SHARE = 0.25;

export interface Ranked {
  /** Record ordinal. */
  id: number;
}

/** One record carrying a pair, with the fields it carries it in (FIELD_NAME | FIELD_SUBJECT bits). */
export interface PairHit {
  id: number;
  fields: number;
}

/** How strongly a record carries a pair: its own name counts 1, its topic or place ½, both 1½. */
export function pairStrength(hit: PairHit): number {
  return (hit.fields & FIELD_NAME ? 1 : 0) + (hit.fields & FIELD_SUBJECT ? 0.5 : 0);
}

/**
 * The pair tier of each record among `results` results (rankByPairs, rule 1), or null when no
 * pair is found: then rankByPairs keeps the order given.
 */
export function pairTiers(results: number, pairResults: ReadonlyArray<readonly PairHit[]>): ((id: number) => number) | null {
  if (!results || !pairResults.some((p) => p.length)) return null;
  const carried = new Map<number, number>();
  for (const list of pairResults) {
    if (!list.length) continue;
    const rarity = Math.log(1 + results / list.length);
    for (const hit of list) {
      const strength = pairStrength(hit);
      if (strength) carried.set(hit.id, (carried.get(hit.id) ?? 0) + rarity * strength);
    }
  }
  // Sums of the same terms in the same order are equal floats; rounding guards other orders.
  return (id) => Math.round((carried.get(id) ?? 0) * 1e6);
}

/**
 * Orders the results of a query:
 *  1. by the query pairs they carry: each pair adds its rarity among the results (log of
 *     results over pages with the pair) times its strength on the page (pairStrength). Equal
 *     sums are exact ties, whatever the pages' lengths;
 *  2. among equals, the foundation first: the document other corpus documents build on
 *     (its weight in `foundation`, src/lib/search/foundation.ts) before the decrees and plans
 *     that carry its name in theirs ("…thi hành Luật Thực hiện dân chủ ở cơ sở");
 *  3. then the order given (the score on the query's words, score.ts).
 * Without any pair found, the given order stands.
 */
export function rankByPairs<T extends Ranked>(
  results: readonly T[],
  pairResults: ReadonlyArray<readonly PairHit[]>,
  foundation: ReadonlyMap<number, number> = new Map(),
): T[] {
  const tier = pairTiers(results.length, pairResults);
  if (!tier) return [...results];
  return results
    .map((r, i) => ({ r, i, tier: tier(r.id), foundation: foundation.get(r.id) ?? 0 }))
    .sort((a, b) => b.tier - a.tier || b.foundation - a.foundation || a.i - b.i)
    .map((x) => x.r);
}

// --- Queries that are not worth searching ----------------------------------------------

export type QueryProblem = 'markup' | 'too-short' | 'no-words' | null;

/**
 * Why a query is not searched, or null. Markup ("<script>") is refused rather than
 * searched as the words it contains; a query whose words are all single letters ("x",
 * "a b") would match, by prefix, nearly every page.
 */
export function queryProblem(raw: string, folded: string): QueryProblem {
  if (/[<>]/.test(raw)) return 'markup';
  if (raw.trim() && !folded) return 'no-words';
  const words = folded.split(/[^a-z0-9]+/).filter(Boolean);
  if (words.length && words.every((w) => w.length < 2 && !/\d/.test(w))) return 'too-short';
  return null;
}

export const QUERY_PROBLEM_TEXT: Readonly<Record<Exclude<QueryProblem, null>, string>> = {
  markup: 'Từ khóa có ký tự “<” hoặc “>” của mã trang web, nên không được tìm. Hãy gõ số hiệu hoặc vài chữ trong tên văn bản.',
  'too-short': 'Từ khóa chỉ có chữ cái đơn lẻ, sẽ khớp với gần như mọi văn bản. Hãy gõ ít nhất một từ có từ hai chữ cái trở lên.',
  'no-words': 'Từ khóa chỉ có dấu câu hoặc ký hiệu, không có chữ hay số để tìm. Hãy gõ số hiệu hoặc vài chữ trong tên văn bản.',
};

// --- One-letter typos ------------------------------------------------------------------

/** A query word this long or longer, unknown to the index, is compared with known words. */
export const TYPO_MIN_TYPED = 4;
/** Only known words this long or longer are offered as the meant word ("quyn" → "quyen"). */
export const TYPO_MIN_KNOWN = 5;

/** True when a and b differ by one insertion, deletion, substitution or swap of neighbours. */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b) return false;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swap
  }
  return la < lb ? a.slice(i) === b.slice(i + 1) : a.slice(i + 1) === b.slice(i);
}

/** Known folded words with how many records carry them (from the word shards, index-format.ts). */
export interface Vocabulary {
  words: Record<string, number>;
}

/**
 * Corrects the query's unknown words that are one edit from a known word of at least
 * TYPO_MIN_KNOWN letters (the most frequent such word wins). Returns null when nothing
 * was corrected.
 */
export function correctQuery(folded: string, vocabulary: Vocabulary): string | null {
  const known = vocabulary.words;
  let changed = false;
  const words = folded.split(' ').map((w) => {
    if (w.length < TYPO_MIN_TYPED || /\d/.test(w) || w in known) return w;
    let best: string | null = null;
    for (const candidate of Object.keys(known)) {
      if (candidate.length < TYPO_MIN_KNOWN || !oneEditApart(w, candidate)) continue;
      if (best === null || known[candidate]! > known[best]!) best = candidate;
    }
    if (best === null) return w;
    changed = true;
    return best;
  });
  return changed ? words.join(' ') : null;
}
