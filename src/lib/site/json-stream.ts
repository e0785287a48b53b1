/**
 * JSON written piece by piece. The open-data files hold every document and every edge;
 * at 100,000 documents /api/graph.json is larger than V8's longest string (about 512 MB),
 * so it cannot be one JSON.stringify. A value marks its long arrays as `JsonList`s and
 * `jsonPieces` yields the text as pieces no larger than one element of such a list.
 *
 * The joined pieces are exactly `JSON.stringify(value, null, indent)`: a `JsonList` has a
 * `toJSON` that gives the plain array, so the same value also goes through JSON.stringify
 * unchanged (tests compare the two), and a list deeper than the streamed levels (see
 * `streams`) is still written right, only as one string.
 */

/** An array whose elements are made (and written) one at a time: `map` of each item, in order. */
export class JsonList<S = unknown, T = unknown> {
  readonly items: readonly S[];
  readonly map: (item: S) => T;

  constructor(items: readonly S[], map: (item: S) => T) {
    this.items = items;
    this.map = map;
  }

  get length(): number {
    return this.items.length;
  }

  *[Symbol.iterator](): Iterator<T> {
    for (const item of this.items) yield this.map(item);
  }

  toJSON(): T[] {
    return [...this];
  }
}

export function jsonList<S, T>(items: readonly S[], map: (item: S) => T): JsonList<S, T> {
  return new JsonList(items, map);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Whether `value` is written piece by piece: a JsonList, or a plain object or array with a
 * JsonList among its own values (the shapes of open-data.ts). Anything else is one
 * JSON.stringify: looking deeper would cost a walk of every value.
 */
function streams(value: unknown): boolean {
  if (value instanceof JsonList) return true;
  if (Array.isArray(value)) return value.some((v) => v instanceof JsonList);
  return isPlainObject(value) && Object.values(value).some((v) => v instanceof JsonList);
}

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
function omitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/** `JSON.stringify(value, null, indent)`, as pieces (indent: spaces, 0 for compact). */
export function* jsonPieces(value: unknown, indent = 0): Generator<string> {
  yield* piecesAt(value, Math.max(0, Math.min(10, Math.floor(indent))), 0);
}

function* piecesAt(value: unknown, indent: number, depth: number): Generator<string> {
  if (!streams(value)) {
    const text = JSON.stringify(value, null, indent) ?? 'null';
    // A nested value's own lines are indented by its depth (strings hold no raw newline).
    yield indent && depth ? text.replaceAll('\n', `\n${' '.repeat(indent * depth)}`) : text;
    return;
  }
  const inner = indent ? `\n${' '.repeat(indent * (depth + 1))}` : '';
  const outer = indent ? `\n${' '.repeat(indent * depth)}` : '';
  const isObject = isPlainObject(value);
  const [open, close] = isObject ? ['{', '}'] : ['[', ']'];
  let first = true;
  yield open;
  if (isObject) {
    for (const [key, v] of Object.entries(value)) {
      if (omitted(v)) continue;
      yield `${first ? '' : ','}${inner}${JSON.stringify(key)}:${indent ? ' ' : ''}`;
      first = false;
      yield* piecesAt(v, indent, depth + 1);
    }
  } else {
    for (const v of value as Iterable<unknown>) {
      yield `${first ? '' : ','}${inner}`;
      first = false;
      yield* piecesAt(omitted(v) ? null : v, indent, depth + 1);
    }
  }
  yield first ? close : `${outer}${close}`;
}

/**
 * Joins pieces into chunks of about `size` characters: a file or a response is written in
 * a few large writes, not millions of small ones; a chunk is larger only when one piece is.
 */
export function* batchPieces(pieces: Iterable<string>, size = 1 << 20): Generator<string> {
  let batch: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    batch.push(piece);
    length += piece.length;
    if (length >= size) {
      yield batch.join('');
      batch = [];
      length = 0;
    }
  }
  if (batch.length) yield batch.join('');
}
