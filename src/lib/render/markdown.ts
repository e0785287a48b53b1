/**
 * Body Markdown → HTML for pages. Content bodies are data, not code: raw HTML in a body
 * is dropped (remark-rehype without allowDangerousHtml), so no content file can inject
 * a script into the site. Headings get stable anchor ids so a passage can be linked.
 */
import { unified, type Plugin } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import type { Root } from 'mdast';
import { assignHeadingAnchors, type HeadingAnchor } from './headings.ts';
import { rewriteLinks, type LinkReport } from './links.ts';
import { parseMarkdownFast } from './fast-parse.ts';
import { fastHtml } from './fast-html.ts';

export type { HeadingAnchor } from './headings.ts';
export type { LinkReport } from './links.ts';

export function parseMarkdown(markdown: string): Root {
  return unified().use(remarkParse).parse(markdown);
}

/** A line that may open an indented code block: four spaces or a tab before any text. */
const MAYBE_INDENTED = /^(?: {4}| {0,3}\t)/m;

/**
 * Body lines (1-based) where this renderer, which reads CommonMark, starts an indented
 * code block. The bodies' dialect is MDX without expressions, ESM or JSX (the check
 * rejects those); read that way, the two grammars differ only here — MDX has no indented
 * code and reads such a line as text — so the check reports these lines, and what passes
 * the check renders and is read by the engine exactly as written.
 */
export function indentedCodeLines(markdown: string): number[] {
  if (!MAYBE_INDENTED.test(markdown)) return [];
  const lines = markdown.split('\n');
  const out: number[] = [];
  const visit = (node: { type: string; position?: { start: { line: number } }; children?: unknown[] }) => {
    if (node.type === 'code' && node.position) {
      const line = node.position.start.line;
      if (!/^\s*(?:`{3,}|~{3,})/.test(lines[line - 1] ?? '')) out.push(line);
    }
    for (const child of (node.children ?? []) as (typeof node)[]) visit(child);
  };
  visit(parseMarkdown(markdown));
  return out;
}

export interface RenderResult {
  html: string;
  headings: HeadingAnchor[];
  links: LinkReport;
}

const toHtml = unified()
  .use(remarkRehype)
  .use(rehypeStringify)
  .freeze();

/**
 * Renders a parsed body. `transform` runs on the tree after heading anchors are set and
 * before links are rewritten (the citation annotator hooks in there), so annotated links
 * follow the same link rules as the ones written by editors.
 */
export function renderTree(tree: Root, transform?: (tree: Root, headings: HeadingAnchor[]) => void, options: { fastHtml?: boolean } = {}): RenderResult {
  const headings = assignHeadingAnchors(tree);
  transform?.(tree, headings);
  if (options.fastHtml) {
    // fastHtml refuses any link, definition or image, so there is no link to rewrite.
    const html = fastHtml(tree);
    if (html !== null) return { html: html.endsWith('\n') ? html : `${html}\n`, headings, links: { documents: [], unsafe: [] } };
  }
  const links = rewriteLinks(tree);
  const hast = toHtml.runSync(tree);
  const html = toHtml.stringify(hast);
  return { html: html.endsWith('\n') ? html : `${html}\n`, headings, links };
}

/**
 * Renders a body. Common bodies are parsed by the fast path (fast-parse.ts), which gives
 * the same output; the rest by remark-parse. `fast: false` forces remark-parse.
 */
export function renderMarkdown(markdown: string, transform?: (tree: Root, headings: HeadingAnchor[]) => void, options: { fast?: boolean } = {}): RenderResult {
  const fast = options.fast === false ? null : parseMarkdownFast(markdown);
  return renderTree(fast ?? parseMarkdown(markdown), transform, { fastHtml: fast !== null });
}

/** The same rules as a unified plugin, for callers that build their own processor. */
export const remarkSiteRules: Plugin<[], Root> = () => (tree) => {
  assignHeadingAnchors(tree);
  rewriteLinks(tree);
};
