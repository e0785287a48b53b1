/**
 * scripts/build-graph.ts as the build runs it: rendering in worker threads gives the
 * same files as rendering in one thread; a rebuild after editing one body re-renders
 * and rewrites only that body; --check refuses to write anything on a content error
 * and prints the same report as `npm run check`.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCheckCommand } from '../../src/lib/check/command.ts';
import { TEST_TODAY as TODAY } from '../today.ts';
import { bundleTimes, generatedSnapshot, tempCorpus } from './helpers.ts';

const PROJECT = join(import.meta.dirname, '../..');
const SCRIPT = join(PROJECT, 'scripts/build-graph.ts');
const tmp = tempCorpus();
afterAll(() => tmp.remove());

const run = (...args: string[]) => spawnSync(process.execPath, [SCRIPT, '--root', tmp.root, ...args], { encoding: 'utf8' });
const generated = (p: string) => join(tmp.root, '.generated', p);
const dropCache = () => ['cache', 'bodies'].forEach((d) => rmSync(generated(d), { recursive: true, force: true }));
/** `npm run check --root` on the same tree, in-process (the same command the script runs). */
function check(): { status: number; stdout: string } {
  const out: string[] = [];
  const status = runCheckCommand(['--root', tmp.root], { out: (t) => out.push(`${t}\n`), err: (t) => out.push(t), cwd: PROJECT, today: TODAY }, PROJECT);
  return { status, stdout: out.join('') };
}
const snapshot = () => generatedSnapshot(tmp.root);
const mtimes = () => bundleTimes(tmp.root);

describe('build-graph: threads, incremental rendering, --check', () => {
  it('writes the same files from worker threads as from one thread', () => {
    const one = run('--threads', '1');
    expect(one.status, one.stderr).toBe(0);
    expect(one.stdout).toMatch(/Đọc lại 9 nội dung, dùng bộ đệm 0/);
    const a = snapshot();
    expect(existsSync(generated('frontmatter.json'))).toBe(true);

    // No cache: everything is rendered again, this time by two workers.
    dropCache();
    const two = run('--threads', '2');
    expect(two.status, two.stderr).toBe(0);
    expect(two.stdout).toMatch(/Đọc lại 9 nội dung, dùng bộ đệm 0/);
    expect(snapshot()).toEqual(a);
  });

  it('re-renders only the edited body and rewrites only its bundle', () => {
    const before = mtimes();
    const old = snapshot();
    tmp.appendBody('van-ban', 'chi-thi-16-ct-ttg-2016', 'Chỉ thị còn được nhắc trong Kết luận số 114-KL/TW ngày 14/7/2015 của Ban Bí thư.');
    const r = run('--threads', '2');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Đọc lại 1 nội dung, dùng bộ đệm 8/);
    const after = mtimes();
    expect(Object.keys(after).filter((c) => after[c] !== before[c])).toEqual(['documents']);
    const now = snapshot();
    const changedBodies = Object.keys(now).filter((f) => f.endsWith('.html') && now[f] !== old[f]);
    expect(changedBodies).toEqual(['documents/chi-thi-16-ct-ttg-2016.html']);
    expect(now['documents/chi-thi-16-ct-ttg-2016.html']).toContain('data-doc="ket-luan-114-kl-tw-2015"');

    // The incremental result is the one a build from scratch gives.
    const incremental = snapshot();
    dropCache();
    expect(run('--threads', '1').status).toBe(0);
    expect(snapshot()).toEqual(incremental);
  });

  it('with --check, prints the check report and writes nothing when the content has an error', () => {
    const ok = run('--check');
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout.startsWith(check().stdout)).toBe(true);

    const before = snapshot();
    const times = mtimes();
    tmp.appendBody('van-ban', 'quyet-dinh-23-qd-tw-2021', 'Một biểu thức {1 + 1} không được có trong nội dung.');
    for (const threads of ['1', '2']) {
      const r = run('--check', '--threads', threads);
      expect(r.status).toBe(1);
      expect(r.stdout).toMatch(/mdx-expression/);
      const alone = check();
      expect(alone.status).toBe(1);
      expect(r.stdout).toBe(alone.stdout);
      expect(snapshot()).toEqual(before);
      expect(mtimes()).toEqual(times);
    }
  });

  it('adding a document extracts only it; a body that cites it is re-linked from its cached extraction', () => {
    const ct05 = join(tmp.root, 'content/van-ban/chi-thi-05-ct-tw-2016.mdx');
    const ct05Text = readFileSync(join(tmp.root, 'content/van-ban/ket-luan-114-kl-tw-2015.mdx'), 'utf8')
      .replace('type: ket-luan', 'type: chi-thi')
      .replace('number: "114-KL/TW"', 'number: "05-CT/TW"')
      .replace('issued: "2015-07-14"', 'issued: "2016-05-15"')
      .replace('issuer: ban-bi-thu', 'issuer: bo-chinh-tri');
    tmp.appendBody('van-ban', 'chi-thi-16-ct-ttg-2016', 'Tinh thần này có từ Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị.');
    expect(run('--threads', '2').status).toBe(0);
    // Workers (2) and this thread (1) take the same path.
    for (const threads of ['2', '1']) {
      writeFileSync(ct05, ct05Text);
      const r = run('--threads', threads);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/Đọc lại 1 nội dung, dùng bộ đệm 9 \(liên kết lại 1\)/);
      const incremental = snapshot();
      expect(incremental['documents/chi-thi-16-ct-ttg-2016.html']).toContain('data-doc="chi-thi-05-ct-tw-2016"');
      // From scratch: the same files.
      dropCache();
      expect(run('--threads', '1').stdout).toMatch(/Đọc lại 10 nội dung, dùng bộ đệm 0/);
      expect(snapshot()).toEqual(incremental);
      // Removing it again re-links the citing body back to an unresolved mention.
      rmSync(ct05);
      const back = run('--threads', threads);
      expect(back.stdout).toMatch(/Đọc lại 0 nội dung, dùng bộ đệm 9 \(liên kết lại 1\)/);
      expect(snapshot()['documents/chi-thi-16-ct-ttg-2016.html']).not.toContain('data-doc="chi-thi-05-ct-tw-2016"');
    }
  });
});
