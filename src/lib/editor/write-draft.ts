/**
 * Writing the draft file of `npm run import` and `npm run new`: atomically (a full disk
 * leaves no 0-byte draft that would block the next run), never through a symbolic link
 * (a dangling link in content/van-ban/ must not make the tool write outside the tree),
 * and with a sentence for every file-system failure.
 */
import { lstatSync, mkdirSync, realpathSync } from 'node:fs';
import { dirname, relative, sep } from 'node:path';
import { type AtomicFs, writeFileAtomic } from '../files/atomic.ts';
import { fileErrorMessage } from '../files/errors.ts';

export type DraftWrite = { ok: true } | { ok: false; exists: boolean; message: string };

/** The real path of `p`, or of its nearest existing parent followed by the rest. */
function realPathOf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    const parent = dirname(p);
    return parent === p ? p : `${realPathOf(parent)}${sep}${relative(parent, p)}`;
  }
}

/** True when `dir`, links resolved, is `root` or inside it. */
export function insideTree(root: string, dir: string): boolean {
  const rel = relative(realPathOf(root), realPathOf(dir));
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep));
}

export interface DraftWriteOptions {
  /** Replace an existing regular file. */
  force?: boolean;
  /** The path as shown to the user. */
  shown: string;
  /** When set, the draft must land inside this folder (links resolved). */
  within?: string;
  fs?: AtomicFs;
}

export function writeDraftFile(path: string, content: string, options: DraftWriteOptions): DraftWrite {
  const { shown } = options;
  if (options.within && !insideTree(options.within, dirname(path))) {
    return { ok: false, exists: false, message: `thư mục của ${shown} là liên kết ra ngoài ${options.within}; không ghi ra ngoài cây nội dung` };
  }
  let existing;
  try {
    existing = lstatSync(path);
  } catch {
    existing = null;
  }
  if (existing && !existing.isFile()) {
    const what = existing.isSymbolicLink() ? 'là liên kết tượng trưng (symlink)' : 'không phải tệp thường';
    return { ok: false, exists: true, message: `${shown} ${what}; không ghi qua nó. Xoá nó hoặc chọn --out khác` };
  }
  if (existing && !options.force) return { ok: false, exists: true, message: `tệp ${shown} đã có; không ghi đè` };
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileAtomic(path, content, options.fs);
    return { ok: true };
  } catch (e) {
    return { ok: false, exists: false, message: `${fileErrorMessage(e, 'ghi được tệp', shown)}; chưa ghi gì` };
  }
}
