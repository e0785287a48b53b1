/**
 * The browser side of search, shared by the search page and the header box. Nothing here
 * runs until a search is wanted; then it reads the static index of our own
 * (src/lib/search/index-format.ts): the manifest, the shard and posting list of each query
 * word, the fragments of the results shown, and the number index for queries with a
 * document number — always under the site base, never a file for a word the query lacks.
 */
import { findDirectHits, type DirectHit } from '../lib/search/direct-hits.ts';
import { buildExcerpt, queryTerms, type ExcerptPart } from '../lib/search/excerpt.ts';
import { FILTERS } from '../lib/search/constants.ts';
import {
  decodeOrdinals,
  decodePostings,
  fieldsApart,
  INDEX_DIR,
  indexPath,
  MANIFEST_FILE,
  shardKey,
  textWords,
  type FilterFile,
  type Fragment,
  type IndexManifest,
  type Postings,
  type Shard,
} from '../lib/search/index-format.ts';
import { NUMBER_INDEX_DIR, shardOf, type NumberEntry } from '../lib/search/number-index.ts';
import { normalizeQuery, parseNumberQuery, type NormalizedQuery } from '../lib/search/query.ts';
import { COMMON_PAIR_SHARE, correctQuery, queryPairs, queryProblem, rankByPairs, type PairHit, type QueryProblem } from '../lib/search/ranking.ts';
import { intersectAll, scoreRecords, type Scored } from '../lib/search/score.ts';

export type SortOrder = 'relevance' | 'newest' | 'oldest';

export interface SearchRequest {
  query: string;
  filters: Record<string, string>;
  sort: SortOrder;
}

export interface ResultPage {
  url: string;
  title: string;
  summary: string;
  /** The trích yếu with the query's words marked. */
  summaryParts: ExcerptPart[];
  details: string[];
  excerpt: ExcerptPart[];
}

export interface SearchOutcome {
  query: NormalizedQuery;
  /** Why the query was not searched (markup, single letters), else null. */
  problem: QueryProblem;
  /** The query as searched after correcting a one-letter typo, else null. */
  corrected: string | null;
  direct: DirectHit[];
  /** Browsing pages (topic, province, issuer, course) that match, best first, at most PAGE_HITS. */
  pages: ResultPage[];
  /** Results per filter value, for the filter keys loaded so far (null when nothing was searched). */
  counts: Record<string, Record<string, number>> | null;
  /** Full-text results, a direct hit's own page included (the list leaves it out). */
  total: number;
  /** Results in the list (total less a direct hit's page). */
  listed: number;
  /** Loads the data of results [from, from + count). */
  page(from: number, count: number): Promise<ResultPage[]>;
}

export interface SearchEngine {
  base: string;
  run(request: SearchRequest): Promise<SearchOutcome>;
  directHits(query: string): Promise<DirectHit[]>;
  /** Loads every filter's lists, so that later runs count results per filter value. */
  filterValues(): Promise<void>;
}

/** Browsing pages shown above the full-text results. */
const PAGE_HITS = 3;
/**
 * How far down the full-text results a direct hit is looked for and dropped: one first page of the
 * search page. A document cited by many others can rank below the top three for its own number.
 */
const DIRECT_DEDUP_WINDOW = 10;
/** Fewer full-text results than this, and the query is checked for a one-letter typo. */
const FEW_RESULTS = 3;
/** Words a word being typed may stand for at most (the commonest completions). */
const COMPLETIONS = 5;

interface Index {
  manifest: IndexManifest;
  dir: string;
  shards: ReadonlySet<string>;
}

interface FilterLists {
  values: string[];
  lists: number[][];
  byValue: Map<string, number[]>;
}

export function createEngine(base: string): SearchEngine {
  /** Fetches under the base, once per path; a failed fetch is forgotten so it can be retried. */
  const cache = new Map<string, Promise<unknown>>();
  const load = <T>(path: string, read: (r: Response) => Promise<T>, init?: RequestInit): Promise<T> => {
    let p = cache.get(path) as Promise<T> | undefined;
    if (!p) {
      p = fetch(base + path, init).then((r) => {
        if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
        return read(r);
      });
      cache.set(path, p);
      p.catch(() => cache.delete(path));
    }
    return p;
  };
  const json = <T>(r: Response) => r.json() as Promise<T>;
  const text = (r: Response) => r.text();

  // The manifest is revalidated (no-cache): it names the version folder, whose files never change.
  const loadIndex = (): Promise<Index> =>
    load(MANIFEST_FILE, async (r) => {
      const manifest = await json<IndexManifest>(r);
      if (manifest.format !== 1) throw new Error(`search index format ${String(manifest.format)}`);
      return { manifest, dir: `${INDEX_DIR}/${manifest.version}/`, shards: new Set(manifest.shards) };
    }, { cache: 'no-cache' });

  const shard = async (index: Index, key: string): Promise<Shard | null> =>
    index.shards.has(key) ? load(index.dir + indexPath.shard(key), json<Shard>) : null;
  /** A pair's postings (field bits inline). */
  const postings = (index: Index, path: string): Promise<Postings> => load(index.dir + path, text).then((t) => decodePostings(t));
  /** The records of a posting file, field bits unread. */
  const ordinals = (index: Index, path: string): Promise<number[]> => load(index.dir + path, text).then(decodeOrdinals);
  /** A word's postings: its field bits are in a file of their own when its list is in a set form. */
  const wordPostings = async (index: Index, word: string): Promise<Postings> => {
    const list = await load(index.dir + indexPath.word(word), text);
    return decodePostings(list, fieldsApart(list) ? await load(index.dir + indexPath.wordFields(word), text) : undefined);
  };
  const fragment = (index: Index, ordinal: number): Promise<Fragment> => load(index.dir + indexPath.fragment(ordinal), json<Fragment>);
  const foundation = (index: Index): Promise<Map<number, number>> =>
    load(index.dir + indexPath.foundation(), json<Array<[number, number]>>).then((pairs) => new Map(pairs));
  const filterLists = (index: Index, key: string): Promise<FilterLists> =>
    load(index.dir + indexPath.filter(key), async (r) => {
      const file = await json<FilterFile>(r);
      const lists = file.lists.map(decodeOrdinals);
      return { values: file.values, lists, byValue: new Map(file.values.map((v, i) => [v, lists[i]!])) };
    });
  /** Filter keys whose lists were asked for: their counts are shown. */
  const countedKeys = new Set<string>();

  const numberShard = (serial: string): Promise<NumberEntry[]> =>
    load(`${NUMBER_INDEX_DIR}/${shardOf(serial)}.json`, json<NumberEntry[]>).catch(() => []);

  const directHits = async (query: string): Promise<DirectHit[]> => {
    const parsed = parseNumberQuery(query);
    if (!parsed) return [];
    return findDirectHits(parsed, await numberShard(parsed.serial));
  };

  /** The shards of these keys, loaded, by key (missing ones absent). */
  const shardsFor = async (index: Index, keys: Iterable<string>): Promise<Map<string, Shard>> => {
    const wanted = [...new Set(keys)];
    const loaded = await Promise.all(wanted.map((k) => shard(index, k)));
    return new Map(wanted.flatMap((k, i) => (loaded[i] ? [[k, loaded[i]!] as const] : [])));
  };

  /**
   * The indexed words a query word stands for: itself when the index has it; for the last
   * word (the one being typed) of two letters or more that the index lacks, its commonest
   * completions. Empty: no record can match.
   */
  const wordsFor = (word: string, last: boolean, shards: ReadonlyMap<string, Shard>): string[] => {
    const known = shards.get(shardKey(word))?.w ?? {};
    if (word in known) return [word];
    if (!last || word.length < 2) return [];
    return Object.keys(known)
      .filter((k) => k.startsWith(word))
      .sort((a, b) => known[b]! - known[a]! || (a < b ? -1 : 1))
      .slice(0, COMPLETIONS);
  };

  /** Records matching a folded query, scored, with the exact-spelling records first when the query has diacritics. */
  const match = async (index: Index, q: NormalizedQuery, exactFirst: boolean): Promise<{ found: Scored[]; shards: Map<string, Shard> }> => {
    const words = queryTerms(q.folded);
    // Exact spellings are listed in the shard of their folded word, which the query loads anyway.
    const spelled = exactFirst ? new Map(textWords(q.exact).flatMap(([word, code]) => (code ? [[code, word] as const] : []))) : new Map<string, string>();
    const codes = [...spelled.keys()];
    const shards = await shardsFor(index, words.map(shardKey));
    const forms = words.map((w, i) => wordsFor(w, i === words.length - 1, shards));
    if (!words.length || forms.some((f) => !f.length)) return { found: [], shards };
    const knownCodes = codes.filter((c) => c in (shards.get(shardKey(spelled.get(c)!))?.x ?? {}));
    const [lists, exactLists] = await Promise.all([
      Promise.all(forms.map((f) => Promise.all(f.map((w) => wordPostings(index, w))))),
      Promise.all(knownCodes.map((c) => ordinals(index, indexPath.exact(c)))),
    ]);
    // Only a query whose every spelled word is known as typed puts those records first.
    const exact = codes.length && knownCodes.length === codes.length ? new Set(intersectAll(exactLists)) : null;
    return { found: scoreRecords(lists.map((l) => ({ lists: l })), index.manifest.records, exact), shards };
  };

  /** Re-orders results by the query's uncommon word pairs in names, topics and places, the foundation first among equals (ranking.ts). */
  const rank = async (index: Index, results: Scored[], folded: string, shards: Map<string, Shard>): Promise<Scored[]> => {
    if (results.length < 2) return results;
    const all = queryPairs(folded);
    const more = await shardsFor(index, all.map(shardKey).filter((k) => !shards.has(k)));
    const carried = (p: string) => (shards.get(shardKey(p)) ?? more.get(shardKey(p)))?.p?.[p];
    const common = new Set(all.filter((p) => (carried(p) ?? 0) > index.manifest.records * COMMON_PAIR_SHARE));
    const pairs = queryPairs(folded, common).filter((p) => carried(p) !== undefined);
    if (!pairs.length) return results;
    const [lists, weights] = await Promise.all([
      Promise.all(pairs.map((p) => postings(index, indexPath.pair(p)))),
      foundation(index).catch(() => new Map<number, number>()),
    ]);
    const hits: PairHit[][] = lists.map((l) => l.ordinals.map((id, i) => ({ id, fields: l.fields[i]! })));
    return rankByPairs(results, hits, weights);
  };

  const toPage = (f: Fragment, terms: string[]): ResultPage => {
    // The excerpt is cut from the body text: the title and trích yếu are shown already.
    const excerpt = buildExcerpt(f.x, terms);
    return {
      url: base + f.u,
      title: f.t,
      summary: f.s,
      summaryParts: f.s ? buildExcerpt(f.s, terms, Number.MAX_SAFE_INTEGER) : [],
      details: f.d,
      // Without a query word in the text, the title and summary say more than its first lines.
      excerpt: excerpt.some((p) => p.mark) ? excerpt : [],
    };
  };

  const run = async (request: SearchRequest): Promise<SearchOutcome> => {
    const query = normalizeQuery(request.query);
    const filters = Object.entries(request.filters).filter(([key, v]) => v && FILTERS.some(([k]) => k === key));
    const empty = { corrected: null, pages: [], counts: null, total: 0, listed: 0, page: async () => [] };
    const problem = queryProblem(request.query, query.folded);
    if (problem) return { query, problem, direct: [], ...empty };
    const directPromise = directHits(query.exact);
    if (!query.folded && !filters.length) return { query, problem, direct: await directPromise, ...empty };

    const index = await loadIndex();
    const { documents } = index.manifest;
    for (const [key] of filters) countedKeys.add(key);
    const filterPromise = Promise.all(filters.map(([key, value]) => filterLists(index, key).then((f) => f.byValue.get(value) ?? [])));
    const isDocument = (id: number) => id < documents;

    let searched = query;
    let corrected: string | null = null;
    let found: Scored[];
    if (query.folded) {
      const exactFirst = query.hasDiacritics && request.sort === 'relevance';
      let matched = await match(index, query, exactFirst);
      if (matched.found.filter((r) => isDocument(r.id)).length < FEW_RESULTS && !filters.length) {
        const fixed = await correction(index, query.folded, matched.shards);
        if (fixed) {
          const again = normalizeQuery(fixed);
          const better = await match(index, again, false);
          if (better.found.filter((r) => isDocument(r.id)).length > matched.found.filter((r) => isDocument(r.id)).length) {
            matched = better;
            searched = again;
            corrected = fixed;
          }
        }
      }
      found = matched.found;
      if (request.sort === 'relevance') found = await rank(index, found, searched.folded, matched.shards);
    } else {
      // Filters alone: every document carrying them, newest first.
      found = [];
      for (let id = documents - 1; id >= 0; id--) found.push({ id, score: 0 });
    }
    if (filters.length) {
      const allowed = new Set(intersectAll(await filterPromise));
      found = found.filter((r) => allowed.has(r.id));
    }
    let results = found.filter((r) => isDocument(r.id));
    // Ordinals follow the date of issue: sorting by date needs no table.
    if (request.sort !== 'relevance') results = [...results].sort((a, b) => (request.sort === 'newest' ? b.id - a.id : a.id - b.id));

    const terms = queryTerms(searched.folded);
    const toPages = async (list: Scored[]) => (await Promise.all(list.map((r) => fragment(index, r.id)))).map((f) => toPage(f, terms));
    const pagesPromise = toPages(found.filter((r) => !isDocument(r.id)).slice(0, PAGE_HITS));
    const counts = countsFor(index, results);

    // A document reached directly by its number is not listed again among the full-text results.
    const direct = await directPromise;
    const total = results.length;
    if (direct.length && request.sort === 'relevance') {
      const directUrls = new Set(direct.filter((h) => !h.missing).map((h) => h.path));
      // The first page's fragments are fetched for display anyway.
      const head = results.slice(0, DIRECT_DEDUP_WINDOW);
      const heads = await Promise.all(head.map((r) => fragment(index, r.id)));
      results = [...head.filter((_, i) => !directUrls.has(heads[i]!.u)), ...results.slice(DIRECT_DEDUP_WINDOW)];
    }
    const page = (from: number, count: number) => toPages(results.slice(from, from + count));
    return { query, problem, corrected, direct, pages: await pagesPromise, counts: await counts, total, listed: results.length, page };
  };

  /** Results per value of each counted filter key. */
  const countsFor = async (index: Index, results: Scored[]): Promise<Record<string, Record<string, number>>> => {
    const ids = new Set(results.map((r) => r.id));
    const out: Record<string, Record<string, number>> = {};
    for (const [key] of FILTERS) {
      if (!countedKeys.has(key)) continue;
      const lists = await filterLists(index, key);
      const counts: Record<string, number> = {};
      lists.values.forEach((value, i) => {
        let n = 0;
        for (const o of lists.lists[i]!) if (ids.has(o)) n++;
        counts[value] = n;
      });
      out[key] = counts;
    }
    return out;
  };

  /**
   * The query with a one-letter typo corrected, or null. Candidates come from the shards of
   * the query's words and, for a typo in the first letters, of the shards a deletion or swap
   * there points to.
   */
  const correction = async (index: Index, folded: string, loaded: Map<string, Shard>): Promise<string | null> => {
    const words = queryTerms(folded);
    const keys = words.flatMap((w) => [shardKey(w), `${w[1] ?? ''}${w[2] ?? ''}`, `${w[0]}${w[2] ?? ''}`, `${w[1] ?? ''}${w[0]}`]);
    const shards = new Map([...loaded, ...(await shardsFor(index, keys.filter((k) => k.length === 2 && !loaded.has(k))))]);
    const known: Record<string, number> = {};
    for (const s of shards.values()) for (const [w, n] of Object.entries(s.w)) if (!/\d/.test(w) && w.length >= 2) known[w] = n;
    return correctQuery(words.join(' '), { words: known });
  };

  return {
    base,
    run,
    directHits,
    filterValues: async () => {
      const index = await loadIndex();
      for (const [key] of FILTERS) countedKeys.add(key);
      await Promise.all(FILTERS.map(([key]) => filterLists(index, key)));
    },
  };
}
