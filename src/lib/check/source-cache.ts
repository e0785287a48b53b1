/**
 * The check's per-file source findings kept between runs: .generated/cache/check-source.txt.
 *
 * checkSourceFile (index.ts) reads a file's bytes and nothing else, so its findings are a
 * function of those bytes: the same file with the same hash (LoadedFile.sourceHash, which the
 * file cache knows without reading the file) gives the same findings. `npm run dev` keeps
 * them in memory (CheckOptions.sourceMemo); a build in a fresh process reads them from this
 * file, so a build after one change reads and checks the source of that one file, not all
 * 10,000 (≈ 2 s of the check at 10,000 documents went to reading and parsing them).
 *
 * The findings also depend on the check's code: the header records a hash of every module
 * under src/lib and the locked packages (a narrower list could miss a module a rule imports),
 * and a file of other code is not used. Layout: a header line "danvan-check-source 1\t<code>",
 * then one line per file, "<file>\t<hash>\t<diagnostics JSON>". A damaged file is ignored
 * with a message and rewritten; it is written to a temporary file and renamed.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics.ts';

const HEADER = 'danvan-check-source 1';

/** Where a content root keeps the cache (beside the graph build's other caches). */
export function sourceCachePath(root: string): string {
  return join(root, '.generated', 'cache', 'check-source.txt');
}

let codeMemo: string | null = null;
/** Hash of the code the findings come from: every .ts under src/lib, and package-lock.json. */
export function checkCodeVersion(): string {
  if (codeMemo) return codeMemo;
  const lib = join(import.meta.dirname, '..');
  const h = createHash('sha256');
  const walk = (dir: string) => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const p = join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.name.endsWith('.ts')) h.update(p.slice(lib.length)).update(readFileSync(p));
    }
  };
  walk(lib);
  const lock = join(lib, '../../package-lock.json');
  if (existsSync(lock)) h.update('package-lock.json').update(readFileSync(lock));
  return (codeMemo = h.digest('hex'));
}

/** The key a memo entry has (CheckOptions.sourceMemo): the file and the hash of its bytes. */
export function sourceMemoKey(file: string, hash: string): string {
  return `${file}\u0000${hash}`;
}

/**
 * The findings stored at `path` for this code, as a sourceMemo. Missing or of other code:
 * empty. Damaged: empty, and `say` is told.
 */
export function readSourceCache(path: string, say: (message: string) => void = () => {}): Map<string, Diagnostic[]> {
  const memo = new Map<string, Diagnostic[]>();
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return memo;
  }
  const firstEnd = text.indexOf('\n');
  const [header, code] = (firstEnd < 0 ? text : text.slice(0, firstEnd)).split('\t');
  if (header !== HEADER) {
    say(`Bộ đệm kiểm tra ${path} không đúng dạng: bỏ qua và dựng lại.`);
    return memo;
  }
  if (code !== checkCodeVersion()) return memo;
  try {
    for (let start = firstEnd + 1; start < text.length; ) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      const a = text.indexOf('\t', start);
      const b = a < 0 ? -1 : text.indexOf('\t', a + 1);
      if (a < 0 || b < 0 || b > end) throw new Error('line');
      const found = JSON.parse(text.slice(b + 1, end)) as unknown;
      if (!Array.isArray(found)) throw new Error('findings');
      memo.set(sourceMemoKey(text.slice(start, a), text.slice(a + 1, b)), found as Diagnostic[]);
      start = end + 1;
    }
  } catch {
    say(`Bộ đệm kiểm tra ${path} có dòng hỏng: bỏ qua và dựng lại.`);
    memo.clear();
  }
  return memo;
}

/** The text of the cache file for a memo (as runCheck leaves it: this run's files only), in file order. */
export function sourceCacheText(memo: ReadonlyMap<string, Diagnostic[]>): string {
  const lines = [...memo].map(([key, found]) => {
    const cut = key.indexOf('\u0000');
    return [key.slice(0, cut), `${key.slice(0, cut)}\t${key.slice(cut + 1)}\t${JSON.stringify(found)}\n`] as const;
  });
  lines.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  return `${HEADER}\t${checkCodeVersion()}\n${lines.map((l) => l[1]).join('')}`;
}

/** Whether two memos hold the same entries (then the file need not be written again). */
export function sameMemo(a: ReadonlyMap<string, Diagnostic[]>, b: ReadonlyMap<string, Diagnostic[]>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}
