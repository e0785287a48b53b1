/**
 * The frontmatter (or a registry file) as a YAML syntax tree with file lines, for checks
 * that need to know how a value was written, not only what it parsed to: an unquoted
 * date, a number where text was expected.
 */
import { LineCounter, parseDocument, isMap, isSeq, isScalar, isPair, type Document, type Node, type Scalar } from 'yaml';

export interface YamlSource {
  doc: Document;
  /** 1-based file line of an offset in the YAML text. */
  line(offset: number): number;
}

const FENCE = /^---[ \t]*$/;

/**
 * The last few trees of large texts (the registries): one check reads each registry's tree
 * up to five times (its source rules, the health of the registries twice, ids and lines of
 * entries), ≈ 0.2 s of parsing at 10,000 documents' registries. A tree is never modified
 * by its readers, and equal texts give equal trees.
 */
const recent = new Map<string, YamlSource>();
const MEMO_MIN_LENGTH = 2048;
const MEMO_ENTRIES = 8;

/** Parses YAML text that starts at 1-based `firstLine` of its file. */
export function yamlSource(text: string, firstLine: number): YamlSource {
  const memoKey = text.length >= MEMO_MIN_LENGTH ? `${firstLine}\u0000${text}` : null;
  const known = memoKey === null ? undefined : recent.get(memoKey);
  if (known) return known;
  const counter = new LineCounter();
  const doc = parseDocument(text, { schema: 'core', lineCounter: counter, uniqueKeys: true });
  const src: YamlSource = { doc, line: (offset) => counter.linePos(offset).line + firstLine - 1 };
  if (memoKey !== null) {
    if (recent.size >= MEMO_ENTRIES) recent.delete(recent.keys().next().value!);
    recent.set(memoKey, src);
  }
  return src;
}

/** The frontmatter block of an MDX file, or null when there is none (reported elsewhere). */
export function frontmatterSource(raw: string): YamlSource | null {
  const lines = raw.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (!FENCE.test(lines[0] ?? '')) return null;
  const end = lines.findIndex((l, i) => i > 0 && FENCE.test(l));
  if (end < 0) return null;
  return yamlSource(lines.slice(1, end).join('\n'), 2);
}

export interface ScalarAt {
  path: (string | number)[];
  node: Scalar;
}

/** Every scalar value (not keys) with its path, depth-first, without recursion limits. */
export function scalars(src: YamlSource): ScalarAt[] {
  const out: ScalarAt[] = [];
  const stack: { node: unknown; path: (string | number)[] }[] = [{ node: src.doc.contents, path: [] }];
  while (stack.length) {
    const { node, path } = stack.pop()!;
    if (isScalar(node)) out.push({ path, node });
    else if (isMap(node)) {
      for (const item of node.items) {
        if (!isPair(item)) continue;
        const key = isScalar(item.key) ? String(item.key.value) : '?';
        stack.push({ node: item.value, path: [...path, key] });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => stack.push({ node: item, path: [...path, i] }));
    }
  }
  return out;
}

/** Looks up a value by path in plain parsed data. */
export function valueAt(data: unknown, path: (string | number)[]): unknown {
  let cur: unknown = data;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[p];
  }
  return cur;
}

export function nodeLine(src: YamlSource, node: Node): number {
  return node.range ? src.line(node.range[0]) : 1;
}
