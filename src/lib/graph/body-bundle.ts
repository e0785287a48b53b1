/**
 * Rendered bodies of one collection in one file: .generated/bodies/<collection>.bundle.
 *
 * Why one file and not one per body: creating 10,000 small files costs this build's
 * machine ≈ 4 s of kernel time, more than rendering them; one file of the same bytes is
 * written in a fraction of a second. A page reads its body by offset, so no process
 * holds every body in memory.
 *
 * Layout: a first line "danvan-bodies 1 <n>" where n is the byte length of the index,
 * the index (JSON: id → [key, offset, length], offsets in bytes from the end of the
 * index line), a line break, then every body's HTML, bodies in id order. The key of each
 * body (see planGraph) is in the index, so whatever a cache file says, a body is reused
 * only when the bundle holds the HTML of that very key. Written to a temporary file and
 * renamed, so a bundle is always whole.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { writeFileAtomic, type FileRange } from '../files/atomic.ts';

const MAGIC = 'danvan-bodies 1 ';
/** Room for the first line: the magic words and the index length. */
const HEAD_BYTES = 64;

export interface BundleBody {
  id: string;
  key: string;
  /** The HTML, or its UTF-8 bytes; null: the body as `source` (writeBodyBundle) holds it. */
  html: string | Uint8Array | null;
}

export interface BundleEntry {
  key: string;
  offset: number;
  length: number;
}

/**
 * Writes the bodies (any order; stored in id order) to `path`, atomically. A body whose
 * html is null is copied from `source` (usually the bundle being replaced).
 */
export function writeBodyBundle(path: string, bodies: readonly BundleBody[], source?: BodyBundle): void {
  writeFileAtomic(path, bundlePieces(bodies, source), undefined, { durable: false });
}

/**
 * The new bundle's bytes as pieces for writeFileAtomic: its head and index, the new bodies'
 * HTML, and for bodies whose html is null, ranges of `source`. Bodies are in id order in
 * both, so the unchanged ones between two changes are one range, copied without decoding
 * by whoever writes the pieces (after one change at 10,000 documents, the graph build hands
 * them to its writer thread: ≈ 60 MB this thread does not copy).
 */
export function bundlePieces(bodies: readonly BundleBody[], source?: BodyBundle): (Uint8Array | FileRange)[] {
  const sorted = [...bodies].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const fresh = sorted.map((b) => (b.html === null ? null : typeof b.html === 'string' ? Buffer.from(b.html, 'utf8') : b.html));
  const old = source?.index();
  const index: Record<string, [string, number, number]> = {};
  let offset = 0;
  sorted.forEach((b, i) => {
    const length = fresh[i]?.length ?? old?.get(b.id)?.length;
    if (length === undefined) throw new Error(`writeBodyBundle: no HTML for ${b.id}`);
    index[b.id] = [b.key, offset, length];
    offset += length;
  });
  const indexBytes = Buffer.from(JSON.stringify(index), 'utf8');
  const pieces: (Uint8Array | FileRange)[] = [Buffer.from(`${MAGIC}${indexBytes.length}\n`), indexBytes, Buffer.from('\n')];
  for (let i = 0; i < sorted.length; ) {
    const own = fresh[i];
    if (own) {
      pieces.push(own);
      i++;
      continue;
    }
    const first = old!.get(sorted[i]!.id)!;
    let end = first.offset + first.length;
    let j = i + 1;
    for (; j < sorted.length && fresh[j] === null; j++) {
      const e = old!.get(sorted[j]!.id)!;
      if (e.offset !== end) break;
      end += e.length;
    }
    pieces.push(source!.range(first.offset, end));
    i = j;
  }
  return pieces;
}

/**
 * Reads bodies from a bundle by id. Opened lazily and kept open; with `watch`, a bundle
 * replaced on disk since (a rebuild under `astro dev`) is noticed by its size and time
 * and reopened (one stat per read). A build's pages read a bundle that does not change
 * while they are made: without `watch`, it is looked at once.
 */
export class BodyBundle {
  private readonly path: string;
  private fd: number | null = null;
  private stamp = '';
  private entries = new Map<string, BundleEntry>();
  private bodyStart = 0;
  private size = 0;
  private ino = 0;

  private readonly watch: boolean;
  private opened = false;

  constructor(path: string, options: { watch?: boolean } = {}) {
    this.path = path;
    this.watch = options.watch ?? true;
  }

  /** Index of the bundle: id → key, offset, length (empty when there is no readable bundle). */
  index(): ReadonlyMap<string, BundleEntry> {
    this.open();
    return this.entries;
  }

  /** HTML of a body, or null when the bundle has none for this id. */
  html(id: string): string | null {
    return this.bytes(id)?.toString('utf8') ?? null;
  }

  /** The body's HTML as UTF-8 bytes (to copy it into another bundle without decoding). */
  bytes(id: string): Buffer | null {
    this.open();
    const e = this.entries.get(id);
    if (!e || this.fd === null) return null;
    const buffer = Buffer.allocUnsafe(e.length);
    const got = readSync(this.fd, buffer, 0, e.length, this.bodyStart + e.offset);
    // A bundle cut short (a full disk): the bytes it has, never uninitialised memory.
    return got === e.length ? buffer : buffer.subarray(0, got);
  }

  /**
   * A reader of many bodies in a row (the search indexer reads every one): the bundle as
   * it is now, without html()'s check for a replaced file and fresh zeroed buffer before
   * each body. Valid until close().
   */
  reader(): (id: string) => string | null {
    this.open();
    const { fd, entries, bodyStart } = this;
    let buffer = Buffer.allocUnsafe(1 << 16);
    return (id) => {
      const e = entries.get(id);
      if (!e || fd === null) return null;
      if (buffer.length < e.length) buffer = Buffer.allocUnsafe(e.length * 2);
      const got = readSync(fd, buffer, 0, e.length, bodyStart + e.offset);
      return buffer.toString('utf8', 0, got);
    };
  }

  /** The bodies' bytes from `start` to `end` (offsets of the index) as a range of the file, to copy (see bundlePieces). */
  range(start: number, end: number): FileRange {
    this.open();
    if (this.fd === null) throw new Error('range: no readable bundle');
    return { file: this.path, size: this.size, ino: this.ino, start: this.bodyStart + start, end: this.bodyStart + end };
  }

  close(): void {
    this.release();
    this.opened = false;
  }

  private release(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    this.stamp = '';
    this.entries = new Map();
  }

  private open(): void {
    if (this.opened && !this.watch) return;
    // Without `watch`, what this first look finds (even no bundle) is what the reader has.
    this.opened = true;
    const st = statSync(this.path, { throwIfNoEntry: false });
    if (!st) {
      this.release();
      return;
    }
    const stamp = `${st.size}:${st.mtimeMs}:${st.ino}`;
    if (stamp === this.stamp) return;
    this.release();
    const fd = openSync(this.path, 'r');
    try {
      const head = Buffer.alloc(HEAD_BYTES);
      const got = readSync(fd, head, 0, HEAD_BYTES, 0);
      const line = head.subarray(0, got).toString('latin1');
      const newline = line.indexOf('\n');
      if (!line.startsWith(MAGIC) || newline < 0) throw new Error('not a body bundle');
      const indexLength = Number(line.slice(MAGIC.length, newline));
      const indexBytes = Buffer.alloc(indexLength);
      readSync(fd, indexBytes, 0, indexLength, newline + 1);
      const raw = JSON.parse(indexBytes.toString('utf8')) as Record<string, [string, number, number]>;
      this.entries = new Map(Object.entries(raw).map(([id, [key, offset, length]]) => [id, { key, offset, length }]));
      this.bodyStart = newline + 1 + indexLength + 1;
      this.fd = fd;
      this.stamp = stamp;
      this.size = st.size;
      this.ino = st.ino;
    } catch {
      // Unreadable or from an older layout: as if there were none (the graph build rewrites it).
      closeSync(fd);
      this.entries = new Map();
      this.stamp = stamp;
    }
  }
}
