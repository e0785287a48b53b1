/**
 * What the graph build keeps of each rendered body besides its HTML (the mentions, link
 * reports, the body's extraction and the digest of its resolution), by body key, in
 * .generated/cache/bodies/: 16 shards by the key's first digit, one line per body,
 * "<key>\t<resolution digest>\t<buckets>\t<JSON>", and corpus.json, the corpus the
 * digests were computed against. The digest and the buckets stand apart so a build that
 * reuses a body (and its part of the graph, parts.ts) never parses its JSON; a change
 * rewrites the shards of the entries it changed. The HTML is in the body bundles
 * (body-bundle.ts), keyed by body key and resolution digest.
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
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
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

const HEADER = 'danvan-body-cache 8';
const TAB = 0x09;
const NEWLINE = 0x0a;
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

interface Span {
  bytes: Buffer;
  start: number;
  end: number;
  resolution: string;
  buckets: string;
}

export class BodyCache {
  private readonly spans = new Map<string, Span>();
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
    for (const shard of SHARDS) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(shardFile(dir, shard));
      } catch {
        continue;
      }
      const firstLineEnd = bytes.indexOf(NEWLINE);
      if (firstLineEnd < 0 || bytes.toString('latin1', 0, firstLineEnd) !== HEADER) {
        say(`Bộ đệm nội dung ${shardFile(dir, shard)} không đúng dạng hay thuộc phiên bản khác: bỏ qua và dựng lại các nội dung trong đó.`);
        cache.unusable.add(shard);
        continue;
      }
      for (let start = firstLineEnd + 1; start < bytes.length; ) {
        const end = bytes.indexOf(NEWLINE, start);
        // A line without its line break is cut short: left out.
        if (end < 0) break;
        const t1 = bytes.indexOf(TAB, start);
        const t2 = t1 < 0 ? -1 : bytes.indexOf(TAB, t1 + 1);
        const t3 = t2 < 0 ? -1 : bytes.indexOf(TAB, t2 + 1);
        if (t1 > start && t3 > t2 && t3 < end) {
          cache.spans.set(bytes.toString('latin1', start, t1), {
            bytes, start: t3 + 1, end, resolution: bytes.toString('latin1', t1 + 1, t2), buckets: bytes.toString('latin1', t2 + 1, t3),
          });
        }
        start = end + 1;
      }
    }
    return cache;
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

  /** The entry's JSON as stored (UTF-8), or undefined. */
  json(key: string): Uint8Array | undefined {
    const span = this.spans.get(key);
    return span ? span.bytes.subarray(span.start, span.end) : undefined;
  }

  /** The entry, parsed; undefined when absent or unreadable. */
  data(key: string): BodyData | undefined {
    const span = this.spans.get(key);
    if (!span) return undefined;
    try {
      return parseBodyData(span.bytes.toString('utf8', span.start, span.end));
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
  const parts: Uint8Array[] = [Buffer.from(`${HEADER}\n`)];
  for (const { key, resolution, buckets, json } of entries) {
    parts.push(Buffer.from(`${key}\t${resolution}\t${buckets}\t`, 'latin1'), typeof json === 'string' ? Buffer.from(json) : json, Buffer.from('\n'));
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
