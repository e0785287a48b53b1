/**
 * The commands tests run in-process (check, refs, import, new) take their command line
 * through the one parser of src/lib/command-line.ts: the same options, validators, exit
 * codes and file-argument rule (relative to io.cwd, the caller's folder) as the scripts.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCheckCommand } from '../../src/lib/check/command.ts';
import { runRefsCommand } from '../../src/lib/citations/refs-command.ts';
import { runImportCommand } from '../../src/lib/editor/import-command.ts';
import { runNewCommand } from '../../src/lib/editor/new-command.ts';
import { cleanup, copyGood, PROJECT_ROOT, TODAY } from '../check/helpers.ts';

const scratch: string[] = [];
afterAll(() => {
  cleanup();
  for (const d of scratch.splice(0)) rmSync(d, { recursive: true, force: true });
});

type Command = typeof runCheckCommand;
function run(command: Command, argv: string[], cwd = PROJECT_ROOT) {
  const out: string[] = [];
  const err: string[] = [];
  const code = command(argv, { out: (t) => out.push(t), err: (t) => err.push(t), cwd, today: TODAY }, PROJECT_ROOT);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('one parser for the in-process commands', () => {
  it.each([
    ['check', runCheckCommand],
    ['import', runImportCommand],
    ['new', runNewCommand],
    ['refs', runRefsCommand as Command],
  ] as const)('%s: --help prints the usage on out (exit 0); an unknown option is exit 2 with the usage on err', (_name, command) => {
    const help = run(command, ['--help']);
    expect(help).toMatchObject({ code: 0, err: '' });
    expect(help.out).toMatch(/^(C|c)ách dùng/);
    const bad = run(command, ['--frobnicate']);
    expect(bad.code).toBe(2);
    expect(bad.out).toBe('');
    expect(bad.err).toMatch(/không hiểu tham số "--frobnicate"/);
    expect(bad.err).toMatch(/ách dùng/);
  });

  it('option values are validated: a missing --root, an unknown --province, an impossible --date', () => {
    expect(run(runCheckCommand, ['--root', '/khong/co/thu-muc'])).toMatchObject({ code: 2, err: expect.stringContaining('--root: không có thư mục "/khong/co/thu-muc"') });
    const input = join(PROJECT_ROOT, 'test/fixtures/import/seed-004-ke-hoach-hai-duong.txt');
    const root = copyGood();
    const province = run(runImportCommand, [input, '--root', root, '--province', '../../etc']);
    expect(province.code).toBe(2);
    expect(province.err).toMatch(/--province: không có mã tỉnh "..\/..\/etc"/);
    const date = run(runRefsCommand as Command, [input, '--date', '2021-13-45']);
    expect(date.code).toBe(2);
    expect(date.err).toMatch(/--date: .*\nError: --date: "2021-13-45" is not a real date/);
    expect(run(runNewCommand, ['--root', root])).toMatchObject({ code: 2, err: expect.stringContaining('cần một dòng trích dẫn hoặc --from-missing') });
  });

  it('file and folder arguments are relative to io.cwd, the caller\'s folder', () => {
    const root = copyGood();
    const checked = run(runCheckCommand, ['--root', basename(root)], dirname(root));
    expect(checked.code, checked.err).toBe(0);

    const elsewhere = mkdtempSync(join(tmpdir(), 'danvan-caller-'));
    scratch.push(elsewhere);
    writeFileSync(join(elsewhere, 'van-ban.txt'), readFileSync(join(PROJECT_ROOT, 'test/fixtures/import/seed-004-ke-hoach-hai-duong.txt')));
    const imported = run(runImportCommand, ['van-ban.txt', '--root', root, '--out', 'nhap'], elsewhere);
    expect(imported.code, imported.err).toBe(0);
    expect(imported.out).toMatch(/^Đã tạo bản nháp: nhap\/ke-hoach-/);
    expect(existsSync(join(elsewhere, 'nhap'))).toBe(true);
    // The same file again: refused (exit 1), nothing replaced.
    const again = run(runImportCommand, ['van-ban.txt', '--root', root, '--out', 'nhap'], elsewhere);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/đã có; không ghi đè\. Dùng --force/);
  });
});
