/**
 * mdast → HTML for the trees the fast parser gives (headings, paragraphs, lists, bold,
 * italic, line breaks) plus the annotator's citation marks, written to give exactly what
 * remark-rehype + rehype-stringify give for them (same whitespace, same character
 * references), without building and copying a hast tree through unified. Any other node
 * returns null and the caller uses unified. test/render/fast-parse.test.ts compares both.
 *
 * The rules copied: mdast-util-to-hast (wrap, list looseness, text trimLines, the space
 * trimmed after a break) and hast-util-to-html's default character references
 * ("<" and "&" in text; \0 " & ' ` in double-quoted attributes, as &#xHEX;).
 */
import type { List, ListItem, Nodes, Parent, Root } from 'mdast';

interface HText {
  t: string;
}
interface HElement {
  tag: string;
  attrs: [string, string][];
  children: HNode[];
}
type HNode = HText | HElement;

class Unsupported extends Error {}

const isElement = (n: HNode | undefined): n is HElement => n !== undefined && 'tag' in n;

function ref(ch: string): string {
  return `&#x${ch.charCodeAt(0).toString(16).toUpperCase()};`;
}
const escapeText = (s: string) => (/[<&]/.test(s) ? s.replace(/[<&]/g, ref) : s);
const escapeAttr = (s: string) => (/[\0"&'`]/.test(s) ? s.replace(/[\0"&'`]/g, ref) : s);

/** trim-lines: spaces and tabs around each line ending go. */
function trimLines(value: string): string {
  if (!/[\r\n]/.test(value)) return value;
  const parts = value.split(/(\r?\n|\r)/);
  return parts
    .map((p, i) => {
      if (i % 2) return p;
      let s = p;
      if (i > 0) s = s.replace(/^[ \t]+/, '');
      if (i < parts.length - 1) s = s.replace(/[ \t]+$/, '');
      return s;
    })
    .join('');
}

const ATTRIBUTE_NAMES: Record<string, string> = { className: 'class', dataDoc: 'data-doc', href: 'href', title: 'title', id: 'id', rel: 'rel' };

function attrsOf(props: Record<string, unknown> | undefined): [string, string][] {
  const out: [string, string][] = [];
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    const name = ATTRIBUTE_NAMES[key];
    if (!name || typeof value === 'boolean') throw new Unsupported(key);
    out.push([name, Array.isArray(value) ? value.join(' ').trim() : String(value)]);
  }
  return out;
}

function wrap(nodes: HNode[], loose: boolean): HNode[] {
  const out: HNode[] = [];
  if (loose) out.push({ t: '\n' });
  nodes.forEach((n, i) => {
    if (i) out.push({ t: '\n' });
    out.push(n);
  });
  if (loose && nodes.length) out.push({ t: '\n' });
  return out;
}

function all(parent: Parent): HNode[] {
  const values: HNode[] = [];
  const nodes = parent.children as Nodes[];
  for (let i = 0; i < nodes.length; i++) {
    const result = one(nodes[i]!, parent);
    if (i && nodes[i - 1]!.type === 'break' && !Array.isArray(result)) {
      const head = isElement(result) ? result.children[0] : result;
      if (head && !isElement(head)) head.t = head.t.replace(/^[ \t]+/, '');
    }
    if (Array.isArray(result)) values.push(...result);
    else values.push(result);
  }
  return values;
}

const itemLoose = (item: ListItem) => (item.spread === null || item.spread === undefined ? item.children.length > 1 : item.spread);
const listLoose = (list: List) => list.spread || list.children.some(itemLoose);

function one(node: Nodes, parent: Parent | null): HNode | HNode[] {
  const data = node.data as { hName?: string; hProperties?: Record<string, unknown> } | undefined;
  const hProperties = data?.hProperties;
  // Data changes what to-hast makes of a node; only the known uses are taken.
  if (data && node.type !== 'citationMark' && Object.keys(data).some((k) => k !== 'hProperties' || node.type !== 'heading')) {
    throw new Unsupported('data');
  }
  switch (node.type) {
    case 'text':
      return { t: trimLines(node.value) };
    case 'strong':
      return { tag: 'strong', attrs: [], children: all(node) };
    case 'emphasis':
      return { tag: 'em', attrs: [], children: all(node) };
    case 'break':
      return [{ tag: 'br', attrs: [], children: [] }, { t: '\n' }];
    case 'paragraph':
      return { tag: 'p', attrs: [], children: all(node) };
    case 'heading':
      return { tag: `h${node.depth}`, attrs: attrsOf(hProperties), children: all(node) };
    case 'list': {
      const attrs: [string, string][] = typeof node.start === 'number' && node.start !== 1 ? [['start', String(node.start)]] : [];
      return { tag: node.ordered ? 'ol' : 'ul', attrs, children: wrap(all(node), true) };
    }
    case 'listItem': {
      if (typeof node.checked === 'boolean' || parent?.type !== 'list') throw new Unsupported('listItem');
      const results = all(node);
      const loose = listLoose(parent as List);
      const children: HNode[] = [];
      results.forEach((child, i) => {
        const p = isElement(child) && child.tag === 'p';
        if (loose || i !== 0 || !p) children.push({ t: '\n' });
        if (p && !loose) children.push(...child.children);
        else children.push(child);
      });
      const tail = results.at(-1);
      if (tail && (loose || !isElement(tail) || tail.tag !== 'p')) children.push({ t: '\n' });
      return { tag: 'li', attrs: [], children };
    }
    case 'citationMark': {
      const hName = (node.data as { hName?: string } | undefined)?.hName;
      if (hName !== 'a' && hName !== 'span') throw new Unsupported('citationMark');
      return { tag: hName, attrs: attrsOf(hProperties), children: all(node) };
    }
    default:
      throw new Unsupported(node.type);
  }
}

function serialize(nodes: HNode[]): string {
  let out = '';
  for (const n of nodes) {
    if (!isElement(n)) {
      out += escapeText(n.t);
      continue;
    }
    out += `<${n.tag}`;
    for (const [name, value] of n.attrs) out += ` ${name}="${escapeAttr(value)}"`;
    out += '>';
    if (n.tag === 'br') continue;
    out += `${serialize(n.children)}</${n.tag}>`;
  }
  return out;
}

/** The HTML of the tree, or null when it holds a node this serializer does not know. */
export function fastHtml(tree: Root): string | null {
  if (tree.data && Object.keys(tree.data).length) return null;
  try {
    return serialize(wrap(all(tree), false));
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
}
