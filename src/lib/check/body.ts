/**
 * Content bodies hold data only. They are parsed as MDX (the way the site reads them)
 * and anything that would run code at build time or in the reader's browser is an
 * error: import/export, {expressions}, components, <script>/<iframe>/<style>, event
 * handler attributes and javascript: URLs. A body that is not valid MDX is an error too,
 * and so is a line the renderer would show as an indented code block (see
 * indentedCodeLines): the check, the graph build and the renderer read one dialect.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import type { Diagnostic } from '../diagnostics.ts';
import { indentedCodeLines } from '../render/markdown.ts';
import { error, preview, warning } from './context.ts';

export const MAX_BODY_BYTES = 1024 * 1024;

const DANGEROUS_TAGS = new Set(['script', 'iframe', 'style', 'object', 'embed', 'frame', 'frameset', 'link', 'meta', 'base']);
const SCRIPT_URL = /^\s*(?:javascript|vbscript)\s*:/i;
const LITERAL_HINT = 'nếu cần viết ký tự này như chữ thường, đặt "\\" phía trước (\\{ hoặc \\<)';

const parser = unified().use(remarkParse).use(remarkMdx);

interface Point {
  line: number;
}
interface MdNode {
  type: string;
  position?: { start: Point };
  children?: MdNode[];
  name?: string | null;
  value?: string;
  url?: string;
  attributes?: { type: string; name?: string; value?: unknown }[];
}

/** Explains a micromark/MDX parse failure in words an editor can act on. */
function explainParseError(reason: string): string {
  if (/to create a comment in MDX/.test(reason)) {
    return 'chú thích HTML "<!-- … -->" không dùng được trong nội dung MDX; hãy xoá chú thích';
  }
  if (/closing brace|expression|`\{`|`\}`/.test(reason)) {
    return `dấu ngoặc nhọn mở một biểu thức JavaScript chưa đóng, mà nội dung không được chứa biểu thức; ${LITERAL_HINT}`;
  }
  if (/before name|after name|tag|closing|`<`|`>`|attribute/i.test(reason)) {
    return `dấu "<" mở một thẻ HTML/JSX không hợp lệ hoặc chưa đóng; ${LITERAL_HINT}`;
  }
  return 'nội dung không đọc được dưới dạng MDX';
}

/** Line-based scan used when the body does not parse, so the dangerous parts are still listed. */
function scanUnparsed(file: string, body: string, bodyLine: number, out: Diagnostic[]): void {
  let fenced = false;
  body.split('\n').forEach((rawLine, i) => {
    if (/^\s*(```|~~~)/.test(rawLine)) fenced = !fenced;
    if (fenced) return;
    const line = rawLine.replace(/`[^`]*`/g, '');
    const n = bodyLine + i;
    const tag = /<\s*([a-z]+)\b/gi;
    for (const m of line.matchAll(tag)) {
      if (DANGEROUS_TAGS.has(m[1]!.toLowerCase())) {
        out.push(error(file, n, 'body', 'html-dangerous-tag', `thẻ <${m[1]}> không được dùng trong nội dung (có thể chạy mã hoặc đổi giao diện trang)`));
      }
    }
    if (/<[^>]*\son[a-z]+\s*=/i.test(line)) {
      out.push(error(file, n, 'body', 'html-event-handler', 'thuộc tính xử lý sự kiện (onclick=…) chạy mã JavaScript; hãy xoá'));
    }
    if (/\]\(\s*(?:javascript|vbscript)\s*:|=\s*["']?\s*(?:javascript|vbscript)\s*:/i.test(line)) {
      out.push(error(file, n, 'body', 'javascript-url', 'liên kết "javascript:" chạy mã khi bấm vào; hãy dùng địa chỉ http(s)'));
    }
    if (/^(import|export)\s/.test(line)) {
      out.push(error(file, n, 'body', 'mdx-esm', `câu lệnh "${preview(line, 40)}" không được có trong nội dung: tệp nội dung chỉ chứa dữ liệu`));
    }
  });
}

function checkTree(file: string, root: MdNode, bodyLine: number, out: Diagnostic[]): void {
  const stack: MdNode[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    const n = bodyLine + (node.position?.start.line ?? 1) - 1;
    switch (node.type) {
      case 'mdxjsEsm':
        out.push(error(file, n, 'body', 'mdx-esm', `câu lệnh import/export "${preview(node.value ?? '', 40)}" không được có trong nội dung: tệp nội dung chỉ chứa dữ liệu`));
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        out.push(error(file, n, 'body', 'mdx-expression', `biểu thức JavaScript "{${preview(node.value ?? '', 40)}}" không được có trong nội dung; ${LITERAL_HINT}`));
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const name = node.name ?? '';
        if (DANGEROUS_TAGS.has(name.toLowerCase())) {
          out.push(error(file, n, 'body', 'html-dangerous-tag', `thẻ <${name}> không được dùng trong nội dung (có thể chạy mã hoặc đổi giao diện trang)`));
        } else {
          out.push(error(file, n, 'body', 'mdx-jsx', `thẻ/thành phần <${name || '>'}${name ? '>' : ''} không được dùng trong nội dung; dùng Markdown (**đậm**, danh sách, bảng) hoặc ${LITERAL_HINT}`));
        }
        for (const attr of node.attributes ?? []) {
          if (attr.type !== 'mdxJsxAttribute' || !attr.name) continue;
          if (/^on/i.test(attr.name)) {
            out.push(error(file, n, 'body', 'html-event-handler', `thuộc tính "${attr.name}" chạy mã JavaScript; hãy xoá`));
          }
          if (typeof attr.value === 'string' && SCRIPT_URL.test(attr.value)) {
            out.push(error(file, n, 'body', 'javascript-url', `địa chỉ "${preview(attr.value, 30)}" chạy mã khi bấm vào; hãy dùng địa chỉ http(s)`));
          }
        }
        break;
      }
      case 'link':
      case 'image':
      case 'definition':
        if (node.url && SCRIPT_URL.test(node.url)) {
          out.push(error(file, n, 'body', 'javascript-url', `liên kết "${preview(node.url, 30)}" chạy mã khi bấm vào; hãy dùng địa chỉ http(s)`));
        }
        break;
    }
    if (node.children) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
}

/**
 * Can parsing this body as MDX report anything? Only if it has what MDX syntax needs —
 * "<" (JSX, and HTML comments/autolinks that MDX refuses), "{" or "}" (expressions),
 * the word import/export (ESM) — or what a script URL needs: the word javascript/vbscript,
 * or "&", since a character reference ("&#106;avascript:") decodes into one. A body with
 * none of them parses to plain Markdown whose links are all safe, so the parse is skipped
 * (test/render/mdx-prefilter.test.ts compares both ways on generated bodies).
 */
export function mayNeedMdxParse(body: string): boolean {
  return /[<{}&]|import|export|javascript|vbscript/i.test(body);
}

/** Problems of a content body; `bodyLine` is the file line of its first line. */
export function checkBody(file: string, text: string, bodyLine: number, options: { alwaysParse?: boolean } = {}): Diagnostic[] {
  let body = text;
  const out: Diagnostic[] = [];
  const bytes = Buffer.byteLength(body, 'utf8');
  if (!body.trim()) {
    out.push(warning(file, bodyLine, 'body', 'body-empty', 'phần nội dung sau frontmatter đang trống'));
    return out;
  }
  if (bytes > MAX_BODY_BYTES) {
    out.push(warning(file, bodyLine, 'body', 'body-too-large',
      `phần nội dung nặng ${(bytes / 1024 / 1024).toFixed(1)} MB (quá 1 MB): trang sẽ tải chậm trên điện thoại; cân nhắc chỉ giữ phần liên quan`));
  }
  body = withoutDeepNesting(file, body, bodyLine, out);
  for (const line of indentedCodeLines(body)) {
    out.push(error(file, bodyLine + line - 1, 'body', 'body-indented-code',
      'dòng thụt đầu 4 dấu cách (hoặc tab) sẽ hiện thành khối mã: chữ trong đó không được đọc, văn bản được nhắc không thành liên kết; hãy bỏ thụt đầu dòng (trích đoạn thì dùng ">")'));
  }
  if (!options.alwaysParse && !mayNeedMdxParse(body)) return out;
  try {
    checkTree(file, parser.parse(body) as MdNode, bodyLine, out);
    return out;
  } catch (whole) {
    // One syntax error stops the parser. To still list every problem, parse block by
    // block (blocks are separated by blank lines and rarely depend on each other).
    let failures = 0;
    for (const block of blocks(body)) {
      const line = bodyLine + block.start;
      try {
        checkTree(file, parser.parse(block.text) as MdNode, line, out);
      } catch (e) {
        failures++;
        out.push(syntaxError(file, e, line));
        scanUnparsed(file, block.text, line, out);
      }
    }
    if (!failures) out.push(syntaxError(file, whole, bodyLine));
    return out;
  }
}

/** Deeper than any real document; the Markdown parser slows down sharply past this. */
export const MAX_NESTING = 32;
const NESTING_MARK = /^[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))/;

/** How many quote and list markers open the line ("> > - text" → 3). */
function nestingDepth(line: string): number {
  let depth = 0;
  let rest = line;
  for (let m = NESTING_MARK.exec(rest); m && depth <= MAX_NESTING; m = NESTING_MARK.exec(rest)) {
    depth++;
    rest = rest.slice(m[0].length);
  }
  return depth;
}

/**
 * Reports lines nested absurdly deep (pasted or generated junk) and blanks them before
 * parsing, keeping line numbers, so the check stays fast on hostile input.
 */
function withoutDeepNesting(file: string, body: string, bodyLine: number, out: Diagnostic[]): string {
  const lines = body.split('\n');
  let changed = false;
  lines.forEach((line, i) => {
    if (nestingDepth(line) > MAX_NESTING) {
      out.push(error(file, bodyLine + i, 'body', 'body-too-deep',
        `dòng lồng trích dẫn/danh sách quá ${MAX_NESTING} cấp; đây không phải nội dung văn bản, hãy xoá hoặc viết lại`));
      lines[i] = '';
      changed = true;
    }
  });
  return changed ? lines.join('\n') : body;
}

/** Blocks of text separated by blank lines, keeping fenced code blocks whole. */
function blocks(body: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  const lines = body.split('\n');
  let fenced = false;
  let current: string[] = [];
  let start = 0;
  lines.forEach((line, i) => {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    if (!fenced && !line.trim()) {
      if (current.length) out.push({ text: current.join('\n'), start });
      current = [];
      return;
    }
    if (!current.length) start = i;
    current.push(line);
  });
  if (current.length) out.push({ text: current.join('\n'), start });
  return out;
}

function syntaxError(file: string, e: unknown, firstLine: number): Diagnostic {
  const err = e as { line?: number; column?: number; reason?: string; message?: string };
  const reason = err.reason ?? err.message ?? String(e);
  return error(file, firstLine + (err.line ?? 1) - 1, 'body', 'mdx-syntax',
    `${explainParseError(reason)}${err.column ? ` (cột ${err.column})` : ''}. Chi tiết: ${preview(reason, 160)}`);
}

