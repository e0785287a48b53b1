/**
 * What the graph build keeps of each rendered body besides its HTML (the mentions, link
 * reports, the body's extraction and the digest of its resolution), by body key:
 * .generated/cache/bodies.txt, one line per body, "<key>\t<JSON>". The HTML is in the
 * body bundles (body-bundle.ts), keyed by body key and resolution digest.
 *
 * The rule (src/lib/graph/update.ts): the key covers what extraction depends on (the
 * body, its context, the engine, and the index's extraction vocabulary: corpus aliases,
 * known names, provinces — extractionFingerprint), so a body is extracted again only
 * when one of those changed. Its cached mentions are resolved against the current corpus
 * on every build; while the digest is the one stored, the output is reused as it is;
 * otherwise the body is rendered again from the cached extraction ("relinked"). So
 * adding or changing a document extracts only that document's body.
 *
 * Why lines of JSON, kept as bytes: an entry is parsed only when its body is reused, and
 * written back as the very bytes it was read as, so a rebuild that changed one body
 * serialises one entry, not 10,000; and the bytes stay outside the JavaScript heap (at
 * 50,000 documents the entries are ≈ 370 MB of UTF-8, twice that as strings). Keys are
 * hex digests and JSON text holds no raw line break, so tabs and line breaks delimit.
 */
import { readFileSync } from 'node:fs';
import type { RawMention, TextExtraction } from '../citations/index.ts';
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

const HEADER = 'danvan-body-cache 6';
const TAB = 0x09;
const NEWLINE = 0x0a;

export class BodyCache {
  private readonly bytes: Buffer;
  private readonly spans = new Map<string, [start: number, end: number]>();
  /**
   * The fingerprint of the corpus index every entry's resolution digest was computed
   * against (first line); '' when unknown. While it is the current corpus's, the digests
   * hold as stored and need not be computed again.
   */
  corpus = '';

  private constructor(bytes: Buffer) {
    this.bytes = bytes;
  }

  /** The cache file at `path`; empty when it is missing, unreadable or of another version. */
  static read(path: string): BodyCache {
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch {
      return new BodyCache(Buffer.alloc(0));
    }
    const cache = new BodyCache(bytes);
    const firstLineEnd = bytes.indexOf(NEWLINE);
    const [header, corpus] = firstLineEnd < 0 ? [''] : bytes.toString('utf8', 0, firstLineEnd).split('\t');
    if (header !== HEADER) return new BodyCache(Buffer.alloc(0));
    cache.corpus = corpus ?? '';
    for (let start = firstLineEnd + 1; start < bytes.length; ) {
      let end = bytes.indexOf(NEWLINE, start);
      if (end < 0) end = bytes.length;
      const tab = bytes.indexOf(TAB, start);
      if (tab > start && tab < end) cache.spans.set(bytes.toString('latin1', start, tab), [tab + 1, end]);
      start = end + 1;
    }
    return cache;
  }

  get size(): number {
    return this.spans.size;
  }

  /** The entry's JSON as stored (UTF-8), or undefined. */
  json(key: string): Uint8Array | undefined {
    const span = this.spans.get(key);
    return span ? this.bytes.subarray(span[0], span[1]) : undefined;
  }

  /** The entry, parsed; undefined when absent or unreadable. */
  data(key: string): BodyData | undefined {
    const span = this.spans.get(key);
    if (!span) return undefined;
    try {
      return parseBodyData(this.bytes.toString('utf8', span[0], span[1]));
    } catch {
      return undefined;
    }
  }
}

/** The JSON text a cache line holds for a body. */
export function bodyDataJson(data: BodyData): string {
  return JSON.stringify({ mentions: data.mentions, links: data.links, raw: data.raw && packRaw(data.raw), resolution: data.resolution });
}

/**
 * The bytes of a cache file holding these entries (JSON as UTF-8 bytes or text), in the
 * order given, in a buffer of its own (so it can be transferred to another thread);
 * `corpus`: the fingerprint of the corpus index their resolution digests were computed against.
 */
export function bodyCacheBytes(entries: readonly (readonly [key: string, json: Uint8Array | string])[], corpus = ''): Uint8Array {
  const parts: Uint8Array[] = [Buffer.from(`${HEADER}${corpus ? `\t${corpus}` : ''}\n`)];
  for (const [key, json] of entries) {
    parts.push(Buffer.from(`${key}\t`, 'latin1'), typeof json === 'string' ? Buffer.from(json) : json, Buffer.from('\n'));
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
