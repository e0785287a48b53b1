/**
 * What reading one content file yields, kept between runs: .generated/cache/files.txt.
 *
 * Reading, parsing and validating 10,200 files costs a second and more on every graph
 * build, while an editor changed one of them. An entry holds a file's validated data, its
 * diagnostics, the first body line and the hashes of its bytes and of its body; it is
 * reused when the file's size, modification and change times and inode are the ones
 * recorded. A stamp can lie when a file was written twice within the file system's clock
 * tick: an entry whose file was modified shortly before the cache was written ("racy",
 * as git calls it) is reused only after the file's bytes hash to the recorded hash.
 * The entries also depend on the loader's code (schemas, YAML reader, text rules): the
 * header records a hash of it, and a cache of other code is not used.
 *
 * Layout: a header line "danvan-file-cache 2\t<code version>", then one line per file,
 * "<file>\t<meta JSON>\t<data JSON>", so an unchanged entry is written back as the bytes
 * it was read as. A file that cannot be parsed as such is ignored, with a message, and
 * rebuilt; it is written to a temporary file and renamed.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, type Dirent, type Stats } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Diagnostic } from '../diagnostics.ts';
import { writeFileAtomic } from '../files/atomic.ts';

const HEADER = 'danvan-file-cache 2';
/** Files modified this close to the cache's own write are verified by their bytes. */
const RACY_MS = 2000;

export type FileStamp = [size: number, mtimeMs: number, ctimeMs: number, ino: number];

export function stampOf(st: Stats): FileStamp {
  return [st.size, st.mtimeMs, st.ctimeMs, st.ino];
}

/** What loading one file gave. `data` is null for a file that did not load (its diagnostics say why). */
export interface FileFacts {
  stamp: FileStamp;
  /** sha1 of the file's bytes. */
  hash: string;
  /** sha256 of the body (see LoadedFile.bodyHash); '' when the file did not load. */
  bodyHash: string;
  bodyLine: number;
  diagnostics: Diagnostic[];
  data: unknown;
  /** JSON.stringify(data), as stored. */
  dataJson?: string;
  /**
   * The frontmatter line of each top-level field (ParsedContentFile.lineOf([key])), and under
   * '' the line of the frontmatter itself (what lineOf gives for a field that is absent): the
   * check's findings name these lines, and reading and parsing every file again only for
   * them cost ≈ 2 s at 10,000 documents.
   */
  lines?: FieldLines;
}

/** [field, line] pairs (pairs, not an object: a field may be called "__proto__"). */
export type FieldLines = [field: string, line: number][];

interface Stored {
  facts?: FileFacts;
  meta: string;
  dataJson: string;
}

export function bytesHash(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

export function bodyHashOf(body: string): string {
  return createHash('sha256').update(body).digest('hex');
}

/**
 * Hash of the code whose output the entries are: everything under src/lib that loading and
 * validating a file runs (the folder of this module and its neighbours), and the locked
 * package versions (zod, yaml).
 */
let codeVersionMemo: string | null = null;
export function loaderCodeVersion(): string {
  if (codeVersionMemo) return codeVersionMemo;
  const lib = join(import.meta.dirname, '..');
  const h = createHash('sha256');
  const files: string[] = [];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSorted(dir)) {
      const p = join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.name.endsWith('.ts')) files.push(p);
    }
  };
  for (const dir of ['content', 'schema', 'text', 'files']) walk(join(lib, dir));
  for (const file of ['document-types.ts', 'identity.ts', 'diagnostics.ts', '../../package-lock.json']) files.push(join(lib, file));
  for (const file of files) if (existsSync(file)) h.update(file.slice(lib.length)).update(readFileSync(file));
  return (codeVersionMemo = h.digest('hex'));
}

function readdirSorted(dir: string): Dirent[] {
  return readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export class FileCache {
  readonly path: string;
  private readonly version: string;
  private old = new Map<string, Stored>();
  private next = new Map<string, Stored>();
  /** The modification time of the cache file read (entries modified close to it are racy). */
  private writtenAt = 0;
  private changed = false;
  /** Whether a load has looked entries up (see startLoad). */
  private used = false;
  /** [size, mtimeMs] of every file looked up by the current load (see Corpus.sources). */
  sources: Record<string, [number, number]> = {};
  /** Entries reused and files read by the current load, for tests and timings. */
  counts = { reused: 0, read: 0 };

  private constructor(path: string, version: string) {
    this.path = path;
    this.version = version;
  }

  /**
   * The cache at `path` for loader code `version`. Missing: empty. Unreadable, cut short
   * or of another version: empty, and `say` is told why (the file is rebuilt on write).
   */
  static read(path: string, version: string, say: (message: string) => void = () => {}): FileCache {
    const cache = new FileCache(path, version);
    let text: string;
    try {
      const st = statSync(path);
      text = readFileSync(path, 'utf8');
      cache.writtenAt = st.mtimeMs;
    } catch {
      return cache;
    }
    const firstEnd = text.indexOf('\n');
    const [header, code] = (firstEnd < 0 ? text : text.slice(0, firstEnd)).split('\t');
    if (header !== HEADER) {
      say(`Bộ đệm đọc tệp ${path} không đúng dạng (${header?.slice(0, 40) ?? ''}): bỏ qua và dựng lại.`);
      return cache;
    }
    // Another loader's entries: a code change, not a fault; nothing to say.
    if (code !== version) return cache;
    let bad = 0;
    for (let start = firstEnd + 1; start < text.length; ) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      const line = text.slice(start, end);
      start = end + 1;
      const a = line.indexOf('\t');
      const b = a < 0 ? -1 : line.indexOf('\t', a + 1);
      if (b < 0) {
        bad++;
        continue;
      }
      cache.old.set(line.slice(0, a), { meta: line.slice(a + 1, b), dataJson: line.slice(b + 1) });
    }
    if (bad) {
      say(`Bộ đệm đọc tệp ${path} có ${bad} dòng hỏng: bỏ qua toàn bộ và dựng lại.`);
      cache.old.clear();
    }
    return cache;
  }

  /**
   * Begins a load. A process that loads the corpus again and again (`npm run dev`) keeps
   * one FileCache: each load after the first looks up what the previous load recorded,
   * parsed, instead of reading and parsing the cache file again (≈ 0.4 s at 10,000
   * documents). The racy rule holds as for the file: an entry is verified by its bytes when
   * its file was modified within RACY_MS of the newest file the previous load saw, since
   * that load's stats came after it (the same tick could hide a later write).
   */
  startLoad(): this {
    if (this.used) {
      this.old = this.next;
      this.next = new Map();
      let newest = 0;
      for (const stored of this.old.values()) if (stored.facts && stored.facts.stamp[1] > newest) newest = stored.facts.stamp[1];
      this.writtenAt = newest;
      this.changed = true;
      this.sources = {};
      this.counts = { reused: 0, read: 0 };
    }
    this.used = true;
    return this;
  }

  /** The facts of `file` (relative name), when its entry is current for the file at `path` with stat `st`. */
  get(file: string, path: string, st: Stats): FileFacts | undefined {
    const stored = this.old.get(file);
    if (!stored) return undefined;
    let facts: FileFacts;
    try {
      if (!stored.facts) {
        const [stamp, hash, bodyHash, bodyLine, diagnostics, lines] = JSON.parse(stored.meta) as [FileStamp, string, string, number, Diagnostic[], FieldLines | undefined];
        stored.facts = { stamp, hash, bodyHash, bodyLine, diagnostics, data: JSON.parse(stored.dataJson), dataJson: stored.dataJson, lines };
      }
      facts = stored.facts;
    } catch {
      this.old.delete(file);
      return undefined;
    }
    const now = stampOf(st);
    if (!facts.stamp.every((v, i) => v === now[i])) return undefined;
    if (facts.stamp[1] >= this.writtenAt - RACY_MS) {
      try {
        if (bytesHash(readFileSync(path)) !== facts.hash) return undefined;
      } catch {
        return undefined;
      }
    }
    this.next.set(file, stored);
    this.counts.reused++;
    return facts;
  }

  /** Records what loading `file` gave (after a miss); returns the data's JSON. */
  set(file: string, facts: FileFacts): string {
    this.counts.read++;
    this.changed = true;
    const meta = JSON.stringify([facts.stamp, facts.hash, facts.bodyHash, facts.bodyLine, facts.diagnostics, ...(facts.lines ? [facts.lines] : [])]);
    const dataJson = JSON.stringify(facts.data ?? null);
    this.next.set(file, { facts, meta, dataJson });
    return dataJson;
  }

  /**
   * Writes the entries recorded by this load (get or set), when they differ from the file
   * read: files gone since are dropped; `sink` writes atomically (default: here and now;
   * the graph build hands it to its writer thread). Never throws: a cache that cannot be
   * written is only a slower next run.
   */
  write(sink: (path: string, content: string) => void = (path, content) => writeFileAtomic(path, content, undefined, { durable: false })): void {
    this.writer()?.(sink);
  }

  /**
   * What write() would write for the current load, kept for later (`npm run dev` writes the
   * file once the editor pauses, after the next load may have begun); null when the file
   * already holds it.
   */
  writer(): ((sink: (path: string, content: string) => void) => void) | null {
    const gone = [...this.old.keys()].some((k) => !this.next.has(k));
    if (!this.changed && !gone && this.old.size === this.next.size && existsSync(this.path)) return null;
    const { path, version } = this;
    const entries = this.next;
    return (sink) => {
      const parts: string[] = [`${HEADER}\t${version}\n`];
      for (const [file, s] of [...entries].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) parts.push(`${file}\t${s.meta}\t${s.dataJson}\n`);
      try {
        mkdirSync(dirname(path), { recursive: true });
        sink(path, parts.join(''));
      } catch {
        // Only a slower next run.
      }
    };
  }
}
