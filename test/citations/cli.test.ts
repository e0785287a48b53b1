import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'refs-cli-'));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'refs.ts'), ...args], { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('refs CLI', () => {
  it('prints one JSON object per mention with offsets into the file as read (BOM kept)', () => {
    const file = join(dir, 'bom.txt');
    writeFileSync(file, '\ufeffThực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021.\r\nVà Nghị quyết số 25.');
    const r = cli(file, '--date', '2022-01-01');
    expect(r.code).toBe(0);
    const refs = JSON.parse(r.out) as { start: number; end: number; text: string; key: string | null }[];
    expect(refs[0]).toMatchObject({ start: 11, end: 47, text: 'Chỉ thị số 33/CT-TTg ngày 26/11/2021', type: 'chi-thi', number: '33', symbol: 'CT-TTg', year: 2021, key: '33/CT-TTg@2021' });
    expect(Object.keys(refs[0]!)).toEqual(expect.arrayContaining(['start', 'end', 'text', 'type', 'number', 'symbol', 'year', 'key', 'target']));
  }, 30_000);

  it('a file with 5,000 references: every one found, offsets slicing the file as read', () => {
    const parts: string[] = [];
    for (let i = 0; i < 5000; i++) {
      parts.push(`${i % 7 ? 'thực hiện' : 'Căn cứ'} Chỉ thị số ${i + 1}/CT-TTg ngày ${1 + (i % 28)}/${1 + (i % 12)}/20${10 + (i % 15)} của Thủ tướng (sau đây gọi tắt là Chỉ thị ${i + 1}),\r\n`);
    }
    const text = parts.join('');
    const file = join(dir, 'many.txt');
    writeFileSync(file, text);
    const r = cli(file);
    expect(r.code).toBe(0);
    const refs = JSON.parse(r.out) as { start: number; end: number; text: string; number: string; key: string }[];
    expect(refs).toHaveLength(10_000);
    for (const ref of refs) expect(text.slice(ref.start, ref.end)).toBe(ref.text);
    // Each alias carries the key of its fuller mention, year-like numbers (1900–2099) included.
    for (let i = 0; i < refs.length; i += 2) expect(refs[i + 1]!.key).toBe(refs[i]!.key);
  }, 60_000);

  it('a 1 MB file of near-mentions (type words without numbers, digit runs, open parentheses): no crash, valid output', () => {
    const bits = ['Nghị quyết ', 'Chỉ thị số ', 'số ', '12/', '2021-', 'Quyết định thanh tra kiểm tra giám sát ', 'Nghị quyết Đại hội đại biểu Đảng bộ tỉnh ', '1.234.567.', 'của Ban Thường vụ Tỉnh ủy ', '(sau đây gọi tắt là ', 'hướng dẫn ', '/QĐ-', 'Luật ', 'Hiến pháp ', '    ', 'ngày 12/12/', 'Chỉ thị số 33/CT-TTg ', '\n'];
    let seed = 7;
    const out: string[] = [];
    let size = 0;
    while (size < 1_000_000) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const b = bits[seed % bits.length]!;
      out.push(b);
      size += b.length;
    }
    const text = out.join('');
    const file = join(dir, 'near.txt');
    writeFileSync(file, text);
    const r = cli(file);
    expect(r.code).toBe(0);
    const refs = JSON.parse(r.out) as { start: number; end: number; text: string }[];
    expect(refs.length).toBeGreaterThan(0);
    let last = 0;
    for (const ref of refs) {
      expect(ref.start).toBeGreaterThanOrEqual(last);
      expect(text.slice(ref.start, ref.end)).toBe(ref.text);
      last = ref.end;
    }
  }, 60_000);

  it.each([
    ['missing file', [join(dir, 'nope.txt')], /không tìm thấy[\s\S]*not found/],
    ['directory', [dir], /thư mục[\s\S]*directory/],
    ['empty file', [(() => { const f = join(dir, 'empty.txt'); writeFileSync(f, ''); return f; })()], /rỗng[\s\S]*empty/],
    ['not UTF-8', [(() => { const f = join(dir, 'latin1.txt'); writeFileSync(f, Buffer.from([0x43, 0x68, 0xe1, 0x20, 0xff])); return f; })()], /UTF-8/],
    ['no argument', [], /usage/],
  ])('%s → clear message, non-zero exit, no stack trace', (_name, args, message) => {
    const r = cli(...(args as string[]));
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(r.out).toBe('');
  }, 30_000);
});
