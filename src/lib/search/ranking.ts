/**
 * Ranking rules for full-text search, as data and small pure functions shared by the
 * index builder (what each page carries, at which weight) and the browser (how a query's
 * results are re-ordered). Kept apart from how the index is built, so that a different
 * builder (Pagefind's Node API with custom records, for instance) calls the same rules.
 *
 * Why phrases: Vietnamese words are syllables, and a query typed without marks ("dan chu
 * co so") is four of the most common syllables of the corpus; every document contains
 * them, so Pagefind's word scores cannot tell the law on grassroots democracy from a plan
 * that mentions "cơ sở" once. The meaning is in adjacent pairs ("dân chủ", "cơ sở"). So
 * the title, aliases, topics and place of a page also carry their adjacent pairs
 * folded into one token ("danchu", "coso") at a high weight, and the browser searches the
 * query's pairs too and ranks pages that carry them first, rarer pairs counting more.
 * Body text gets no pair tokens: its words are indexed once each (search-document.ts),
 * and pairs of every body would multiply the index.
 */
import { searchKey } from '../text/vietnamese.ts';

/** Pagefind weights (1–10) of the fields a page carries besides its text; the h1 weighs 7. */
export const FIELD_WEIGHTS = {
  /** Trích yếu and aliases ("Luật Thực hiện dân chủ ở cơ sở"): what the document is called. */
  name: 10,
  /** Topic names and the place (province, with the names of provinces merged into it). */
  subject: 6,
} as const;
// Issuer names carry no pairs on a document: thousands of documents share an issuer, its pairs
// only lengthen the index chunks a first query downloads, and the issuer's own page is a result.
export type RankField = keyof typeof FIELD_WEIGHTS;

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
 * The weighted text a page carries for ranking: for each field, its pair tokens. Its single
 * words are not repeated: they are indexed from the page's own text already, and a second
 * copy of the corpus's commonest words ("dân", "vận") in every page would double the index
 * chunks the first query downloads. The same token is kept once per field.
 */
export function rankingLines(fields: Partial<Record<RankField, readonly string[]>>): Array<{ weight: number; text: string }> {
  const lines: Array<{ weight: number; text: string }> = [];
  for (const field of Object.keys(FIELD_WEIGHTS) as RankField[]) {
    const texts = fields[field]?.filter((t) => t.trim()) ?? [];
    if (!texts.length) continue;
    const tokens = new Set<string>();
    for (const t of texts) for (const w of pairTokens(t)) tokens.add(w);
    if (tokens.size) lines.push({ weight: FIELD_WEIGHTS[field], text: [...tokens].join(' ') });
  }
  return lines;
}

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

/** Adds the ranking tokens of one page to the counts (index builder side). */
export function countPairs(counts: Map<string, number>, weightedText: string): void {
  // Pair tokens are folded letters; other weighted words (document numbers) are not pairs.
  for (const t of new Set(weightedText.split(/\s+/).filter((w) => /^[a-z]{4,}$/.test(w)))) counts.set(t, (counts.get(t) ?? 0) + 1);
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

/**
 * Orders the results of the query by the pairs they carry: each pair found adds its
 * rarity (log of results over pages with the pair) times how strongly the page carries it
 * (its score in the pair's search over the best score there, so a pair in the title
 * outweighs the same pair in a topic). Pagefind's own order breaks ties and ranks the rest.
 */
export function rankByPairs<T extends Ranked>(results: readonly T[], pairResults: ReadonlyArray<readonly Ranked[]>): T[] {
  if (!results.length || !pairResults.some((p) => p.length)) return [...results];
  const n = results.length;
  const boost = new Map<string, number>();
  for (const list of pairResults) {
    if (!list.length) continue;
    const rarity = Math.log(1 + n / list.length);
    const best = Math.max(...list.map((r) => r.score)) || 1;
    for (const r of list) boost.set(r.id, (boost.get(r.id) ?? 0) + rarity * (r.score / best));
  }
  const top = Math.max(...results.map((r) => r.score)) || 1;
  return results
    .map((r, i) => ({ r, i, key: (boost.get(r.id) ?? 0) + 0.25 * (r.score / top) }))
    .sort((a, b) => b.key - a.key || a.i - b.i)
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
