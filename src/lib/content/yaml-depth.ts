/**
 * A guard before any YAML parse: nesting deeper than frontmatter ever needs is refused with
 * its line, because the YAML library (and any recursive reader) would otherwise run out of
 * stack on thousands of nested mappings or brackets, and report "Maximum call stack size
 * exceeded" with no line.
 */

/** Frontmatter needs three or four levels; registries two. */
export const MAX_YAML_DEPTH = 64;

/**
 * The first line (1-based, in the YAML text) where nesting goes deeper than MAX_YAML_DEPTH,
 * counting block levels by indentation and flow levels by brackets; null when it never does.
 * Brackets inside quoted text count too: the limit is far above real content either way.
 */
export function yamlTooDeep(text: string): { line: number; message: string } | null {
  const indents: number[] = [];
  let flow = 0;
  let line = 0;
  for (const raw of text.split('\n')) {
    line++;
    const body = raw.trimStart();
    if (body === '' || body.startsWith('#')) continue;
    const indent = raw.length - body.length;
    while (indents.length && indents[indents.length - 1]! >= indent) indents.pop();
    indents.push(indent);
    // "- - - x" opens a level per dash.
    const dashes = /^(?:-\s+)+/.exec(body)?.[0].replace(/\s/g, '').length ?? 0;
    let deepest = flow;
    for (const ch of body) {
      if (ch === '[' || ch === '{') deepest = Math.max(deepest, ++flow);
      else if ((ch === ']' || ch === '}') && flow > 0) flow--;
    }
    if (indents.length + dashes + deepest > MAX_YAML_DEPTH) {
      return { line, message: `YAML lồng quá sâu (hơn ${MAX_YAML_DEPTH} mức) từ dòng này; frontmatter chỉ cần vài mức` };
    }
  }
  return null;
}
