/**
 * A faster way to the same Markdown tree for the bodies most documents have: headings,
 * paragraphs, lists, bold and italic. markdown-it (CommonMark preset, raw HTML off) reads
 * them about seven times faster than micromark; its tokens are turned into the mdast that
 * remark-parse would give, with the lines the engine, anchors and link reports need.
 *
 * Anything else — links, code, quotes, rules, HTML, escapes, character references,
 * tabs — returns null and the caller parses with remark-parse, so this only has to be
 * exact on a small subset; test/render/fast-parse.test.ts compares the rendered output
 * of both parsers on the fixtures, a generated corpus and random Markdown.
 */
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import type { Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Strong, Emphasis, Text } from 'mdast';

const md = new MarkdownIt('commonmark', { html: false });

/**
 * Characters whose reading differs between the two parsers in ways the tokens do not
 * show (link reference definitions leave no token in markdown-it, raw HTML becomes text,
 * escapes and references are decoded into text), or that shift columns (tabs).
 */
const OUTSIDE_SUBSET = /[<[\]\\&\t\r\0`]/;

/**
 * Emphasis is where CommonMark implementations disagree on odd input (runs of three,
 * mixed * and _). Only "**bold**" runs of exactly two stars are taken, plus bullets.
 */
function simpleEmphasis(markdown: string): boolean {
  if (markdown.includes('_')) return false;
  if (!markdown.includes('*')) return true;
  for (const line of markdown.split('\n')) {
    const rest = line.replace(/^[\s*+-]*(?=\s|$)/, '').replace(/(?<!\*)\*\*(?!\*)/g, '');
    if (rest.includes('*')) return false;
  }
  return true;
}

type Parent = Root | List | ListItem | Paragraph | Heading | Strong | Emphasis;

function point(line: number) {
  return { line, column: 1 };
}

/** Parses like remark-parse, or returns null when the body is outside the subset. */
export function parseMarkdownFast(markdown: string): Root | null {
  if (OUTSIDE_SUBSET.test(markdown) || !simpleEmphasis(markdown)) return null;
  const tokens = md.parse(markdown, {});
  const lastLine = markdown.split('\n').length;
  const root: Root = { type: 'root', children: [], position: { start: point(1), end: point(lastLine) } };
  const stack: Parent[] = [root];
  const lists: { node: List; tokenIndex: number }[] = [];
  const top = () => stack[stack.length - 1]!;
  const add = (node: RootContent) => (top().children as RootContent[]).push(node);

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const line = t.map ? t.map[0] + 1 : 0;
    const endLine = t.map ? t.map[1] : 0;
    switch (t.type) {
      case 'heading_open': {
        const node: Heading = { type: 'heading', depth: Number(t.tag.slice(1)) as Heading['depth'], children: [], position: { start: point(line), end: point(endLine) } };
        add(node);
        stack.push(node);
        break;
      }
      case 'paragraph_open': {
        const node: Paragraph = { type: 'paragraph', children: [], position: { start: point(line), end: point(endLine) } };
        add(node);
        stack.push(node);
        break;
      }
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const ordered = t.type === 'ordered_list_open';
        const first = tokens[i + 1];
        const node: List = {
          type: 'list',
          ordered,
          start: ordered ? Number.parseInt(first?.info ?? '1', 10) : null,
          spread: false,
          children: [],
          position: { start: point(line), end: point(endLine) },
        };
        add(node);
        stack.push(node);
        lists.push({ node, tokenIndex: i });
        break;
      }
      case 'list_item_open': {
        // Empty items are where parsers differ most (can they interrupt a paragraph?).
        if (tokens[i + 1]?.type === 'list_item_close') return null;
        const node: ListItem = { type: 'listItem', spread: false, checked: null, children: [], position: { start: point(line), end: point(endLine) } };
        add(node);
        stack.push(node);
        break;
      }
      case 'bullet_list_close':
      case 'ordered_list_close': {
        // A tight list is one whose paragraphs markdown-it hides; the HTML of a list
        // depends only on whether it is loose, which both parsers decide by CommonMark.
        const { node, tokenIndex } = lists.pop()!;
        let depth = 0;
        let loose = false;
        for (let k = tokenIndex + 1; k < i; k++) {
          const u = tokens[k]!;
          if (u.type === 'bullet_list_open' || u.type === 'ordered_list_open') depth++;
          else if (u.type === 'bullet_list_close' || u.type === 'ordered_list_close') depth--;
          else if (depth === 0 && u.type === 'paragraph_open' && !u.hidden) loose = true;
        }
        node.spread = loose;
        for (const item of node.children) item.spread = loose;
        stack.pop();
        break;
      }
      case 'heading_close':
      case 'paragraph_close':
      case 'list_item_close':
        stack.pop();
        break;
      case 'inline':
        if (!inline(t, line, top() as Paragraph | Heading)) return null;
        break;
      default:
        // Quotes, code, rules, tables… are left to remark-parse.
        return null;
    }
  }
  return stack.length === 1 ? root : null;
}

/** Inline children of a paragraph or heading starting at `line`. */
function inline(token: Token, line: number, parent: Paragraph | Heading): boolean {
  const stack: (Paragraph | Heading | Strong | Emphasis)[] = [parent];
  let current = line;
  let text: Text | null = null;
  const top = () => stack[stack.length - 1]!;
  const push = (node: PhrasingContent) => {
    text = null;
    top().children.push(node);
  };
  for (const c of token.children ?? []) {
    switch (c.type) {
      case 'text':
        if (!c.content) break;
        if (text) (text as Text).value += c.content;
        else {
          const node: Text = { type: 'text', value: c.content, position: { start: point(current), end: point(current) } };
          push(node);
          text = node;
        }
        break;
      case 'softbreak':
        // remark keeps a soft line break inside the text node.
        if (text) (text as Text).value += '\n';
        else {
          const node: Text = { type: 'text', value: '\n', position: { start: point(current), end: point(current + 1) } };
          push(node);
          text = node;
        }
        current++;
        break;
      case 'hardbreak':
        push({ type: 'break', position: { start: point(current), end: point(current + 1) } });
        current++;
        break;
      case 'strong_open':
      case 'em_open': {
        const node: Strong | Emphasis = { type: c.type === 'strong_open' ? 'strong' : 'emphasis', children: [], position: { start: point(current), end: point(current) } };
        push(node);
        stack.push(node);
        break;
      }
      case 'strong_close':
      case 'em_close':
        stack.pop();
        text = null;
        break;
      default:
        return false;
    }
  }
  return stack.length === 1;
}
