/**
 * Writing a file so that it is never lost or half-written: the new content goes to a
 * temporary file in the same folder, is flushed to the disk (fsync), and only then renamed
 * over the target. rename(2) within one folder is atomic: a reader, a crash or a full disk
 * leaves either the old file or the new one, never a truncated one, and a failed write
 * removes its temporary file. Renaming also replaces a symbolic link itself instead of
 * writing through it, so a write never lands outside the folder it names.
 *
 * The file-system calls come from a parameter so tests can inject a failure (ENOSPC on the
 * write, a crash before the rename) without filling a real disk.
 */
import * as nodeFs from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The calls an atomic write makes; node:fs by default. */
export type AtomicFs = Pick<typeof nodeFs, 'openSync' | 'writeSync' | 'fsyncSync' | 'closeSync' | 'renameSync' | 'rmSync'>;

/** Temporary files of atomic writes start with this, so they are recognisable (and ignored: they start with a dot). */
export const TEMP_PREFIX = '.danvan-tmp-';

let counter = 0;

export interface AtomicOptions {
  /**
   * false: skip the fsync calls, for generated files that a rebuild recreates (the graph
   * build's tens of megabytes); the write is still all-or-nothing for readers.
   */
  durable?: boolean;
}

/** Pieces smaller than this are gathered before a write (one system call per piece would cost more than the copy). */
const GATHER_BYTES = 1 << 20;

/**
 * A run of bytes of an existing file, copied into the new one without passing through the
 * caller (body-bundle.ts: the unchanged bodies of the bundle being replaced). The file must
 * still be the one the offsets were read from: its size and inode are checked when it is opened.
 */
export interface FileRange {
  file: string;
  size: number;
  ino: number;
  start: number;
  end: number;
}

/** Bytes copied per read from a FileRange. */
const COPY_BYTES = 8 * 1024 * 1024;

/**
 * Writes `content` to `path` atomically (see the module comment). Throws the file system's
 * error, with the temporary file removed. Content given as pieces is written one after the
 * other, small ones gathered: a file assembled from many parts (graph.json, 70 MB in
 * ≈ 100,000 pieces at 10,000 documents) never needs one buffer of its whole size.
 */
export function writeFileAtomic(path: string, content: string | Uint8Array | readonly (Uint8Array | FileRange)[], fs: AtomicFs = nodeFs, options: AtomicOptions = {}): void {
  const durable = options.durable ?? true;
  const tmp = join(dirname(path), `${TEMP_PREFIX}${process.pid}-${++counter}-${basename(path)}`);
  const pieces = typeof content === 'string' ? [Buffer.from(content, 'utf8')] : content instanceof Uint8Array ? [content] : content;
  let fd: number | null = null;
  const sources = new Map<string, number>();
  try {
    // 'wx': never follows or reuses anything already at the temporary name. The file keeps
    // the permissions of the one it replaces.
    fd = fs.openSync(tmp, 'wx', modeOf(path));
    const out = fd;
    const writeAll = (bytes: Uint8Array) => {
      let done = 0;
      while (done < bytes.length) done += fs.writeSync(out, bytes, done, bytes.length - done);
    };
    let gather: Buffer | null = null;
    let gathered = 0;
    const flush = () => {
      if (gathered) writeAll(gather!.subarray(0, gathered));
      gathered = 0;
    };
    let copyBuffer: Buffer | null = null;
    const copy = (range: FileRange) => {
      let source = sources.get(range.file);
      if (source === undefined) {
        sources.set(range.file, (source = nodeFs.openSync(range.file, 'r')));
        const st = nodeFs.fstatSync(source);
        if (st.size !== range.size || st.ino !== range.ino) throw new Error(`${range.file} changed while it was being copied from`);
      }
      copyBuffer ??= Buffer.allocUnsafe(COPY_BYTES);
      for (let at = range.start; at < range.end; ) {
        const got = nodeFs.readSync(source, copyBuffer, 0, Math.min(COPY_BYTES, range.end - at), at);
        if (got <= 0) throw new Error(`${range.file} is shorter than the range copied from it`);
        writeAll(copyBuffer.subarray(0, got));
        at += got;
      }
    };
    for (const piece of pieces) {
      if (!(piece instanceof Uint8Array)) {
        flush();
        copy(piece);
        continue;
      }
      if (pieces.length === 1 || piece.length >= GATHER_BYTES) {
        flush();
        writeAll(piece);
        continue;
      }
      gather ??= Buffer.allocUnsafe(GATHER_BYTES);
      if (gathered + piece.length > GATHER_BYTES) flush();
      gather.set(piece, gathered);
      gathered += piece.length;
    }
    flush();
    if (durable) fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = null;
    fs.renameSync(tmp, path);
    if (durable) syncFolder(dirname(path));
  } catch (e) {
    if (fd !== null) {
      try {
        fs.closeSync(fd);
      } catch {
        // Already failing: the first error is the one to report.
      }
    }
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // Same.
    }
    throw e;
  } finally {
    for (const source of sources.values()) nodeFs.closeSync(source);
  }
}

function modeOf(path: string): number {
  try {
    const st = nodeFs.lstatSync(path);
    return st.isFile() ? st.mode & 0o7777 : 0o644;
  } catch {
    return 0o644;
  }
}

/** Makes the rename itself durable (best effort: not every system can sync a folder). */
function syncFolder(dir: string): void {
  let fd: number | null = null;
  try {
    fd = nodeFs.openSync(dir, 'r');
    nodeFs.fsyncSync(fd);
  } catch {
    // The file is in place either way.
  } finally {
    if (fd !== null) nodeFs.closeSync(fd);
  }
}

/** Writes a new file atomically; refuses (EEXIST) when anything, even a dangling link, is at `path`. */
export function createFileAtomic(path: string, content: string | Uint8Array, fs: AtomicFs = nodeFs): void {
  if (pathTaken(path)) {
    const e = new Error(`EEXIST: file already exists, '${path}'`) as NodeJS.ErrnoException;
    e.code = 'EEXIST';
    e.path = path;
    throw e;
  }
  writeFileAtomic(path, content, fs);
}

/** True when something (a file, a folder, a link, dangling or not) is at `path`. existsSync follows links and says false for a dangling one. */
export function pathTaken(path: string): boolean {
  try {
    nodeFs.lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
