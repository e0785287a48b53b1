/**
 * The browser side of search, shared by the search page and the header box. Nothing here
 * runs until a search is wanted: Pagefind (pagefind.js, its WebAssembly and index chunks)
 * and the number index are fetched on first use, always under the site base.
 */
import { findDirectHits, type DirectHit } from '../lib/search/direct-hits.ts';
import { dateOrderFile, dateRanks, sortByDate, type DateOrder } from '../lib/search/date-order.ts';
import { buildExcerpt, queryTerms, splitHeading, type ExcerptPart } from '../lib/search/excerpt.ts';
import { mergeResults } from '../lib/search/merge.ts';
import { NUMBER_INDEX_DIR, shardOf, type NumberEntry } from '../lib/search/number-index.ts';
import { splitManifestOf } from '../lib/search/parts.ts';
import { normalizeQuery, parseNumberQuery, type NormalizedQuery } from '../lib/search/query.ts';
import { COMMON_PAIRS_FILE, correctQuery, queryPairs, queryProblem, rankByPairs, VOCABULARY_FILE, type QueryProblem, type Vocabulary } from '../lib/search/ranking.ts';
import { BROWSE_PAGES_FILE } from '../lib/search/constants.ts';
import { FOUNDATION_FILE } from '../lib/search/foundation.ts';

/** The parts of Pagefind's JS API used here (pagefind.js 1.6). */
interface PagefindFragment {
  url: string;
  raw_content?: string;
  content: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
}
interface PagefindResult {
  id: string;
  score: number;
  /** The meta fields a query word was found in (Pagefind 1.5+). */
  matchedMetaFields?: string[];
  data(): Promise<PagefindFragment>;
}
interface PagefindSearch {
  results: PagefindResult[];
  unfilteredResultCount: number;
  /** Results per filter value for this search with its filters. */
  filters?: Record<string, Record<string, number>>;
}
interface PagefindApi {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(path: string, o?: Record<string, unknown>): Promise<void>;
  search(term: string | null, o?: { filters?: Record<string, unknown> }): Promise<PagefindSearch | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}
/** pagefind.js as loaded: the API, and for a split index the parts (SPLIT_EXPORT). */
type PagefindModule = PagefindApi & Record<string, unknown>;

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
  /** Results per filter value for these results (null when nothing was searched). */
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
  filterValues(): Promise<Record<string, Record<string, number>>>;
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

export function createEngine(base: string): SearchEngine {
  let vocabulary: Promise<Vocabulary> | null = null;
  let module: Promise<PagefindModule> | null = null;
  let pagefind: Promise<PagefindApi> | null = null;
  let ranks: Promise<Map<string, number>> | null = null;
  const shards = new Map<number, Promise<NumberEntry[]>>();

  const loadModule = (): Promise<PagefindModule> => {
    module ??= import(/* @vite-ignore */ `${base}pagefind/pagefind.js`) as Promise<PagefindModule>;
    module.catch(() => {
      module = null;
    });
    return module;
  };

  const loadPagefind = (): Promise<PagefindApi> => {
    pagefind ??= (async () => {
      const api = await loadModule();
      // Pagefind's web worker (≈ 12 KB gzip) stays: without it each search blocks the main
      // thread, ≈ 150–400 ms at 10,000 pages on a desktop, which a phone feels while typing.
      const options = { baseUrl: base, excerptLength: 30 };
      await api.options(options);
      await api.init();
      // A large site's index comes in parts (src/lib/search/parts.ts), listed by pagefind.js itself.
      const split = splitManifestOf(api);
      if (split) await Promise.all(split.parts.map((part) => api.mergeIndex(`${base}pagefind/${part}`, options)));
      return api;
    })();
    pagefind.catch(() => {
      pagefind = null;
    });
    return pagefind;
  };

  // The date order, fetched only when a date order is chosen (src/lib/search/date-order.ts).
  // Its file is named after the index, read from pagefind-entry.json as Pagefind itself does;
  // a split index names its one date order for all parts in pagefind.js.
  const loadRanks = (): Promise<Map<string, number>> => {
    ranks ??= (async () => {
      let file = splitManifestOf(await loadModule())?.dateOrder;
      if (!file) {
        const entry = (await (await fetch(`${base}pagefind/pagefind-entry.json`, { cache: 'no-cache' })).json()) as {
          languages: Record<string, { hash: string }>;
        };
        const language = entry.languages['vi'] ?? Object.values(entry.languages)[0];
        if (!language) throw new Error('pagefind-entry.json has no language');
        file = dateOrderFile(language.hash);
      }
      const response = await fetch(`${base}pagefind/${file}`);
      if (!response.ok) throw new Error(`date order: HTTP ${response.status}`);
      return dateRanks((await response.json()) as DateOrder);
    })();
    ranks.catch(() => {
      ranks = null;
    });
    return ranks;
  };

  const loadShard = (shard: number): Promise<NumberEntry[]> => {
    let p = shards.get(shard);
    if (!p) {
      p = fetch(`${base}${NUMBER_INDEX_DIR}/${shard}.json`)
        .then((r) => (r.ok ? (r.json() as Promise<NumberEntry[]>) : []))
        .catch(() => {
          shards.delete(shard);
          return [];
        });
      shards.set(shard, p);
    }
    return p;
  };

  const loadVocabulary = (): Promise<Vocabulary> => {
    vocabulary ??= fetch(`${base}${VOCABULARY_FILE}`).then((r) => (r.ok ? (r.json() as Promise<Vocabulary>) : { words: {} }));
    vocabulary.catch(() => {
      vocabulary = null;
    });
    return vocabulary;
  };

  /** A small file the indexer writes, fetched once and read by `read`; `read(empty)` when absent. */
  const indexerFile = <J, T>(file: string, empty: J, read: (json: J) => T) => {
    let p: Promise<T> | null = null;
    return (): Promise<T> => {
      p ??= fetch(`${base}${file}`)
        .then((r) => (r.ok ? (r.json() as Promise<J>) : empty))
        .then(read);
      p.catch(() => {
        p = null;
      });
      return p;
    };
  };
  const idSet = (ids: string[]) => new Set(ids);
  const loadBrowsePages = indexerFile(BROWSE_PAGES_FILE, [], idSet);
  const loadCommonPairs = indexerFile(COMMON_PAIRS_FILE, [], idSet);
  // Foundation weights (src/lib/search/foundation.ts): a few KB, fetched with the first ranked search.
  const loadFoundation = indexerFile(FOUNDATION_FILE, {} as Record<string, number>, (weights) => new Map(Object.entries(weights)));

  const directHits = async (query: string): Promise<DirectHit[]> => {
    const parsed = parseNumberQuery(query);
    if (!parsed) return [];
    return findDirectHits(parsed, await loadShard(shardOf(parsed.serial)));
  };

  const toPage = (d: PagefindFragment, terms: string[]): ResultPage => {
    const title = d.meta['title'] ?? d.url;
    // `content` is the page text as indexed; Pagefind's `raw_content` is a copy with "<" and
    // ">" escaped for innerHTML, which the text nodes here would show as "&lt;" (double escaping).
    const { summary, text } = splitHeading(d.content, title);
    // The excerpt comes from the text after the heading: the title and trích yếu are shown already.
    const excerpt = buildExcerpt(text, terms);
    return {
      url: d.url,
      title,
      summary,
      summaryParts: summary ? buildExcerpt(summary, terms, Number.MAX_SAFE_INTEGER) : [],
      // Issuer and status come from the page's filter values: as meta they would be indexed words too.
      details: [d.meta['ngay'], d.filters['co_quan']?.[0], d.filters['tinh_trang']?.[0]].filter((x): x is string => Boolean(x)),
      // The indexed text keeps only a short readable lead; without a query word in it the title and summary say more.
      excerpt: excerpt.some((p) => p.mark) ? excerpt : [],
    };
  };

  const run = async (request: SearchRequest): Promise<SearchOutcome> => {
    const query = normalizeQuery(request.query);
    const filters = Object.fromEntries(Object.entries(request.filters).filter(([, v]) => v));
    const hasFilters = Object.keys(filters).length > 0;
    const empty = { corrected: null, pages: [], counts: null, total: 0, listed: 0, page: async () => [] };
    const problem = queryProblem(request.query, query.folded);
    if (problem) return { query, problem, direct: [], ...empty };
    const directPromise = directHits(query.exact);
    if (!query.folded && !hasFilters) return { query, problem, direct: await directPromise, ...empty };

    const ranksPromise = request.sort === 'relevance' ? null : loadRanks();
    const foundationPromise = request.sort === 'relevance' ? loadFoundation() : null;
    const [api, browse, common] = await Promise.all([loadPagefind(), loadBrowsePages(), loadCommonPairs()]);
    const docFilters = { filters };
    const isPage = (r: PagefindResult) => browse.has(r.id);

    /** The pages matching a query (both spellings), with counts per filter value. */
    const searchPages = async (q: NormalizedQuery) => {
      if (!q.folded) {
        const all = await api.search(null, docFilters);
        return { results: all?.results ?? [], counts: all?.filters ?? null };
      }
      if (q.hasDiacritics && request.sort === 'relevance') {
        // Exact spelling first, then what only the folded form reaches ("Đảng", then "dang").
        const [exact, folded] = await Promise.all([api.search(q.exact, docFilters), api.search(q.folded, docFilters)]);
        // The folded form reaches every page the exact one does: its counts are the results' counts.
        return { results: mergeResults(exact?.results ?? [], folded?.results ?? []), counts: folded?.filters ?? null };
      }
      const folded = await api.search(q.folded, docFilters);
      return { results: folded?.results ?? [], counts: folded?.filters ?? null };
    };

    /** Re-orders results by the query's word pairs found in names, topics and places, the foundation first among equals (ranking.ts). */
    const rank = async <T extends PagefindResult>(results: T[], folded: string): Promise<T[]> => {
      const pairs = foundationPromise ? queryPairs(folded, common) : [];
      if (!pairs.length || results.length < 2) return results;
      const [lists, weights] = await Promise.all([Promise.all(pairs.map((p) => api.search(p))), foundationPromise!.catch(() => new Map<string, number>())]);
      return rankByPairs(results, lists.map((l) => l?.results ?? []), weights);
    };

    let searched = query;
    let corrected: string | null = null;
    let { results: found, counts } = await searchPages(query);
    const documentsIn = (list: PagefindResult[]) => list.filter((r) => !isPage(r));
    if (documentsIn(found).length < FEW_RESULTS && query.folded && !hasFilters) {
      const fixed = correctQuery(query.folded, await loadVocabulary());
      if (fixed) {
        const again = normalizeQuery(fixed);
        const better = await searchPages(again);
        if (documentsIn(better.results).length > documentsIn(found).length) {
          ({ results: found, counts } = better);
          searched = again;
          corrected = fixed;
        }
      }
    }
    // One search finds both; documents and browsing pages are ranked and shown apart.
    found = await rank(found, searched.folded);
    let results = documentsIn(found);
    if (ranksPromise) results = sortByDate(results, await ranksPromise, request.sort === 'newest');
    const terms = queryTerms(searched.folded);
    const pagesPromise = (async (): Promise<ResultPage[]> => {
      const pages = found.filter(isPage).slice(0, PAGE_HITS);
      return (await Promise.all(pages.map((r) => r.data()))).map((d) => toPage(d, terms));
    })();

    // A document reached directly by its number is not listed again among the full-text results.
    const direct = await directPromise;
    const total = results.length;
    if (direct.length && request.sort === 'relevance') {
      const directUrls = new Set(direct.filter((h) => !h.missing).map((h) => base + h.path));
      const head = results.slice(0, DIRECT_DEDUP_WINDOW);
      const heads = await Promise.all(head.map((r) => r.data()));
      results = [...head.filter((_, i) => !directUrls.has(heads[i]!.url)), ...results.slice(DIRECT_DEDUP_WINDOW)];
    }
    const page = async (from: number, count: number): Promise<ResultPage[]> => {
      const data = await Promise.all(results.slice(from, from + count).map((r) => r.data()));
      return data.map((d) => toPage(d, terms));
    };
    return { query, problem, corrected, direct, pages: await pagesPromise, counts, total, listed: results.length, page };
  };

  return {
    base,
    run,
    directHits,
    filterValues: async () => (await loadPagefind()).filters(),
  };
}
