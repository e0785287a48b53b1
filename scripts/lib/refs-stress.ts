/**
 * Hard inputs for `npm run refs`, and what its output must satisfy on them. Unit tests run
 * them small and in-process (test/citations/cli.test.ts); bench:refs runs them at full size
 * (5,000 citation lines; 1 MB of near-mentions) through the real CLI.
 */

export interface RefOut {
  start: number;
  end: number;
  text: string;
  key: string | null;
}

/**
 * `count` lines, each a citation with its date and issuer followed by its alias
 * ("sau đây gọi tắt là Chỉ thị N"), CRLF line ends: 2 × count mentions.
 */
export function manyReferencesText(count: number): string {
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    parts.push(`${i % 7 ? 'thực hiện' : 'Căn cứ'} Chỉ thị số ${i + 1}/CT-TTg ngày ${1 + (i % 28)}/${1 + (i % 12)}/20${10 + (i % 15)} của Thủ tướng (sau đây gọi tắt là Chỉ thị ${i + 1}),\r\n`);
  }
  return parts.join('');
}

/** Every mention found, offsets slicing the text as read, each alias keyed like its full mention. */
export function manyReferencesProblems(text: string, count: number, refs: RefOut[]): string[] {
  const problems: string[] = [];
  if (refs.length !== 2 * count) problems.push(`expected ${2 * count} mentions, found ${refs.length}`);
  for (const r of refs) if (text.slice(r.start, r.end) !== r.text) problems.push(`offsets ${r.start}–${r.end} do not slice "${r.text}"`);
  // Year-like numbers (1900–2099) included: alias i+1 carries the key of mention i.
  for (let i = 0; i + 1 < refs.length; i += 2) {
    if (refs[i + 1]!.key !== refs[i]!.key) problems.push(`alias "${refs[i + 1]!.text}" has key ${refs[i + 1]!.key}, not ${refs[i]!.key}`);
  }
  return problems.slice(0, 10);
}

/**
 * About `size` characters of near-mentions: type words without numbers, digit runs, open
 * parentheses, dangling "số", with a few real citations; seeded, so always the same text.
 */
export function nearMentionsText(size: number): string {
  const bits = ['Nghị quyết ', 'Chỉ thị số ', 'số ', '12/', '2021-', 'Quyết định thanh tra kiểm tra giám sát ', 'Nghị quyết Đại hội đại biểu Đảng bộ tỉnh ', '1.234.567.', 'của Ban Thường vụ Tỉnh ủy ', '(sau đây gọi tắt là ', 'hướng dẫn ', '/QĐ-', 'Luật ', 'Hiến pháp ', '    ', 'ngày 12/12/', 'Chỉ thị số 33/CT-TTg ', '\n'];
  let seed = 7;
  const out: string[] = [];
  let length = 0;
  while (length < size) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    const b = bits[seed % bits.length]!;
    out.push(b);
    length += b.length;
  }
  return out.join('');
}

/** Some mentions found (the real citations), in order, without overlap, slicing the text. */
export function nearMentionsProblems(text: string, refs: RefOut[]): string[] {
  const problems: string[] = [];
  if (refs.length === 0) problems.push('no mention found');
  let last = 0;
  for (const r of refs) {
    if (r.start < last) problems.push(`mention at ${r.start} starts before the previous one ends (${last})`);
    if (text.slice(r.start, r.end) !== r.text) problems.push(`offsets ${r.start}–${r.end} do not slice "${r.text}"`);
    last = r.end;
  }
  return problems.slice(0, 10);
}
