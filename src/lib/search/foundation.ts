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
 * The browser fetches only the FOUNDATION_MAX heaviest documents, by record ordinal
 * (a few KB at any corpus size): past them, a weight is too small to decide a tie.
 */
import type { Graph } from '../graph/types.ts';
import type { RelationType } from '../schema/vocabulary.ts';

/** Documents listed in the file at most. */
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

/** The file's content: the `max` heaviest records as [ordinal, weight], heaviest first, ties by ordinal. */
export function foundationFile(weights: ReadonlyMap<number, number>, max = FOUNDATION_MAX): Array<[number, number]> {
  return [...weights.entries()]
    .filter(([, w]) => w > 0)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, max);
}
