/**
 * A reader for the small part of YAML that frontmatter is written in: block mappings and
 * sequences, one-line flow sequences and empty flow maps, double-quoted and plain scalars
 * resolved by YAML 1.2's core schema (as `yaml` is called in frontmatter.ts).
 *
 * Why: at 10,000 files the full YAML library (a lexer, a CST and a document tree per
 * file) is most of the time it takes to load a corpus. This reader either returns exactly
 * the value the library would, or `undefined` for anything outside the subset or in doubt
 * (comments after a value, single quotes, anchors, tags, block scalars, multi-line plain
 * scalars, duplicate keys, tabs, unusual escapes…); the caller then uses the library,
 * which also reports syntax errors with their lines. test/content/yaml-subset.test.ts
 * compares the two on every content file and on generated input.
 */

/** Result of a subset read: the data, whether a plain scalar looked like a date, and lines. */
export interface SubsetYaml {
  data: unknown;
  /** A plain (unquoted) scalar of the form YYYY-M(-D): the unquoted-date check must look. */
  plainDateLike: boolean;
  /**
   * 1-based YAML line of a field path, as the library's tree gives it (frontmatter.ts):
   * the key's line for a map entry, the item's line for a sequence item, and for a path
   * that does not exist the line of its nearest existing parent; 0 when the text is empty.
   */
  lineOf(path: readonly (string | number)[]): number;
}

const KEY = /^([A-Za-z][A-Za-z0-9_]*):(?: +(.*))?$/;
/** Keys the library turns into something else (a boolean or null key) or that would touch a prototype. */
const SPECIAL_KEYS = new Set(['true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'null', 'Null', 'NULL', '__proto__']);
const DATE_LIKE = /^\d{4}-\d{1,2}(-\d{1,2})?$/;
/** Plain scalars taken as strings here: letters, digits and a few inner punctuation marks, nothing YAML gives a meaning to. */
const SAFE_PLAIN = /^[\p{L}\p{N}][\p{L}\p{N} ._/()%+-]*$/u;
const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const NULLS = new Set(['~', 'null', 'Null', 'NULL']);
const TRUES = new Set(['true', 'True', 'TRUE']);
const FALSES = new Set(['false', 'False', 'FALSE']);

class OutsideSubset extends Error {}
const outside = (): never => {
  throw new OutsideSubset();
};

interface Line {
  /** 1-based line in the YAML text. */
  number: number;
  indent: number;
  /** The line without its indentation and trailing spaces. */
  text: string;
}

/** Parses `text`, or returns undefined when it is not (certainly) in the subset. */
export function parseYamlSubset(text: string): SubsetYaml | undefined {
  const lines: Line[] = [];
  let number = 0;
  for (const raw of text.split('\n')) {
    number++;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.includes('\t')) return undefined;
    const content = line.trimEnd();
    const body = content.trimStart();
    if (body === '' || body.startsWith('#')) continue;
    lines.push({ number, indent: content.length - body.length, text: body });
  }
  const state: State = { lines, at: 0, plainDateLike: false, lineByPath: new Map(), path: [] };
  try {
    if (!lines.length) return { data: null, plainDateLike: false, lineOf: () => 0 };
    if (lines[0]!.indent !== 0) return undefined;
    state.lineByPath.set('', lines[0]!.number);
    const data = block(state, 0);
    if (state.at !== lines.length) return undefined;
    const { lineByPath } = state;
    return {
      data,
      plainDateLike: state.plainDateLike,
      lineOf: (path) => {
        for (let depth = path.length; depth > 0; depth--) {
          const line = lineByPath.get(pathKey(path.slice(0, depth)));
          if (line !== undefined) return line;
        }
        return lineByPath.get('')!;
      },
    };
  } catch (e) {
    if (e instanceof OutsideSubset) return undefined;
    throw e;
  }
}

interface State {
  lines: Line[];
  at: number;
  plainDateLike: boolean;
  /** Line of each field path read (pathKey), the root under "". */
  lineByPath: Map<string, number>;
  /** Path of the value being read. */
  path: (string | number)[];
}

/** Keys start with a letter, so a key and an index never share a path key. */
function pathKey(path: readonly (string | number)[]): string {
  return path.join('\u0000');
}

/** Records the line of the child `step` of the current path, then reads its value with the path extended. */
function child<T>(state: State, step: string | number, line: number, read: () => T): T {
  state.path.push(step);
  state.lineByPath.set(pathKey(state.path), line);
  try {
    return read();
  } finally {
    state.path.pop();
  }
}

/** A block mapping or sequence whose lines start at exactly `indent`. */
function block(state: State, indent: number): unknown {
  const first = state.lines[state.at]!;
  if (first.indent !== indent) outside();
  return isSequenceItem(first.text) ? sequence(state, indent) : mapping(state, indent, null);
}

function isSequenceItem(text: string): boolean {
  return text === '-' || text.startsWith('- ');
}

/**
 * Entries at `indent`; `firstInline` is the first entry's text when it sits after a
 * sequence dash ("- title: …") rather than on a line of its own.
 */
function mapping(state: State, indent: number, firstInline: string | null): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let inline = firstInline;
  for (;;) {
    let text: string;
    const line = state.lines[state.at];
    if (inline !== null) {
      text = inline;
      inline = null;
    } else {
      if (!line || line.indent < indent) break;
      if (line.indent > indent || isSequenceItem(line.text)) outside();
      text = line.text;
    }
    state.at++;
    const m = KEY.exec(text);
    if (!m) outside();
    const key = m![1]!;
    if (Object.hasOwn(out, key) || SPECIAL_KEYS.has(key)) outside();
    const rest = m![2];
    out[key] = child(state, key, line!.number, () => (rest !== undefined && rest !== '' ? inlineValue(state, rest) : nested(state, indent)));
  }
  return out;
}

/** The value of "key:" with nothing after it: a deeper block, a sequence at the same indent, or null. */
function nested(state: State, indent: number): unknown {
  const next = state.lines[state.at];
  if (!next) return null;
  if (next.indent > indent) return block(state, next.indent);
  if (next.indent === indent && isSequenceItem(next.text)) return sequence(state, indent);
  return null;
}

function sequence(state: State, indent: number): unknown[] {
  const out: unknown[] = [];
  for (;;) {
    const line = state.lines[state.at];
    if (!line || line.indent !== indent || !isSequenceItem(line.text)) break;
    if (line.text === '-') outside();
    const item = line.text.slice(2);
    const lead = item.length - item.trimStart().length;
    const value = item.trimStart();
    // "- key: value" opens a mapping whose keys line up with the first one.
    out.push(
      child(state, out.length, line.number, () => {
        if (KEY.test(value)) return mapping(state, indent + 2 + lead, value);
        state.at++;
        return inlineValue(state, value);
      }),
    );
  }
  return out;
}

/**
 * A value written on the line of its key or dash. (A scalar continued on a deeper next
 * line is refused by the caller's loop, which accepts no line deeper than its entries.)
 */
function inlineValue(state: State, text: string): unknown {
  if (text.startsWith('"')) {
    const q = doubleQuoted(text);
    if (q.end !== text.length) outside();
    return q.value;
  }
  if (text.startsWith('[')) return flowSequence(state, text);
  if (text === '{}') return {};
  return plain(state, text);
}

function plain(state: State, text: string): unknown {
  if (NULLS.has(text)) return null;
  if (TRUES.has(text)) return true;
  if (FALSES.has(text)) return false;
  if (INT.test(text) || FLOAT.test(text)) {
    const n = Number(text);
    // Beyond 2^53 integers lose digits; a negative zero is a sign only some readers keep.
    return (INT.test(text) && !Number.isSafeInteger(n)) || Object.is(n, -0) ? outside() : n;
  }
  // Hexadecimal and octal integers of the core schema ("0x1F", "0o17").
  if (/^[-+]?0[xo]/i.test(text)) outside();
  if (!SAFE_PLAIN.test(text) || / [ #]|[ ]$/.test(text)) outside();
  if (DATE_LIKE.test(text)) state.plainDateLike = true;
  return text;
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', n: '\n', t: '\t', r: '\r', '0': '\0' };

/** Characters of a double-quoted scalar that stand for themselves. */
const PLAIN_RUN = /[^"\\\u0000-\u001F]*/y;

/** A double-quoted scalar at the start of `text`: its value and the offset after the closing quote. */
function doubleQuoted(text: string): { value: string; end: number } {
  let value = '';
  let i = 1;
  for (;;) {
    // Runs of ordinary characters are copied at once (a title can be megabytes long).
    PLAIN_RUN.lastIndex = i;
    const run = PLAIN_RUN.exec(text);
    if (run && run[0].length) {
      value += run[0];
      i += run[0].length;
    }
    if (i >= text.length) outside();
    const c = text[i]!;
    if (c === '"') break;
    // Control characters are refused or kept differently by different readers.
    if (c < ' ') outside();
    if (c === '\\') {
      const e = text[i + 1];
      if (e !== undefined && ESCAPES[e] !== undefined) {
        value += ESCAPES[e];
        i += 2;
        continue;
      }
      if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
        const code = parseInt(text.slice(i + 2, i + 6), 16);
        // A lone surrogate half is written differently by different readers.
        if (code >= 0xd800 && code <= 0xdfff) outside();
        value += String.fromCharCode(code);
        i += 6;
        continue;
      }
      outside();
    }
    value += c;
    i++;
  }
  return { value, end: i + 1 };
}

/** A flow item sits on the line of the entry or item that holds the sequence. */
function recordItem(state: State, index: number): void {
  const line = state.lineByPath.get(pathKey(state.path))!;
  state.lineByPath.set(pathKey([...state.path, index]), line);
}

/** "[a, b, "c"]" on one line: plain or double-quoted items, nothing nested. */
function flowSequence(state: State, text: string): unknown[] {
  if (!text.endsWith(']')) outside();
  const inner = text.slice(1, -1).trim();
  if (inner === '') return [];
  const out: unknown[] = [];
  let rest = inner;
  for (;;) {
    if (rest.startsWith('"')) {
      const q = doubleQuoted(rest);
      recordItem(state, out.length);
      out.push(q.value);
      rest = rest.slice(q.end).trimStart();
    } else {
      const comma = rest.indexOf(',');
      const item = (comma < 0 ? rest : rest.slice(0, comma)).trim();
      if (item === '' || /[[\]{}"'#:]/.test(item)) outside();
      recordItem(state, out.length);
      out.push(plain(state, item));
      rest = comma < 0 ? '' : rest.slice(comma);
    }
    if (rest === '') break;
    if (!rest.startsWith(',')) outside();
    rest = rest.slice(1).trimStart();
    // A trailing comma ("[a, b,]") is read differently by different YAML versions.
    if (rest === '') outside();
  }
  return out;
}
