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
export function renderTree(tree: Root, transform?: (tree: Root, headings: HeadingAnchor[]) => void): RenderResult {
  const headings = assignHeadingAnchors(tree);
  transform?.(tree, headings);
  const links = rewriteLinks(tree);
  const hast = toHtml.runSync(tree);
  const html = toHtml.stringify(hast);
  return { html: html.endsWith('\n') ? html : `${html}\n`, headings, links };
}

export function renderMarkdown(markdown: string, transform?: (tree: Root, headings: HeadingAnchor[]) => void): RenderResult {
  return renderTree(parseMarkdown(markdown), transform);
}

/** The same rules as a unified plugin, for callers that build their own processor. */
export const remarkSiteRules: Plugin<[], Root> = () => (tree) => {
  assignHeadingAnchors(tree);
  rewriteLinks(tree);
};
