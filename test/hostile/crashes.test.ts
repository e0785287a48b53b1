/**
 * Hostile cases, group 3: crashes, blow-ups and wrong success (issue #20, points 9–13).
 * Each ends with a clear message (file:line where there is one) and no stack trace; most
 * run in this process, a few through the real command line.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/lib/check/index.ts';
import { corpusEntriesFrom } from '../../src/lib/citations/index.ts';
import { parseContentFile } from '../../src/lib/content/frontmatter.ts';
import { loadCorpus } from '../../src/lib/content/corpus.ts';
import { scaffoldFromCitation } from '../../src/lib/editor/scaffold.ts';
import { decodeUtf8, readRegularFile } from '../../src/lib/files/input.ts';
import { readGraphFile } from '../../src/lib/graph/read.ts';
import { argPath, calendarDate, CliError, existingDir, knownProvince, parseCommandLine, wholeNumber } from '../../src/lib/command-line.ts';
import { cleanup, copyGood, DOCS, GOOD_CORPUS, PROJECT_ROOT, read, replaceIn, TODAY, write } from '../check/helpers.ts';

const scratch: string[] = [];
afterAll(() => {
  cleanup();
  for (const d of scratch.splice(0)) rmSync(d, { recursive: true, force: true });
});

const noTrace = (text: string) => expect(text).not.toMatch(/\n\s+at |RangeError|TypeError|SyntaxError/);
const node = (script: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) =>
  spawnSync(process.execPath, [join(PROJECT_ROOT, script), ...args], { encoding: 'utf8', cwd: options.cwd ?? PROJECT_ROOT, env: { ...process.env, DANVAN_TODAY: TODAY, ...options.env } });

describe('input files: regular files only, bounded', () => {
  it.each([['/dev/zero'], ['/dev/urandom'], ['/dev/null']])('%s is refused at once as not a regular file', (path) => {
    const r = readRegularFile(path, path);
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/không phải tệp thường/) });
  });

  it('a file over the limit is refused with both sizes; a folder and a missing file are sentences', () => {
    const dir = mkdtempSync(join(tmpdir(), 'danvan-input-'));
    scratch.push(dir);
    writeFileSync(join(dir, 'lon.txt'), 'x'.repeat(4096));
    expect(readRegularFile(join(dir, 'lon.txt'), 'lon.txt', 1024)).toMatchObject({ ok: false, message: 'tệp "lon.txt" quá lớn (0.00 MB; tối đa 0.00 MB)' });
    expect(readRegularFile(dir, 'd')).toMatchObject({ ok: false, message: '"d" là thư mục, không phải tệp văn bản' });
    expect(readRegularFile(join(dir, 'khong'), 'khong')).toMatchObject({ ok: false, message: 'không tìm thấy tệp "khong"' });
  });

  it('refs /dev/zero and import /dev/urandom stop at once with a message (no memory blow-up)', () => {
    for (const [script, args] of [['scripts/refs.ts', ['/dev/zero']], ['scripts/import.ts', ['/dev/urandom']]] as const) {
      const started = performance.now();
      const r = node(script, [...args]);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/không phải tệp thường/);
      noTrace(r.stderr);
      expect(performance.now() - started).toBeLessThan(20_000);
    }
  }, 60_000);
});

describe('command-line options are validated', () => {
  const spec = { usage: 'u', options: { date: { type: 'string' }, province: { type: 'string' }, force: { type: 'boolean' } }, positionals: { max: 1 } } as const;
  const error = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      if (e instanceof CliError) return e.message;
      throw e;
    }
    return null;
  };

  it.each([
    [['--frobnicate'], 'không hiểu tham số "--frobnicate"'],
    [['--date'], 'thiếu giá trị sau --date'],
    [['--force=yes'], '--force không nhận giá trị'],
    [['a.txt', 'b.txt'], 'thừa tham số "b.txt"'],
  ])('%j → %s', (argv, message) => {
    expect(error(() => parseCommandLine(argv, spec))).toBe(message);
  });

  it.each([['2021-13-45'], ['2021-02-30'], ['2021-2-3'], ['hôm nay'], ['1800-01-01']])('--date %s is refused', (value) => {
    expect(error(() => calendarDate(value, '--date'))).toMatch(/^--date: .*\(cần YYYY-MM-DD\)$/);
  });

  it('a --province that is not in the registry (a path, an unknown id) is refused; a known one passes', () => {
    const provinces = loadCorpus(GOOD_CORPUS).registries.provinces;
    expect(error(() => knownProvince('../../etc', provinces))).toMatch(/^--province: không có mã tỉnh "..\/..\/etc" trong content\/registries\/provinces.yaml/);
    expect(knownProvince(provinces[0]!.id, provinces)).toBe(provinces[0]!.id);
    expect(error(() => wholeNumber('0', '--threads'))).toMatch(/từ 1 trở lên/);
    expect(error(() => wholeNumber('2abc', '--threads'))).toMatch(/"2abc"/);
    expect(error(() => existingDir('/khong/co/thu-muc', '--root'))).toBe('--root: không có thư mục "/khong/co/thu-muc"');
  });

  it('refs --date 2021-13-45 exits 2 with the reason, in both languages, before reading anything', () => {
    const date = node('scripts/refs.ts', ['/dev/zero', '--date', '2021-13-45']);
    expect(date.status).toBe(2);
    expect(date.stderr).toMatch(/--date: "2021-13-45"[\s\S]*Error: --date: "2021-13-45" is not a real date/);
    expect(date.stdout).toBe('');
  }, 30_000);

  it('new "… ngày 31/02/2020 …" is refused instead of silently keeping only the year', () => {
    const corpus = loadCorpus(GOOD_CORPUS);
    const entries = corpusEntriesFrom(corpus.documents).map((e, i) => ({ ...e, file: corpus.documents[i]!.file }));
    const opts = { registries: corpus.registries, corpus: entries, today: TODAY };
    const bad = scaffoldFromCitation('Chỉ thị số 07/CT-TTg ngày 31/02/2020 của Thủ tướng Chính phủ về thử nghiệm', opts);
    expect(bad).toEqual({ ok: false, message: '"ngày 31/02/2020" không phải là một ngày có thật trong dòng trích dẫn; sửa ngày rồi chạy lại (không tạo tệp chỉ với năm)' });
    const spelled = scaffoldFromCitation('Chỉ thị số 07/CT-TTg ngày 30 tháng 02 năm 2020 của Thủ tướng Chính phủ về thử nghiệm', opts);
    expect(spelled.ok).toBe(false);
    const good = scaffoldFromCitation('Chỉ thị số 07/CT-TTg ngày 28/02/2020 của Thủ tướng Chính phủ về thử nghiệm', opts);
    expect(good.ok && good.scaffold.frontmatter.issued).toBe('2020-02-28');
  });

  it('import resolves its file against the caller\'s folder, like refs (through scripts/run.mjs, run from elsewhere)', () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'danvan-caller-'));
    scratch.push(elsewhere);
    writeFileSync(join(elsewhere, 'van-ban.txt'), readFileSync(join(PROJECT_ROOT, 'test/fixtures/import/seed-004-ke-hoach-hai-duong.txt')));
    const root = copyGood();
    const r = spawnSync(process.execPath, [join(PROJECT_ROOT, 'scripts/run.mjs'), 'import', 'van-ban.txt', '--root', root, '--out', 'nhap'], {
      cwd: elsewhere,
      encoding: 'utf8',
      env: { ...process.env, DANVAN_TODAY: TODAY, INIT_CWD: '' },
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Đã tạo bản nháp: nhap\/ke-hoach-/);
    expect(argPath('x')).toBe(join(process.cwd(), 'x'));
  }, 30_000);
});

describe('unreadable state: a clear message and a rebuild', () => {
  it('new --from-missing with a corrupt .generated/graph.json says so, rebuilds the graph and goes on', () => {
    const root = copyGood();
    mkdirSync(join(root, '.generated'), { recursive: true });
    // What the graph reader says of other broken shapes (the command line below shows one).
    const path = join(root, '.generated/graph.json');
    for (const [garbage, problem] of [['', /JSON/], ['null', /sai dạng/], ['{"nodes":[],"unresolved":[{"key":1}]}', /sai dạng/], ['{"nodes":[],"unresolved":[{"key":"a","citedBy":[{"id":"x"}]}]}', /sai dạng/]] as const) {
      writeFileSync(path, garbage);
      expect(readGraphFile(path)).toMatch(problem);
    }
    for (const garbage of ['{"version":1,"nodes":[']) {
      writeFileSync(path, garbage);
      const r = node('scripts/new.ts', ['--root', root, '--out', join(root, 'nhap'), '--from-missing', 'khong-co-khoa-nay']);
      expect(r.stdout).toMatch(/\.generated\/graph\.json không đọc được \((không phải JSON hợp lệ|thiếu danh sách .*)\); đang dựng lại đồ thị/);
      // The rebuilt graph is read: the key is then looked up and not found (exit 1, a sentence).
      expect(r.stderr).toMatch(/Lỗi: không có "khong-co-khoa-nay"/);
      noTrace(r.stderr);
      expect(JSON.parse(readFileSync(join(root, '.generated/graph.json'), 'utf8')).unresolved).toBeInstanceOf(Array);
    }
  }, 60_000);
});

describe('YAML and encoding: one diagnostic, at its line', () => {
  const check = (root: string) => runCheck(root, { today: TODAY }).diagnostics.filter((d) => d.file === 'content/van-ban/sau.mdx');

  it('3,000 nested mapping lines → one diagnostic with a line, no "Maximum call stack size exceeded"', () => {
    const root = copyGood();
    write(root, 'content/van-ban/sau.mdx', `---\n${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')}\n---\nThân.\n`);
    const found = check(root);
    expect(found.map((d) => [d.line, d.code])).toEqual([[66, 'yaml-syntax']]);
    expect(found[0]!.message).toMatch(/lồng quá sâu/);
    noTrace(JSON.stringify(found));
  });

  it('3,000 nested brackets on one line → one diagnostic at that line', () => {
    const root = copyGood();
    write(root, 'content/van-ban/sau.mdx', `---\ntype: chi-thi\ntopics: ${'['.repeat(3000)}${']'.repeat(3000)}\n---\n`);
    expect(check(root).map((d) => [d.line, d.code])).toEqual([[3, 'yaml-syntax']]);
  });

  it('a complex key ("? [a, b]") is reported at its own line', () => {
    const root = copyGood();
    const text = read(root, DOCS.d16).replace('fullText: false\n', 'fullText: false\n? [a, b]\n: giá trị\n');
    const line = text.split('\n').indexOf('? [a, b]') + 1;
    expect(line).toBeGreaterThan(2);
    write(root, DOCS.d16, text);
    const found = runCheck(root, { today: TODAY }).diagnostics.filter((d) => d.file === DOCS.d16 && d.severity === 'error');
    expect(found.map((d) => [d.line, d.code])).toEqual([[line, 'yaml-syntax']]);
    expect(parseContentFile(text).yamlErrors[0]!.message).toMatch(/khóa phức tạp/);
  });

  it('bytes that are not UTF-8 in a title → a diagnostic at the title\'s line, even when the file also holds a real U+FFFD', () => {
    const root = copyGood();
    const text = read(root, DOCS.d16);
    const [before, after] = text.split('title: "Về');
    write(root, DOCS.d16, Buffer.concat([Buffer.from(`${before}title: "V`), Buffer.from([0xe1, 0xbb]), Buffer.from(`${after}\nKý tự thay thế thật: \uFFFD\n`)]));
    const found = runCheck(root, { today: TODAY }).diagnostics.filter((d) => d.file === DOCS.d16 && d.code === 'not-utf8');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: 7, severity: 'error' });
    expect(found[0]!.message).toMatch(/dòng 7, byte thứ 10 /);
    expect(decodeUtf8(Buffer.from([0x61, 0x0a, 0xed, 0xa0, 0x80]))).toEqual({ ok: false, line: 2, column: 1 });
    expect(decodeUtf8(Buffer.from([0xc0, 0xaf]))).toEqual({ ok: false, line: 1, column: 1 });
  });

  it('check prints each of these once, without an internal error, from the command line', () => {
    const root = copyGood();
    write(root, 'content/van-ban/sau.mdx', `---\n${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')}\n---\n`);
    replaceIn(root, DOCS.d33, 'status: unknown', 'status: khong-ro');
    const r = node('scripts/check.ts', ['--root', root]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout.match(/sau\.mdx/g)).toHaveLength(1);
    expect(r.stdout).not.toMatch(/Maximum call stack|internal-error/);
    expect(r.stdout).toMatch(/chi-thi-33-ct-ttg-2021\.mdx:\d+ \[status\] lỗi/);
  }, 30_000);
});
