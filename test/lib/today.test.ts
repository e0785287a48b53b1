/**
 * "Today" comes from one place (src/lib/today.ts). Every path that compares with or stamps
 * today is run here on a day a year after and a year before the tests' pinned day: a path
 * that read the clock instead would disagree with the injected day and fail.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/lib/check/index.ts';
import type { CommandIO } from '../../src/lib/command-io.ts';
import { runImportCommand } from '../../src/lib/editor/import-command.ts';
import { runNewCommand } from '../../src/lib/editor/new-command.ts';
import { BadTodayError, dayInVietnam, today, TODAY_ENV } from '../../src/lib/today.ts';
import { DOCS, cleanup, copyGood, replaceIn } from '../check/helpers.ts';
import { FIXTURES, ROOT, tempRoot } from '../editor/support.ts';
import { TEST_TODAY } from '../today.ts';

function shiftYears(iso: string, years: number): string {
  return `${Number(iso.slice(0, 4)) + years}${iso.slice(4)}`;
}

function nextDay(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

function capture(day: string): CommandIO & { printed: () => string } {
  const lines: string[] = [];
  const push = (t: string) => lines.push(t);
  return { out: push, err: push, cwd: ROOT, today: day, printed: () => lines.join('\n') };
}

afterAll(() => cleanup());

describe('today()', () => {
  it('is DANVAN_TODAY when set, else the clock\'s day in Vietnam', () => {
    expect(today({ [TODAY_ENV]: '2027-06-15' }, () => new Date('2020-01-01T00:00:00Z'))).toBe('2027-06-15');
    // 17:30 UTC on 31 December is already 1 January in Vietnam (UTC+7).
    const newYearsEve = () => new Date('2026-12-31T17:30:00Z');
    expect(today({}, newYearsEve)).toBe('2027-01-01');
    expect(today({ [TODAY_ENV]: '' }, newYearsEve)).toBe('2027-01-01');
    expect(dayInVietnam(new Date('2026-12-31T16:59:00Z'))).toBe('2026-12-31');
  });

  it.each(['2027-6-15', '15/06/2027', '2027-02-30', '2027-06', 'tomorrow'])('rejects DANVAN_TODAY=%s with a message that says what to write', (value) => {
    expect(() => today({ [TODAY_ENV]: value })).toThrow(BadTodayError);
    expect(() => today({ [TODAY_ENV]: value })).toThrow(/DANVAN_TODAY không hợp lệ: .*DANVAN_TODAY=2027-06-15/);
  });

  it('is pinned for every test and every CLI a test spawns', () => {
    expect(process.env[TODAY_ENV]).toBe(TEST_TODAY);
    expect(today()).toBe(TEST_TODAY);
  });

  it('stops a CLI at once when DANVAN_TODAY is malformed (exit 2, no stack trace)', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/check.ts'), '--root', copyGood()], {
      encoding: 'utf8',
      env: { ...process.env, [TODAY_ENV]: '2027-13-01' },
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^Lỗi: DANVAN_TODAY không hợp lệ: "2027-13-01"/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe.each([
  ['a year ahead', shiftYears(TEST_TODAY, 1)],
  ['a year back', shiftYears(TEST_TODAY, -1)],
])('with today %s (%s)', (_, day) => {
  const tomorrow = nextDay(day);
  const codesOf = (root: string, file: string) =>
    runCheck(root, { today: day }).diagnostics.filter((d) => d.file === file).map((d) => d.code);

  it('check: a date on today passes, the day after is in the future', () => {
    const root = copyGood();
    replaceIn(root, DOCS.d33, 'statusAsOf: "2026-11-01"', `statusAsOf: "${day}"`);
    expect(codesOf(root, DOCS.d33)).not.toContain('status-as-of-future');
    replaceIn(root, DOCS.d33, `statusAsOf: "${day}"`, `statusAsOf: "${tomorrow}"`);
    expect(codesOf(root, DOCS.d33)).toContain('status-as-of-future');

    replaceIn(root, DOCS.d33, 'issued: "2021-11-26"', `issued: "${tomorrow}"`);
    expect(codesOf(root, DOCS.d33)).toContain('issued-future');
    replaceIn(root, DOCS.rec, 'date: "2021-04-19"', `date: "${day}"`);
    expect(codesOf(root, DOCS.rec)).not.toContain('date-future');
    replaceIn(root, DOCS.rec, `date: "${day}"`, `date: "${tomorrow}"`);
    expect(codesOf(root, DOCS.rec)).toContain('date-future');
  });

  it('npm run check reads the day from DANVAN_TODAY', () => {
    const root = copyGood();
    replaceIn(root, DOCS.d33, 'statusAsOf: "2026-11-01"', `statusAsOf: "${tomorrow}"`);
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/check.ts'), '--root', root], {
      encoding: 'utf8',
      env: { ...process.env, [TODAY_ENV]: day },
    });
    expect(r.stdout).toContain(`ngày xác minh tình trạng ${tomorrow} ở tương lai (hôm nay là ${day})`);
  });

  it('import stamps the injected day into statusAsOf, and the draft passes the check on that day', () => {
    const { root, cleanup: done } = tempRoot();
    try {
      const io = capture(day);
      expect(runImportCommand([join(FIXTURES, 'ke-hoach-tinh.txt'), '--root', root], io, ROOT), io.printed()).toBe(0);
      const file = 'content/van-ban/ke-hoach-17-kh-ubnd-2018-tra-vinh.mdx';
      expect(readFileSync(join(root, file), 'utf8')).toMatch(new RegExp(`^statusAsOf: "${day}"$`, 'm'));
      expect(io.printed()).toMatch(/Kết quả kiểm tra bản nháp \(như npm run check\): 0 lỗi/);
      expect(runCheck(root, { today: day }).diagnostics.filter((d) => d.file === file && d.severity === 'error')).toEqual([]);
    } finally {
      done();
    }
  });

  it('new stamps the injected day into statusAsOf, and the scaffold passes the check on that day', () => {
    const { root, cleanup: done } = tempRoot();
    try {
      const io = capture(day);
      const citation = 'Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh';
      expect(runNewCommand([citation, '--root', root], io, ROOT), io.printed()).toBe(0);
      const file = 'content/van-ban/chi-thi-05-ct-tw-2016.mdx';
      expect(readFileSync(join(root, file), 'utf8')).toMatch(new RegExp(`^statusAsOf: "${day}"$`, 'm'));
      expect(io.printed()).toMatch(/Kết quả kiểm tra \(như npm run check\): 0 lỗi/);
    } finally {
      done();
    }
  });
});
