/**
 * Builds the files of the search index (index-format.ts) from the site's records
 * (record.ts), in memory and deterministically: the same records give the same files, byte
 * for byte, and the version is a hash of them. scripts/index-search.ts writes them out.
 */
import { createHash } from 'node:crypto';
import { FILTERS } from './constants.ts';
import {
  encodePostings,
  indexPath,
  MAX_WORD,
  textWords,
  shardKey,
  type FilterFile,
  type IndexManifest,
  type Shard,
} from './index-format.ts';
import { foundationFile } from './foundation.ts';
import { pairTokens } from './ranking.ts';
import type { SearchRecord } from './record.ts';

export interface BuiltIndex {
  manifest: IndexManifest;
  /** Path inside the version folder → content. */
  files: Map<string, string>;
  /** Distinct folded words, exact spellings and pairs indexed. */
  counts: { words: number; exact: number; pairs: number };
}

class PostingTable {
  readonly lists = new Map<string, { ordinals: number[]; fields: number[] }>();
  add(key: string, ordinal: number, fields: number): void {
    let list = this.lists.get(key);
    if (!list) this.lists.set(key, (list = { ordinals: [], fields: [] }));
    list.ordinals.push(ordinal);
    list.fields.push(fields);
  }
}

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * `foundation`: weight of the documents others build on, by document id (foundation.ts);
 * the FOUNDATION_MAX heaviest are written, by ordinal.
 */
export function buildSearchIndex(records: Iterable<SearchRecord>, foundation: ReadonlyMap<string, number> = new Map()): BuiltIndex {
  const words = new PostingTable();
  const exact = new PostingTable();
  const pairs = new PostingTable();
  const files = new Map<string, string>();
  const filterValues = new Map<string, Map<string, number[]>>(FILTERS.map(([key]) => [key, new Map()]));
  const ordinalOf = new Map<string, number>();
  /** Exact-spelling code → its folded word, whose shard lists it (the browser has that shard already). */
  const exactWord = new Map<string, string>();
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
    const wordFields = new Map<string, number>();
    const exactFields = new Map<string, number>();
    for (const { text, fields } of record.texts) {
      for (const [word, code] of textWords(text)) {
        wordFields.set(word, (wordFields.get(word) ?? 0) | fields);
        if (code) {
          exactFields.set(code, (exactFields.get(code) ?? 0) | fields);
          exactWord.set(code, word);
        }
      }
    }
    const pairFields = new Map<string, number>();
    for (const { text, fields } of record.pairTexts) {
      for (const pair of pairTokens(text)) if (pair.length <= MAX_WORD) pairFields.set(pair, (pairFields.get(pair) ?? 0) | fields);
    }
    for (const [word, fields] of wordFields) words.add(word, ordinal, fields);
    for (const [code, fields] of exactFields) exact.add(code, ordinal, fields);
    for (const [pair, fields] of pairFields) pairs.add(pair, ordinal, fields);
    files.set(indexPath.fragment(ordinal), JSON.stringify(record.fragment));
  }

  const shards = new Map<string, Shard>();
  const shardOf = (key: string, slot: 'w' | 'x' | 'p'): Shard => {
    const k = shardKey(slot === 'x' ? exactWord.get(key)! : key);
    let shard = shards.get(k);
    if (!shard) shards.set(k, (shard = { w: {} }));
    return shard;
  };
  const table = (postings: PostingTable, path: (key: string) => string, slot: 'w' | 'x' | 'p') => {
    for (const key of [...postings.lists.keys()].sort(byKey)) {
      const list = postings.lists.get(key)!;
      files.set(path(key), encodePostings(list.ordinals, list.fields));
      const shard = shardOf(key, slot);
      (shard[slot] ??= {})[key] = list.ordinals.length;
    }
  };
  table(words, indexPath.word, 'w');
  table(exact, indexPath.exact, 'x');
  table(pairs, indexPath.pair, 'p');
  const shardKeys = [...shards.keys()].sort(byKey);
  for (const key of shardKeys) files.set(indexPath.shard(key), JSON.stringify(shards.get(key)));

  for (const [key, values] of filterValues) {
    const names = [...values.keys()].sort(byKey);
    const file: FilterFile = { values: names, lists: names.map((v) => encodePostings(values.get(v)!)) };
    files.set(indexPath.filter(key), JSON.stringify(file));
  }

  const weights = new Map([...foundation.entries()].flatMap(([id, w]) => (ordinalOf.has(id) ? [[ordinalOf.get(id)!, w] as const] : [])));
  files.set(indexPath.foundation(), JSON.stringify(foundationFile(weights)));

  const hash = createHash('sha256');
  for (const path of [...files.keys()].sort(byKey)) hash.update(path).update('\0').update(files.get(path)!).update('\0');
  return {
    manifest: { format: 1, version: hash.digest('hex').slice(0, 12), documents, records: ordinal + 1, shards: shardKeys },
    files,
    counts: { words: words.lists.size, exact: exact.lists.size, pairs: pairs.lists.size },
  };
}
