/**
 * Stable heading anchors: the slug of the heading text, deduplicated in document order
 * with -2, -3 …, so "#nhiem-vu-trong-tam" keeps pointing at the same passage as long as
 * the heading text stays the same.
 */
import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { normalizeOneLine, slugify } from '../text/vietnamese.ts';

export interface HeadingAnchor {
  depth: number;
  /** Heading text as written (normalised characters, collapsed spaces). */
  text: string;
  id: string;
  /** 1-based line in the Markdown source. */
  line: number;
  node: Heading;
}

export function headingText(node: Heading): string {
  return normalizeOneLine(toString(node));
}

/** Every heading in document order (headings may sit in lists and block quotes). */
function walkHeadings(node: Root | RootContent, each: (heading: Heading) => void): void {
  if (node.type === 'heading') each(node);
  // A heading holds no heading; its inline children need no visit.
  else if ('children' in node) for (const child of node.children) walkHeadings(child, each);
}

/** Sets `data.hProperties.id` on every heading and returns them in document order. */
export function assignHeadingAnchors(tree: Root): HeadingAnchor[] {
  const used = new Set<string>();
  const out: HeadingAnchor[] = [];
  walkHeadings(tree, (node) => {
    const text = headingText(node);
    const base = slugify(text) || 'muc';
    let id = base;
    // A loop, because "a-2" may itself be the slug of an earlier heading.
    for (let k = 2; used.has(id); k++) id = `${base}-${k}`;
    used.add(id);
    node.data = { ...node.data, hProperties: { ...(node.data?.hProperties ?? {}), id } };
    out.push({ depth: node.depth, text, id, line: node.position?.start.line ?? 0, node });
  });
  return out;
}
