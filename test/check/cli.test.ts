/**
 * `npm run check` as editors run it: the command on a content tree, its output lines,
 * summary and exit code. Most cases run the command in-process (src/lib/check/command.ts);
 * two spawn the real script, so the CLI itself stays covered end to end. Also runs it on
 * the shipped content/ (only that it is checked and reported cleanly; the content itself
 * is tested by its own suite).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { runCheckCommand } from '../../src/lib/check/command.ts';
import { contentFiles } from '../../src/lib/check/files.ts';
import { DOCS, GOOD_CORPUS, PROJECT_ROOT, TODAY, appendBody, cleanup, copyGood, lineWith, read, replaceIn, write } from './helpers.ts';

afterAll(cleanup);

function runScript(args: string[], spawned = false): { status: number | null; stdout: string; stderr: string } {
  if (!spawned) {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (t: string) => out.push(`${t}\n`), err: (t: string) => err.push(`${t}\n`), cwd: PROJECT_ROOT, today: TODAY };
    const status = runCheckCommand(args, io, PROJECT_ROOT);
    return { status, stdout: out.join(''), stderr: err.join('') };
  }
  const r = spawnSync(process.execPath, [join(PROJECT_ROOT, 'scripts', 'check.ts'), ...args], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const SUMMARY = /^Đã kiểm tra (\d+) tệp: (\d+) lỗi, (\d+) cảnh báo\.$/m;

describe('scripts/check.ts', () => {
  it('passes the good corpus with exit code 0', () => {
    const r = runScript(['--root', GOOD_CORPUS], true);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const m = SUMMARY.exec(r.stdout);
    expect(m?.slice(1, 3)).toEqual(['12', '0']);
  });

  it('lists each of a dozen injected faults and exits with 1', () => {
    const root = copyGood();
    const { d290, d23, d114, d16, d33, d79, d1553, rec, course, topics } = DOCS;
    replaceIn(root, d33, 'issued: "2021-11-26"', 'issued: "2021-02-30"');
    replaceIn(root, d33, 'issuer: thu-tuong-chinh-phu', 'issuer: thu-tuong');
    replaceIn(root, d16, 'number: "16/CT-TTg"', 'number: "16-CT/TTg"');
    replaceIn(root, d23, 'id: quyet-dinh-290-qd-tw-2010', 'id: quyet-dinh-290-qd-tw-2009');
    replaceIn(root, d290, 'statusAsOf: "2026-11-01"', 'statusAsOf: "2099-01-01"');
    replaceIn(root, d79, 'coIssuers: [ban-can-su-dang-chinh-phu]', 'coIssuers: [ban-can-su]');
    replaceIn(root, d1553, 'id: chi-thi-16-ct-ttg-2016', 'id: quyet-dinh-1553-qd-ubnd-2016-tra-vinh');
    const scriptLine = appendBody(root, d114, '\n<script>alert(1)</script>\n') + 1;
    replaceIn(root, rec, 'reportsOn: [chi-thi-16-ct-ttg-2016,', 'reportsOn: [chi-thi-16,');
    replaceIn(root, course, 'document: quyet-dinh-23-qd-tw-2021', 'document: quyet-dinh-23-2021');
    write(root, topics, `${read(root, topics)}- id: dan-van-kheo\n  name: Trùng mã\n`);
    replaceIn(root, d16, 'Năm 2021', 'Ðến năm 2021');
    const r = runScript(['--root', root]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    const expected = [
      `${d33}:${lineWith(root, d33, 'issued:')} [issued] lỗi (date-invalid)`,
      `${d33}:${lineWith(root, d33, 'issuer:')} [issuer] lỗi (unknown-issuer)`,
      `${d16}:${lineWith(root, d16, 'number:')} [number] lỗi (number-form)`,
      `${d23}:${lineWith(root, d23, 'replaces:')} [relations.replaces.0] lỗi (relation-missing-target)`,
      `${d290}:${lineWith(root, d290, 'statusAsOf:')} [statusAsOf] lỗi (status-as-of-future)`,
      `${d79}:${lineWith(root, d79, 'coIssuers:')} [coIssuers.0] lỗi (unknown-issuer)`,
      `${d1553}:${lineWith(root, d1553, 'implements:')} [relations.implements.0] lỗi (relation-self)`,
      `${d114}:${scriptLine} [body] lỗi (html-dangerous-tag)`,
      `${rec}:${lineWith(root, rec, 'reportsOn:')} [reportsOn.0] lỗi (unknown-document)`,
      `${course}:${lineWith(root, course, 'quyet-dinh-23-2021')} [readings.1.document] lỗi (unknown-document)`,
      `${topics}:${lineWith(root, topics, 'Trùng mã') - 1} [3.id] lỗi (registry-duplicate-id)`,
      `${d16}:${lineWith(root, d16, 'Ðến năm')} lỗi (text-eth)`,
    ];
    for (const e of expected) expect(r.stdout, e).toContain(e);
    expect(SUMMARY.exec(r.stdout)?.[2]).toBe('12');
    // Report order: by file, then line.
    const lines = r.stdout.split('\n').filter((l) => l.startsWith('content/'));
    const keys = lines.map((l) => l.replace(/^([^:]+):(\d+).*$/, (_, f: string, n: string) => `${f}\u0000${n.padStart(8, '0')}`));
    expect(keys).toEqual([...keys].sort());
  });

  it('prints JSON with --json', () => {
    const root = copyGood();
    replaceIn(root, DOCS.d33, 'type: chi-thi', 'type: chi-thị');
    const r = runScript(['--root', join(root, 'content'), '--json']);
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout) as { files: number; errors: number; diagnostics: { code: string; file: string; line: number }[] };
    expect(out.errors).toBe(1);
    expect(out.diagnostics.filter((d) => d.code === 'unknown-type')).toEqual([
      expect.objectContaining({ file: DOCS.d33, line: 2, code: 'unknown-type' }),
    ]);
  });

  it('--fix reports what it changed and then checks the fixed files', () => {
    const root = copyGood();
    replaceIn(root, DOCS.d16, 'Năm 2021', 'Ðến năm 2021');
    const r = runScript(['--root', root, '--fix']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`${DOCS.d16}:\\d+ đã sửa: U\\+00D0 → "Đ"`));
    expect(r.stdout).toMatch(/đã sửa 1 tệp\.$/m);
    expect(read(root, DOCS.d16)).toContain('Đến năm 2021');
  });

  it('rejects an unknown option with exit code 2 and the usage', () => {
    const r = runScript(['--frobnicate']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--frobnicate');
    expect(r.stderr).toContain('--root');
  });

  it('never prints a stack trace on hostile content', () => {
    const root = copyGood();
    write(root, 'content/van-ban/rac.mdx', Buffer.from([0x00, 0xff, 0xfe, 0x80, 0x0a]));
    write(root, 'content/van-ban/sau.mdx', `---\ntopics: ${'['.repeat(30000)}${']'.repeat(30000)}\n---\n`);
    write(root, 'content/van-ban/bom.mdx', `---\na: &a [x,x,x,x,x,x,x,x,x]\n${'bcdefg'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefg'[i]}`).join(',')}]`).join('\n')}\n---\n`);
    write(root, 'content/chuyen-de/trong.mdx', '');
    const r = runScript(['--root', root], true);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toMatch(/^\s+at /m);
    expect(r.stdout).toMatch(SUMMARY);
  });

  it('checks the shipped content/ (whatever its state) and reports cleanly', () => {
    const r = runScript([]);
    expect(r.stderr).toBe('');
    expect([0, 1]).toContain(r.status);
    const m = SUMMARY.exec(r.stdout);
    expect(m).not.toBeNull();
    expect(Number(m![1])).toBe(contentFiles(PROJECT_ROOT).checked.length);
    expect(r.stdout).not.toContain('internal-error');
  });
});
