import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runRefsCommand } from '../../src/lib/citations/refs-command.ts';
import { manyReferencesProblems, manyReferencesText, nearMentionsProblems, nearMentionsText, type RefOut } from '../../scripts/lib/refs-stress.ts';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'refs-cli-'));

/** The real script in a child process: kept for one case, so the CLI's wiring stays covered. */
function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'refs.ts'), ...args], { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The same command in-process (src/lib/citations/refs-command.ts). */
function command(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runRefsCommand(args, { out: (t) => out.push(`${t}\n`), err: (t) => err.push(`${t}\n`), cwd: root }, root);
  return { code, out: out.join(''), err: err.join('') };
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

  // Full size (5,000 lines, 1 MB) through the real CLI: npm run bench:refs.
  it('a file with 500 citation lines: every mention found, offsets slicing the file as read', () => {
    const text = manyReferencesText(500);
    const file = join(dir, 'many.txt');
    writeFileSync(file, text);
    const r = command(file);
    expect(r.code, r.err).toBe(0);
    expect(manyReferencesProblems(text, 500, JSON.parse(r.out) as RefOut[])).toEqual([]);
  });

  it('100 KB of near-mentions (type words without numbers, digit runs, open parentheses): no crash, valid output', () => {
    const text = nearMentionsText(100_000);
    const file = join(dir, 'near.txt');
    writeFileSync(file, text);
    const r = command(file);
    expect(r.code, r.err).toBe(0);
    expect(nearMentionsProblems(text, JSON.parse(r.out) as RefOut[])).toEqual([]);
  });

  it.each([
    ['missing file', [join(dir, 'nope.txt')], /không tìm thấy[\s\S]*not found/],
    ['directory', [dir], /thư mục[\s\S]*directory/],
    ['empty file', [(() => { const f = join(dir, 'empty.txt'); writeFileSync(f, ''); return f; })()], /rỗng[\s\S]*empty/],
    ['not UTF-8', [(() => { const f = join(dir, 'latin1.txt'); writeFileSync(f, Buffer.from([0x43, 0x68, 0xe1, 0x20, 0xff])); return f; })()], /UTF-8/],
    ['no argument', [], /usage/],
  ])('%s → clear message, non-zero exit, no stack trace', (_name, args, message) => {
    const r = command(...(args as string[]));
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(r.out).toBe('');
  }, 30_000);
});
