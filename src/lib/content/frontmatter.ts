/**
 * Splits a content file into YAML frontmatter and body, parsing YAML with the core
 * schema (no implicit timestamps: an unquoted 2021-13-45 stays a string and is then
 * rejected by the date check instead of silently becoming another date).
 */
import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Document, type Node } from 'yaml';
import { parseYamlSubset } from './yaml-subset.ts';
import { yamlTooDeep } from './yaml-depth.ts';

export interface ParsedContentFile {
  /** Parsed frontmatter, or null when it could not be parsed. */
  data: unknown;
  /** Body text after the closing "---". */
  body: string;
  /** 1-based line number of the first body line. */
  bodyLine: number;
  /** YAML syntax errors, with 1-based lines in the file. */
  yamlErrors: { line: number; message: string }[];
  /** True when the file had no frontmatter block at all. */
  missingFrontmatter: boolean;
  /** 1-based line in the file of a frontmatter field path (["relations","replaces",0]). */
  lineOf(path: (string | number)[]): number;
  /**
   * The frontmatter's YAML syntax tree and its line counter (YAML line n is file line
   * n + 1), when there was a closed frontmatter block: checks that need to know how a
   * value was written reuse it instead of parsing the YAML a second time.
   */
  yaml?: { doc: Document; counter: LineCounter };
  /**
   * False only when the frontmatter is known to hold no plain (unquoted) date-like
   * scalar, so the unquoted-date check has nothing to find and needs no syntax tree.
   */
  mayHaveUnquotedDates: boolean;
}

const FENCE = /^---[ \t]*$/;

/** Frontmatter and body of a file: the YAML text, the body, and the body's first line (1-based). */
interface Split {
  yamlText: string;
  body: string;
  bodyLine: number;
}

const FENCE_LINE = /^---[ \t]*$/gm;

/**
 * The split of a file with no carriage returns, without splitting it into lines: the body
 * is a slice of the file (at 10,000 files, line arrays joined again were most of the
 * garbage of loading a corpus). null: no closing fence.
 */
function splitLf(text: string, firstLineEnd: number): Split | null {
  FENCE_LINE.lastIndex = firstLineEnd + 1;
  const fence = FENCE_LINE.exec(text);
  if (!fence) return null;
  const afterFence = text.indexOf('\n', fence.index);
  let fenceLine = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < fence.index; i = text.indexOf('\n', i + 1)) fenceLine++;
  return {
    yamlText: text.slice(firstLineEnd + 1, Math.max(firstLineEnd + 1, fence.index - 1)),
    body: afterFence < 0 ? '' : text.slice(afterFence + 1),
    bodyLine: fenceLine + 2,
  };
}

/** The same split line by line, for files with CRLF line ends (the body gets LF ends). */
function splitLines(text: string): Split | null {
  const lines = text.split(/\r?\n/);
  for (let i = 1; i < lines.length; i++) {
    if (FENCE.test(lines[i]!)) return { yamlText: lines.slice(1, i).join('\n'), body: lines.slice(i + 1).join('\n'), bodyLine: i + 2 };
  }
  return null;
}

export function parseContentFile(raw: string): ParsedContentFile {
  const text = raw.replace(/^\uFEFF/, '');
  const firstLineEnd = text.indexOf('\n') < 0 ? text.length : text.indexOf('\n');
  if (!FENCE.test(text.slice(0, firstLineEnd).replace(/\r$/, ''))) {
    return {
      data: null,
      body: text,
      bodyLine: 1,
      yamlErrors: [],
      missingFrontmatter: true,
      lineOf: () => 1,
      // No YAML was read here: the check reads the source itself.
      mayHaveUnquotedDates: true,
    };
  }
  const split = text.includes('\r') ? splitLines(text) : splitLf(text, firstLineEnd);
  if (!split) {
    return {
      data: null,
      body: '',
      bodyLine: text.split(/\r?\n/).length + 1,
      yamlErrors: [{ line: 1, message: 'khối frontmatter mở bằng "---" nhưng không có dòng "---" đóng' }],
      missingFrontmatter: false,
      lineOf: () => 1,
      // No YAML was read here: the check reads the source itself.
      mayHaveUnquotedDates: true,
    };
  }
  const { yamlText, body, bodyLine } = split;
  // Frontmatter starts on file line 2, so YAML line n is file line n + 1.
  const deep = yamlTooDeep(yamlText);
  if (deep) {
    return { data: null, body, bodyLine, yamlErrors: [{ line: deep.line + 1, message: deep.message }], missingFrontmatter: false, lineOf: () => 1, mayHaveUnquotedDates: false };
  }
  // Most frontmatter is plain block YAML: read without building a syntax tree, which is
  // then built only if a check asks how a value was written.
  const subset = parseYamlSubset(yamlText);
  if (subset) {
    let full: FullYaml | undefined;
    const tree = () => (full ??= parseFullYaml(yamlText));
    return {
      data: subset.data ?? {},
      body,
      bodyLine,
      yamlErrors: [],
      missingFrontmatter: false,
      // Frontmatter starts on file line 2, so YAML line n is file line n + 1.
      lineOf: (path) => subset.lineOf(path) + 1,
      get yaml() {
        return tree().yaml;
      },
      mayHaveUnquotedDates: subset.plainDateLike,
    };
  }
  const { data, yamlErrors, lineOf, yaml } = parseFullYaml(yamlText);
  return { data, body, bodyLine, yamlErrors, missingFrontmatter: false, lineOf, yaml, mayHaveUnquotedDates: true };
}

export const COMPLEX_KEY_MESSAGE = 'khóa phức tạp ("? …" hay một danh sách, một bảng làm khóa) không dùng được; khóa phải là tên trường như title:';

/**
 * Offset of the first key that is not a scalar ("? [a, b]: …"), or null. Such a key would
 * become the text "[ a, b ]", be refused by the schema as an unknown field and be located
 * at the top of the frontmatter; it is reported here, at its own line, instead.
 */
export function complexKey(doc: Document): number | null {
  const stack: unknown[] = [doc.contents];
  while (stack.length) {
    const node = stack.pop();
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        if (key && !isScalar(key)) return key.range?.[0] ?? 0;
        stack.push(pair.value);
      }
    } else if (isSeq(node)) stack.push(...node.items);
  }
  return null;
}

export interface FullYaml {
  data: unknown;
  yamlErrors: ParsedContentFile['yamlErrors'];
  lineOf: ParsedContentFile['lineOf'];
  yaml: { doc: Document; counter: LineCounter };
}

/** The frontmatter read by the YAML library: data, syntax errors and (file) lines of fields. */
export function parseFullYaml(yamlText: string): FullYaml {
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { schema: 'core', lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  // Frontmatter starts on file line 2, so YAML line n is file line n + 1. With
  // prettyErrors off, e.linePos is not filled in: the line comes from the offset.
  const yamlErrors = doc.errors.map((e) => ({
    line: counter.linePos(e.pos[0]).line + 1,
    message: e.message.split('\n')[0]!,
  }));
  const lineOf = (path: (string | number)[]): number => {
    // Walk up the path until a node exists, so a missing field points at its parent.
    for (let depth = path.length; depth >= 0; depth--) {
      const node = depth === 0 ? doc.contents : (doc.getIn(path.slice(0, depth), true) as Node | undefined);
      if (node && (isMap(node) || isSeq(node) || isScalar(node)) && node.range) {
        if (depth > 0) {
          // Prefer the key's line for a map entry (the value may start on the next line).
          const parent = depth === 1 ? doc.contents : doc.getIn(path.slice(0, depth - 1), true);
          if (isMap(parent)) {
            const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === path[depth - 1]);
            const keyNode = pair?.key as Node | undefined;
            if (keyNode && isScalar(keyNode) && keyNode.range) return counter.linePos(keyNode.range[0]).line + 1;
          }
        }
        return counter.linePos(node.range[0]).line + 1;
      }
    }
    return 1;
  };
  if (!yamlErrors.length) {
    const complex = complexKey(doc);
    if (complex !== null) yamlErrors.push({ line: counter.linePos(complex).line + 1, message: COMPLEX_KEY_MESSAGE });
  }
  let data: unknown = null;
  if (!yamlErrors.length) {
    try {
      data = doc.toJS() ?? {};
    } catch (e) {
      // toJS refuses alias bombs ("billion laughs") and similar: a content error, not a crash.
      yamlErrors.push({ line: 2, message: e instanceof Error ? e.message : String(e) });
    }
  }
  return { data, yamlErrors, lineOf, yaml: { doc, counter } };
}
