/**
 * JSON files larger than one JavaScript string can be, read as bytes.
 *
 * V8's longest string is ≈ 512 M characters (ERR_STRING_TOO_LONG): at 100,000 documents
 * .generated/graph.json is 703 MB, so `JSON.parse(readFileSync(path, 'utf8'))` cannot even
 * start. Here the file stays a Buffer; the top-level value is walked by a byte scanner
 * that knows strings (with their escapes) and nesting, and each array or object of the top
 * level is cut between its elements (or members) into runs of about `chunkBytes`, each run
 * decoded and given to JSON.parse on its own. No string is ever longer than a run plus
 * one element. The scanner only looks at ASCII bytes: in UTF-8 every byte of a multi-byte
 * character is ≥ 0x80, so it never mistakes part of a Vietnamese letter for a quote or a
 * bracket.
 *
 * The result is the value JSON.parse would give for the whole text (same members in the
 * same order, "__proto__" an own member as JSON.parse makes it), and a text JSON.parse
 * rejects is rejected here too, with a SyntaxError: every run is parsed strictly, and
 * what lies between runs (the top level, the cuts) is checked by the scanner.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/**
 * Above this, the path by runs. One JSON.parse is faster (graph.json at 10,000 documents,
 * 70 MB: 0.40 CPU s against 0.65; at 50,000, 352 MB: 2.4 against 3.2) but holds the whole
 * text as a string beside its bytes (two bytes a character once it has Vietnamese letters):
 * at 50,000 documents 0.6 GB more in each of the build's three readers.
 */
export const WHOLE_PARSE_MAX_BYTES = 128 * 1024 * 1024;
/**
 * Bytes of text given to JSON.parse at once on the path by runs. Small runs are cheaper:
 * their strings and objects stay in V8's young generation (at 50,000 documents 1 MB runs
 * took 3.2 CPU s, 4–8 MB runs 4.1–4.5).
 */
export const CHUNK_BYTES = 1024 * 1024;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;

/**
 * The whole file as one Buffer (readFileSync refuses files over 2 GB; this reads in
 * pieces into a buffer of the file's size).
 */
export function readFileBytes(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const bytes = Buffer.allocUnsafe(size);
    let at = 0;
    while (at < size) {
      const got = readSync(fd, bytes, at, Math.min(size - at, 1 << 30), at);
      if (got <= 0) break;
      at += got;
    }
    // A file cut shorter while being read: what was read (the parser then says it is cut short).
    return at === size ? bytes : bytes.subarray(0, at);
  } finally {
    closeSync(fd);
  }
}

export interface LargeJsonOptions {
  /** Files up to this many bytes are parsed in one JSON.parse (default WHOLE_PARSE_MAX_BYTES). */
  wholeParseMaxBytes?: number;
  /** Size of the runs on the path by runs (default CHUNK_BYTES). */
  chunkBytes?: number;
}

/**
 * The JSON value in `path`. Throws what readFileSync throws for a file that cannot be read,
 * and a SyntaxError for a text that is not JSON.
 */
export function readJsonFile(path: string, options: LargeJsonOptions = {}): unknown {
  return parseJsonBytes(readFileBytes(path), options);
}

/** The JSON value of UTF-8 `bytes` (see the module comment); SyntaxError when it is not JSON. */
export function parseJsonBytes(bytes: Buffer, options: LargeJsonOptions = {}): unknown {
  if (bytes.length <= (options.wholeParseMaxBytes ?? WHOLE_PARSE_MAX_BYTES)) return JSON.parse(bytes.toString('utf8'));
  return new RunParser(bytes, Math.max(1, options.chunkBytes ?? CHUNK_BYTES)).parse();
}

const isSpace = (c: number | undefined) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
const isOpen = (c: number | undefined) => c === OPEN_ARRAY || c === OPEN_OBJECT;

/** A container that fit in one run: its parent parses its text with its neighbours'. */
const IN_RUN = Symbol('in run');

/**
 * Levels walked element by element from the start (the top-level value and its members):
 * deeper containers are skipped in one tight loop and walked only when one turns out larger
 * than a run.
 */
const EAGER_LEVELS = 2;
/** Below this level an element is never split, however large (no recursion without end). */
const MAX_LEVELS = 64;

class RunParser {
  private readonly bytes: Buffer;
  private readonly chunkBytes: number;

  constructor(bytes: Buffer, chunkBytes: number) {
    this.bytes = bytes;
    this.chunkBytes = chunkBytes;
  }

  private fail(at: number, what: string): never {
    throw new SyntaxError(`JSON: ${what} at byte ${at}`);
  }

  private skipSpace(at: number): number {
    const b = this.bytes;
    while (isSpace(b[at])) at++;
    return at;
  }

  /** The position just after the string that opens at `at` (b[at] is a quote). */
  private stringEnd(at: number): number {
    const b = this.bytes;
    for (let i = at + 1; ; ) {
      const q = b.indexOf(QUOTE, i);
      if (q < 0) this.fail(b.length, 'unterminated string');
      let slashes = 0;
      while (b[q - 1 - slashes] === BACKSLASH) slashes++;
      if (slashes % 2 === 0) return q + 1;
      i = q + 1;
    }
  }

  /**
   * The position just after the container opening at `at`, counting brackets only (the
   * kinds are checked by the JSON.parse that reads it).
   */
  private containerEnd(at: number): number {
    const b = this.bytes;
    const n = b.length;
    let depth = 0;
    for (let i = at; i < n; i++) {
      const c = b[i];
      if (c === QUOTE) i = this.stringEnd(i) - 1;
      else if (c === OPEN_ARRAY || c === OPEN_OBJECT) depth++;
      else if ((c === CLOSE_ARRAY || c === CLOSE_OBJECT) && --depth === 0) return i + 1;
    }
    return this.fail(n, 'unterminated array or object');
  }

  /** The position just after a number, true, false or null (or whatever stands there). */
  private scalarEnd(at: number): number {
    const b = this.bytes;
    const n = b.length;
    let i = at;
    while (i < n) {
      const c = b[i];
      if (c === COMMA || c === CLOSE_ARRAY || c === CLOSE_OBJECT || c === QUOTE || isOpen(c) || isSpace(c)) break;
      i++;
    }
    if (i === at) this.fail(at, 'missing value');
    return i;
  }

  private decode(start: number, end: number): string {
    return this.bytes.toString('utf8', start, end);
  }

  parse(): unknown {
    const b = this.bytes;
    const start = this.skipSpace(0);
    let end: number;
    let value: unknown = IN_RUN;
    if (isOpen(b[start])) [value, end] = this.container(start, 0);
    else end = b[start] === QUOTE ? this.stringEnd(start) : this.scalarEnd(start);
    if (this.skipSpace(end) !== b.length) this.fail(end, 'text after the value');
    return value === IN_RUN ? JSON.parse(this.decode(start, end)) : value;
  }

  /**
   * The array or object opening at `start` (see the module comment), and the position after
   * it; IN_RUN when it fit in one run. Elements are found here (keys, colons and commas
   * checked); their text is checked by the JSON.parse of their run.
   */
  private container(start: number, level: number): [unknown, number] {
    const b = this.bytes;
    const isArray = b[start] === OPEN_ARRAY;
    const close = isArray ? CLOSE_ARRAY : CLOSE_OBJECT;
    const array: unknown[] = [];
    const object: Record<string, unknown> = {};
    let parsed = false;
    // The run: text from runStart to the next cut, holding `inRun` elements.
    let runStart = start + 1;
    let inRun = 0;
    const add = (key: string | null, value: unknown) => {
      if (key === null) array.push(value);
      // defineProperty, not assignment: a "__proto__" member stays a member, as JSON.parse makes it.
      else Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
    };
    const takeRun = (end: number) => {
      if (inRun === 0) return;
      const text = this.decode(runStart, end);
      if (isArray) for (const item of JSON.parse(`[${text}]`) as unknown[]) array.push(item);
      else {
        const part = JSON.parse(`{${text}}`) as Record<string, unknown>;
        for (const key of Object.keys(part)) add(key, part[key]);
      }
      inRun = 0;
      parsed = true;
    };

    let at = this.skipSpace(start + 1);
    if (b[at] === close) return [IN_RUN, at + 1];
    /** The comma before the current element (-1 for the first). */
    let comma = -1;
    for (;;) {
      const elementStart = at;
      let keyEnd = -1;
      if (!isArray) {
        if (b[at] !== QUOTE) this.fail(at, 'expected a key');
        keyEnd = this.stringEnd(at);
        at = this.skipSpace(keyEnd);
        if (b[at] !== COLON) this.fail(at, 'expected a colon');
        at = this.skipSpace(at + 1);
      }
      const c = b[at];
      let own: unknown = IN_RUN;
      if (isOpen(c)) {
        if (level + 1 < EAGER_LEVELS) [own, at] = this.container(at, level + 1);
        else {
          const end = this.containerEnd(at);
          if (end - at > this.chunkBytes && level + 1 < MAX_LEVELS) [own, at] = this.container(at, level + 1);
          else at = end;
        }
      } else at = c === QUOTE ? this.stringEnd(at) : this.scalarEnd(at);
      if (own !== IN_RUN) {
        // An element that parsed itself: the run before it (up to its comma) first.
        takeRun(comma);
        add(isArray ? null : (JSON.parse(this.decode(elementStart, keyEnd)) as string), own);
        parsed = true;
      } else inRun++;
      at = this.skipSpace(at);
      if (b[at] === COMMA) {
        comma = at;
        if (own !== IN_RUN) runStart = at + 1;
        else if (at - runStart >= this.chunkBytes) {
          takeRun(at);
          runStart = at + 1;
        }
        at = this.skipSpace(at + 1);
        if (b[at] === close) this.fail(at, 'comma before a closing bracket');
        continue;
      }
      if (b[at] !== close) this.fail(at, at >= b.length ? 'text cut short' : 'expected a comma or a closing bracket');
      if (!parsed) return [IN_RUN, at + 1];
      takeRun(at);
      return [isArray ? array : object, at + 1];
    }
  }
}
