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
  data(): Promise<PagefindFragment>;
}
interface PagefindSearch {
  results: PagefindResult[];
  unfilteredResultCount: number;
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
  details: string[];
  excerpt: ExcerptPart[];
}

export interface SearchOutcome {
  query: NormalizedQuery;
  direct: DirectHit[];
  total: number;
  /** Loads the data of results [from, from + count). */
  page(from: number, count: number): Promise<ResultPage[]>;
}

export interface SearchEngine {
  base: string;
  run(request: SearchRequest): Promise<SearchOutcome>;
  directHits(query: string): Promise<DirectHit[]>;
  filterValues(): Promise<Record<string, Record<string, number>>>;
}

export function createEngine(base: string): SearchEngine {
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

  const directHits = async (query: string): Promise<DirectHit[]> => {
    const parsed = parseNumberQuery(query);
    if (!parsed) return [];
    return findDirectHits(parsed, await loadShard(shardOf(parsed.serial)));
  };

  const run = async (request: SearchRequest): Promise<SearchOutcome> => {
    const query = normalizeQuery(request.query);
    const filters = Object.fromEntries(Object.entries(request.filters).filter(([, v]) => v));
    const hasFilters = Object.keys(filters).length > 0;
    const directPromise = directHits(query.exact);
    if (!query.folded && !hasFilters) return { query, direct: await directPromise, total: 0, page: async () => [] };

    const ranksPromise = request.sort === 'relevance' ? null : loadRanks();
    const api = await loadPagefind();
    const options = { filters };
    let results: PagefindResult[];
    if (!query.folded) {
      results = (await api.search(null, options))?.results ?? [];
    } else if (query.hasDiacritics && request.sort === 'relevance') {
      // Exact spelling first, then what only the folded form reaches ("Đảng", then "dang").
      const [exact, folded] = await Promise.all([api.search(query.exact, options), api.search(query.folded, options)]);
      results = mergeResults(exact?.results ?? [], folded?.results ?? []);
    } else {
      // The folded form reaches every page the exact one does; with a date order there is no spelling rank to keep.
      results = (await api.search(query.folded, options))?.results ?? [];
    }
    if (ranksPromise) results = sortByDate(results, await ranksPromise, request.sort === 'newest');
    const terms = queryTerms(query.folded);
    const page = async (from: number, count: number): Promise<ResultPage[]> => {
      const data = await Promise.all(results.slice(from, from + count).map((r) => r.data()));
      return data.map((d) => {
        const title = d.meta['title'] ?? d.url;
        // `content` is the page text as indexed; Pagefind's `raw_content` is a copy with "<" and
        // ">" escaped for innerHTML, which the text nodes here would show as "&lt;" (double escaping).
        const { summary, text } = splitHeading(d.content, title);
        const excerpt = buildExcerpt(text, terms);
        return {
          url: d.url,
          title,
          summary,
          // Issuer and status come from the page's filter values: as meta they would be indexed words too.
          details: [d.meta['ngay'], d.filters['co_quan']?.[0], d.filters['tinh_trang']?.[0]].filter((x): x is string => Boolean(x)),
          // The indexed text keeps only a short readable lead; without a query word in it the title and summary say more.
          excerpt: excerpt.some((p) => p.mark) ? excerpt : [],
        };
      });
    };
    return { query, direct: await directPromise, total: results.length, page };
  };

  return {
    base,
    run,
    directHits,
    filterValues: async () => (await loadPagefind()).filters(),
  };
}
