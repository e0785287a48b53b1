/**
 * Which pages this Astro process renders when the site is built by several processes
 * (scripts/build-pages.ts): each process is told its part as `DANVAN_BUILD_SHARD=i/n` and
 * every getStaticPaths in src/pages passes its paths through `shardPaths`, so the parts
 * are disjoint and together give every page exactly once. Pages without parameters are
 * rendered by every process and must come out byte-identical (the merge checks it).
 *
 * The rule is a hash of the page's parameter values, not its position in the list: a page
 * stays in its part whatever other pages exist, and a document's page and its feed (same
 * parameters) land in the same part, so their folder moves into the site in one rename.
 * Without the variable there is one part and nothing is filtered. A route whose pages hang
 * off a document (its overflow pages under lien-quan/) parts the documents first and expands
 * only its own: the same rule, applied before the costly step instead of after it.
 */

export const SHARD_ENV = 'DANVAN_BUILD_SHARD';

export interface Shard {
  /** 0-based. */
  index: number;
  count: number;
}

export const WHOLE_SITE: Shard = { index: 0, count: 1 };

/** Reads "i/n" (0 ≤ i < n); an absent or empty value is the whole site; anything else throws. */
export function parseShard(value: string | undefined): Shard {
  if (value === undefined || value === '') return WHOLE_SITE;
  const m = /^(\d{1,3})\/(\d{1,3})$/.exec(value.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!(count >= 1 && index >= 0 && index < count)) {
    throw new Error(`${SHARD_ENV}="${value}": cần dạng i/n với 0 ≤ i < n (ví dụ 0/2)`);
  }
  return { index, count };
}

export function formatShard(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}

/** FNV-1a over UTF-16 code units: fast, stable across runs and platforms, well spread on ids. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The part a page with these parameter values belongs to. */
export function shardOf(params: Record<string, string | number | undefined>, count: number): number {
  if (count <= 1) return 0;
  const key = Object.keys(params)
    .sort()
    .map((k) => `${k}=${params[k] ?? ''}`)
    .join('&');
  return fnv1a(key) % count;
}

/** The part of the current process (read once: the environment does not change during a build). */
let current: Shard | null = null;
export function currentShard(): Shard {
  current ??= parseShard(process.env[SHARD_ENV]);
  return current;
}

/** Keeps the paths of this process's part; every getStaticPaths in src/pages returns through it. */
export function shardPaths<T extends { params: Record<string, string | number | undefined> }>(paths: T[], shard: Shard = currentShard()): T[] {
  if (shard.count === 1) return paths;
  return paths.filter((p) => shardOf(p.params, shard.count) === shard.index);
}
