/**
 * A small seeded PRNG (Mulberry32) with the few helpers the corpus generator needs.
 * Math.random is never used: the same seed must give byte-identical corpora, so that
 * benchmark figures taken on different days compare the same input.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both included. */
  int(min: number, max: number): number;
  pick<T>(list: readonly T[]): T;
  chance(p: number): boolean;
  /** Up to n distinct elements of list, in random order. */
  sample<T>(list: readonly T[], n: number): T[];
  /** One entry of a table of [weight, value] pairs. */
  weighted<T>(table: readonly (readonly [number, T])[]): T;
}

export function createRandom(seed: number): Random {
  let state = seed | 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (list) => list[Math.floor(next() * list.length)]!,
    chance: (p) => next() < p,
    sample(list, n) {
      const copy = [...list];
      const out: (typeof copy)[number][] = [];
      while (out.length < n && copy.length) out.push(copy.splice(Math.floor(next() * copy.length), 1)[0]!);
      return out;
    },
    weighted(table) {
      const total = table.reduce((s, [w]) => s + w, 0);
      let x = next() * total;
      for (const [w, v] of table) {
        x -= w;
        if (x < 0) return v;
      }
      return table[table.length - 1]![1];
    },
  };
}

/** A per-item seed derived from the corpus seed, so each body can be generated alone. */
export function deriveSeed(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1)) | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}
