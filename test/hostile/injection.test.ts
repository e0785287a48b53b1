/**
 * Hostile cases, group 2: injection that reached the output (issue #20, points 4–8, 14).
 * Each case asserts the diagnostic (code, file, line) and that the hostile value does not
 * reach what is published.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/lib/check/index.ts';
import { readingListCsv, spreadsheetCell } from '../../src/lib/course/export.ts';
import { readingList } from '../../src/lib/course/reading-list.ts';
import { httpUrl } from '../../src/lib/schema/url.ts';
import { buildSearchIndex } from '../../src/lib/search/build-index.ts';
import { indexPath, type Fragment } from '../../src/lib/search/index-format.ts';
import { documentRecord } from '../../src/lib/search/record.ts';
import { atomFeed } from '../../src/lib/site/feeds.ts';
import { prepareBody } from '../../src/lib/site/body.ts';
import { decodeEntities, escapeHtml } from '../../src/lib/text/html.ts';
import { cleanup, copyGood, DOCS, lineWith, replaceIn, TODAY } from '../check/helpers.ts';
import { graph, node } from '../course/graph-fixture.ts';

afterAll(cleanup);

const check = (root: string) => runCheck(root, { today: TODAY });
const SOURCE_DATE = '    date: "2021-04"';

describe('URLs in frontmatter: http(s) only, in the schema', () => {
  it.each([
    ['javascript:alert(1)'],
    ['JaVaScRiPt:alert(document.cookie)'],
    ['data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
    ['vbscript:msgbox(1)'],
    ['file:///etc/passwd'],
    ['//evil.example/x'],
    ['https://'],
  ])('sources[].url "%s" is an error at its line, and the document is not published', (url) => {
    const root = copyGood();
    replaceIn(root, DOCS.d16, SOURCE_DATE, `${SOURCE_DATE}\n    url: "${url}"`);
    const result = check(root);
    const d = result.diagnostics.find((x) => x.file === DOCS.d16 && x.field === 'sources.0.url');
    expect(d).toMatchObject({ severity: 'error', line: 17 });
    expect(d!.message).toMatch(/http:\/\/ hoặc https:\/\//);
    expect(result.corpus.documents.some((x) => x.file === DOCS.d16)).toBe(false);
  });

  it('an implementation record\'s source URL follows the same rule; a real https URL passes', () => {
    const root = copyGood();
    replaceIn(root, DOCS.rec, SOURCE_DATE, `${SOURCE_DATE}\n    url: "data:text/html,<script>alert(1)</script>"`);
    replaceIn(root, DOCS.d16, SOURCE_DATE, `${SOURCE_DATE}\n    url: "https://chinhphu.vn/van-ban-16"`);
    const errors = check(root).diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.file, d.field])).toEqual([[DOCS.rec, 'sources.0.url']]);
    expect(httpUrl.safeParse('https://chinhphu.vn/a?b=1#c').success).toBe(true);
    expect(httpUrl.safeParse(`https://a.vn/${'x'.repeat(3000)}`).success).toBe(false);
  });
});

describe('control and bidirectional characters in text fields', () => {
  it.each([
    ['NUL as a YAML escape', '\\0', 'U+0000', 'text-control-char'],
    ['backspace U+0008', '\\b', 'U+0008', 'text-control-char'],
    ['vertical tab U+000B', '\\v', 'U+000B', 'text-control-char'],
    ['right-to-left override U+202E', '\\u202E', 'U+202E', 'text-bidi-control'],
    ['left-to-right isolate U+2066', '\\u2066', 'U+2066', 'text-bidi-control'],
    ['a lone surrogate half', '\\uD800', 'U+D800', 'text-control-char'],
  ])('%s in a title is an error at its line, removed from what is read, and the feed stays well-formed', (_name, escape, shown, code) => {
    const root = copyGood();
    replaceIn(root, DOCS.d16, 'title: "Về tăng cường', `title: "Về${escape} tăng cường`);
    const result = check(root);
    const d = result.diagnostics.find((x) => x.file === DOCS.d16 && x.code === code);
    expect(d).toMatchObject({ severity: 'error', line: 7, field: 'title' });
    expect(d!.message).toContain(shown);
    const doc = result.corpus.documents.find((x) => x.file === DOCS.d16)!;
    expect(doc.data.title.startsWith('Về tăng cường')).toBe(true);
    const feed = atomFeed([node({ id: doc.id, type: 'chi-thi', number: '16/CT-TTg', issued: '2016-05-16', citation: 'c', title: doc.data.title })], {
      site: 'https://example.vn',
      feedPath: '/feed.xml',
      homePath: '/',
      documentPath: (id) => `/van-ban/${id}/`,
      title: 'T',
    });
    expect(feed).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]|\p{Cs}/u);
  });

  it('every text field is covered: a source note, an alias, a course objective and a registry name', () => {
    const root = copyGood();
    replaceIn(root, DOCS.d16, SOURCE_DATE, `${SOURCE_DATE}\n    note: "a\\0b"`);
    replaceIn(root, DOCS.topics, '  name: Dân vận chính quyền', '  name: "Dân vận \\u202Echính quyền"');
    const result = check(root);
    expect(result.diagnostics.filter((d) => d.code.startsWith('text-')).map((d) => [d.file, d.field, d.code])).toEqual([
      [DOCS.topics, '1.name', 'text-bidi-control'],
      [DOCS.d16, 'sources.0.note', 'text-control-char'],
    ]);
    expect(result.corpus.registries.topics.map((t) => t.name)).toContain('Dân vận chính quyền');
  });

  it('a bidi override typed directly in the body is an error with its line', () => {
    const root = copyGood();
    replaceIn(root, DOCS.d16, 'Chỉ thị giao cho', 'Chỉ thị \u202Egiao cho');
    const d = check(root).diagnostics.find((x) => x.code === 'text-bidi-control');
    expect(d).toMatchObject({ file: DOCS.d16, line: lineWith(root, DOCS.d16, 'giao cho'), severity: 'error' });
  });

  it('the escaper drops characters XML forbids, whatever reaches it', () => {
    expect(escapeHtml('a\u0000b\u000Bc\uFFFE<d>&"\'')).toBe('abc&lt;d&gt;&amp;&quot;&#39;');
  });
});

describe('reading-list CSV: formula injection neutralised (OWASP)', () => {
  it.each([['=HYPERLINK("http://evil.example","Bấm")'], ['+1+cmd|\' /C calc\'!A0'], ['-2+3'], ['@SUM(A1:A9)'], ['\t=1'], ['\r=1']])('a cell "%s" gets a leading apostrophe', (value) => {
    expect(spreadsheetCell(value)).toBe(`'${value}`);
  });

  it('in the exported file, title and note cells are neutralised; numbers and plain text stay', () => {
    const corpus = graph([node({ id: 'chi-thi-1-ct-ttg-2020', type: 'chi-thi', number: '1/CT-TTg', issued: '2020-01-02', citation: 'c', title: '=cmd|\'/C calc\'!A0' })]);
    const csv = readingListCsv(readingList({ readings: [{ document: 'chi-thi-1-ct-ttg-2020', note: '@SUM(1)' }] }, corpus), {
      title: 'T',
      documentUrl: (id) => `https://example.vn/${id}/`,
      courseUrl: 'https://example.vn/',
    });
    const row = csv.split('\r\n')[1]!;
    expect(row.startsWith('1,')).toBe(true);
    expect(row).toContain(`'=cmd|'/C calc'!A0`);
    expect(row).toContain(`'@SUM(1)`);
    expect(row).not.toMatch(/(^|,)[=+\-@]/);
    expect(spreadsheetCell(-3)).toBe(-3);
    expect(spreadsheetCell('Chỉ thị 16')).toBe('Chỉ thị 16');
  });
});

describe('escaping once: titles with "<" and "&"', () => {
  it('search fragments hold the text as typed: the title and body show "</script>" and "&" once, not "&lt;/script&gt;"', () => {
    const title = 'Về việc <script>alert(1)</script> & "dân vận"';
    const doc = node({ id: 'chi-thi-1-ct-ttg-2021', type: 'chi-thi', number: '1/CT-TTg', issued: '2021-01-02', citation: 'x', title });
    const names = { issuer: () => 'Bộ Chính trị', province: () => undefined, topic: () => undefined };
    // The body HTML as the graph build renders it (escaped once); the record reads its text back.
    const record = documentRecord(doc, names, `<p>${escapeHtml('Nội dung <b> & "trích"')}</p>`);
    const built = buildSearchIndex([record]);
    const fragment = JSON.parse(built.files.get(indexPath.fragment(0))!.toString()) as Fragment;
    // What the browser's result list shows (src/scripts/search-render.ts puts it in text nodes).
    expect(fragment.s).toBe(title);
    expect(fragment.x).toContain('Nội dung <b> & "trích"');
    expect(`${fragment.s} ${fragment.x}`).not.toMatch(/&lt;|&amp;|&quot;/);
  });

  it('heading labels decode every reference the renderer writes ("&#x26;") before escaping once', () => {
    const { html, headings } = prepareBody('<h2 id="a">Dân vận &#x26; chính quyền &#x3C;x></h2>', '/');
    expect(headings[0]!.text).toBe('Dân vận & chính quyền <x>');
    expect(html).toContain('aria-label="Liên kết đến mục “Dân vận &amp; chính quyền &lt;x&gt;”"');
    expect(html).not.toContain('&amp;#x26;');
    expect(decodeEntities('&#38; &#x26; &amp; &lt; &#39; &quot;')).toBe('& & & < \' "');
  });
});

describe('length limits per field, as errors', () => {
  it('a 5,000,000-character title is an error and the document is not loaded, so it is copied nowhere', () => {
    const root = copyGood();
    replaceIn(root, DOCS.d16, 'title: "Về tăng cường', `title: "${'x'.repeat(5_000_000)}Về tăng cường`);
    const started = performance.now();
    const result = check(root);
    expect(performance.now() - started).toBeLessThan(15_000);
    const d = result.diagnostics.find((x) => x.code === 'field-over-limit');
    expect(d).toMatchObject({ file: DOCS.d16, line: 7, field: 'title', severity: 'error' });
    expect(d!.message).toMatch(/quá giới hạn 2\.000/);
    expect(result.corpus.documents.some((x) => x.file === DOCS.d16)).toBe(false);
  });

  it('limits hold per field: a long number, signer and source title', () => {
    const root = copyGood();
    replaceIn(root, DOCS.d16, SOURCE_DATE, `${SOURCE_DATE}\n    publisher: "${'p'.repeat(600)}"`);
    replaceIn(root, DOCS.d33, 'number: "33/CT-TTg"', `number: "${'3'.repeat(200)}/CT-TTg"`);
    const fields = check(root).diagnostics.filter((d) => d.code === 'field-over-limit').map((d) => [d.file, d.field]);
    expect(fields).toEqual([
      [DOCS.d16, 'sources.0.publisher'],
      [DOCS.d33, 'number'],
    ]);
  });
});
