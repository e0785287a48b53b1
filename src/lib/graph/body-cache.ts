/**
 * What the graph build keeps of each rendered body besides its HTML (the mentions, link
 * reports, the body's extraction and the digest of its resolution), by body key, in
 * .generated/cache/bodies/: 16 shards by the key's first digit, and corpus.json, the
 * corpus the digests were computed against. A shard is a first line "danvan-body-cache 9
 * <n>", an index of n bytes, one line per body, "<key>\t<resolution digest>\t<buckets>\t
 * <length>", then the bodies' JSON one after the other, each followed by a line break.
 * The digest and the buckets stand apart so a build that reuses a body (and its part of
 * the graph, parts.ts) never parses its JSON — nor reads it: only the indexes are read
 * (≈ 2 MB at 10,000 documents, where the JSON is ≈ 90 MB), and a shard's JSON only when one
 * of its entries is parsed or the shard is rewritten. A change rewrites the shards of the
 * entries it changed. The HTML is in the body bundles (body-bundle.ts), keyed by body key
 * and resolution digest.
 *
 * The rule (src/lib/graph/update.ts): the key covers what extraction depends on (the
 * body, its context, the engine, and the index's extraction vocabulary: corpus aliases,
 * known names, provinces — extractionFingerprint), so a body is extracted again only
 * when one of those changed. When the corpus changed since the digests were computed,
 * a body's cached mentions are resolved again if the change touches one of the index
 * buckets they consult (mentionBuckets, changedBuckets); while the digest is the one
 * stored, the output is reused as it is; otherwise the body is rendered again from the
 * cached extraction ("relinked"). So adding or changing a document extracts only that
 * document's body, and resolves again only the bodies that mention its number.
 *
 * Why lines of JSON, kept as bytes: an entry is parsed only when its body is reused, and
 * written back as the very bytes it was read as, so a rebuild that changed one body
 * serialises one entry, not 10,000; and the bytes stay outside the JavaScript heap (at
 * 50,000 documents the entries are ≈ 370 MB of UTF-8, twice that as strings). Keys are
 * hex digests and JSON text holds no raw line break, so tabs and line breaks delimit.
 */
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { RawMention, TextExtraction } from '../citations/index.ts';
import { comparableSerial } from '../citations/resolve.ts';
import type { CorpusEntry } from '../citations/types.ts';
import { parseDocumentNumber } from '../identity.ts';
import type { BodyOutput } from './render-body.ts';

/** A rendered body without its HTML. */
export type BodyData = Omit<BodyOutput, 'html'>;

/**
 * The fields of an extracted mention, in the order a cache line stores them: as an array
 * of values, not an object, since the names would be half of the cache's extraction bytes
 * (≈ 100,000 mentions at 10,000 documents). Values are stored as they are (null stays null),
 * so a mention reads back exactly equal and resolves to exactly the same digest.
 */
const RAW_FIELDS = [
  'start', 'end', 'type', 'kind', 'hasSo', 'serial', 'symbol', 'separator', 'yearInNumber', 'date',
  'dateYear', 'sharedYear', 'sentenceYear', 'named', 'issuerText', 'aliasOfPrevious', 'needsSupport',
] as const satisfies readonly (keyof RawMention)[];
// Every field of RawMention is in the list (a compile error names the one that is not).
type MissingRawField = Exclude<keyof RawMention, (typeof RAW_FIELDS)[number]>;
const everyRawField: [MissingRawField] extends [never] ? true : MissingRawField = true;
void everyRawField;

/** An extraction as a cache line stores it: [mentions as arrays of values, own header, text]. */
type PackedExtraction = [mentions: unknown[][], self: TextExtraction['self'], text: string | null];

function packRaw(raw: TextExtraction): PackedExtraction {
  return [raw.mentions.map((m) => RAW_FIELDS.map((f) => m[f])), raw.self, raw.text];
}

function unpackRaw([mentions, self, text]: PackedExtraction): TextExtraction {
  return {
    mentions: mentions.map((values) => Object.fromEntries(RAW_FIELDS.map((f, i) => [f, values[i]])) as unknown as RawMention),
    self,
    text,
  };
}

/** A cache line's JSON (bodyDataJson) read back. */
export function parseBodyData(json: string): BodyData {
  const data = JSON.parse(json) as Omit<BodyData, 'raw'> & { raw?: PackedExtraction };
  const { raw, ...rest } = data;
  return raw ? { ...rest, raw: unpackRaw(raw) } : rest;
}

const HEADER = 'danvan-body-cache 9';
/** Room for the first line: the header and the index length. */
const HEAD_BYTES = 64;
/** Entries go to one of 16 files by the first hex digit of their key: a change rewrites one or a few. */
const SHARDS = '0123456789abcdef';
const CORPUS_FILE = 'corpus.json';

/**
 * The corpus every stored resolution digest was computed against: its fingerprint, its
 * index entries (to tell which documents changed since) and a fingerprint of the
 * registries resolution reads (provinces, named documents). Written after the entries,
 * and cleared before them when it changes, so a build stopped in between leaves no digest
 * claiming a corpus it was not computed for.
 */
export interface CacheCorpus {
  fingerprint: string;
  entries: CorpusEntry[];
  registries: string;
}

/** Where an entry of `key` lives. */
export function shardOf(key: string): string {
  return SHARDS.includes(key[0] ?? '') ? key[0]! : '0';
}

function shardFile(dir: string, shard: string): string {
  return join(dir, `bodies-${shard}.txt`);
}

/** One shard as read: its index is; its JSON is read from the open file when first needed. */
interface Shard {
  fd: number | null;
  /** Where the JSON starts in the file. */
  start: number;
  length: number;
  bytes?: Buffer;
}

interface Span {
  shard: Shard;
  /** Offsets in the shard's JSON. */
  start: number;
  end: number;
  resolution: string;
  buckets: string;
}

export class BodyCache {
  private readonly spans = new Map<string, Span>();
  private readonly shards: Shard[] = [];
  /** The corpus the digests were computed against (see CacheCorpus); null when unknown. */
  corpusInfo: CacheCorpus | null = null;
  /** Shards present but unusable (another version, damaged): rewritten by the next write. */
  readonly unusable = new Set<string>();

  /** The fingerprint of that corpus; '' when unknown. */
  get corpus(): string {
    return this.corpusInfo?.fingerprint ?? '';
  }

  /**
   * The cache in folder `dir` (.generated/cache/bodies); empty when missing. A shard of
   * another version or that cannot be read is left out (its bodies are rendered again).
   */
  static read(dir: string, say: (message: string) => void = () => {}): BodyCache {
    const cache = new BodyCache();
    try {
      const info = JSON.parse(readFileSync(join(dir, CORPUS_FILE), 'utf8')) as CacheCorpus;
      if (info && typeof info.fingerprint === 'string' && Array.isArray(info.entries) && typeof info.registries === 'string') cache.corpusInfo = info;
    } catch {
      // Unknown corpus: every digest is computed again.
    }
    for (const name of SHARDS) {
      let fd: number;
      try {
        fd = openSync(shardFile(dir, name), 'r');
      } catch {
        continue;
      }
      const spans = readShardIndex(fd);
      if (!spans) {
        closeSync(fd);
        say(`Bộ đệm nội dung ${shardFile(dir, name)} không đúng dạng hay thuộc phiên bản khác: bỏ qua và dựng lại các nội dung trong đó.`);
        cache.unusable.add(name);
        continue;
      }
      cache.shards.push(spans.shard);
      for (const [key, span] of spans.entries) cache.spans.set(key, span);
    }
    return cache;
  }

  /** Closes the shards' files (their JSON is not readable afterwards). */
  close(): void {
    for (const shard of this.shards) {
      if (shard.fd !== null) closeSync(shard.fd);
      shard.fd = null;
    }
  }

  get size(): number {
    return this.spans.size;
  }

  keys(): IterableIterator<string> {
    return this.spans.keys();
  }

  /** The entry's resolution digest ('' for none), without parsing it; undefined when absent. */
  resolution(key: string): string | undefined {
    return this.spans.get(key)?.resolution;
  }

  /** The lookup buckets of the entry's mentions (mentionBuckets), without parsing it. */
  buckets(key: string): string | undefined {
    return this.spans.get(key)?.buckets;
  }

  /** The entry's JSON as stored (UTF-8), or undefined (absent, or its shard unreadable now). */
  json(key: string): Uint8Array | undefined {
    const span = this.spans.get(key);
    const bytes = span && shardBytes(span.shard);
    return bytes ? bytes.subarray(span.start, span.end) : undefined;
  }

  /** The entry, parsed; undefined when absent or unreadable. */
  data(key: string): BodyData | undefined {
    const json = this.json(key);
    if (!json) return undefined;
    try {
      return parseBodyData(Buffer.from(json.buffer, json.byteOffset, json.length).toString('utf8'));
    } catch {
      return undefined;
    }
  }
}

export interface CacheEntry {
  key: string;
  resolution: string;
  buckets: string;
  json: Uint8Array | string;
}

/**
 * Writes the shards named in `shards` (each with every entry of `entries` it holds, in
 * the order given), then the corpus record; each file to a temporary name and renamed.
 * `write` does the writing (a background thread, or writeFileAtomic).
 */
export function writeBodyCache(
  dir: string,
  entries: readonly CacheEntry[],
  shards: ReadonlySet<string>,
  corpus: CacheCorpus,
  previousFingerprint: string,
  write: (path: string, bytes: Uint8Array) => void,
): void {
  mkdirSync(dir, { recursive: true });
  // A digest written under a corpus the record does not name yet must not be trusted later.
  if (previousFingerprint !== corpus.fingerprint && shards.size) rmSync(join(dir, CORPUS_FILE), { force: true });
  for (const shard of shards) write(shardFile(dir, shard), bodyCacheBytes(entries.filter((e) => shardOf(e.key) === shard)));
  if (shards.size || previousFingerprint !== corpus.fingerprint || !existsSync(join(dir, CORPUS_FILE))) write(join(dir, CORPUS_FILE), new TextEncoder().encode(JSON.stringify(corpus)));
}

/**
 * The lookup buckets a body's mentions consult when they are resolved: the comparable
 * serial of each numbered mention ("33" of 33/CT-TTg), which is all the corpus index is
 * asked about for them (by number and symbol, or by type and number), or "*" when a
 * mention is resolved by name or alias (which reads more of the index). A change to the
 * corpus can change this body's resolution only if it touches one of its buckets.
 */
export function mentionBuckets(raw: TextExtraction | undefined): string {
  if (!raw) return '*';
  const out = new Set<string>();
  for (const m of raw.mentions) {
    if (m.named) return '*';
    if (m.serial) out.add(comparableSerial(m.serial));
  }
  return [...out].sort().join(' ');
}

/** The buckets of corpus entries that differ between two corpora ("*" always, when any does). */
export function changedBuckets(before: readonly CorpusEntry[], after: readonly CorpusEntry[]): Set<string> {
  const text = (e: CorpusEntry) => JSON.stringify(e);
  const old = new Map(before.map((e) => [e.id, text(e)]));
  const now = new Map(after.map((e) => [e.id, text(e)]));
  const changed: CorpusEntry[] = [];
  for (const e of after) if (old.get(e.id) !== now.get(e.id)) changed.push(e);
  for (const e of before) if (now.get(e.id) !== old.get(e.id)) changed.push(e);
  const out = new Set<string>();
  for (const e of changed) {
    out.add('*');
    const parsed = e.number ? parseDocumentNumber(e.number) : null;
    if (parsed) out.add(comparableSerial(parsed.serial));
  }
  return out;
}

/** Whether a body with these buckets may resolve differently after the change. */
export function touches(buckets: string, changed: ReadonlySet<string>): boolean {
  if (!changed.size) return false;
  if (buckets === '*') return true;
  return buckets !== '' && buckets.split(' ').some((b) => changed.has(b));
}

/** The JSON text a cache line holds for a body. */
export function bodyDataJson(data: BodyData): string {
  return JSON.stringify({ mentions: data.mentions, links: data.links, raw: data.raw && packRaw(data.raw), resolution: data.resolution });
}

/**
 * The bytes of a cache shard holding these entries (JSON as UTF-8 bytes or text), in the
 * order given, in a buffer of its own (so it can be transferred to another thread).
 */
export function bodyCacheBytes(entries: readonly CacheEntry[]): Uint8Array {
  const jsons = entries.map(({ json }) => (typeof json === 'string' ? Buffer.from(json) : json));
  const index = Buffer.from(entries.map(({ key, resolution, buckets }, i) => `${key}\t${resolution}\t${buckets}\t${jsons[i]!.length}\n`).join(''), 'latin1');
  const parts: Uint8Array[] = [Buffer.from(`${HEADER} ${index.length}\n`), index];
  for (const json of jsons) parts.push(json, LINE_BREAK);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

const LINE_BREAK = Buffer.from('\n');

/**
 * The index of a shard open as `fd`: its entries, located in the shard's JSON; null when the
 * file is not a shard of this version or its index does not match its length (cut short).
 */
function readShardIndex(fd: number): { shard: Shard; entries: [string, Span][] } | null {
  try {
    const head = Buffer.alloc(HEAD_BYTES);
    const got = readSync(fd, head, 0, HEAD_BYTES, 0);
    const line = head.toString('latin1', 0, got);
    const newline = line.indexOf('\n');
    if (newline < 0 || !line.startsWith(`${HEADER} `)) return null;
    const indexLength = Number(line.slice(HEADER.length + 1, newline));
    if (!Number.isSafeInteger(indexLength) || indexLength < 0) return null;
    const index = Buffer.alloc(indexLength);
    if (readSync(fd, index, 0, indexLength, newline + 1) !== indexLength) return null;
    const shard: Shard = { fd, start: newline + 1 + indexLength, length: 0 };
    const entries: [string, Span][] = [];
    const text = index.toString('latin1');
    let at = 0;
    for (let start = 0; start < text.length; ) {
      const end = text.indexOf('\n', start);
      if (end < 0) return null;
      const [key, resolution, buckets, length] = text.slice(start, end).split('\t');
      const n = Number(length);
      if (!key || buckets === undefined || !Number.isSafeInteger(n) || n < 0) return null;
      entries.push([key, { shard, start: at, end: at + n, resolution: resolution!, buckets }]);
      // Each entry's JSON is followed by a line break.
      at += n + 1;
      start = end + 1;
    }
    shard.length = at;
    if (fstatSync(fd).size !== shard.start + at) return null;
    return { shard, entries };
  } catch {
    return null;
  }
}

/** A shard's JSON, read once; null when its file is closed or cannot be read. */
function shardBytes(shard: Shard): Buffer | null {
  if (shard.bytes) return shard.bytes;
  if (shard.fd === null) return null;
  const bytes = Buffer.allocUnsafe(shard.length);
  try {
    for (let done = 0; done < shard.length; ) {
      const got = readSync(shard.fd, bytes, done, shard.length - done, shard.start + done);
      if (got <= 0) return null;
      done += got;
    }
  } catch {
    return null;
  }
  return (shard.bytes = bytes);
}
