/**
 * Ranking rules for full-text search, as data and small pure functions shared by the
 * index builder (what each page carries, at which weight) and the browser (how a query's
 * results are re-ordered). Kept apart from how the index is built, so that a different
 * builder (Pagefind's Node API with custom records, for instance) calls the same rules.
 *
 * Why phrases: Vietnamese words are syllables, and a query typed without marks ("dan chu
 * co so") is four of the most common syllables of the corpus; every document contains
 * them, so Pagefind's word scores cannot tell the law on grassroots democracy from a plan
 * that mentions "cơ sở" once. The meaning is in adjacent pairs ("dân chủ", "cơ sở"). So the
 * name (type, trích yếu, aliases), topics and place of a page also carry their adjacent
 * pairs folded into one token ("danchu", "coso"), and the browser searches the query's pairs
 * too and ranks pages that carry them first, rarer pairs and the page's own name counting
 * more (rankByPairs). Body text gets no pair tokens: its words are indexed once each
 * (search-document.ts), and pairs of every body would multiply the index.
 */
import { searchKey } from '../text/vietnamese.ts';

/**
 * The fields whose pairs a page carries, each as a hidden Pagefind meta field. As meta,
 * a pair search tells which field matched (Pagefind's `matchedMetaFields`) and scores all
 * its pages alike: a pair in a weighted body line is scored by the page's length too, so
 * a short plan outranked the long law it carries out on the same pair. Meta words are
 * indexed like body words (same chunks) but take no position in the text.
 */
export const RANK_FIELDS = {
  /** The document's own name: its type with the trích yếu, and its aliases ("Luật Thực hiện dân chủ ở cơ sở"). */
  name: { meta: 'cap_ten', strength: 1 },
  /** What it is filed under: topic names and the place (province, and the one it was merged into). */
  subject: { meta: 'cap_de', strength: 0.5 },
} as const;
// Issuer names carry no pairs on a document: thousands of documents share an issuer, its pairs
// only lengthen the index chunks a first query downloads, and the issuer's own page is a result.
export type RankField = keyof typeof RANK_FIELDS;

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
  const words = foldedWords(text).filter((w) => !/^\d+$/.test(w));
  const out = new Set<string>();
  for (let i = 0; i + 1 < words.length; i++) {
    const pair = words[i]! + words[i + 1]!;
    if (pair.length >= MIN_PAIR) out.add(pair);
  }
  return [...out];
}

/**
 * A document's own name as one text: its type before the trích yếu ("Chỉ thị" + "Về xây
 * dựng …"), unless the trích yếu starts with it already ("Luật Thực hiện …").
 */
export function ownName(typeName: string, title: string): string {
  return searchKey(title).startsWith(searchKey(typeName)) ? title : `${typeName} ${title}`;
}

/**
 * The ranking meta a page carries: for each field, its pair tokens, each once. Its single
 * words are not repeated: they are indexed from the page's own text already, and a second
 * copy of the corpus's commonest words ("dân", "vận") in every page would double the index
 * chunks the first query downloads.
 */
export function rankingMeta(fields: Partial<Record<RankField, readonly string[]>>): Array<{ key: string; text: string }> {
  const lines: Array<{ key: string; text: string }> = [];
  for (const field of Object.keys(RANK_FIELDS) as RankField[]) {
    const tokens = new Set<string>();
    for (const t of fields[field] ?? []) for (const w of pairTokens(t)) tokens.add(w);
    if (tokens.size) lines.push({ key: RANK_FIELDS[field].meta, text: [...tokens].join(' ') });
  }
  return lines;
}

/** The ranking meta elements in a page's search document: the field's key and its tokens (index builder side). */
export const RANK_META_ELEMENT = /<span data-pagefind-meta="(cap_[a-z]+)">([^<]*)<\/span>/g;

/**
 * The pair tokens the browser searches for a folded query, in query order, at most
 * MAX_QUERY_PAIRS, leaving out the common ones (see commonPairs).
 */
export function queryPairs(folded: string, common: ReadonlySet<string> = new Set()): string[] {
  return pairTokens(folded)
    .filter((p) => !common.has(p))
    .slice(0, MAX_QUERY_PAIRS);
}

/**
 * A pair carried by more than this share of pages ("dân vận" in a corpus on dân vận)
 * says little about any one of them, and searching it would download the index chunk of
 * its long page list with every first query (≈ 40 KB at 10,000 pages): the browser skips it.
 */
export const COMMON_PAIR_SHARE = 0.25;

/** File listing the common pairs, relative to the site base (written by scripts/index-search.ts). */
export const COMMON_PAIRS_FILE = 'tim-kiem/cap-tu-pho-bien.json';

/** Adds the pair tokens of one page (its ranking meta, all fields) to the counts (index builder side). */
export function countPairs(counts: Map<string, number>, pairText: string): void {
  for (const t of new Set(pairText.split(/\s+/).filter((w) => /^[a-z]{4,}$/.test(w)))) counts.set(t, (counts.get(t) ?? 0) + 1);
}

/** The pairs carried by more than COMMON_PAIR_SHARE of `pages`, sorted. */
export function commonPairs(counts: ReadonlyMap<string, number>, pages: number): string[] {
  return [...counts.entries()]
    .filter(([, n]) => n > pages * COMMON_PAIR_SHARE)
    .map(([t]) => t)
    .sort();
}

export interface Ranked {
  id: string;
  score: number;
}

/** One page found by a pair search, with the meta fields the pair was found in. */
export interface PairHit {
  id: string;
  matchedMetaFields?: readonly string[];
}

/** How strongly a page carries a pair: its own name counts 1, its topic or place ½, both 1½. */
export function pairStrength(hit: PairHit): number {
  const fields = new Set(hit.matchedMetaFields ?? []);
  let strength = 0;
  for (const field of Object.values(RANK_FIELDS)) if (fields.has(field.meta)) strength += field.strength;
  return strength;
}

/**
 * Orders the results of a query:
 *  1. by the query pairs they carry: each pair adds its rarity among the results (log of
 *     results over pages with the pair) times its strength on the page (pairStrength). Equal
 *     sums are exact ties, whatever the pages' lengths;
 *  2. among equals, the foundation first: the document other corpus documents build on
 *     (its weight in `foundation`, src/lib/search/foundation.ts) before the decrees and plans
 *     that carry its name in theirs ("…thi hành Luật Thực hiện dân chủ ở cơ sở");
 *  3. then Pagefind's own order (its score on the query's words).
 * Without any pair found, Pagefind's order stands.
 */
export function rankByPairs<T extends Ranked>(
  results: readonly T[],
  pairResults: ReadonlyArray<readonly PairHit[]>,
  foundation: ReadonlyMap<string, number> = new Map(),
): T[] {
  if (!results.length || !pairResults.some((p) => p.length)) return [...results];
  const n = results.length;
  const carried = new Map<string, number>();
  for (const list of pairResults) {
    if (!list.length) continue;
    const rarity = Math.log(1 + n / list.length);
    for (const hit of list) {
      const strength = pairStrength(hit);
      if (strength) carried.set(hit.id, (carried.get(hit.id) ?? 0) + rarity * strength);
    }
  }
  // Sums of the same terms in the same order are equal floats; rounding guards other orders.
  const tier = (id: string) => Math.round((carried.get(id) ?? 0) * 1e6);
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

/** The vocabulary file: folded words of the index with how many pages carry them. */
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

/** Adds a page's words to a vocabulary being built (index builder side). */
export function addToVocabulary(words: Map<string, number>, text: string): void {
  for (const w of new Set(foldedWords(text))) {
    if (w.length >= 2 && !/\d/.test(w)) words.set(w, (words.get(w) ?? 0) + 1);
  }
}

/** The vocabulary file's content, words in a stable order. */
export function vocabularyFile(words: Map<string, number>): Vocabulary {
  return { words: Object.fromEntries([...words.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) };
}

/** File of the vocabulary, relative to the site base. */
export const VOCABULARY_FILE = 'tim-kiem/tu-vung.json';
