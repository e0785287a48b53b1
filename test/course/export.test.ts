import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { citationListText, csvField, readingListCsv, toCsv, UTF8_BOM, CSV_HEADER } from '../../src/lib/course/export.ts';
import { readingList } from '../../src/lib/course/reading-list.ts';
import { graph, node } from './graph-fixture.ts';

/** A strict RFC 4180 reader, independent of the writer under test. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') {
        quoted = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      i++;
    } else if (c === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else if (c === '"' || c === '\n' || c === '\r') {
      throw new Error(`ký tự ${JSON.stringify(c)} không được trích dẫn ở vị trí ${i}`);
    } else {
      field += c;
      i++;
    }
  }
  if (field !== '' || row.length) throw new Error('bản ghi cuối thiếu CRLF');
  return rows;
}

const corpus = graph([
  node({
    id: 'quyet-dinh-23-qd-tw-2021',
    type: 'quyet-dinh',
    number: '23-QĐ/TW',
    issued: '2021-07-30',
    title: 'Ban hành Quy chế công tác dân vận của hệ thống chính trị',
    citation: 'Quyết định số 23-QĐ/TW ngày 30/7/2021 của Bộ Chính trị ban hành Quy chế công tác dân vận của hệ thống chính trị',
  }),
  node({
    id: 'chi-thi-33-ct-ttg-2021',
    type: 'chi-thi',
    number: '33/CT-TTg',
    issued: '2021-11-26',
    title: 'Về tiếp tục tăng cường, đổi mới công tác dân vận; "gần dân", hiểu dân',
    citation: 'Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ về "dân vận", chính quyền.',
    effectiveStatus: { status: 'superseded', reason: 'x', by: 'y' },
  }),
]);

const course = {
  readings: [
    { document: 'chi-thi-33-ct-ttg-2021', note: 'Đọc phần nhiệm vụ, chú ý "người đứng đầu"\nvà câu hỏi 2' },
    { document: 'quyet-dinh-23-qd-tw-2021', note: 'Khung chung' },
    { document: 'ket-luan-999-kl-tw-2030', note: 'Chưa có' },
  ],
};
const items = readingList(course, corpus);
const options = {
  title: 'Dân vận chính quyền, "thí điểm"',
  documentUrl: (id: string) => `https://example.vn/danvan/van-ban/${id}/`,
  courseUrl: 'https://example.vn/danvan/chuyen-de/thu/',
};

describe('csvField', () => {
  it('leaves plain text alone and quotes commas, quotes and line breaks', () => {
    expect(csvField('Chỉ thị 33/CT-TTg')).toBe('Chỉ thị 33/CT-TTg');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('về "dân vận"')).toBe('"về ""dân vận"""');
    expect(csvField('dòng 1\ndòng 2')).toBe('"dòng 1\ndòng 2"');
    expect(csvField('x\r')).toBe('"x\r"');
    expect(csvField(null)).toBe('');
    expect(csvField(3)).toBe('3');
  });

  it('round-trips any table through an independent RFC 4180 reader', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }), (rows) => {
        // A record of one empty field is an empty line, which RFC 4180 readers treat as no record.
        fc.pre(rows.every((r) => r.length > 1 || r[0] !== ''));
        expect(parseCsv(toCsv(rows))).toEqual(rows);
      }),
    );
  });
});

describe('readingListCsv', () => {
  const csv = readingListCsv(items, options);

  it('starts with a UTF-8 BOM and ends every record with CRLF', () => {
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('has one row per reading in teaching order, with quoted titles and notes intact', () => {
    const rows = parseCsv(csv.slice(UTF8_BOM.length));
    expect(rows[0]).toEqual([...CSV_HEADER]);
    expect(rows).toHaveLength(1 + course.readings.length);
    const [, first, second, third] = rows;
    expect(first![0]).toBe('1');
    expect(first![1]).toBe('Chỉ thị số 33/CT-TTg');
    expect(first![2]).toBe('26/11/2021');
    expect(first![3]).toBe(corpus.nodes[1]!.title);
    expect(first![4]).toBe('Đã bị thay thế');
    expect(first![5]).toBe(corpus.nodes[1]!.citation);
    expect(first![6]).toBe(course.readings[0]!.note);
    expect(first![7]).toBe('https://example.vn/danvan/van-ban/chi-thi-33-ct-ttg-2021/');
    expect(second![5]).toBe(`${corpus.nodes[0]!.citation}.`);
    expect(third![1]).toBe('ket-luan-999-kl-tw-2030');
    expect(third![5]).toContain('chưa có trong kho');
  });
});

describe('citationListText', () => {
  const text = citationListText(items, options);
  const lines = text.trimEnd().split('\n');

  it('numbers one citation per line, each ending in a single full stop', () => {
    expect(lines[0]).toBe(`Danh mục văn bản: ${options.title}`);
    expect(lines[2]).toBe(`1. ${corpus.nodes[1]!.citation}`);
    expect(lines[3]).toBe(`2. ${corpus.nodes[0]!.citation}.`);
    expect(lines[4]).toMatch(/^3\. .*ket-luan-999-kl-tw-2030.*chưa có trong kho/);
  });

  it('ends with the module address when given, and a newline', () => {
    expect(lines.at(-1)).toBe(`Nguồn: ${options.courseUrl}`);
    expect(text.endsWith('\n')).toBe(true);
    expect(citationListText(items, { ...options, courseUrl: undefined })).not.toContain('Nguồn:');
  });
});
