/**
 * Annotate: the last engine stage. Turns references found in a body's text blocks into
 * links to the cited document, or into a visibly marked span when the document is not
 * in the corpus or the mention is ambiguous (a dead link would only frustrate readers).
 *
 * Invariants (tested): the text never changes — removing the added tags gives back the
 * original text; existing links and inline code are left alone; a reference crossing
 * formatting (bold, emphasis) is linked piece by piece inside each text node.
 */
import type { Parent, PhrasingContent, Root, Text } from 'mdast';
import type { Plugin } from 'unified';
import { collectBlocks, type Segment, type TextBlock } from '../render/blocks.ts';
import { assignHeadingAnchors } from '../render/headings.ts';
import { documentHref } from '../render/links.ts';
import { normalizeOneLine } from '../text/vietnamese.ts';
import type { Reference } from './types.ts';

/** A marked mention: a link to the cited document, or a span when it cannot be linked. */
export interface CitationMark extends Parent {
  type: 'citationMark';
  children: PhrasingContent[];
}

declare module 'mdast' {
  interface PhrasingContentMap {
    citationMark: CitationMark;
  }
  interface RootContentMap {
    citationMark: CitationMark;
  }
}

/** What annotate needs of a reference: where it is and what it points at. */
export type Annotation = Pick<Reference, 'start' | 'end' | 'text' | 'target' | 'candidates' | 'key'>;

function mentionLabel(a: Annotation): string {
  return normalizeOneLine(a.text);
}

export function unresolvedTitle(a: Annotation): string {
  if (a.candidates.length > 1) {
    return `Chưa xác định được văn bản: có ${a.candidates.length} văn bản trong cơ sở dữ liệu khớp với "${mentionLabel(a)}"`;
  }
  return `Chưa có trong cơ sở dữ liệu: ${mentionLabel(a)}`;
}

function wrap(text: string, a: Annotation): PhrasingContent {
  const child: Text = { type: 'text', value: text };
  if (a.target) {
    return {
      type: 'citationMark',
      children: [child],
      data: { hName: 'a', hProperties: { className: ['cite'], href: documentHref(a.target), dataDoc: a.target } },
    };
  }
  const className = ['cite', 'cite-unresolved'];
  if (a.candidates.length > 1) className.push('cite-ambiguous');
  return {
    type: 'citationMark',
    children: [child],
    data: { hName: 'span', hProperties: { className, title: unresolvedTitle(a) } },
  };
}

const editable = (s: Segment): s is Segment & { node: Text; parent: Parent } => s.node !== null && s.parent !== null && !s.inLink;

/**
 * Applies annotations (offsets into block.text) to one block. Overlapping annotations
 * keep the first; an annotation touching an existing link or inline code is skipped.
 * Returns the annotations actually applied.
 */
export function annotateBlock(block: TextBlock, annotations: readonly Annotation[]): Annotation[] {
  const applied: Annotation[] = [];
  const pieces = new Map<Text, { start: number; end: number; a: Annotation }[]>();
  const parents = new Set<Parent>();
  let lastEnd = -1;
  const sorted = [...annotations].sort((x, y) => x.start - y.start || y.end - x.end);
  for (const a of sorted) {
    if (a.end <= a.start || a.start < lastEnd || a.end > block.text.length) continue;
    const touched = block.segments.filter((s) => s.start < a.end && s.end > a.start);
    // Break segments are only line ends; any other uneditable text is a link or code.
    if (touched.some((s) => !editable(s) && s.value !== '\n')) continue;
    for (const s of touched) {
      if (!editable(s)) continue;
      let start = Math.max(a.start, s.start) - s.start;
      let end = Math.min(a.end, s.end) - s.start;
      // Spaces at the edge of a piece stay outside the link (a piece may begin after bold text).
      while (start < end && /\s/.test(s.value[start]!)) start++;
      while (end > start && /\s/.test(s.value[end - 1]!)) end--;
      if (start === end) continue;
      const list = pieces.get(s.node) ?? [];
      list.push({ start, end, a });
      pieces.set(s.node, list);
      parents.add(s.parent);
    }
    applied.push(a);
    lastEnd = a.end;
  }
  for (const parent of parents) {
    parent.children = (parent.children as PhrasingContent[]).flatMap((child) => {
      const list = child.type === 'text' ? pieces.get(child) : undefined;
      if (!list || child.type !== 'text') return [child];
      const out: PhrasingContent[] = [];
      let at = 0;
      for (const p of list) {
        if (p.start > at) out.push({ type: 'text', value: child.value.slice(at, p.start) });
        out.push(wrap(child.value.slice(p.start, p.end), p.a));
        at = p.end;
      }
      if (at < child.value.length) out.push({ type: 'text', value: child.value.slice(at) });
      return out;
    }) as Parent['children'];
  }
  return applied;
}

/**
 * The engine reads the whole body at once (blocks joined by blank lines), so that a
 * short form ("Chỉ thị số 16") resolves through a fuller mention or an alias defined in
 * an earlier paragraph; offsets are then cut back to each block.
 */
export function referencesPerBlock<Ref extends Annotation & { sentence?: { start: number; end: number } }>(blocks: readonly TextBlock[], find: (text: string) => Ref[]): Ref[][] {
  const SEP = '\n\n';
  const starts: number[] = [];
  let text = '';
  for (const b of blocks) {
    if (text) text += SEP;
    starts.push(text.length);
    // A soft line break inside a paragraph is not the end of a sentence (the engine reads
    // plain text, where it would be); hard breaks stay line ends. Same length, same offsets.
    text += b.segments.map((s) => (s.node === null && s.value === '\n' ? s.value : s.value.replace(/[\r\n]/g, ' '))).join('');
  }
  const out: Ref[][] = blocks.map(() => []);
  if (!text.trim()) return out;
  let bi = 0;
  for (const ref of find(text)) {
    while (bi + 1 < blocks.length && ref.start >= starts[bi + 1]!) bi++;
    const base = starts[bi]!;
    const len = blocks[bi]!.text.length;
    // A mention cannot cross a block boundary in the rendered page: skip the odd one that would.
    if (ref.end - base > len) continue;
    const clip = (n: number) => Math.min(len, Math.max(0, n - base));
    out[bi]!.push({
      ...ref,
      start: ref.start - base,
      end: ref.end - base,
      sentence: ref.sentence ? { start: clip(ref.sentence.start), end: clip(ref.sentence.end) } : { start: ref.start - base, end: ref.end - base },
    });
  }
  return out;
}

export interface RemarkCitationsOptions {
  /** References in a body's text (usually the engine's findReferences with its index and context). */
  find: (text: string) => Annotation[];
}

/** The annotate stage as a unified plugin (mdast → mdast), for use before remark-rehype. */
export const remarkCitations: Plugin<[RemarkCitationsOptions], Root> = (options) => (tree) => {
  const blocks = collectBlocks(tree, assignHeadingAnchors(tree));
  const refs = referencesPerBlock(blocks, options.find);
  blocks.forEach((block, i) => annotateBlock(block, refs[i]!));
};
