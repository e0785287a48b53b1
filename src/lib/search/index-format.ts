/**
 * The static search index of our own (written by scripts/index-search.ts, read by
 * src/scripts/search-engine.ts): names, layout and the posting encoding. Shared by the
 * builder and the browser bundle, so no Node APIs here.
 *
 * Why not Pagefind: its code and WebAssembly (≈ 85 KB) and its per-page table (68 KB at
 * 10,000 pages, linear) are loaded by every first query, and a split Pagefind index loads
 * every part's table (benchmarks/search.md, rounds 3–4). Here a query loads only:
 *   - the manifest `tim-kiem/chi-muc.json` (fetched with `cache: 'no-cache'`): the version
 *     folder, the number of documents and records, and which word shards exist;
 *   - the shard of each query word (`s/<first two letters>.json`): the words, word pairs
 *     and exact spellings (of those words) of the corpus starting with those letters, with how many
 *     records carry each (so the browser never asks for a file that does not exist, ranks
 *     by rarity before loading anything else, completes the word being typed and corrects a
 *     one-letter typo);
 *   - one posting file per query word (`w/<word>.txt`), per exact spelling when the query has
 *     diacritics (`x/<code>.txt`) and per uncommon word pair (`p/<pair>.txt`);
 *   - one fragment per result shown (`f/<ordinal>.json`).
 * Filter lists (`l/<key>.json`), read when a filter is used or the filter control opened,
 * and the foundation weights (`nen-tang.json`) complete it. Nothing per document is loaded
 * by a first query: record ordinals follow the date of issue (oldest first), so sorting by
 * date needs no table, and browsing pages have the ordinals after the documents, so they are
 * known as pages before any fragment is fetched.
 *
 * Everything but the manifest lives under `tim-kiem/chi-muc/<version>/`, where the version
 * is a hash of the files: a new build never mixes with files a browser cached from an old one.
 */
import { normalizeText, normalizeTonePlacement, searchKey } from '../text/vietnamese.ts';

/** The manifest, relative to the site base. */
export const MANIFEST_FILE = 'tim-kiem/chi-muc.json';
/** Folder of the versioned index files, relative to the site base. */
export const INDEX_DIR = 'tim-kiem/chi-muc';

export interface IndexManifest {
  /** Layout version of this format. */
  format: 1;
  /** Hash of every index file: the folder under INDEX_DIR. */
  version: string;
  /** Documents have ordinals [0, documents), oldest first; browsing pages [documents, records). */
  documents: number;
  records: number;
  /** Shard keys that exist (see shardKey), sorted. */
  shards: string[];
}

/**
 * Where a word was found in a record, as bits: a word of the record's own name (trích yếu,
 * short name with the number, aliases, the number forms people type) or of what it is filed
 * under (topics, province, issuer). 0: only in the body (summary, text, properties).
 */
export const FIELD_NAME = 2;
export const FIELD_SUBJECT = 1;

/** One word's postings: record ordinals, ascending, and the field bits of each. */
export interface Postings {
  ordinals: number[];
  fields: number[];
}

/** Shard of a folded word or pair: its first two characters (an exact spelling goes with its folded word). */
export function shardKey(word: string): string {
  return word.slice(0, 2);
}

/** Longest indexed word: longer tokens are codes or garbage nobody types. */
export const MAX_WORD = 32;

export interface Shard {
  /** Folded word → records carrying it. */
  w: Record<string, number>;
  /** Exact spelling code (exactCode) → records carrying that spelling. */
  x?: Record<string, number>;
  /** Word pair (ranking.ts pairTokens) → records carrying it in their name or subject. */
  p?: Record<string, number>;
}

/**
 * Postings as text, in one of two forms, whichever suits the list:
 *  - sparse: for each record, (ordinal − previous ordinal) × 4 + field bits, in decimal,
 *    comma-separated ("0,6,5,35");
 *  - dense, for a word in at least half of the records up to its last one: "=" then one
 *    character per ordinal from 0 to the last, "." for a record without the word, else its
 *    field bits ("=2.01"). A word in nearly every document costs ≈ 2 bits per record after
 *    gzip this way, against ≈ 3 in the sparse form (its deltas are all 1; the separators
 *    and digits were the difference), ≈ 20 % less for the common words of a first query.
 * Text rather than binary because a static host compresses text.
 */
export function encodePostings(ordinals: readonly number[], fields: readonly number[] = []): string {
  return encodePacked(ordinals.map((o, i) => o * 4 + ((fields[i] ?? 0) & 3)));
}

/**
 * encodePostings of postings packed one number per record, ordinal × 4 + field bits: the
 * form the index builder keeps them in (one array per key, no pair of arrays per key).
 */
export function encodePacked(packed: readonly number[]): string {
  const n = packed.length;
  for (let i = 1; i < n; i++) {
    if (packed[i]! >> 2 <= packed[i - 1]! >> 2) throw new Error(`postings not ascending at ${i}: ${packed[i]! >> 2} after ${packed[i - 1]! >> 2}`);
  }
  if (!n) return '';
  const span = (packed[n - 1]! >> 2) + 1;
  if (n * 2 >= span) {
    // One character code per record, turned into text a chunk at a time (no string per record).
    const codes = new Uint16Array(span + 1).fill(46); // "."
    codes[0] = 61; // "="
    for (let i = 0; i < n; i++) codes[(packed[i]! >> 2) + 1] = 48 + (packed[i]! & 3);
    let text = '';
    for (let at = 0; at < codes.length; at += 8192) text += String.fromCharCode.apply(null, codes.subarray(at, at + 8192) as unknown as number[]);
    return text;
  }
  let text = String(packed[0]);
  for (let i = 1; i < n; i++) text += `,${packed[i]! - (packed[i - 1]! & ~3)}`;
  return text;
}

export function decodePostings(text: string): Postings {
  const ordinals: number[] = [];
  const fields: number[] = [];
  if (text.startsWith('=')) {
    for (let i = 1; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 46) continue; // "."
      if (c < 48 || c > 51) throw new Error(`bad dense posting "${text[i]}"`);
      ordinals.push(i - 1);
      fields.push(c - 48);
    }
    return { ordinals, fields };
  }
  if (!text) return { ordinals, fields };
  let ordinal = 0;
  let first = true;
  for (const part of text.split(',')) {
    const n = Number(part);
    if (!Number.isInteger(n) || n < 0) throw new Error(`bad posting "${part}"`);
    ordinal = (first ? 0 : ordinal) + Math.floor(n / 4);
    first = false;
    ordinals.push(ordinal);
    fields.push(n & 3);
  }
  return { ordinals, fields };
}

/** Filter lists of one filter key: its values and, for each, the records carrying it (encodePostings without bits). */
export interface FilterFile {
  values: string[];
  lists: string[];
}

/** A fragment: what a result shows, fetched only for the results on screen. */
export interface Fragment {
  /** URL relative to the site base. */
  u: string;
  /** Short name (documents) or page title. */
  t: string;
  /** Trích yếu ("" for a browsing page). */
  s: string;
  /** Date, issuer, status (documents), or the kind of page. */
  d: string[];
  /** Plain text the excerpt is cut from (summary and body, capped): never the title again. */
  x: string;
}

// Vietnamese marks written as digits after their letter (VNI style), so an exact spelling
// has an ASCII file name: "đảng" → "d9a3ng", "uỷ" (new placement "ủy") → "u3y".
const MARK_CODES: Readonly<Record<string, string>> = {
  '\u0301': '1',
  '\u0300': '2',
  '\u0309': '3',
  '\u0303': '4',
  '\u0323': '5',
  '\u0302': '6',
  '\u031b': '7',
  '\u0306': '8',
};

/**
 * The exact-spelling code of a word with diacritics (lower case, tone placement made
 * canonical), or null for a word without any (its folded form is its spelling).
 */
export function exactCode(word: string): string | null {
  const lower = normalizeTonePlacement(word.toLowerCase());
  if (searchKey(lower) === lower) return null;
  let out = '';
  for (const ch of lower.replace(/đ/g, 'd\u0000').normalize('NFD')) {
    if (ch === '\u0000') out += '9';
    else if (/[a-z0-9]/.test(ch)) out += ch;
    else out += MARK_CODES[ch] ?? `_${ch.codePointAt(0)!.toString(16)}`;
  }
  return out;
}

/** A character of a word: letters, marks and digits of any script. */
export const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const TOKEN = new RegExp(`${WORD_CHAR.source}+`, 'gu');
const FOLDED_WORD = /^[a-z0-9]+$/;

/**
 * The keys of a token (a run of WORD_CHAR in normalised, lower-case text): its folded word
 * and its exact-spelling code or null; null for a token that is no word of the index
 * (folded, not plain ASCII letters and digits, or longer than MAX_WORD). Each distinct
 * token is keyed once per process.
 */
const tokenCache = new Map<string, readonly [string, string | null] | null>();
export function wordKeys(token: string): readonly [string, string | null] | null {
  let keys = tokenCache.get(token);
  if (keys === undefined) {
    const folded = searchKey(token);
    keys = FOLDED_WORD.test(folded) && folded.length <= MAX_WORD ? [folded, exactCode(token)] : null;
    tokenCache.set(token, keys);
  }
  return keys;
}

/** The folded words of a text with their exact-spelling codes (the browser for a query; the index builder reads texts with WordScanner, word-scan.ts, which gives the same words). */
export function textWords(text: string): Array<readonly [string, string | null]> {
  const out: Array<readonly [string, string | null]> = [];
  for (const [token] of normalizeText(text).toLowerCase().matchAll(TOKEN)) {
    const keys = wordKeys(token);
    if (keys) out.push(keys);
  }
  return out;
}

/** Paths of the index files inside the version folder. */
export const indexPath = {
  shard: (key: string) => `s/${key}.json`,
  word: (word: string) => `w/${word}.txt`,
  exact: (code: string) => `x/${code}.txt`,
  pair: (pair: string) => `p/${pair}.txt`,
  filter: (key: string) => `l/${key}.json`,
  fragment: (ordinal: number) => `f/${ordinal}.json`,
  foundation: () => 'nen-tang.json',
} as const;
