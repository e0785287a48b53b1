/**
 * Hostile cases, group 1: data loss and the site going offline (issue #20, points 1–3).
 * Full disks, read-only folders and kills are injected as failing fs calls, so the cases
 * run anywhere; each asserts the message and that no file was lost or written outside the tree.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/lib/check/index.ts';
import { loadCorpus } from '../../src/lib/content/corpus.ts';
import { writeDraftFile } from '../../src/lib/editor/write-draft.ts';
import { type AtomicFs, TEMP_PREFIX, writeFileAtomic } from '../../src/lib/files/atomic.ts';
import { lockSite, recoverSite, siteFolders, swapSite, type SwapFs } from '../../src/lib/files/site-swap.ts';
import { cleanup, copyGood, DOCS, PROJECT_ROOT, read, replaceIn, TODAY, write } from '../check/helpers.ts';
import { errno, failingFs, Killed, realFs, snapshot } from './support.ts';

const scratch: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'danvan-hostile-'));
  scratch.push(d);
  return d;
}
afterAll(() => {
  cleanup();
  for (const d of scratch.splice(0)) rmSync(d, { recursive: true, force: true });
});

const atomicFs = (n: number, fail: (name: string) => never) => failingFs(realFs, n, fail) as unknown as AtomicFs & { calls: string[] };
const enospc = (name: string): never => {
  throw errno('ENOSPC', name);
};

describe('atomic writes (temporary file in the same folder, fsync, rename)', () => {
  it('a full disk in the middle of the write leaves the old file whole and no temporary file', () => {
    const dir = tempDir();
    const path = join(dir, 'a.mdx');
    writeFileSync(path, 'nội dung cũ\n'.repeat(100));
    // Call 2 is the first write(2): the disk is full.
    const fs = atomicFs(2, enospc);
    expect(() => writeFileAtomic(path, 'nội dung mới', fs)).toThrow(/ENOSPC/);
    expect(fs.calls.slice(0, 2)).toEqual(['openSync', 'writeSync']);
    expect(readFileSync(path, 'utf8')).toBe('nội dung cũ\n'.repeat(100));
    expect(readdirSync(dir)).toEqual(['a.mdx']);
  });

  it('a file given as pieces is their concatenation, small pieces gathered; a full disk half-way leaves the old file', () => {
    const dir = tempDir();
    const path = join(dir, 'graph.json');
    writeFileSync(path, 'cũ');
    // Small pieces around one larger than the gathering buffer (1 MB), and enough small ones to fill it.
    const small = Array.from({ length: 3000 }, (_, i) => Buffer.from(`{"mảnh":${i}},`));
    const large = Buffer.alloc((1 << 20) + 17, 'ă');
    const pieces = [...small.slice(0, 1500), large, ...small.slice(1500), Buffer.from('[]')];
    const fs = atomicFs(1000, enospc);
    writeFileAtomic(path, pieces, fs);
    expect(readFileSync(path).equals(Buffer.concat(pieces))).toBe(true);
    // Gathered: far fewer writes than pieces.
    expect(fs.calls.filter((c) => c === 'writeSync').length).toBeLessThan(10);
    const failing = atomicFs(3, enospc);
    expect(() => writeFileAtomic(path, pieces.slice().reverse(), failing)).toThrow(/ENOSPC/);
    expect(readFileSync(path).equals(Buffer.concat(pieces))).toBe(true);
    expect(readdirSync(dir)).toEqual(['graph.json']);
  });

  it('the new file replaces the old one with its permissions', () => {
    const path = join(tempDir(), 'b.mdx');
    writeFileSync(path, 'cũ', { mode: 0o600 });
    chmodSync(path, 0o600);
    writeFileAtomic(path, 'mới');
    expect(readFileSync(path, 'utf8')).toBe('mới');
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('a kill just before the rename leaves the old file whole; the hidden leftover is never read as content', () => {
    const root = copyGood();
    const path = join(root, DOCS.d16);
    const before = readFileSync(path);
    // The rename is the 5th call; a kill there also skips the clean-up (rmSync does nothing).
    const killedFs = { ...atomicFs(5, () => { throw new Killed(); }), rmSync: () => undefined } as unknown as AtomicFs;
    expect(() => writeFileAtomic(path, 'half', killedFs)).toThrow(Killed);
    expect(readFileSync(path).equals(before)).toBe(true);
    const leftovers = readdirSync(join(root, 'content/van-ban')).filter((n) => n.startsWith(TEMP_PREFIX));
    expect(leftovers).toHaveLength(1);
    const result = runCheck(root, { today: TODAY });
    expect(result.files.some((f) => f.includes(TEMP_PREFIX))).toBe(false);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('check --fix', () => {
  it('on a full disk keeps the file exactly as it was and says so (no half-written content file)', () => {
    const root = copyGood();
    write(root, DOCS.d16, read(root, DOCS.d16).replace('Chỉ thị giao cho', 'Chỉ thị\u2013giao cho'));
    const before = snapshot(root);
    const result = runCheck(root, { fix: true, today: TODAY, fixFs: atomicFs(2, enospc) });
    expect(result.fixes).toEqual([]);
    const d = result.diagnostics.find((x) => x.code === 'fix-not-written');
    expect(d).toMatchObject({ file: DOCS.d16, severity: 'error' });
    expect(d!.message).toMatch(/ổ đĩa đã đầy \(ENOSPC\); tệp giữ nguyên/);
    expect(snapshot(root)).toEqual(before);
  });

  it('never follows a symbolic link: the outside file is untouched and the link is reported', () => {
    const root = copyGood();
    const outside = join(tempDir(), 'ngoai.mdx');
    const text = read(root, DOCS.d16).replace('Chỉ thị giao cho', 'Chỉ thị\u2013giao cho');
    writeFileSync(outside, text);
    symlinkSync(outside, join(root, 'content/van-ban/lien-ket.mdx'));
    const result = runCheck(root, { fix: true, today: TODAY });
    expect(readFileSync(outside, 'utf8')).toBe(text);
    expect(result.fixes.map((f) => f.file)).not.toContain('content/van-ban/lien-ket.mdx');
    expect(result.diagnostics.find((d) => d.file === 'content/van-ban/lien-ket.mdx')).toMatchObject({ code: 'not-regular-file', severity: 'error' });
  });
});

describe('symbolic links and special files in content/ (rule: content files are regular files inside the content root)', () => {
  it('a link to an outside file, a dangling link, a looping link and a linked folder are each one diagnostic, and the real problems are still reported', () => {
    const root = copyGood();
    const docs = join(root, 'content/van-ban');
    const outsideDir = tempDir();
    writeFileSync(join(outsideDir, 'bi-mat.mdx'), read(root, DOCS.d16));
    symlinkSync(join(outsideDir, 'bi-mat.mdx'), join(docs, 'ra-ngoai.mdx'));
    symlinkSync(join(outsideDir, 'khong-co.mdx'), join(docs, 'treo.mdx'));
    symlinkSync(join(docs, 'vong.mdx'), join(docs, 'vong.mdx'));
    symlinkSync(outsideDir, join(docs, 'thu-muc'));
    // A real problem elsewhere must not be hidden.
    replaceIn(root, DOCS.d33, 'status: unknown', 'status: con-hieu-luc');
    const result = runCheck(root, { today: TODAY });
    const links = result.diagnostics.filter((d) => d.code === 'not-regular-file').map((d) => d.file).sort();
    expect(links).toEqual(['content/van-ban/ra-ngoai.mdx', 'content/van-ban/thu-muc', 'content/van-ban/treo.mdx', 'content/van-ban/vong.mdx']);
    expect(result.diagnostics.some((d) => d.code === 'internal-error')).toBe(false);
    expect(result.diagnostics.some((d) => d.file === DOCS.d33 && d.field === 'status')).toBe(true);
    // Nothing behind a link is loaded, so nothing behind it can be published.
    expect(result.corpus.documents.map((d) => d.file).filter((f) => /ra-ngoai|thu-muc/.test(f))).toEqual([]);
  });

  it('a linked registry is refused like a missing one, not read', () => {
    const root = copyGood();
    const outside = join(tempDir(), 'topics.yaml');
    writeFileSync(outside, read(root, DOCS.topics));
    rmSync(join(root, DOCS.topics));
    symlinkSync(outside, join(root, DOCS.topics));
    const corpus = loadCorpus(root);
    expect(corpus.registries.topics).toEqual([]);
    expect(corpus.diagnostics).toContainEqual(expect.objectContaining({ file: DOCS.topics, code: 'not-regular-file' }));
  });

  it('build-graph reports a dangling link as a diagnostic, with no stack trace', () => {
    const root = copyGood();
    symlinkSync('/nonexistent/x.mdx', join(root, 'content/van-ban/treo.mdx'));
    const r = spawnSync(process.execPath, [join(PROJECT_ROOT, 'scripts/build-graph.ts'), '--root', root, '--threads', '1'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/content\/van-ban\/treo\.mdx:0 lỗi \(not-regular-file\): là liên kết tượng trưng/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(root, '.generated/graph.json'))).toBe(false);
  }, 30_000);
});

describe('drafts of import and new', () => {
  const draft = '---\ntype: chi-thi\n---\n\nBản nháp.\n';

  it('a full disk leaves no 0-byte draft, so the next run is not blocked', () => {
    const dir = tempDir();
    const path = join(dir, 'chi-thi-1-ct-ttg-2020.mdx');
    const first = writeDraftFile(path, draft, { shown: 'x.mdx', fs: atomicFs(2, enospc) });
    expect(first).toEqual({ ok: false, exists: false, message: 'không ghi được tệp "x.mdx": ổ đĩa đã đầy (ENOSPC); chưa ghi gì' });
    expect(readdirSync(dir)).toEqual([]);
    expect(writeDraftFile(path, draft, { shown: 'x.mdx' })).toEqual({ ok: true });
    expect(readFileSync(path, 'utf8')).toBe(draft);
  });

  it('a read-only folder is a sentence, not a stack trace', () => {
    const dir = tempDir();
    const erofs = (name: string): never => {
      throw errno('EROFS', name);
    };
    const r = writeDraftFile(join(dir, 'a.mdx'), draft, { shown: 'a.mdx', fs: atomicFs(1, erofs) });
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/chỉ cho đọc \(EROFS\)/) });
  });

  it('never writes through a dangling link, nor into a documents folder that links outside the tree', () => {
    const root = tempDir();
    const outside = tempDir();
    mkdirSync(join(root, 'content/van-ban'), { recursive: true });
    const link = join(root, 'content/van-ban/chi-thi-1-ct-ttg-2020.mdx');
    symlinkSync(join(outside, 'planted.mdx'), link);
    const r = writeDraftFile(link, draft, { shown: 'chi-thi-1-ct-ttg-2020.mdx', force: true, within: root });
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/liên kết tượng trưng/) });
    expect(readdirSync(outside)).toEqual([]);

    const root2 = tempDir();
    mkdirSync(join(root2, 'content'), { recursive: true });
    symlinkSync(outside, join(root2, 'content/van-ban'));
    const r2 = writeDraftFile(join(root2, 'content/van-ban/a.mdx'), draft, { shown: 'a.mdx', within: root2 });
    expect(r2).toMatchObject({ ok: false, message: expect.stringMatching(/ra ngoài/) });
    expect(readdirSync(outside)).toEqual([]);
  });

  it('npm run new refuses a dangling link at the draft path and writes nothing outside', () => {
    const root = copyGood();
    const outside = tempDir();
    symlinkSync(join(outside, 'planted.mdx'), join(root, 'content/van-ban/chi-thi-99-ct-ttg-2020.mdx'));
    const r = spawnSync(
      process.execPath,
      [join(PROJECT_ROOT, 'scripts/new.ts'), '--root', root, 'Chỉ thị số 99/CT-TTg ngày 10/02/2020 của Thủ tướng Chính phủ về thử nghiệm'],
      { encoding: 'utf8', env: { ...process.env, DANVAN_TODAY: TODAY } },
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/liên kết tượng trưng \(symlink\); không ghi qua nó/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(outside)).toEqual([]);
  }, 30_000);
});

describe('dist/ swap: recoverable at every instant, one build at a time', () => {
  function sites(): { out: string; parent: string } {
    const parent = tempDir();
    const out = join(parent, 'dist');
    mkdirSync(out);
    writeFileSync(join(out, 'index.html'), 'trang cũ');
    return { out, parent };
  }
  const newBuild = (out: string) => {
    const { tmp } = siteFolders(out);
    mkdirSync(tmp);
    writeFileSync(join(tmp, 'index.html'), 'trang mới');
    return tmp;
  };
  const callsOfSwap = (() => {
    const { out } = sites();
    const fs = failingFs(realFs, 0, () => { throw new Killed(); });
    swapSite(out, newBuild(out), fs as unknown as SwapFs);
    return fs.calls.length;
  })();

  it.each(Array.from({ length: callsOfSwap }, (_, i) => i + 1))('killed at file-system call %i of the swap: recovery leaves the old or the new site whole, nothing else', (n) => {
    const { out, parent } = sites();
    const tmp = newBuild(out);
    const fs = failingFs(realFs, n, () => { throw new Killed(); });
    expect(() => swapSite(out, tmp, fs as unknown as SwapFs)).toThrow(Killed);
    // At this instant some site is recoverable: the old one aside, or one in place.
    expect(existsSync(out) || existsSync(siteFolders(out).old)).toBe(true);
    recoverSite(out);
    expect(['trang cũ', 'trang mới']).toContain(readFileSync(join(out, 'index.html'), 'utf8'));
    expect(readdirSync(parent)).toEqual(['dist']);
  });

  it('a second build is refused while the lock is held by a live process; a lock left by a dead one is taken over', () => {
    const { out } = sites();
    const first = lockSite(out);
    expect(first.ok).toBe(true);
    expect(lockSite(out)).toEqual({ ok: false, holder: process.pid });
    if (first.ok) first.release();
    // A process that has exited: its lock is stale.
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(siteFolders(out).lock, `${dead.stdout}\n`);
    const taken = lockSite(out);
    expect(taken.ok).toBe(true);
    expect(readFileSync(siteFolders(out).lock, 'utf8').trim()).toBe(String(process.pid));
    if (taken.ok) taken.release();
    expect(existsSync(siteFolders(out).lock)).toBe(false);
  });

  const build = (dist: string, contentRoot: string) =>
    spawnSync(process.execPath, [join(PROJECT_ROOT, 'scripts/build.ts')], {
      encoding: 'utf8',
      env: { ...process.env, DANVAN_DIST: dist, DANVAN_CONTENT_ROOT: contentRoot, DANVAN_TODAY: TODAY },
    });

  it('npm run build refuses while another build holds the lock, and leaves that build\'s folder and dist/ alone', () => {
    const { out, parent } = sites();
    // Another build, alive (this test process), with its folder half-written.
    writeFileSync(siteFolders(out).lock, `${process.pid}\n`);
    const otherTmp = siteFolders(out, process.pid).tmp;
    mkdirSync(otherTmp);
    writeFileSync(join(otherTmp, 'half.html'), '…');
    const before = snapshot(parent);
    const r = build(out, copyGood());
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`Một lần dựng trang khác \\(tiến trình ${process.pid}\\) đang ghi vào`));
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(snapshot(parent)).toEqual(before);
  }, 30_000);

  it('after a kill between the renames, the next build puts the last good site back first — even when it then fails', () => {
    const { out, parent } = sites();
    // The state a kill between renames 1 and 2 leaves: no dist/, the old site aside, the new one unfinished.
    const { old, tmp } = siteFolders(out, 999_999);
    renameSync(out, old);
    mkdirSync(tmp);
    const broken = copyGood();
    replaceIn(broken, DOCS.d33, 'status: unknown', 'status: khong-ro');
    const r = build(out, broken);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/Khôi phục: đã khôi phục trang của lần dựng trước \(dist\.old → dist\)/);
    expect(r.stderr).toMatch(/Dựng trang thất bại ở bước "Kiểm tra nội dung/);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('trang cũ');
    expect(readdirSync(parent)).toEqual(['dist']);
  }, 60_000);
});
