/**
 * Scores the records matching a query from the posting lists of its words (index-format.ts),
 * in the browser. A record matches when it carries every query word (or, for the word being
 * typed, one of the words it starts). Its score adds, for each word, the word's rarity
 * (log(1 + records / records with the word)) times the weight of the field it was found in:
 * a word of the record's name counts most, then what it is filed under, then its body.
 * Each word counts once per record: the index keeps which field holds it, not how often.
 */
import { FIELD_NAME, FIELD_SUBJECT, FIELD_UNKNOWN, type Postings } from './index-format.ts';

/** Weight of a word by the fields it was found in (bits FIELD_NAME | FIELD_SUBJECT; 0 = body only). */
export function fieldWeight(fields: number): number {
  if (fields & FIELD_NAME) return fields & FIELD_SUBJECT ? 3.5 : 3;
  return fields & FIELD_SUBJECT ? 2 : 1;
}

/** One query word: the posting lists of the words it stands for (one, or the completions of a word being typed). */
export interface QueryWord {
  lists: readonly Postings[];
}

/** Ordinal → fields for a query word: the union of its lists, strongest field bits merged. */
export function unionFields(lists: readonly Postings[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const list of lists) {
    for (let i = 0; i < list.ordinals.length; i++) {
      const o = list.ordinals[i]!;
      out.set(o, (out.get(o) ?? 0) | list.fields[i]!);
    }
  }
  return out;
}

export interface Scored {
  id: number;
  /** UNKNOWN_SCORE while a word's field bits for the record are not loaded (FIELD_UNKNOWN). */
  score: number;
}

/** The score of a record whose field bits are not all loaded: below every real score (those are > 0). */
export const UNKNOWN_SCORE = -1;

/**
 * The records carrying every word, best first: records with every exact spelling first
 * (`exact`: when the query has diacritics, the records holding them as typed), then by
 * score, then newest first (higher ordinal).
 */
export function scoreRecords(words: readonly QueryWord[], records: number, exact: ReadonlySet<number> | null = null): Scored[] {
  if (!words.length) return [];
  const maps = words.map((w) => unionFields(w.lists));
  // Intersect starting from the rarest word.
  const order = maps.map((m, i) => ({ m, i })).sort((a, b) => a.m.size - b.m.size);
  const rarity = maps.map((m) => Math.log(1 + records / Math.max(1, m.size)));
  const out: Scored[] = [];
  for (const [ordinal] of order[0]!.m) {
    let score = 0;
    let all = true;
    for (const { m, i } of order) {
      const fields = m.get(ordinal);
      if (fields === undefined) {
        all = false;
        break;
      }
      score += fields & FIELD_UNKNOWN ? Number.NaN : rarity[i]! * fieldWeight(fields);
    }
    if (all) out.push({ id: ordinal, score: Number.isNaN(score) ? UNKNOWN_SCORE : score });
  }
  const tier = (id: number) => (exact?.has(id) ? 1 : 0);
  return out.sort((a, b) => tier(b.id) - tier(a.id) || b.score - a.score || b.id - a.id);
}

/** Ordinals carrying every list (intersection), ascending. */
export function intersectAll(lists: ReadonlyArray<readonly number[]>): number[] {
  if (!lists.length) return [];
  const sorted = [...lists].sort((a, b) => a.length - b.length);
  let current = new Set(sorted[0]);
  for (const list of sorted.slice(1)) {
    const next = new Set<number>();
    for (const o of list) if (current.has(o)) next.add(o);
    current = next;
  }
  return [...current].sort((a, b) => a - b);
}

/**
 * The records whose unknown scores keep the first `end` results from their final order:
 * results are sorted by a group key first (pair tier, foundation, exact spelling: `group`) and
 * by score only inside a group, so the order holds where every group reaching into the first
 * `end` results has one member or only known scores. Empty: the order shown is final.
 */
export function undecided(results: readonly Scored[], end: number, group: (id: number) => string): number[] {
  const out: number[] = [];
  let start = 0;
  while (start < results.length && start < end) {
    const key = group(results[start]!.id);
    let stop = start + 1;
    while (stop < results.length && group(results[stop]!.id) === key) stop++;
    if (stop - start > 1) for (let i = start; i < stop; i++) if (results[i]!.score === UNKNOWN_SCORE) out.push(results[i]!.id);
    start = stop;
  }
  return out;
}
