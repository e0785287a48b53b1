/**
 * Putting a newly built site in place of dist/ so that a good site is recoverable at every
 * instant, and only one build at a time touches it.
 *
 * The site is built into `<out>.tmp-<pid>`; only when every step succeeded:
 *   1. `<out>` is renamed to `<out>.old`     (the last good site, kept whole)
 *   2. `<out>.tmp-<pid>` is renamed to `<out>`
 *   3. `<out>.old` is removed.
 * Each rename is atomic, so the folders always say which state a kill left behind, and
 * recoverSite, which every build runs first (under the lock), puts the last good site back:
 *   - no `<out>` but a `<out>.old`: killed between 1 and 2, the old site is renamed back;
 *   - both: killed during 3, the leftover is removed;
 *   - `<out>.tmp-*`: a build that never finished; removed (no other build can be running:
 *     the lock is held).
 * Nothing deletes the last good site before a new one is in place.
 *
 * The lock is a file `<out>.lock` created exclusively and holding the builder's pid; a
 * second build refuses with the holder's pid, and a lock whose process is gone (killed
 * outright) is taken over. The file-system calls come from a parameter so a test can
 * inject a crash between the renames.
 */
import * as nodeFs from 'node:fs';
import { basename, dirname, join } from 'node:path';

export type SwapFs = Pick<typeof nodeFs, 'renameSync' | 'rmSync' | 'existsSync' | 'readdirSync'>;

export interface SiteFolders {
  out: string;
  /** This process's build folder. */
  tmp: string;
  /** The last good site during a swap. */
  old: string;
  lock: string;
}

export function siteFolders(out: string, pid = process.pid): SiteFolders {
  return { out, tmp: `${out}.tmp-${pid}`, old: `${out}.old`, lock: `${out}.lock` };
}

/**
 * Brings the folders back to "at most the last good site, nothing else" after a build
 * that was killed. Call only while holding the lock. Returns what it did, in words.
 */
export function recoverSite(out: string, fs: SwapFs = nodeFs): string[] {
  const { old } = siteFolders(out);
  const notes: string[] = [];
  const parent = dirname(out);
  const name = basename(out);
  if (!fs.existsSync(parent)) return notes;
  // Older versions of the build moved the previous site to `<out>.old-<pid>`.
  const olds = fs
    .readdirSync(parent)
    .filter((n) => n.startsWith(`${name}.old-`))
    .map((n) => join(parent, n));
  if (fs.existsSync(old)) olds.unshift(old);
  for (const candidate of olds) {
    if (!fs.existsSync(out)) {
      fs.renameSync(candidate, out);
      notes.push(`đã khôi phục trang của lần dựng trước (${basename(candidate)} → ${name}), vì lần dựng trước bị dừng giữa lúc thay thư mục`);
    } else {
      fs.rmSync(candidate, { recursive: true, force: true });
    }
  }
  for (const n of fs.readdirSync(parent)) {
    if (n.startsWith(`${name}.tmp-`)) fs.rmSync(join(parent, n), { recursive: true, force: true });
  }
  return notes;
}

/** Replaces `out` by the finished build in `tmp` (steps 1–3 of the module comment). */
export function swapSite(out: string, tmp: string, fs: SwapFs = nodeFs): void {
  const { old } = siteFolders(out);
  // A leftover of a swap killed during step 3 (recoverSite removes it too).
  if (fs.existsSync(old) && fs.existsSync(out)) fs.rmSync(old, { recursive: true, force: true });
  if (fs.existsSync(out)) fs.renameSync(out, old);
  fs.renameSync(tmp, out);
  fs.rmSync(old, { recursive: true, force: true });
}

export type LockOutcome = { ok: true; release: () => void } | { ok: false; holder: number };

function alive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readPid(path: string): number {
  try {
    return Number(nodeFs.readFileSync(path, 'utf8').trim());
  } catch {
    return NaN;
  }
}

function justCreated(path: string): boolean {
  try {
    return Date.now() - nodeFs.statSync(path).mtimeMs < 5_000;
  } catch {
    return false;
  }
}

/** Takes the lock of the site folder `out`, or says which live process holds it. */
export function lockSite(out: string): LockOutcome {
  const { lock } = siteFolders(out);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = nodeFs.openSync(lock, 'wx');
      nodeFs.writeSync(fd, `${process.pid}\n`);
      nodeFs.closeSync(fd);
      return {
        ok: true,
        release: () => {
          if (readPid(lock) === process.pid) nodeFs.rmSync(lock, { force: true });
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const holder = readPid(lock);
    if (alive(holder)) return { ok: false, holder };
    // An empty lock may be one that is being written this very moment.
    if (Number.isNaN(holder) && justCreated(lock)) return { ok: false, holder: 0 };
    // A lock left by a killed build. Renaming it away first means that of two builds that
    // both saw it stale, only one removes it; the other one's rename fails and it retries.
    const stale = `${lock}.stale-${process.pid}`;
    try {
      nodeFs.renameSync(lock, stale);
      nodeFs.rmSync(stale, { force: true });
    } catch {
      // Someone else took it over first: try again.
    }
  }
  return { ok: false, holder: readPid(lock) };
}
