/**
 * Malformed bodies and characters: MDX that would run code, MDX that does not parse,
 * stray HTML, NFD text, look-alikes, BOM, CRLF, control characters, sizes. Each case
 * asserts the exact diagnostics, and that nothing crashes or hangs.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { DOCS, E, W, appendBody, check, cleanup, copyGood, lineWith, read, replaceIn, runCase, write, type FaultCase } from './helpers.ts';

afterAll(cleanup);

const { d33, d114, d16, rec, issuers } = DOCS;

/** Appends text to the body of 33/CT-TTg and returns the line where it starts. */
function addTo33(r: string, text: string): number {
  return appendBody(r, d33, `\n${text}\n`) + 1;
}

const cases: FaultCase[] = [
  {
    // MDX reads such a line as text; the renderer (CommonMark) would show a code block and
    // the engine would never read the citation in it. One dialect: the check says so.
    name: 'a body line indented by four spaces would render as a code block',
    inject: (r) => void addTo33(r, '    Thực hiện Chỉ thị số 16/CT-TTg ngày 16/5/2016 của Thủ tướng Chính phủ.'),
    expected: (r) => [E(d33, lineWith(r, d33, '    Thực hiện Chỉ thị'), 'body-indented-code', 'body')],
  },
  {
    name: 'a tab-indented line after a paragraph, and a fenced block, are not reported; an indented continuation inside a list item is not either',
    inject: (r) => void addTo33(r, 'Đoạn văn\n\tnối dòng.\n\n```\nkhối mã có rào\n```\n\n- mục một\n    tiếp tục mục một'),
    expected: () => [],
  },
  {
    name: 'import statement',
    inject: (r) => void addTo33(r, 'import Bang from "./bang.js"'),
    expected: (r) => [E(d33, lineWith(r, d33, 'import Bang'), 'mdx-esm', 'body')],
  },
  {
    name: 'export statement',
    inject: (r) => void addTo33(r, 'export const meta = { a: 1 }'),
    expected: (r) => [E(d33, lineWith(r, d33, 'export const'), 'mdx-esm', 'body')],
  },
  {
    name: 'inline JavaScript expression',
    inject: (r) => void addTo33(r, 'Tổng cộng {1 + 1} mô hình.'),
    expected: (r) => [E(d33, lineWith(r, d33, 'Tổng cộng'), 'mdx-expression', 'body')],
  },
  {
    name: 'block JavaScript expression',
    inject: (r) => void addTo33(r, '{process.exit(1)}'),
    expected: (r) => [E(d33, lineWith(r, d33, 'process.exit'), 'mdx-expression', 'body')],
  },
  {
    name: 'a JSX component',
    inject: (r) => void addTo33(r, '<GhiChu loai="canh-bao">Nội dung</GhiChu>'),
    expected: (r) => [E(d33, lineWith(r, d33, '<GhiChu'), 'mdx-jsx', 'body')],
  },
  {
    name: 'raw <script>',
    inject: (r) => void addTo33(r, '<script>alert("x")</script>'),
    expected: (r) => [E(d33, lineWith(r, d33, '<script>'), 'html-dangerous-tag', 'body')],
  },
  {
    name: 'raw <iframe>',
    inject: (r) => void addTo33(r, '<iframe src="https://example.org"></iframe>'),
    expected: (r) => [E(d33, lineWith(r, d33, '<iframe'), 'html-dangerous-tag', 'body')],
  },
  {
    name: 'raw <style>',
    inject: (r) => void addTo33(r, 'Chữ <style>body</style> giữa dòng.'),
    expected: (r) => [E(d33, lineWith(r, d33, '<style>'), 'html-dangerous-tag', 'body')],
  },
  {
    name: 'event handler attribute',
    inject: (r) => void addTo33(r, '<img src="anh.png" onerror="alert(1)" />'),
    expected: (r) => {
      const l = lineWith(r, d33, 'onerror');
      return [E(d33, l, 'html-event-handler', 'body'), E(d33, l, 'mdx-jsx', 'body')];
    },
  },
  {
    name: 'javascript: URL in a Markdown link',
    inject: (r) => void addTo33(r, 'Xem [tại đây](javascript:alert(1)).'),
    expected: (r) => [E(d33, lineWith(r, d33, 'tại đây'), 'javascript-url', 'body')],
  },
  {
    name: 'javascript: URL in an HTML attribute',
    inject: (r) => void addTo33(r, '<a href="JavaScript:void(0)">bấm</a>'),
    expected: (r) => {
      const l = lineWith(r, d33, 'bấm');
      return [E(d33, l, 'javascript-url', 'body'), E(d33, l, 'mdx-jsx', 'body')];
    },
  },
  {
    name: 'unbalanced "{"',
    inject: (r) => void addTo33(r, 'Một câu có {ngoặc chưa đóng.'),
    expected: (r) => [E(d33, lineWith(r, d33, 'ngoặc chưa đóng'), 'mdx-syntax', 'body')],
  },
  {
    name: 'unbalanced "<" (a "less than" written in prose)',
    inject: (r) => void addTo33(r, 'Tỉ lệ hộ nghèo <3 phần trăm.'),
    expected: (r) => [E(d33, lineWith(r, d33, 'hộ nghèo'), 'mdx-syntax', 'body')],
  },
  {
    name: 'HTML comment',
    inject: (r) => void addTo33(r, '<!-- ghi chú của biên tập viên -->'),
    expected: (r) => [E(d33, lineWith(r, d33, '<!--'), 'mdx-syntax', 'body')],
  },
  {
    name: 'after a syntax error, later problems are still reported',
    inject: (r) => void addTo33(r, 'Câu có {ngoặc hở.\n\n<script>alert(1)</script>\n\nexport const x = 1\n\n<!-- c -->'),
    expected: (r) => [
      E(d33, lineWith(r, d33, 'ngoặc hở'), 'mdx-syntax', 'body'),
      E(d33, lineWith(r, d33, '<script>'), 'html-dangerous-tag', 'body'),
      E(d33, lineWith(r, d33, 'export const'), 'mdx-esm', 'body'),
      E(d33, lineWith(r, d33, '<!--'), 'mdx-syntax', 'body'),
    ],
  },
  {
    name: 'code in fences and escaped braces are text, not code',
    inject: (r) => void addTo33(r, '```\n<script>alert(1)</script>\n{1 + 1}\n```\n\nDấu \\{ và \\< được viết như chữ; `<b>` trong mã cũng vậy.'),
    expected: () => [],
  },
  {
    name: 'absurdly deep nesting is reported, not parsed for seconds',
    inject: (r) => void addTo33(r, `${'> '.repeat(20000)}trích dẫn`),
    expected: (r) => [E(d33, lineWith(r, d33, 'trích dẫn'), 'body-too-deep', 'body')],
  },
  {
    name: 'NFD text in the body and in the frontmatter',
    inject: (r) => {
      replaceIn(r, d33, 'signer: "Phạm Minh Chính"', 'signer: "Phạm Minh Chính"'.normalize('NFD'));
      replaceIn(r, d33, 'Các tỉnh xây dựng', 'Các tỉnh xây dựng'.normalize('NFD'));
    },
    expected: () => [E(d33, 6, 'text-not-nfc'), E(d33, 20, 'text-not-nfc')],
  },
  {
    name: 'Icelandic eth in place of Đ',
    inject: (r) => replaceIn(r, d16, 'Năm 2021', 'Ðến năm 2021'),
    expected: (r) => [E(d16, lineWith(r, d16, 'Ðến'), 'text-eth')],
  },
  {
    name: 'look-alike dash, non-breaking and zero-width spaces (warning)',
    inject: (r) => replaceIn(r, d16, 'Chỉ thị giao cho', 'Chỉ\u00A0thị\u200B giao cho (2016\u20132021)'),
    expected: (r) => [W(d16, lineWith(r, d16, 'giao cho'), 'text-lookalike')],
  },
  {
    name: 'byte order mark',
    inject: (r) => write(r, d114, `\uFEFF${read(r, d114)}`),
    expected: () => [W(d114, 1, 'text-bom')],
  },
  {
    name: 'CRLF line endings (warning, once per file)',
    inject: (r) => write(r, d114, read(r, d114).replace(/\n/g, '\r\n')),
    expected: () => [W(d114, 1, 'crlf')],
  },
  {
    name: 'control character',
    inject: (r) => replaceIn(r, d16, 'Chỉ thị giao cho', 'Chỉ thị\u0007 giao cho'),
    expected: (r) => [W(d16, lineWith(r, d16, 'giao cho'), 'control-char')],
  },
  {
    name: 'empty body (warning)',
    inject: (r) => write(r, rec, read(r, rec).replace(/\n---\n[\s\S]*$/, '\n---\n')),
    expected: (r) => [W(rec, read(r, rec).split('\n').length, 'body-empty', 'body')],
  },
  {
    name: 'body over 1 MB (warning), still checked in full',
    inject: (r) => void addTo33(r, `${'Công tác dân vận của chính quyền các cấp. '.repeat(26000)}\n\n<script>x</script>`),
    expected: (r) => [W(d33, 19, 'body-too-large', 'body'), E(d33, lineWith(r, d33, '<script>x'), 'html-dangerous-tag', 'body')],
  },
  {
    name: '5 000 references to documents in one body',
    inject: (r) => void addTo33(r, Array.from({ length: 5000 }, (_, i) => `- Chỉ thị số ${i + 1}/CT-TTg ngày 16/5/2016 của Thủ tướng Chính phủ;`).join('\n')),
    expected: () => [],
  },
  {
    name: 'a file that is not UTF-8',
    inject: (r) => write(r, 'content/van-ban/chi-thi-99-ct-ttg-2020.mdx', Buffer.concat([Buffer.from('---\ntype: chi-thi\n---\n'), Buffer.from([0xc3, 0x28, 0xff])])),
    expected: () => [E('content/van-ban/chi-thi-99-ct-ttg-2020.mdx', 4, 'not-utf8')],
  },
  {
    name: 'a file with another extension is ignored, with a warning',
    inject: (r) => write(r, 'content/van-ban/chi-thi-16-ct-ttg-2016.md', read(r, d16)),
    expected: () => [W('content/van-ban/chi-thi-16-ct-ttg-2016.md', 0, 'file-ignored')],
  },
  {
    name: 'a YAML alias bomb in the frontmatter is a YAML error, not a hang',
    inject: (r) =>
      write(r, 'content/van-ban/bom.mdx', `---\na: &a ["x","x","x","x","x","x","x","x","x"]\n${'bcdefg'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefg'[i]}`).join(',')}]`).join('\n')}\n---\n\nx\n`),
    expected: () => [E('content/van-ban/bom.mdx', 2, 'yaml-syntax')],
  },
  {
    name: 'look-alikes in a registry are reported too',
    inject: (r) => replaceIn(r, issuers, 'name: Thủ tướng Chính phủ', 'name: Thủ tướng\u00A0Chính phủ'),
    expected: (r) => [W(issuers, lineWith(r, issuers, 'name: Thủ tướng'), 'text-lookalike')],
  },
];

describe('body and character faults', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const [actual, expected] = runCase(c);
    expect(actual).toEqual(expected);
  });

  it('messages say what was found and what to do, in Vietnamese', () => {
    const root = copyGood();
    addTo33(root, 'Tổng {1 + 1}.\n\nTỉ lệ <3.');
    replaceIn(root, d16, 'Năm 2021', 'Ðến năm 2021');
    const byCode = new Map(check(root).diagnostics.map((d) => [d.code, d.message]));
    expect(byCode.get('mdx-expression')).toContain('{1 + 1}');
    expect(byCode.get('mdx-expression')).toContain('\\{');
    expect(byCode.get('mdx-syntax')).toMatch(/dấu "<"/);
    expect(byCode.get('text-eth')).toContain('U+00D0');
  });
});
