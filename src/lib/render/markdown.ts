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
