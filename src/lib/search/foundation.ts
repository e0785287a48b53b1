/**
 * Foundation weights: how much other corpus documents build on a document. Search uses
 * them to order pages that match a query equally (src/lib/search/ranking.ts, rankByPairs):
 * the law before the decrees that carry its name in theirs, the founding directive before
 * the plans and conclusions that continue it.
 *
 * A document D counts once for each document T it refers to:
 *  - 1 when D builds on T by a typed relation (implements, guides, basedOn, continues, amends);
 *  - ½ when D only cites T or names it in its summary (a reference without a stated role);
 *  - 0 when D replaces or repeals T: the successor does not make its predecessor a foundation.
 *
 * The browser fetches only the FOUNDATION_MAX heaviest pages, keyed by Pagefind page id
 * (a few KB at any corpus size): past them, a page's weight is too small to decide a tie.
 */
import type { Graph } from '../graph/types.ts';
import type { RelationType } from '../schema/vocabulary.ts';

/** File of the foundation weights, relative to the site base (written by scripts/index-search.ts). */
export const FOUNDATION_FILE = 'tim-kiem/nen-tang.json';
/** Pages listed in the file at most. */
export const FOUNDATION_MAX = 300;

const BUILDS_ON: ReadonlySet<RelationType> = new Set(['implements', 'guides', 'basedOn', 'continues', 'amends']);
const SUPERSEDES: ReadonlySet<RelationType> = new Set(['replaces', 'repeals']);
const BUILDS = 1;
const REFERS = 0.5;

/** Weight of every document that some other corpus document builds on or refers to. */
export function foundationWeights(graph: Pick<Graph, 'nodes' | 'edges'>): Map<string, number> {
  /** target → referring document → what it counts. */
  const by = new Map<string, Map<string, number>>();
  const note = (target: string, from: string, value: number) => {
    if (target === from) return;
    let refs = by.get(target);
    if (!refs) by.set(target, (refs = new Map()));
    const had = refs.get(from);
    // Superseding wins over any reference; otherwise the strongest reference counts.
    if (had === 0) return;
    refs.set(from, value === 0 ? 0 : Math.max(had ?? 0, value));
  };
  for (const e of graph.edges) note(e.to, e.from, SUPERSEDES.has(e.type) ? 0 : BUILDS_ON.has(e.type) ? BUILDS : REFERS);
  for (const n of graph.nodes) for (const target of n.summaryMentions) note(target, n.id, REFERS);
  const weights = new Map<string, number>();
  for (const [target, refs] of by) {
    let sum = 0;
    for (const v of refs.values()) sum += v;
    if (sum > 0) weights.set(target, sum);
  }
  return weights;
}

/** The file's content: the `max` heaviest pages (page id → weight), heaviest first, ties by id. */
export function foundationFile(weights: ReadonlyMap<string, number>, max = FOUNDATION_MAX): Record<string, number> {
  const top = [...weights.entries()]
    .filter(([, w]) => w > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, max);
  return Object.fromEntries(top);
}

/** The document id of a document page's URL ("/base/van-ban/<id>/" → id), else null. */
export function documentIdOfUrl(url: string): string | null {
  const m = /\/van-ban\/([^/]+)\/$/.exec(url);
  return m ? decodeURIComponent(m[1]!) : null;
}
