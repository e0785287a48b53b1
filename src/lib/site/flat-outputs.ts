/**
 * A flat output folder: the files of a build step written beside Astro as 0, 1, 2 … in one
 * folder, with `paths.json` giving the site path of each, then moved into the site once
 * every step has succeeded, one rename each.
 *
 * Why not a tree joined like Astro's parts (shard-merge.ts): each document's feed goes into
 * the folder Astro makes for the document's page (van-ban/<id>/), so joining two trees made
 * a folder per file in the step's tree, then listed and removed it at the join. At 10,000
 * documents that join took 1.2 s on a quiet machine and 4 to 9 s just after Astro had
 * written its 11,000 files (the disk writing them back), on the build's critical path; the
 * renames of a flat folder take 0.2 to 0.3 s in the same conditions.
 *
 * The rule is the merge's: moved, never overwritten. A path that already exists in the site
 * (a file Astro wrote too) is refused and the build fails with the paths.
 */
import { closeSync, existsSync, lstatSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { errnoCode } from '../files/errors.ts';

export const FLAT_PATHS_FILE = 'paths.json';

/**
 * Checks a site-relative file path ("van-ban/x/theo-doi.xml", as on disk) and returns it:
 * a path that is empty, absolute, or has an empty, "." or ".." segment or a backslash or
 * NUL would leave the site folder or name nothing, and throws.
 */
export function safeSitePath(path: string): string {
  const segments = path.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..' || /[\\\0]/.test(s))) {
    throw new Error(`Đường dẫn tệp không hợp lệ: "${path}"`);
  }
  return path;
}

/** Writes a flat output folder (the folder must not exist yet: nothing in it is overwritten). */
export class FlatOutputWriter {
  readonly dir: string;
  readonly paths: string[] = [];

  constructor(dir: string) {
    this.dir = dir;
    mkdirSync(dirname(dir), { recursive: true });
    mkdirSync(dir);
  }

  /** Writes one file whose site path is `path`. */
  write(path: string, content: string): void {
    writeFileSync(this.next(path), content, { flag: 'wx' });
  }

  /** Writes one file as pieces, each batch of them in one write (json-stream.ts); returns its size in bytes. */
  writePieces(path: string, chunks: Iterable<string>): number {
    const fd = openSync(this.next(path), 'wx');
    let bytes = 0;
    try {
      for (const chunk of chunks) {
        const buffer = Buffer.from(chunk, 'utf8');
        for (let done = 0; done < buffer.length; ) done += writeSync(fd, buffer, done, buffer.length - done);
        bytes += buffer.length;
      }
    } finally {
      closeSync(fd);
    }
    return bytes;
  }

  /** Writes the list of paths, last: a folder without it is unfinished and is not placed. */
  finish(): void {
    writeFileSync(join(this.dir, FLAT_PATHS_FILE), JSON.stringify(this.paths), { flag: 'wx' });
  }

  private next(path: string): string {
    this.paths.push(safeSitePath(path));
    return join(this.dir, String(this.paths.length - 1));
  }
}

export class FlatPlaceError extends Error {
  readonly existing: string[];
  constructor(existing: string[]) {
    const shown = existing.slice(0, 20).join(', ') + (existing.length > 20 ? ` … (${existing.length} tệp)` : '');
    super(`Không đưa được tệp vào trang: ${existing.length} tệp đã có ở đó (hai bước cùng ghi): ${shown}`);
    this.name = 'FlatPlaceError';
    this.existing = existing;
  }
}

/**
 * Moves every file of the flat folder `flatDir` to its path under `target` (folders made
 * when missing), then removes `flatDir`; returns the number of files moved. A path already
 * taken in `target` keeps what is there, and a FlatPlaceError lists them all at the end.
 */
export function placeFlatOutputs(target: string, flatDir: string): number {
  const listFile = join(flatDir, FLAT_PATHS_FILE);
  if (!existsSync(listFile)) throw new Error(`${flatDir}: thiếu ${FLAT_PATHS_FILE} (bước ghi tệp chưa xong)`);
  const paths = JSON.parse(readFileSync(listFile, 'utf8')) as string[];
  const existing: string[] = [];
  let moved = 0;
  paths.forEach((path, i) => {
    const to = join(target, safeSitePath(path));
    // lstat: a link (even a dangling one) is something there too.
    if (lstatSync(to, { throwIfNoEntry: false })) {
      existing.push(path);
      return;
    }
    const from = join(flatDir, String(i));
    try {
      renameSync(from, to);
    } catch (e) {
      // Astro made the folders of most files (the documents' pages); the others are made here.
      if (errnoCode(e) !== 'ENOENT' || !existsSync(from)) throw e;
      mkdirSync(dirname(to), { recursive: true });
      renameSync(from, to);
    }
    moved++;
  });
  rmSync(flatDir, { recursive: true, force: true });
  if (existing.length) throw new FlatPlaceError(existing.sort());
  return moved;
}
