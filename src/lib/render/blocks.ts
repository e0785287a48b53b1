/**
 * Text blocks of a Markdown tree (paragraphs, headings, table cells — list items and
 * quotes are made of paragraphs): the plain text the citation engine reads, with a map
 * from each offset back to the text node it came from, so references found in the block
 * text can be turned into links inside the right nodes and located by line.
 */
import type { Heading, Nodes, Parent, Root, Text } from 'mdast';
import type { HeadingAnchor } from './headings.ts';
import { headingText } from './headings.ts';

export interface Segment {
  start: number;
  end: number;
  /** The text node; null for text that cannot be edited (inline code, line breaks). */
  node: Text | null;
  parent: Parent | null;
  /** True when inside an existing link: such text is read, but never linked again. */
  inLink: boolean;
  /** 1-based Markdown line where the segment starts. */
  line: number;
  value: string;
}

export interface TextBlock {
  /** Position of the block among the tree's blocks, in document order. */
  index: number;
  node: Parent;
  text: string;
  segments: Segment[];
  /** The heading the block sits under (itself, for a heading). */
  heading: { text: string; anchor: string } | null;
}

const BLOCK_TYPES = new Set(['paragraph', 'heading', 'tableCell']);

function collectSegments(block: Parent): Segment[] {
  const segments: Segment[] = [];
  let offset = 0;
  const push = (value: string, node: Text | null, parent: Parent | null, inLink: boolean, line: number) => {
    segments.push({ start: offset, end: offset + value.length, node, parent, inLink, line, value });
    offset += value.length;
  };
  const walk = (parent: Parent, inLink: boolean) => {
    for (const child of parent.children as Nodes[]) {
      const line = child.position?.start.line ?? 0;
      switch (child.type) {
        case 'text':
          push(child.value, child, parent, inLink, line);
          break;
        case 'inlineCode':
          push(child.value, null, parent, true, line);
          break;
        case 'break':
          push('\n', null, parent, true, line);
          break;
        case 'link':
        case 'linkReference':
        case 'citationMark':
          walk(child, true);
          break;
        default:
          if ('children' in child && !BLOCK_TYPES.has(child.type)) walk(child, inLink);
      }
    }
  };
  walk(block, false);
  return segments;
}

/** Blocks in document order. Headings must already carry their anchors. */
export function collectBlocks(tree: Root, headings: HeadingAnchor[]): TextBlock[] {
  const anchorOf = new Map<Heading, string>(headings.map((h) => [h.node, h.id]));
  const blocks: TextBlock[] = [];
  let current: TextBlock['heading'] = null;
  const walk = (node: Nodes) => {
    if (BLOCK_TYPES.has(node.type)) {
      const parent = node as Parent;
      if (node.type === 'heading') {
        current = { text: headingText(node), anchor: anchorOf.get(node) ?? '' };
      }
      const segments = collectSegments(parent);
      blocks.push({
        index: blocks.length,
        node: parent,
        text: segments.map((s) => s.value).join(''),
        segments,
        heading: current,
      });
      return;
    }
    if ('children' in node) for (const child of node.children as Nodes[]) walk(child);
  };
  walk(tree);
  return blocks;
}

/** 1-based Markdown line of an offset in a block's text. */
export function lineAt(block: TextBlock, offset: number): number {
  const seg = block.segments.find((s) => offset >= s.start && offset < s.end) ?? block.segments.at(-1);
  if (!seg) return block.node.position?.start.line ?? 0;
  const end = Math.max(0, offset - seg.start);
  let newlines = 0;
  for (let i = seg.value.indexOf('\n'); i >= 0 && i < end; i = seg.value.indexOf('\n', i + 1)) newlines++;
  return (seg.line || block.node.position?.start.line || 0) + newlines;
}
