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
  decodePresence,
  FIELD_NAME,
  FIELD_SUBJECT,
  FIELD_UNKNOWN,
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
import {
  COMMON_PAIR_SHARE,
  correctQuery,
  pairSplits,
  pairTiers,
  queryPairs,
  queryProblem,
  rankByPairs,
  type PairHit,
  type QueryProblem,
} from '../lib/search/ranking.ts';
import { intersectAll, scoreRecords, undecided, UNKNOWN_SCORE, type Scored } from '../lib/search/score.ts';

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

/** A query's matching records and what they were found with. */
interface Matched {
  found: Scored[];
  shards: Map<string, Shard>;
  /** The query's words (queryTerms), the indexed words each stands for, and their postings. */
  words: string[];
  forms: string[][];
  lists: Postings[][];
  /** Records with every exact spelling, when the query's diacritics count. */
  exact: ReadonlySet<number> | null;
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
  /**
   * A word's postings, a fresh copy (rank fills in fields it can tell). Its documents' field
   * bits are in a file of their own when its list is in a set form: loaded when `full` (or
   * once loaded before), else those records carry FIELD_UNKNOWN.
   */
  const fieldFiles = new Set<string>();
  const wordPostings = async (index: Index, word: string, full: boolean): Promise<Postings> => {
    const list = await load(index.dir + indexPath.word(word), text);
    if (!fieldsApart(list)) return decodePostings(list);
    const path = index.dir + indexPath.wordFields(word);
    if (!full && !fieldFiles.has(path)) return decodePresence(list);
    const bits = await load(path, text);
    fieldFiles.add(path);
    return decodePostings(list, bits);
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

  /**
   * Records matching a folded query, scored, with the exact-spelling records first when the
   * query has diacritics. A common word's field bits stay in their own file (FIELD_UNKNOWN,
   * score UNKNOWN_SCORE) unless the word is in `full` or they were loaded before: which records
   * match, and so counts and filters, never need them, and the order shown often does not.
   */
  const match = async (index: Index, q: NormalizedQuery, exactFirst: boolean, full: ReadonlySet<string> = new Set()): Promise<Matched> => {
    const words = queryTerms(q.folded);
    // Exact spellings are listed in the shard of their folded word, which the query loads anyway.
    const spelled = exactFirst ? new Map(textWords(q.exact).flatMap(([word, code]) => (code ? [[code, word] as const] : []))) : new Map<string, string>();
    const codes = [...spelled.keys()];
    const shards = await shardsFor(index, words.map(shardKey));
    const forms = words.map((w, i) => wordsFor(w, i === words.length - 1, shards));
    if (!words.length || forms.some((f) => !f.length)) return { found: [], shards, words, forms, lists: [], exact: null };
    const knownCodes = codes.filter((c) => c in (shards.get(shardKey(spelled.get(c)!))?.x ?? {}));
    const [lists, exactLists] = await Promise.all([
      Promise.all(forms.map((f) => Promise.all(f.map((w) => wordPostings(index, w, full.has(w)))))),
      Promise.all(knownCodes.map((c) => ordinals(index, indexPath.exact(c)))),
    ]);
    // Only a query whose every spelled word is known as typed puts those records first.
    const exact = codes.length && knownCodes.length === codes.length ? new Set(intersectAll(exactLists)) : null;
    return { found: score(index, lists, exact), shards, words, forms, lists, exact };
  };
  const score = (index: Index, lists: Postings[][], exact: ReadonlySet<number> | null) =>
    scoreRecords(
      lists.map((l) => ({ lists: l })),
      index.manifest.records,
      exact,
    );

  /**
   * Orders results by the query's uncommon word pairs in names, topics and places, the
   * foundation first among equals (ranking.ts), and says by what the order is grouped before
   * scores count (score.ts undecided). A pair made of two query words always the same way (Shard.s)
   * carrying both fields in a record tells those words' fields there too, so a record found
   * with the query's pairs in its name and subject is scored without the words' field-bits files.
   */
  const rank = async (index: Index, m: Matched, folded: string): Promise<{ found: Scored[]; group: (id: number) => string }> => {
    const exactKey = (id: number) => (m.exact?.has(id) ? '1' : '0');
    if (m.found.length < 2) return { found: m.found, group: exactKey };
    const all = queryPairs(folded);
    const more = await shardsFor(index, all.map(shardKey).filter((k) => !m.shards.has(k)));
    const shardOfPair = (p: string) => m.shards.get(shardKey(p)) ?? more.get(shardKey(p));
    const carried = (p: string) => shardOfPair(p)?.p?.[p];
    const common = new Set(all.filter((p) => (carried(p) ?? 0) > index.manifest.records * COMMON_PAIR_SHARE));
    const pairs = queryPairs(folded, common).filter((p) => carried(p) !== undefined);
    if (!pairs.length) return { found: m.found, group: exactKey };
    const [lists, weights] = await Promise.all([
      Promise.all(pairs.map((p) => postings(index, indexPath.pair(p)))),
      foundation(index).catch(() => new Map<number, number>()),
    ]);
    const hits: PairHit[][] = lists.map((l) => l.ordinals.map((id, i) => ({ id, fields: l.fields[i]! })));
    let found = m.found;
    if (found.some((r) => r.score === UNKNOWN_SCORE)) {
      // The query's own split of each pair (a query making one pair two ways tells nothing).
      const split = new Map<string, number>();
      for (const [p, first] of pairSplits(folded)) split.set(p, split.has(p) && split.get(p) !== first ? -1 : first);
      let implied = false;
      pairs.forEach((p, i) => {
        const first = split.get(p);
        if (first === undefined || first < 0 || shardOfPair(p)?.s?.[p] !== first) return;
        const full = new Set(hits[i]!.filter((h) => h.fields === (FIELD_NAME | FIELD_SUBJECT)).map((h) => h.id));
        for (const word of [p.slice(0, first), p.slice(first)]) {
          const at = m.words.indexOf(word);
          // Only a word searched as itself, not as the completions of a word being typed.
          if (at < 0 || m.forms[at]!.length !== 1 || m.forms[at]![0] !== word) continue;
          const list = m.lists[at]![0]!;
          list.ordinals.forEach((o, k) => {
            if (list.fields[k] === FIELD_UNKNOWN && full.has(o)) {
              list.fields[k] = FIELD_NAME | FIELD_SUBJECT;
              implied = true;
            }
          });
        }
      });
      if (implied) found = score(index, m.lists, m.exact);
    }
    const tier = pairTiers(found.length, hits);
    const group = tier ? (id: number) => `${tier(id)} ${weights.get(id) ?? 0} ${exactKey(id)}` : exactKey;
    return { found: rankByPairs(found, hits, weights), group };
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
    const exactFirst = query.hasDiacritics && request.sort === 'relevance';
    let matched: Matched | null = null;
    if (query.folded) {
      matched = await match(index, query, exactFirst);
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
    }
    const allowed = filters.length ? new Set(intersectAll(await filterPromise)) : null;

    /** The results in order, browsing pages included, and the documents of them. */
    const order = async (m: Matched | null) => {
      let found: Scored[];
      let group = (_id: number) => '';
      if (m) {
        found = m.found;
        if (request.sort === 'relevance') ({ found, group } = await rank(index, m, searched.folded));
      } else {
        // Filters alone: every document carrying them, newest first.
        found = [];
        for (let id = documents - 1; id >= 0; id--) found.push({ id, score: 0 });
      }
      if (allowed) found = found.filter((r) => allowed.has(r.id));
      let results = found.filter((r) => isDocument(r.id));
      // Ordinals follow the date of issue: sorting by date needs no table, nor any score.
      if (request.sort !== 'relevance') {
        results = [...results].sort((a, b) => (request.sort === 'newest' ? b.id - a.id : a.id - b.id));
        group = (id) => String(id);
      }
      return { found, results, group };
    };
    let ordered = await order(matched);
    /**
     * The first `end` results in their final order: while unknown scores decide it, the field
     * bits of the words unknown in those records are loaded and the order computed again (each
     * round loads at least one word's, so it ends).
     */
    const ensure = async (end: number) => {
      for (;;) {
        const m = matched;
        const ids = m ? new Set(undecided(ordered.results, end, ordered.group)) : new Set<number>();
        if (!m || !ids.size) return;
        const words = new Set<string>();
        m.lists.forEach((lists, i) =>
          lists.forEach((list, j) => {
            if (list.ordinals.some((o, k) => list.fields[k]! & FIELD_UNKNOWN && ids.has(o))) words.add(m.forms[i]![j]!);
          }),
        );
        // Unknown scores with every field known cannot be; load everything rather than loop.
        matched = await match(index, searched, exactFirst, words.size ? words : new Set(m.forms.flat()));
        ordered = await order(matched);
        if (!words.size) return;
      }
    };

    const terms = queryTerms(searched.folded);
    const toPages = async (list: Scored[]) => (await Promise.all(list.map((r) => fragment(index, r.id)))).map((f) => toPage(f, terms));
    // Browsing pages' field bits are always loaded (index-format.ts), so their order is known.
    const pagesPromise = toPages(ordered.found.filter((r) => !isDocument(r.id)).slice(0, PAGE_HITS));
    const counts = countsFor(index, ordered.results);

    // A document reached directly by its number is not listed again among the full-text results.
    const direct = await directPromise;
    const directUrls = new Set(direct.filter((h) => !h.missing).map((h) => h.path));
    const dedup = direct.length > 0 && request.sort === 'relevance';
    const total = ordered.results.length;
    const listOf = async (results: Scored[]) => {
      if (!dedup) return results;
      // The first page's fragments are fetched for display anyway.
      const head = results.slice(0, DIRECT_DEDUP_WINDOW);
      const heads = await Promise.all(head.map((r) => fragment(index, r.id)));
      return [...head.filter((_, i) => !directUrls.has(heads[i]!.u)), ...results.slice(DIRECT_DEDUP_WINDOW)];
    };
    if (dedup) await ensure(DIRECT_DEDUP_WINDOW);
    let listed = await listOf(ordered.results);
    const page = async (from: number, count: number) => {
      // The list may have lost up to one result per direct hit from its head.
      const before = ordered;
      await ensure(Math.max(from + count + (dedup ? directUrls.size : 0), dedup ? DIRECT_DEDUP_WINDOW : 0));
      if (ordered !== before) listed = await listOf(ordered.results);
      return toPages(listed.slice(from, from + count));
    };
    return { query, problem, corrected, direct, pages: await pagesPromise, counts: await counts, total, listed: listed.length, page };
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
