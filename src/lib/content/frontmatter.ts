/**
 * Splits a content file into YAML frontmatter and body, parsing YAML with the core
 * schema (no implicit timestamps: an unquoted 2021-13-45 stays a string and is then
 * rejected by the date check instead of silently becoming another date).
 */
import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Document, type Node } from 'yaml';

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
}

const FENCE = /^---[ \t]*$/;

export function parseContentFile(raw: string): ParsedContentFile {
  const text = raw.replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/);
  if (!FENCE.test(lines[0] ?? '')) {
    return {
      data: null,
      body: text,
      bodyLine: 1,
      yamlErrors: [],
      missingFrontmatter: true,
      lineOf: () => 1,
    };
  }
  let end = -1;
  for (let i = 1; i < lines.length; i++) {
    if (FENCE.test(lines[i]!)) {
      end = i;
      break;
    }
  }
  if (end < 0) {
    return {
      data: null,
      body: '',
      bodyLine: lines.length + 1,
      yamlErrors: [{ line: 1, message: 'khối frontmatter mở bằng "---" nhưng không có dòng "---" đóng' }],
      missingFrontmatter: false,
      lineOf: () => 1,
    };
  }
  const yamlText = lines.slice(1, end).join('\n');
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
  let data: unknown = null;
  if (!yamlErrors.length) {
    try {
      data = doc.toJS() ?? {};
    } catch (e) {
      // toJS refuses alias bombs ("billion laughs") and similar: a content error, not a crash.
      yamlErrors.push({ line: 2, message: e instanceof Error ? e.message : String(e) });
    }
  }
  return {
    data,
    body: lines.slice(end + 1).join('\n'),
    bodyLine: end + 2,
    yamlErrors,
    missingFrontmatter: false,
    lineOf,
    yaml: { doc, counter },
  };
}
