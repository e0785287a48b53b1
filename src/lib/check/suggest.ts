/** "Did you mean …" for mistyped ids: the closest known ids by edit distance. */

function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** Every word of the shorter id is a word of the longer ("ubnd-tra-vinh" in "ubnd-tinh-tra-vinh"). */
function sameWords(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const words = new Set(long.split('-'));
  const need = short.split('-');
  return need.length >= 2 && need.every((w) => words.has(w));
}

/** Up to `max` known ids close to `wanted`, best first; empty when nothing is close. */
export function closestIds(wanted: string, known: Iterable<string>, max = 3): string[] {
  // Short ids are close to everything: allow one edit for them, more for long ones.
  const limit = wanted.length <= 4 ? 1 : Math.max(2, Math.floor(wanted.length / 4));
  const scored: [string, number][] = [];
  for (const id of known) {
    const d = wanted.length >= 4 && id.length >= 4 && (id.includes(wanted) || wanted.includes(id) || sameWords(wanted, id)) ? 1 : editDistance(wanted, id, limit);
    if (d <= limit) scored.push([id, d]);
  }
  return scored
    .sort((x, y) => x[1] - y[1] || x[0].localeCompare(y[0]))
    .slice(0, max)
    .map(([id]) => id);
}

/** " Có phải ý bạn là "a", "b"?" or an empty string. */
export function didYouMean(wanted: string, known: Iterable<string>): string {
  const close = closestIds(wanted, known);
  return close.length ? ` Có phải ý bạn là ${close.map((c) => `"${c}"`).join(', ')}?` : '';
}
