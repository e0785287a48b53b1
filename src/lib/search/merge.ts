/**
 * Merges the two Pagefind searches the browser runs for one query: the query as typed
 * (tone placement made canonical) and its folded form. Pages that match the exact
 * spelling come first, in Pagefind's order; pages only the folded form reaches follow.
 */
export interface Scored {
  id: string;
  score: number;
}

export function mergeResults<T extends Scored>(exact: readonly T[], folded: readonly T[]): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const list of [exact, folded]) {
    for (const r of list) {
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      out.push(r);
    }
  }
  return out;
}
