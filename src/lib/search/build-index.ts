/**
 * Builds the files of the search index (index-format.ts) from the site's records
 * (record.ts), in memory and deterministically: the same records give the same files, byte
 * for byte, and the version is a hash of them. scripts/index-search.ts writes them out.
 */
import { createHash } from 'node:crypto';
import { FILTERS } from './constants.ts';
import {
  encodePackedFiles,
  encodePostings,
  type FieldsPlace,
  indexPath,
  MAX_WORD,
  shardKey,
  type FilterFile,
  type IndexManifest,
  type Shard,
} from './index-format.ts';
import { foundationFile } from './foundation.ts';
import { pairSplits } from './ranking.ts';
import type { SearchRecord } from './record.ts';
import { NO_SPELLING, WordScanner } from './word-scan.ts';

export interface BuiltIndex {
  manifest: IndexManifest;
  /**
   * Path inside the version folder → content, as the UTF-8 bytes written: encoded once, for
   * the version hash and the file alike, and held outside the JavaScript heap (10,000
   * fragments of a few KB each no longer pass through every young-generation collection).
   */
  files: Map<string, Buffer>;
  /** Distinct folded words, exact spellings and pairs indexed. */
  counts: { words: number; exact: number; pairs: number };
}

/**
 * The postings of one kind of key (folded words, spellings, pairs), keys by number: for
 * each key, its records as ordinal × 4 + field bits (encodePackedFiles). A record's keys are
 * gathered in typed arrays (which record last saw a key, with which bits) and appended when
 * the record ends: no map of strings and no object per record.
 */
class Postings {
  readonly lists: number[][] = [];
  private seenBy = new Int32Array(1024).fill(-1);
  private bits = new Uint8Array(1024);
  private readonly touched: number[] = [];
  private ordinal = -1;

  begin(ordinal: number): void {
    this.ordinal = ordinal;
  }

  note(id: number, fields: number): void {
    if (id >= this.seenBy.length) this.grow(id);
    if (this.seenBy[id] === this.ordinal) {
      this.bits[id]! |= fields;
      return;
    }
    this.seenBy[id] = this.ordinal;
    this.bits[id] = fields;
    this.touched.push(id);
  }

  /** The field bits noted for a key in the current record, or -1 when it has none there. */
  current(id: number): number {
    return id < this.seenBy.length && this.seenBy[id] === this.ordinal ? this.bits[id]! : -1;
  }

  end(): void {
    const base = this.ordinal * 4;
    for (const id of this.touched) (this.lists[id] ??= []).push(base + this.bits[id]!);
    this.touched.length = 0;
  }

  private grow(id: number): void {
    let size = this.seenBy.length * 2;
    while (size <= id) size *= 2;
    const seenBy = new Int32Array(size).fill(-1);
    seenBy.set(this.seenBy);
    const bits = new Uint8Array(size);
    bits.set(this.bits);
    this.seenBy = seenBy;
    this.bits = bits;
  }
}

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Texts whose pair tokens are remembered at most (pairsOfText). */
const PAIR_MEMO_MAX = 4096;

/**
 * `foundation`: weight of the documents others build on, by document id (foundation.ts);
 * the FOUNDATION_MAX heaviest are written, by ordinal.
 */
export function buildSearchIndex(records: Iterable<SearchRecord>, foundation: ReadonlyMap<string, number> = new Map()): BuiltIndex {
  const scanner = new WordScanner();
  const words = new Postings();
  const exact = new Postings();
  const pairs = new Postings();
  const pairKeys: string[] = [];
  const pairIds = new Map<string, number>();
  // Topic and place names recur across records: their pairs are made once each. Titles do
  // not recur, so the memo is emptied when it grows past what the registries could fill.
  const pairsOfText = new Map<string, Array<readonly [number, number]>>();
  // For each pair, the length of its first word while every occurrence splits the same way
  // and its words carry its bits in the record (Shard.s), else -1.
  const splitOf: number[] = [];
  const wordIds = new Map<string, number>();
  const wordId = (word: string) => {
    for (let id = wordIds.size; id < scanner.words.length; id++) wordIds.set(scanner.words[id]!, id);
    return wordIds.get(word);
  };
  const files = new Map<string, Buffer>();
  const put = (path: string, text: string) => files.set(path, Buffer.from(text, 'utf8'));
  const filterValues = new Map<string, Map<string, number[]>>(FILTERS.map(([key]) => [key, new Map()]));
  const ordinalOf = new Map<string, number>();
  let documents = 0;
  let ordinal = -1;

  for (const record of records) {
    ordinal++;
    if (record.document) {
      if (ordinal !== documents) throw new Error('documents must come before browsing pages');
      documents++;
      ordinalOf.set(record.document.id, ordinal);
      for (const [key] of FILTERS) {
        const values = filterValues.get(key)!;
        for (const value of new Set(record.document.filters[key])) {
          const list = values.get(value);
          if (list) list.push(ordinal);
          else values.set(value, [ordinal]);
        }
      }
    }
    words.begin(ordinal);
    exact.begin(ordinal);
    pairs.begin(ordinal);
    for (const { text, fields } of record.texts) {
      const count = scanner.scan(text);
      const out = scanner.out;
      for (let i = 0; i < count; i++) {
        words.note(out[i * 2]!, fields);
        const spelling = out[i * 2 + 1]!;
        if (spelling !== NO_SPELLING) exact.note(spelling, fields);
      }
    }
    for (const { text, fields } of record.pairTexts) {
      let ids = pairsOfText.get(text);
      if (!ids) {
        ids = [];
        for (const [pair, first] of pairSplits(text)) {
          if (pair.length > MAX_WORD) continue;
          let id = pairIds.get(pair);
          if (id === undefined) {
            pairIds.set(pair, (id = pairKeys.length));
            pairKeys.push(pair);
          }
          ids.push([id, first]);
        }
        if (pairsOfText.size >= PAIR_MEMO_MAX) pairsOfText.clear();
        pairsOfText.set(text, ids);
      }
      for (const [id, first] of ids) {
        pairs.note(id, fields);
        if (splitOf[id] === -1) continue;
        const pair = pairKeys[id]!;
        const a = wordId(pair.slice(0, first));
        const b = wordId(pair.slice(first));
        const carried = (w: number | undefined) => w !== undefined && (words.current(w) & fields) === fields;
        splitOf[id] = (splitOf[id] ?? first) === first && carried(a) && carried(b) ? first : -1;
      }
    }
    words.end();
    exact.end();
    pairs.end();
    put(indexPath.fragment(ordinal), JSON.stringify(record.fragment));
  }

  const shards = new Map<string, Shard>();
  /** Writes each key's postings and lists the key in its shard: keys in byte order, slot after slot. */
  const table = (
    keys: readonly string[],
    postings: Postings,
    path: (key: string) => string,
    slot: 'w' | 'x' | 'p',
    shardWord: (id: number) => string,
    place: FieldsPlace,
  ) => {
    const ids = keys.map((_, id) => id).sort((a, b) => byKey(keys[a]!, keys[b]!));
    for (const id of ids) {
      const list = postings.lists[id];
      if (!list) continue;
      const key = keys[id]!;
      const { text, fields } = encodePackedFiles(list, place, undefined, documents);
      put(path(key), text);
      if (fields !== null) put(indexPath.wordFields(key), fields);
      const k = shardKey(shardWord(id));
      let shard = shards.get(k);
      if (!shard) shards.set(k, (shard = { w: {} }));
      (shard[slot] ??= {})[key] = list.length;
    }
  };
  // A common word's field bits go in a file of their own, read only when the order of the
  // results shown depends on them; a spelling's bits are never read (it only puts records
  // first); a pair's are always read with it.
  table(scanner.words, words, indexPath.word, 'w', (id) => scanner.words[id]!, 'apart');
  // An exact spelling goes in its folded word's shard (the browser has that shard already).
  table(scanner.spellings, exact, indexPath.exact, 'x', (id) => scanner.words[scanner.spellingWord[id]!]!, 'none');
  table(pairKeys, pairs, indexPath.pair, 'p', (id) => pairKeys[id]!, 'inline');
  for (const id of pairKeys.map((_, id) => id).sort((a, b) => byKey(pairKeys[a]!, pairKeys[b]!))) {
    const pair = pairKeys[id]!;
    if (splitOf[id]! > 0 && pairs.lists[id]) (shards.get(shardKey(pair))!.s ??= {})[pair] = splitOf[id]!;
  }
  const shardKeys = [...shards.keys()].sort(byKey);
  for (const key of shardKeys) put(indexPath.shard(key), JSON.stringify(shards.get(key)));

  for (const [key, values] of filterValues) {
    const names = [...values.keys()].sort(byKey);
    const file: FilterFile = { values: names, lists: names.map((v) => encodePostings(values.get(v)!, [], 'none')) };
    put(indexPath.filter(key), JSON.stringify(file));
  }

  const weights = new Map([...foundation.entries()].flatMap(([id, w]) => (ordinalOf.has(id) ? [[ordinalOf.get(id)!, w] as const] : [])));
  put(indexPath.foundation(), JSON.stringify(foundationFile(weights)));

  const hash = createHash('sha256');
  for (const path of [...files.keys()].sort(byKey)) hash.update(path).update('\0').update(files.get(path)!).update('\0');
  return {
    manifest: { format: 1, version: hash.digest('hex').slice(0, 12), documents, records: ordinal + 1, shards: shardKeys },
    files,
    counts: { words: scanner.words.length, exact: scanner.spellings.length, pairs: pairKeys.length },
  };
}
