/**
 * A common word's field bits live in a file of their own (index-format.ts), and the browser
 * (src/scripts/search-engine.ts) loads them only when the order of the results it shows
 * depends on them. This holds the engine to the same results, in the same order, as with
 * every bit loaded: on a generated index where common words are in set forms, the engine is
 * run against the index as built and against the same index with every bit inline (the
 * previous behaviour: nothing lazy), query by query, page by page.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../src/lib/search/build-index.ts';
import { FILTERS } from '../../src/lib/search/constants.ts';
import {
  decodePostings,
  encodePostings,
  FIELD_NAME,
  FIELD_SUBJECT,
  fieldsApart,
  INDEX_DIR,
  indexPath,
  MANIFEST_FILE,
  type Shard,
} from '../../src/lib/search/index-format.ts';
import type { SearchRecord } from '../../src/lib/search/record.ts';
import { undecided, UNKNOWN_SCORE } from '../../src/lib/search/score.ts';
import { createEngine, type SortOrder } from '../../src/scripts/search-engine.ts';

/** mulberry32: the same corpus on every run. */
function random(seed: number) {
  return () => {
    let t = (seed = (seed + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOPICS = ['Tiếp công dân', 'Dân vận chính quyền', 'Xây dựng Đảng', 'Dân chủ cơ sở', 'Công tác dân tộc'];
const WORDS = ['tiếp', 'công', 'dân', 'vận', 'chính', 'quyền', 'xây', 'dựng', 'đảng', 'cơ', 'sở', 'nhân', 'tộc', 'hội', 'đoàn'];

/**
 * 600 documents and 4 browsing pages; a tenth of the documents are named after "Tiếp công dân"
 * and filed under it, another tenth named after it and filed elsewhere (so the pairs stay under
 * COMMON_PAIR_SHARE, and the second group's order depends on the words' fields).
 */
function corpus(): SearchRecord[] {
  const next = random(19);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const phrase = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const filters = Object.fromEntries(FILTERS.map(([key]) => [key, [] as string[]])) as unknown as NonNullable<SearchRecord['document']>['filters'];
  const records: SearchRecord[] = [];
  for (let i = 0; i < 600; i++) {
    const reception = i % 10 === 0;
    // Named after it but filed under another topic: the pairs in the name only.
    const named = reception || i % 10 === 5;
    const title = named ? `Về tiếp công dân ${phrase(2)}` : `Về ${phrase(4)}`;
    const topic = reception ? 'Tiếp công dân' : pick(TOPICS.slice(1));
    records.push({
      document: { id: `d${i}`, filters },
      texts: [
        { text: `Chỉ thị ${i} ${title}`, fields: FIELD_NAME },
        { text: topic, fields: FIELD_SUBJECT },
        { text: phrase(30), fields: 0 },
      ],
      pairTexts: [
        { text: `Chỉ thị ${title}`, fields: FIELD_NAME },
        { text: topic, fields: FIELD_SUBJECT },
      ],
      fragment: { u: `van-ban/d${i}/`, t: `Chỉ thị ${i}`, s: title, d: [], x: phrase(12) },
    });
  }
  for (const [i, topic] of TOPICS.slice(0, 4).entries()) {
    records.push({
      texts: [
        { text: topic, fields: FIELD_NAME },
        { text: phrase(20), fields: 0 },
      ],
      pairTexts: [{ text: topic, fields: FIELD_NAME }],
      fragment: { u: `chu-de/${i}/`, t: topic, s: '', d: [], x: '' },
    });
  }
  return records;
}

const built = buildSearchIndex(corpus());
/** The same index with every word's field bits in its posting file: the engine reads it as before, nothing lazy. */
const inline = new Map(built.files);
for (const [path, content] of built.files) {
  if (!path.startsWith('w/') || !fieldsApart(content.toString())) continue;
  const word = path.slice(2, -4);
  const list = decodePostings(content.toString(), built.files.get(indexPath.wordFields(word))!.toString());
  inline.set(path, Buffer.from(encodePostings(list.ordinals, list.fields)));
  inline.delete(indexPath.wordFields(word));
}

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

/** An engine reading `files` through a fetch that records what it was asked for. */
function engineOn(files: Map<string, Buffer>) {
  const asked: string[] = [];
  const dir = `${INDEX_DIR}/${built.manifest.version}/`;
  globalThis.fetch = (async (input: string | URL) => {
    const path = String(input).replace(/^\//, '');
    asked.push(path);
    if (path === MANIFEST_FILE) return new Response(JSON.stringify(built.manifest));
    const body = path.startsWith(dir) ? files.get(path.slice(dir.length)) : undefined;
    return body ? new Response(new Uint8Array(body)) : new Response('', { status: 404 });
  }) as typeof fetch;
  return { engine: createEngine('/'), asked };
}

async function results(files: Map<string, Buffer>, query: string, sort: SortOrder, pages: number[]) {
  const { engine, asked } = engineOn(files);
  const outcome = await engine.run({ query, filters: {}, sort });
  const shown: string[][] = [];
  let from = 0;
  for (const count of pages) {
    shown.push((await outcome.page(from, count)).map((p) => p.url));
    from += count;
  }
  return { total: outcome.total, pages: outcome.pages.map((p) => p.url), shown, asked: [...asked] };
}

describe('field bits loaded only when the order needs them', () => {
  it('writes common words in set forms with their documents\' bits apart and the pages\' bits inline', () => {
    const cong = built.files.get(indexPath.word('cong'))!.toString();
    expect(fieldsApart(cong)).toBe(true);
    expect(cong).toContain(`|${built.manifest.documents}:`);
    // "tiepcong" is always "tiep" + "cong", and those words carry its fields: the shard says so.
    expect((JSON.parse(built.files.get(indexPath.shard('ti'))!.toString()) as Shard).s?.['tiepcong']).toBe(4);
  });

  it('claims a pair\'s words only when the pair is always the same two words, carrying its fields', () => {
    const record = (name: string, pairName: string, body = ''): SearchRecord => ({
      texts: [
        { text: name, fields: FIELD_NAME },
        { text: body, fields: 0 },
      ],
      pairTexts: [{ text: pairName, fields: FIELD_NAME }],
      fragment: { u: `chu-de/${name}/`, t: name, s: '', d: [], x: '' },
    });
    const splits = (records: SearchRecord[]) => (JSON.parse(buildSearchIndex(records).files.get(indexPath.shard('ab'))!.toString()) as Shard).s ?? {};
    expect(splits([record('ab cd', 'ab cd'), record('ab cd xy', 'ab cd')])).toEqual({ abcd: 2 });
    // "abcd" made two ways: "ab" + "cd" and "abc" + "d".
    expect(splits([record('ab cd', 'ab cd'), record('abc d', 'abc d')])).toEqual({});
    // The pair in the name, its words only in the body: their fields are not the pair's.
    expect(splits([record('ab cd', 'ab cd'), record('xy', 'ab cd', 'ab cd')])).toEqual({});
  });

  const queries: Array<[string, SortOrder]> = [
    ['tiep cong dan', 'relevance'],
    ['tiếp công dân', 'relevance'],
    ['dan van chinh quyen', 'relevance'],
    ['cong', 'relevance'],
    ['xay dung da', 'relevance'],
    ['co so nhan', 'relevance'],
    ['tiep cong dan', 'newest'],
    ['dan toc', 'oldest'],
  ];
  for (const [query, sort] of queries) {
    it(`gives the same results in the same order for "${query}" (${sort})`, async () => {
      // Page by page as the search page shows them, and a window ending inside the second group.
      for (const plan of [[10, 10, 1000], [10, 100]]) {
        const reference = await results(inline, query, sort, plan);
        const lazy = await results(built.files, query, sort, plan);
        expect(reference.total).toBeGreaterThan(0);
        expect(lazy.total).toBe(reference.total);
        expect(lazy.pages).toEqual(reference.pages);
        expect(lazy.shown).toEqual(reference.shown);
      }
    });
  }

  it('shows the first page of "tiep cong dan" without any field-bits file, and loads them when paging past what the pairs tell', async () => {
    const { engine, asked } = engineOn(built.files);
    const outcome = await engine.run({ query: 'tiep cong dan', filters: {}, sort: 'relevance' });
    await outcome.page(0, 10);
    expect(asked.filter((p) => p.includes('/b/'))).toEqual([]);
    await outcome.page(10, outcome.total);
    expect(asked.filter((p) => p.includes('/b/')).length).toBeGreaterThan(0);
  });

  it('needs no field bits to sort by date', async () => {
    const lazy = await results(built.files, 'dan van', 'newest', [10, 1000]);
    expect(lazy.asked.filter((p) => p.includes('/b/'))).toEqual([]);
  });
});

describe('undecided', () => {
  const group = (id: number) => String(Math.floor(id / 10));
  it('lists the unknown scores of the groups with more than one member reaching into the window', () => {
    const scored = (ids: number[], unknown: number[]) => ids.map((id) => ({ id, score: unknown.includes(id) ? UNKNOWN_SCORE : 1 }));
    // Groups {1, 2}, {11}, {21, 22}: an unknown score in the third group matters only once the window reaches it.
    const list = scored([1, 2, 11, 21, 22], [11, 22]);
    expect(undecided(list, 3, group)).toEqual([]);
    expect(undecided(list, 4, group)).toEqual([22]);
    expect(undecided(scored([1, 2], [2]), 1, group)).toEqual([2]);
    expect(undecided([], 10, group)).toEqual([]);
  });
});
