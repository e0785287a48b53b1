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
 *     diacritics (`x/<code>.txt`) and per uncommon word pair (`p/<pair>.txt`); for a common
 *     word, its field bits (`b/<word>.txt`) only when the order of the results shown needs them;
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
  /**
   * Word pair → length of its first word, for a pair made of the same two words wherever it
   * occurs ("tiepcong" is always "tiep" + "cong") and whose field bits are, in every record,
   * also the bits of those two words there: the browser then knows a word's fields in a record
   * from the pair without the word's field-bits file (search-engine.ts).
   */
  s?: Record<string, number>;
}

/**
 * Postings as text, in one of three forms, by how much of its span [0, last ordinal] a list
 * covers (postingsForm):
 *  - sparse, for a list covering less than 1/SET_DENSITY of its span or shorter than
 *    SET_MIN: for each record, (ordinal − previous ordinal) × 4 + field bits, in decimal,
 *    comma-separated ("0,6,5,35");
 *  - bitmap: "*" then one character per six ordinals of the span, each the BASE64 digit
 *    whose bit k says whether ordinal 6i + k carries the key ("*P" = ordinals 0–3);
 *  - complement, for a list missing at most 1/COMPLEMENT_SHARE of its span: "!", the span,
 *    ":", then the ordinals *without* the key, the first as is, then differences
 *    ("!10:4,3" = every ordinal of 0–9 but 4 and 7).
 * In both set forms the field bits are a stream of their own: three records per BASE64 digit
 * (record 3i in bits 0–1, 3i + 1 in bits 2–3, 3i + 2 in bits 4–5), in ordinal order, written
 *  - after ";" in the same file (pairs);
 *  - or in a file of their own (`b/<word>.txt`, a common word's documents: a query needs them
 *    only to order the results it shows, and often not even then, see search-engine.ts),
 *    those of the browsing pages (ordinals from `documents` on, few) staying in the posting
 *    file after "|<first page ordinal>:";
 *  - or nowhere (exact spellings and filter lists, whose bits nobody reads).
 *
 * Why: the field bits of a common word are most of its information (≈ 1.9 bits per record
 * for "cong" at 100,000 documents, where its presence is ≈ 0.15 bits), and one character
 * per record ("=" + a digit or "." per ordinal, the previous dense form) cost ≈ 2.4 bits
 * after gzip: gzip spends at least a bit per character, so three records per character let
 * it come close to the real information, and presence on its own compresses to almost
 * nothing for a word in nearly every record. Measured on the 100,000-document index
 * (benchmarks/search.md, round 6). Text rather than binary because a static host
 * compresses text.
 */
export const SET_MIN = 64;
export const SET_DENSITY = 16;
export const COMPLEMENT_SHARE = 20;
/** URL-safe base64 digits: a value 0–63 per character. */
export const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const BASE64_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++) BASE64_VALUE[BASE64.charCodeAt(i)] = i;

export type PostingsForm = 'sparse' | 'bitmap' | 'complement';

/** The form a list of `count` records whose last ordinal is span − 1 is written in (see above). */
export function postingsForm(count: number, span: number): PostingsForm {
  if (count < SET_MIN || count * SET_DENSITY < span) return 'sparse';
  return (span - count) * COMPLEMENT_SHARE <= span ? 'complement' : 'bitmap';
}

/** Where a set form's field bits go: after ";" in the same file, in a file of their own (but the pages' bits, see above), or nowhere. */
export type FieldsPlace = 'inline' | 'apart' | 'none';

export interface PostingsText {
  /** The posting file. */
  text: string;
  /** The field bits for a file of their own (fields 'apart', set forms only), else null. */
  fields: string | null;
}

/** Postings as a posting file (field bits inline by default; `fields[i]` belongs to `ordinals[i]`). */
export function encodePostings(ordinals: readonly number[], fields: readonly number[] = [], place: FieldsPlace = 'inline'): string {
  return encodePackedFiles(ordinals.map((o, i) => o * 4 + ((fields[i] ?? 0) & 3)), place).text;
}

/** Text from character codes, a chunk at a time (no string per record). */
function codesText(codes: Uint8Array): string {
  let text = '';
  for (let at = 0; at < codes.length; at += 8192) text += String.fromCharCode.apply(null, codes.subarray(at, at + 8192) as unknown as number[]);
  return text;
}

/** The field bits of packed postings, three records per BASE64 digit. */
function fieldsText(packed: readonly number[]): string {
  const codes = new Uint8Array(Math.ceil(packed.length / 3));
  for (let i = 0; i < codes.length; i++) {
    const at = i * 3;
    codes[i] = BASE64.charCodeAt((packed[at]! & 3) | ((packed[at + 1] ?? 0) & 3) << 2 | ((packed[at + 2] ?? 0) & 3) << 4);
  }
  return codesText(codes);
}

/**
 * Postings packed one number per record, ordinal × 4 + field bits (the form the index
 * builder keeps them in: one array per key, no pair of arrays per key), as posting files.
 * `pagesFrom`: the first browsing page's ordinal, whose records keep their bits inline when
 * the others' go apart.
 */
export function encodePackedFiles(packed: readonly number[], place: FieldsPlace, chosen?: PostingsForm, pagesFrom = Infinity): PostingsText {
  const n = packed.length;
  for (let i = 1; i < n; i++) {
    if (packed[i]! >> 2 <= packed[i - 1]! >> 2) throw new Error(`postings not ascending at ${i}: ${packed[i]! >> 2} after ${packed[i - 1]! >> 2}`);
  }
  if (!n) return { text: '', fields: null };
  const span = (packed[n - 1]! >> 2) + 1;
  // `chosen` lets the tests write a list in each form to compare their sizes.
  const form = chosen ?? postingsForm(n, span);
  if (form === 'sparse') {
    let text = String(packed[0]);
    for (let i = 1; i < n; i++) text += `,${packed[i]! - (packed[i - 1]! & ~3)}`;
    return { text, fields: null };
  }
  let presence: string;
  if (form === 'bitmap') {
    const bits = new Uint8Array(Math.ceil(span / 6));
    for (let i = 0; i < n; i++) {
      const o = packed[i]! >> 2;
      bits[(o / 6) | 0]! |= 1 << o % 6;
    }
    for (let i = 0; i < bits.length; i++) bits[i] = BASE64.charCodeAt(bits[i]!);
    presence = `*${codesText(bits)}`;
  } else {
    const absent: number[] = [];
    let next = 0;
    for (let i = 0; i < n; i++) {
      const o = packed[i]! >> 2;
      for (; next < o; next++) absent.push(next);
      next = o + 1;
    }
    presence = `!${span}:${absent.map((a, i) => (i ? a - absent[i - 1]! : a)).join(',')}`;
  }
  if (place === 'none') return { text: presence, fields: null };
  // Records from `pagesFrom` on (browsing pages) keep their bits in the posting file.
  let pages = n;
  while (pages > 0 && packed[pages - 1]! >> 2 >= pagesFrom) pages--;
  if (place === 'inline' || pages === 0) return { text: `${presence};${fieldsText(packed)}`, fields: null };
  const tail = pages < n ? `|${pagesFrom}:${fieldsText(packed.slice(pages))}` : '';
  return { text: presence + tail, fields: fieldsText(pages < n ? packed.slice(0, pages) : packed) };
}

/** True when a posting file is in a set form without its documents' field bits (they are in `b/<word>.txt`, or nowhere). */
export function fieldsApart(text: string): boolean {
  return (text.startsWith('*') || text.startsWith('!')) && !text.includes(';');
}

/**
 * Marks a record whose field bits are in a file not loaded yet (decodePresence): not a field,
 * so that merging it with others keeps it marked (score.ts scores such a record as unknown).
 */
export const FIELD_UNKNOWN = 4;

/** The record ordinals of a posting file, ascending (its field bits, wherever they are, unread). */
export function decodeOrdinals(text: string): number[] {
  return decodeBoth(text, null).ordinals;
}

/**
 * The postings of a posting file; `apart` is the field-bits file of a set form whose bits
 * are not inline (fieldsApart). A set form with no bits anywhere is an error here: read it
 * with decodeOrdinals.
 */
export function decodePostings(text: string, apart?: string): Postings {
  const { ordinals, fields } = decodeBoth(text, apart ?? null);
  if (!fields) throw new Error('posting file without field bits');
  return { ordinals, fields };
}

/**
 * The postings of a posting file without its field-bits file: records whose bits are there
 * carry FIELD_UNKNOWN (the pages' bits, in the posting file, are known).
 */
export function decodePresence(text: string): Postings {
  const { ordinals, fields } = decodeBoth(text, null, true);
  return { ordinals, fields: fields ?? ordinals.map(() => FIELD_UNKNOWN) };
}

/** Field bits from a BASE64 stream, three records per digit, into fields[from, from + count). */
function readFields(bits: string, fields: number[], from: number, count: number): void {
  if (bits.length !== Math.ceil(count / 3)) throw new Error(`field bits for ${bits.length * 3} records, ${count} expected`);
  for (let i = 0; i < count; i++) {
    const v = BASE64_VALUE[bits.charCodeAt((i / 3) | 0)] ?? -1;
    if (v < 0) throw new Error(`bad field bits "${bits[(i / 3) | 0]}"`);
    fields[from + i] = (v >> ((i % 3) * 2)) & 3;
  }
}

function decodeBoth(text: string, apart: string | null, unknown = false): { ordinals: number[]; fields: number[] | null } {
  const ordinals: number[] = [];
  if (!text) return { ordinals, fields: [] };
  const set = text[0] === '*' || text[0] === '!';
  if (!set) {
    const fields: number[] = [];
    let ordinal = 0;
    let first = true;
    for (const part of text.split(',')) {
      const n = Number(part);
      if (!part || !Number.isInteger(n) || n < 0) throw new Error(`bad posting "${part}"`);
      ordinal = (first ? 0 : ordinal) + Math.floor(n / 4);
      first = false;
      ordinals.push(ordinal);
      fields.push(n & 3);
    }
    return { ordinals, fields };
  }
  const semi = text.indexOf(';');
  const bar = semi < 0 ? text.indexOf('|') : -1;
  const presence = semi >= 0 ? text.slice(0, semi) : bar >= 0 ? text.slice(0, bar) : text;
  if (presence[0] === '*') {
    for (let i = 1; i < presence.length; i++) {
      const v = BASE64_VALUE[presence.charCodeAt(i)] ?? -1;
      if (v < 0) throw new Error(`bad bitmap posting "${presence[i]}"`);
      for (let k = 0; k < 6; k++) if (v & (1 << k)) ordinals.push((i - 1) * 6 + k);
    }
  } else {
    const colon = presence.indexOf(':');
    const span = Number(presence.slice(1, colon));
    if (colon < 0 || !Number.isInteger(span) || span < 1) throw new Error(`bad complement posting "${presence.slice(0, 20)}"`);
    let absent = -1;
    let next = 0;
    const gaps = presence.slice(colon + 1);
    for (const [i, part] of (gaps ? gaps.split(',') : []).entries()) {
      const n = Number(part);
      if (!part || !Number.isInteger(n) || n < (i ? 1 : 0)) throw new Error(`bad complement posting "${part}"`);
      absent = i ? absent + n : n;
      if (absent >= span) throw new Error(`complement posting beyond its span: ${absent}`);
      for (; next < absent; next++) ordinals.push(next);
      next = absent + 1;
    }
    for (; next < span; next++) ordinals.push(next);
  }
  const fields = new Array<number>(ordinals.length);
  if (semi >= 0) {
    readFields(text.slice(semi + 1), fields, 0, ordinals.length);
    return { ordinals, fields };
  }
  // Records before the pages' ordinal have their bits apart.
  let pages = ordinals.length;
  if (bar >= 0) {
    const colon = text.indexOf(':', bar);
    const from = Number(text.slice(bar + 1, colon));
    if (colon < 0 || !Number.isInteger(from) || from < 0) throw new Error(`bad pages' field bits "${text.slice(bar, bar + 20)}"`);
    while (pages > 0 && ordinals[pages - 1]! >= from) pages--;
    if (pages === ordinals.length) throw new Error('pages\' field bits without pages');
    readFields(text.slice(colon + 1), fields, pages, ordinals.length - pages);
  }
  if (apart !== null) readFields(apart, fields, 0, pages);
  else if (unknown) fields.fill(FIELD_UNKNOWN, 0, pages);
  else return { ordinals, fields: null };
  return { ordinals, fields };
}

/** Filter lists of one filter key: its values and, for each, the records carrying it (encodePostings, field bits unread: decodeOrdinals). */
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
  /** The field bits of a word whose posting file is in a set form (fieldsApart). */
  wordFields: (word: string) => `b/${word}.txt`,
  exact: (code: string) => `x/${code}.txt`,
  pair: (pair: string) => `p/${pair}.txt`,
  filter: (key: string) => `l/${key}.json`,
  fragment: (ordinal: number) => `f/${ordinal}.json`,
  foundation: () => 'nen-tang.json',
} as const;
